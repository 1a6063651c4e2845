/** The built-site server the tests share with the benchmarks and the screenshot script. */
export { serveStatic, type StaticServer } from '../../scripts/lib/static-server.mjs';
