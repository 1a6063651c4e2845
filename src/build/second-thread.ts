/**
 * The test switch of the build's second threads (page generation, Markdown at content sync).
 * `BAYEGAN_SECOND_THREAD=all` starts each step's worker however little there is to do and hands it
 * everything it can take, so that a small fixture site shows, byte for byte, what the second thread
 * makes of every page and every body (tests/integration/incremental-build.test.ts).
 */
export const everythingToSecondThread = (): boolean => process.env['BAYEGAN_SECOND_THREAD'] === 'all';
