/**
 * A minimal static file server for a built site on 127.0.0.1 that answers as Cloudflare Pages does
 * (src/lib/static-host.ts): folder URLs get their index.html, `/x` and `/x/index.html` a 308 to
 * `/x/`, `_redirects` its redirects, unknown paths the site's 404 page with status 404. With
 * `withHeaders`, every response also carries the headers the site's own `_headers` file gives its
 * path (CSP included). With `base` (the site's `base` setting, e.g. `/archive/`), the site is served
 * under that path, as a GitHub Pages project site or a reverse proxy would: anything outside it is
 * a bare 404. Used by the browser tests, the benchmarks and the screenshot script;
 * scripts/lib/cloudflare-runtime.ts serves the same folder with Cloudflare's own runtime.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { answerRequest, parseHeadersFile, parseRedirectsFile, responseHeaders } from '../../src/lib/static-host.ts';

export interface StaticServer {
  /** e.g. http://127.0.0.1:43121 */
  origin: string;
  close: () => Promise<void>;
}

/**
 * @param root the built site's folder
 */
export async function serveStatic(
  root: string,
  {
    withHeaders = false,
    base = '/',
    proxy,
  }: {
    withHeaders?: boolean;
    base?: string;
    /**
     * Requests under `path` (any method) go to the address `target` stands for that path: the web
     * editor's local repository (decap-server) answers beside the editor page (`npm run editor`).
     */
    proxy?: { path: string; target: string };
  } = {},
): Promise<StaticServer> {
  const siteRoot = path.resolve(root);
  const hostFile = (name: string) =>
    existsSync(path.join(siteRoot, name)) ? readFileSync(path.join(siteRoot, name), 'utf8') : '';
  const headerRules = withHeaders ? parseHeadersFile(hostFile('_headers')) : [];
  const redirects = parseRedirectsFile(hostFile('_redirects'));
  /** @param file a decoded URL path under the base, like `/archive/news/7/market/index.html` */
  const toDisk = (file: string) => {
    if (!file.startsWith(base)) return undefined;
    const onDisk = path.join(siteRoot, path.normalize(`/${file.slice(base.length)}`));
    return onDisk.startsWith(siteRoot + path.sep) ? onDisk : undefined;
  };
  const exists = (file: string) => {
    const onDisk = toDisk(file);
    return onDisk !== undefined && existsSync(onDisk) && statSync(onDisk).isFile();
  };

  const server = createServer((request, response) => {
    if (proxy && request.url?.startsWith(proxy.path)) {
      forward(request, response, new URL(`${proxy.target}${request.url.slice(proxy.path.length)}`));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    if (!request.url?.startsWith('/')) {
      response.writeHead(400).end();
      return;
    }
    // Prefixed, not resolved: `//x/` is a path here, not another host.
    const url = new URL(`http://127.0.0.1${request.url}`);
    if (!url.pathname.startsWith(base)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const answer = answerRequest(url.pathname, url.search, exists, redirects);
    response.writeHead(answer.status, responseHeaders(answer, url.pathname, headerRules));
    const file = 'file' in answer && answer.file ? toDisk(answer.file) : undefined;
    if (request.method === 'HEAD' || answer.status === 308) response.end();
    else if ('location' in answer) response.end(`Redirecting to ${answer.location}`);
    else if (file) createReadStream(file).pipe(response);
    else response.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Sends a request on to `target` and its answer back. */
function forward(request: IncomingMessage, response: ServerResponse, target: URL) {
  const outgoing = httpRequest(
    target,
    { method: request.method, headers: { ...request.headers, host: target.host } },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  outgoing.on('error', () => {
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The local repository server does not answer.');
  });
  request.pipe(outgoing);
}
