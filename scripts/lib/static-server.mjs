// @ts-check
/**
 * A minimal static file server for a built site on 127.0.0.1, the way a CDN serves `dist/`: folder
 * URLs get their index.html, unknown paths the site's 404 page with status 404. With
 * `withHeaders`, every response also carries the headers the site's own `_headers` file gives its
 * path (CSP included). With `base` (the site's `base` setting, e.g. `/archive/`), the site is served
 * under that path, as a GitHub Pages project site or a reverse proxy would: anything outside it is
 * a bare 404. Used by the browser tests, the benchmarks and the screenshot script.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { headersFor, parseHeadersFile } from '../../src/lib/cdn-headers.ts';

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * @typedef {object} StaticServer
 * @property {string} origin  e.g. http://127.0.0.1:43121
 * @property {() => Promise<void>} close
 */

/**
 * @param {string} root
 * @param {string} url
 * @returns {string | undefined}
 */
function resolveFile(root, url) {
  const decoded = decodeURIComponent(url.split('?')[0] ?? '/');
  const file = path.join(root, path.normalize(decoded));
  if (!file.startsWith(root)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = path.join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

/**
 * @param {string} root  the built site's folder
 * @param {{ withHeaders?: boolean, base?: string }} [options]
 * @returns {Promise<StaticServer>}
 */
export async function serveStatic(root, { withHeaders = false, base = '/' } = {}) {
  const siteRoot = path.resolve(root);
  const headersFile = path.join(siteRoot, '_headers');
  const rules = withHeaders && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(base)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const file = resolveFile(siteRoot, `/${url.slice(base.length)}`);
    const body = file ?? path.join(siteRoot, '404.html');
    response.writeHead(file ? 200 : 404, {
      'content-type': CONTENT_TYPES[path.extname(body)] ?? 'application/octet-stream',
      ...headersFor(rules, url.split('?')[0] ?? '/'),
    });
    createReadStream(body).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
