/**
 * The test switch of the build's second threads (page generation, Markdown at content sync).
 * `BAYEGAN_SECOND_THREAD=all` starts each step's worker however little there is to do and hands it
 * everything it can take, so that a small fixture site shows, byte for byte, what the second thread
 * makes of every page and every body. `BAYEGAN_SECOND_THREAD=stop-after-N` does the same, and the
 * page worker stops after N pages, as one does when it outgrows its memory, so that a test sees
 * the build's own thread take over (tests/integration/incremental-build.test.ts).
 */
const SWITCH = () => process.env['BAYEGAN_SECOND_THREAD'] ?? '';

export const everythingToSecondThread = (): boolean => SWITCH() === 'all' || secondThreadStopsAfter() !== undefined;

/** After how many pages the page worker stops, under `stop-after-N`. */
export function secondThreadStopsAfter(): number | undefined {
  const stop = /^stop-after-(\d+)$/.exec(SWITCH());
  return stop ? Number(stop[1]) : undefined;
}
