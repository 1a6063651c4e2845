/**
 * The built-site server the tests share with the benchmarks and the screenshot script, and
 * Cloudflare's own runtime (`wrangler pages dev`) that it imitates.
 */
export { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
export { serveWithCloudflare } from '../../scripts/lib/cloudflare-runtime.ts';
