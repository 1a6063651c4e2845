/**
 * Page generation on two threads for large builds (Node-only; the rules are in
 * src/lib/parallel-pages.ts). Astro renders every page on the build's one thread, so on a 2-core
 * machine the other core sat idle through page generation. This wraps Astro's prerenderer: when a
 * build has many pages to render and the memory for it, a worker thread
 * (src/build/page-render-worker.ts) loads the same built pages and renders some of them while the
 * build's own thread renders the others. Astro still writes every page from the main thread, in its
 * own way, so the site is the same file for file; a page the worker cannot render exactly, or any
 * page after the worker stopped, is rendered by the main thread instead.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger, AstroPrerenderer, RouteData } from 'astro';
import { keptMdxBodiesFolder, noteReusedMdxAssets } from '#lib/content/kept-mdx-bodies.ts';
import { packedEntriesToHandOn, type HandedEntries } from '#lib/content/packed-entries.ts';
import { renderedBodyFolders } from '#lib/content/rendered-bodies.ts';
import { fillImageStandIns, startsPageWorker, pageWorkerMustStop, routeKey } from '#lib/parallel-pages.ts';
import { gigabytes } from '#lib/build-memory.ts';
import { segmentArchiveArticles, segmentRunToSend, type SentSegmentRun } from '#lib/segment-registry.ts';
import { everythingToSecondThread } from './second-thread.ts';

/** What the worker is started with. */
export interface WorkerSetup {
  /** The prerender bundle Astro loaded in the main thread. */
  entryUrl: string;
  /** Makes the worker's image stand-ins unlike any text of the pages. */
  nonce: string;
  /** Where the content sync of this build kept the rendered bodies (src/lib/content/rendered-bodies.ts). */
  renderedBodies: [string, string][];
  /** Where this build keeps MDX bodies, if it does (src/lib/content/kept-mdx-bodies.ts). */
  keptMdxBodies: string | undefined;
  /** Each page's stylesheets, as Astro's build recorded them (page key → styles). */
  pageStyles: [string, unknown[]][];
  /** Scripts integrations put inline into every page's head. */
  inlineScripts: string[];
  /** What this thread reckoned of its segment run, which the worker takes rather than reckon again. */
  segmentRun: SentSegmentRun | undefined;
  /** The packed entries this thread's pages took, in the memory both threads share. */
  packedEntries: [string, HandedEntries][];
}

/** An optimised image a page rendered in the worker asked for. */
export interface ImageRequest {
  standIn: string;
  options: unknown;
  hashProperties: string[];
  originalPath: string;
}

export interface RenderJob {
  id: number;
  url: string;
  /** The route (`routeKey`). */
  route: string;
}

export interface RenderReply {
  kind: 'page';
  id: number;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
  images: ImageRequest[];
  /** Images whose original file the page named (Astro then keeps that file in the site). */
  referencedImages: string[];
  /** Assets of kept MDX bodies the page reused. */
  reusedAssets: string[];
}

/** What the build's thread sends the worker: a page to render, or the end of the pages. */
export type WorkerJob = RenderJob | { kind: 'done' };

export type WorkerMessage =
  RenderReply | { kind: 'failed'; id: number; reason: string } | { kind: 'log'; event: unknown } | { kind: 'ready' };

/** Pages sent to the worker and not back yet: one rendering and one waiting, so that it never idles. */
const WORKER_QUEUE = 2;

/** How long a worker told the pages are done may take to end before it is terminated (ms). */
const STOP_GRACE_MS = 10_000;

/** How often the build's thread checks the process's memory while the worker runs (ms). */
const MEMORY_CHECK_INTERVAL = 250;

/** The part of Astro's build options (astro/dist/core/build/types.d.ts) the worker needs. */
interface BuildOptions {
  allPages: Record<string, { key: string; styles: unknown[] }>;
  settings: { scripts: { stage: string; content: string }[]; config: AstroConfig };
  logger: { options: { destination: { write(event: unknown): boolean } } };
}

/** Astro's default prerenderer once set up: its build app holds this build's options. */
type AstrosPrerenderer = AstroPrerenderer & { app?: { getOptions(): BuildOptions } };

/** Astro's image step in the main thread (astro/dist/assets/vite-plugin-assets.js). */
interface AstroAssets {
  addStaticImage?: (options: unknown, hashProperties: string[], originalPath: string) => string;
  referencedImages?: Set<string>;
  imageService?: unknown;
}
/** Where Astro keeps its image state, in every module graph of the thread. */
const assetsHolder = globalThis as { astroAsset?: AstroAssets };
const astroAssets = () => assetsHolder.astroAsset;

/**
 * Loads the site's image service where Astro's image step looks for it, once the pages are rendered.
 * A page rendered on this thread loads it, with its first picture (Astro's `getImage`, in the
 * bundle); the step that writes the optimised images after the pages only reads it, and the module
 * it would import instead resolves only inside the bundle. When the second thread renders every
 * page with a picture (`BAYEGAN_SECOND_THREAD=all` always does), no page here loaded it, and a cold
 * build failed with «There was an error loading the configured image service». Not before the pages
 * are done: the bundle's `getImage` would take this copy, loaded outside the bundle, for its own.
 */
async function loadImageService(config: AstroConfig): Promise<void> {
  const assets = (assetsHolder.astroAsset ??= {});
  if (assets.imageService) return;
  const { entrypoint } = config.image.service;
  const url = /^\.{0,2}\//.test(entrypoint) ? new URL(entrypoint, config.root).href : import.meta.resolve(entrypoint);
  assets.imageService = ((await import(url)) as { default: unknown }).default;
}

class PageWorker {
  #worker: Worker;
  #logger: AstroIntegrationLogger;
  #ready = false;
  /** Resolves when the worker has loaded the bundle (or stopped first). */
  readonly ready: Promise<void>;
  #setReady!: () => void;
  #stopped = false;
  #nextId = 0;
  #waiting = new Map<number, (reply: RenderReply | undefined) => void>();
  rendered = 0;
  /** Pages the worker could not render (the main thread rendered them): how many, and the first. */
  failed = 0;
  firstFailure = '';
  /** `BAYEGAN_SECOND_THREAD` asks for every page on this thread, however many wait: read once, not per page. */
  readonly #everything = everythingToSecondThread();

  constructor(
    worker: Worker,
    destination: BuildOptions['logger']['options']['destination'],
    logger: AstroIntegrationLogger,
  ) {
    this.#worker = worker;
    this.#logger = logger;
    this.ready = new Promise((resolve) => (this.#setReady = resolve));
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'ready') {
        this.#ready = true;
        this.#setReady();
      } else if (message.kind === 'log') destination.write(message.event);
      else {
        if (message.kind === 'failed' && this.failed++ === 0) this.firstFailure = message.reason;
        const done = this.#waiting.get(message.id);
        this.#waiting.delete(message.id);
        done?.(message.kind === 'page' ? message : undefined);
      }
    });
    worker.on('error', (error) => this.#end(error.message));
    worker.on('exit', (code) => {
      this.#exited = true;
      this.#end(`it ended with code ${code}`);
    });
    // The worker loads its own copy of the index before its first page: checked on a timer, not per page.
    this.#memoryCheck = setInterval(() => {
      const resident = process.memoryUsage.rss();
      if (!pageWorkerMustStop(resident, os.totalmem())) return;
      this.#end(`the build held ${gigabytes(resident)}, more than its memory ceiling`);
      void this.#worker.terminate();
    }, MEMORY_CHECK_INTERVAL).unref();
  }

  #memoryCheck: NodeJS.Timeout;
  #exited = false;

  #end(reason: string): void {
    clearInterval(this.#memoryCheck);
    if (this.#stopped) return;
    this.#stopped = true;
    this.#setReady();
    this.#logger.warn(
      `The second page renderer stopped (${reason}); the build's own thread renders the remaining pages.`,
    );
    for (const done of this.#waiting.values()) done(undefined);
    this.#waiting.clear();
  }

  takes(routeData: RouteData, collectMetadata: boolean | undefined): boolean {
    return (
      this.#ready &&
      !this.#stopped &&
      !collectMetadata &&
      routeData.type === 'page' &&
      (this.#waiting.size < WORKER_QUEUE || this.#everything)
    );
  }

  /** The page rendered by the worker, or undefined when the main thread must render it. */
  async render(request: Request, routeData: RouteData): Promise<Response | undefined> {
    const id = this.#nextId++;
    const reply = await new Promise<RenderReply | undefined>((resolve) => {
      this.#waiting.set(id, resolve);
      this.#worker.postMessage({ id, url: request.url, route: routeKey(routeData) } satisfies WorkerJob);
    });
    const response = reply && pageOf(reply);
    if (response) this.rendered++;
    return response;
  }

  /**
   * Ends the worker once the pages are done: it closes its side and its thread ends when the work
   * in hand is over. Terminating it outright could land while Astro's bundle finishes generating a
   * key there, which aborted the whole build in a test ("Assertion failed:
   * try_catch.CanContinue()", node::crypto::KeyGenJob, Node 24). Terminated after a grace period.
   */
  async stop(): Promise<void> {
    clearInterval(this.#memoryCheck);
    this.#stopped = true;
    if (this.#exited) return;
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.postMessage({ kind: 'done' } satisfies WorkerJob);
    const grace = setTimeout(() => void this.#worker.terminate(), STOP_GRACE_MS);
    await exited;
    clearTimeout(grace);
  }
}

/**
 * The worker's page as Astro's own render would have returned it: its images asked of Astro's image
 * step here (which names their files) and their URLs put in place of the stand-ins.
 */
function pageOf(reply: RenderReply): Response | undefined {
  // Only a page rendered as such: a not-found answer (a path the worker's routes did not list) or a
  // redirect is left to the main thread, whose answer is the one Astro writes.
  if (reply.status !== 200) return undefined;
  const assets = astroAssets();
  const urls = new Map<string, string>();
  for (const image of reply.images) {
    if (!assets?.addStaticImage) return undefined;
    urls.set(image.standIn, assets.addStaticImage(image.options, image.hashProperties, image.originalPath));
  }
  for (const file of reply.referencedImages) assets?.referencedImages?.add(file);
  noteReusedMdxAssets(reply.reusedAssets);
  let body: ArrayBuffer | string | null = reply.body;
  if (body && urls.size > 0) {
    const filled = fillImageStandIns(new TextDecoder().decode(body), urls);
    if (filled === undefined) return undefined;
    body = filled;
  }
  return new Response(body, { status: reply.status, statusText: reply.statusText, headers: reply.headers });
}

async function startPageWorker(
  astros: AstrosPrerenderer,
  entryFile: string | undefined,
  pages: number,
  logger: AstroIntegrationLogger,
): Promise<PageWorker | undefined> {
  // The tests' switch starts one however small the share of the archive.
  const rules = everythingToSecondThread() ? { minPages: 0 } : { archiveArticles: segmentArchiveArticles() ?? 0 };
  const app = astros.app;
  if (!startsPageWorker(pages, process.memoryUsage.rss(), os.totalmem(), rules) || !app || !entryFile) {
    return undefined;
  }
  // The worker must render from the very bundle Astro loaded: the module of that file is Astro's app.
  const entryUrl = pathToFileURL(entryFile).href;
  if (((await import(entryUrl)) as { app?: unknown }).app !== app) {
    logger.warn(`Pages are rendered on one thread: ${entryFile} is not the bundle Astro renders from.`);
    return undefined;
  }
  const options = app.getOptions();
  // A page-wide script's file name is in Astro's build internals, which the worker does not get.
  if (options.settings.scripts.some((script) => script.stage === 'page')) return undefined;
  const setup: WorkerSetup = {
    entryUrl,
    nonce: randomBytes(6).toString('hex'),
    renderedBodies: renderedBodyFolders(),
    keptMdxBodies: keptMdxBodiesFolder(),
    pageStyles: Object.values(options.allPages).map((page) => [page.key, page.styles]),
    inlineScripts: options.settings.scripts.filter((script) => script.stage === 'head-inline').map((s) => s.content),
    segmentRun: segmentRunToSend(),
    packedEntries: packedEntriesToHandOn(),
  };
  // No `resourceLimits`: the process's --max-old-space-size (scripts/build.ts) overrides them, and
  // where it does not, a worker that reached its limit aborted the whole process (Node 24). The
  // build's thread watches the process's memory instead (`pageWorkerMustStop`).
  const worker = new Worker(new URL('./page-render-worker.ts', import.meta.url), { workerData: setup });
  return new PageWorker(worker, options.logger.options.destination, logger);
}

function withPageWorker(
  astros: AstrosPrerenderer,
  entryFile: () => string | undefined,
  logger: AstroIntegrationLogger,
): AstroPrerenderer {
  let worker: PageWorker | undefined;
  return {
    name: 'bayegan:page-workers',
    setup: async () => astros.setup?.(),
    async getStaticPaths() {
      const paths = await astros.getStaticPaths();
      const pages = paths.filter((entry) => entry.route.type === 'page').length;
      worker = await startPageWorker(astros, entryFile(), pages, logger);
      if (worker && everythingToSecondThread()) await worker.ready;
      return paths;
    },
    async render(request, options) {
      if (worker?.takes(options.routeData, options.collectMetadata)) {
        const page = await worker.render(request, options.routeData);
        if (page) return page;
      }
      return astros.render(request, options);
    },
    async teardown() {
      if (worker) {
        await worker.stop();
        const config = astros.app?.getOptions().settings.config;
        if (config) await loadImageService(config);
        logger.info(`${worker.rendered} pages were rendered by the second thread.`);
        // The site is right either way; a page that fails only there would silently cost time.
        if (worker.failed > 0) {
          logger.warn(
            `${worker.failed} page(s) failed on the second thread and were rendered by the build's own thread; the first: ${worker.firstFailure}`,
          );
        }
      }
      await astros.teardown?.();
    },
  };
}

export function pageWorkersIntegration(): AstroIntegration {
  let entryFile: string | undefined;
  return {
    name: 'bayegan:page-workers',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'bayegan:page-workers',
                // Astro's prerender entry (astro/dist/core/build/static-build.js names it so).
                writeBundle(output, bundle) {
                  for (const chunk of Object.values(bundle)) {
                    if (
                      chunk.type === 'chunk' &&
                      chunk.isEntry &&
                      chunk.fileName.startsWith('prerender-entry') &&
                      output.dir
                    ) {
                      entryFile = path.join(output.dir, chunk.fileName);
                    }
                  }
                },
              },
            ],
          },
        });
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        setPrerenderer((astros) => withPageWorker(astros as AstrosPrerenderer, () => entryFile, logger));
      },
    },
  };
}
