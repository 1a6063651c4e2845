/** A free TCP port on 127.0.0.1, for a server this script starts (the web editor's, Cloudflare's runtime). */
import { createServer } from 'node:net';

/** @returns a port nothing listens on right now */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
