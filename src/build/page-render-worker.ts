/**
 * The second page renderer of a large build (a Node worker thread, started by
 * src/build/page-workers.ts). It loads the same built pages the build's own thread loaded (the
 * prerender bundle, which reads the same data store file) and renders the pages it is sent, one at a
 * time, returning each page's bytes; the build's own thread writes them. What Astro and this
 * project keep per build in the main thread's globals is handed over at the start (`WorkerSetup`)
 * or sent back with each page (`RenderReply`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useKeptMdxBodiesFolder } from '#lib/content/kept-mdx-bodies.ts';
import { adoptPackedEntries } from '#lib/content/packed-entries.ts';
import { adoptRenderedBodyFolders } from '#lib/content/rendered-bodies.ts';
import { imageStandIn, routeKey } from '#lib/parallel-pages.ts';
import { adoptSegmentRun } from '#lib/segment-registry.ts';
import type { ImageRequest, RenderJob, RenderReply, WorkerJob, WorkerMessage, WorkerSetup } from './page-workers.ts';
import { secondThreadStopsAfter } from './second-thread.ts';

/** The part of Astro's build app (astro/dist/core/build/app.js) this worker uses. */
interface BuildApp {
  manifest: { routes: { routeData: { route: string; component: string } }[] };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: unknown }): Promise<Response>;
}

const port = parentPort!;
const setup = workerData as WorkerSetup;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

adoptRenderedBodyFolders(setup.renderedBodies);
adoptSegmentRun(setup.segmentRun);
adoptPackedEntries(setup.packedEntries);
// Taken once by the pages (src/data/segments.ts, src/data/articles.ts), then theirs alone.
setup.segmentRun = undefined;
setup.packedEntries = [];
const reusedAssets = setup.keptMdxBodies ? useKeptMdxBodiesFolder(setup.keptMdxBodies) : new Set<string>();

/**
 * A copy of an image's options without Astro's proxies (an imported image is one), so that it can
 * be sent. Reading through the proxy records the image as referenced, as Astro's own image step
 * does when it reads the same options in the main thread.
 */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).map((key) => [key, plain((value as Record<string, unknown>)[key])]));
}

// Astro's image step, as the pages see it here: each optimised image gets a stand-in URL, and the
// main thread asks Astro's real step for the image and puts its URL in the stand-in's place.
const images: ImageRequest[] = [];
const referencedImages = new Set<string>();
(globalThis as { astroAsset?: object }).astroAsset = {
  referencedImages,
  addStaticImage(options: unknown, hashProperties: string[], originalPath: string): string {
    const standIn = imageStandIn(setup.nonce, images.length);
    images.push({ standIn, options: plain(options), hashProperties, originalPath });
    return standIn;
  },
};

const { app } = (await import(setup.entryUrl)) as { app: BuildApp };
app.setInternals({ pagesByKeys: new Map(setup.pageStyles.map(([key, styles]) => [key, { styles }])) });
app.setOptions({
  settings: { scripts: setup.inlineScripts.map((content) => ({ stage: 'head-inline', content })) },
  logger: { options: { destination: { write: (event: unknown) => (post({ kind: 'log', event }), true) } } },
});
const routes = new Map(app.manifest.routes.map(({ routeData }) => [routeKey(routeData), routeData]));

const stopAfter = secondThreadStopsAfter();
let pagesDone = 0;

async function render({ id, url, route }: RenderJob): Promise<void> {
  images.length = 0;
  referencedImages.clear();
  reusedAssets.clear();
  try {
    const routeData = routes.get(route);
    if (!routeData) throw new Error(`no route ${route.replace('\n', ' ')} in the worker's bundle`);
    const response = await app.render(new Request(url), { routeData });
    const body = response.body === null ? null : await response.arrayBuffer();
    post(
      {
        kind: 'page',
        id,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body,
        images: [...images],
        referencedImages: [...referencedImages],
        reusedAssets: [...reusedAssets],
      } satisfies RenderReply,
      body ? [body] : [],
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    post({ kind: 'failed', id, reason: `${new URL(url).pathname}: ${reason}` });
  }
  // Tests: the worker stops as one that outgrew its heap does, and the main thread takes over.
  if (++pagesDone === stopAfter) process.exit(1);
}

// One page at a time, so that what a render records (images, assets) is that page's.
let queue = Promise.resolve();
port.on('message', (job: WorkerJob) => {
  // The pages are done: with the port closed, the thread ends once the work in hand is over.
  if ('kind' in job) queue = queue.then(() => port.close());
  else queue = queue.then(() => render(job));
});
post({ kind: 'ready' });
