/**
 * How article bodies are rendered (Node-only): Sätteri with the site's hast plugins, on two threads
 * when there are many bodies to render.
 *
 * Astro's content sync renders every changed Markdown body on its one thread, between reading and
 * checking the entries: a third of a cold sync (about 4 s of 12 at 10,000 articles, CPU profile)
 * while the other core sat idle. Astro asks the processor's `createRenderer` for the renderer of a
 * collection; the renderer returned here renders its first bodies itself and, once a sync has
 * proved large (`RENDERS_BEFORE_WORKER`), starts a worker thread (src/build/markdown-render-worker.ts)
 * with the same processor and sends it the next bodies, while the main thread reads and checks the
 * entries. A one-story build never gets that far and starts no thread. A body the worker does not
 * return rendered is rendered here, so an error is Astro's own, and the HTML is the same either way.
 */
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';
import { Worker } from 'node:worker_threads';
import { mediaComponentsPlugin } from '#lib/markdown/media-components.ts';
import { persianBodyPlugin } from '#lib/markdown/persian-body.ts';
import { siteLinksPlugin } from '#lib/markdown/site-links.ts';
import { everythingToSecondThread } from './second-thread.ts';

type Processor = ReturnType<typeof satteri>;
export type RendererOptions = Parameters<Processor['createRenderer']>[0];
type Renderer = Awaited<ReturnType<Processor['createRenderer']>>;
type RenderOptions = NonNullable<Parameters<Renderer['render']>[1]>;
export type RenderedMarkdown = Awaited<ReturnType<Renderer['render']>>;

/** The Markdown processor of the site, the same in both threads. */
export function articleMarkdownProcessor(base: string): Processor {
  return satteri({
    hastPlugins: [
      persianBodyPlugin,
      // Before Astro's own image step, which then optimises the pictures it leaves.
      mediaComponentsPlugin,
      ...(base === '/' ? [] : [siteLinksPlugin(base)]),
    ],
  });
}

/** What the worker is started with. */
export interface MarkdownWorkerSetup {
  base: string;
  rendererOptions: RendererOptions;
}

export interface MarkdownJob {
  id: number;
  content: string;
  frontmatter: Record<string, unknown>;
  fileURL: string | undefined;
}

export type MarkdownReply = { id: number; rendered: RenderedMarkdown } | { id: number; rendered?: undefined };

/** Bodies a renderer renders itself before it starts the worker: more means a large sync. */
const RENDERS_BEFORE_WORKER = 200;
/** Bodies sent to the worker and not back yet; beyond that the main thread renders the next one. */
const WORKER_QUEUE = 8;
/** The worker ends once it has had nothing to render for this long: content sync is over. */
const IDLE_MS = 1000;

/** A plugin entry by name (a definition, a factory function, a list of them, or `false`). */
const entryName = (entry: unknown): unknown =>
  Array.isArray(entry) ? entry.map(entryName) : entry ? (entry as { name?: unknown }).name : entry;

/** The plugins a processor runs, by name: another integration may have added its own to the main one. */
const pluginNames = (processor: Processor) =>
  JSON.stringify([
    processor.options.mdastPlugins.map(entryName),
    processor.options.hastPlugins.map(entryName),
    processor.options.features,
  ]);

/** The options, if they can be sent to a thread as they are (Astro's image settings are plain data). */
function sendable(options: RendererOptions): RendererOptions | undefined {
  try {
    return structuredClone(options);
  } catch {
    return undefined;
  }
}

class MarkdownWorker {
  #worker: Worker;
  #ready = false;
  /** Resolves when the worker can take bodies (or stopped first). */
  readonly ready: Promise<void>;
  #stopped = false;
  #nextId = 0;
  #waiting = new Map<number, (rendered: RenderedMarkdown | undefined) => void>();
  #idle: NodeJS.Timeout | undefined;
  /** `BAYEGAN_SECOND_THREAD` asks for every body on this thread, however many wait. */
  readonly #everything: boolean;

  constructor(setup: MarkdownWorkerSetup, everything: boolean) {
    this.#everything = everything;
    let setReady!: () => void;
    this.ready = new Promise((resolve) => (setReady = resolve));
    this.#worker = new Worker(new URL('./markdown-render-worker.ts', import.meta.url), { workerData: setup });
    // A thread left behind must never keep the build's process alive.
    this.#worker.unref();
    this.#worker.on('message', (message: MarkdownReply | 'ready') => {
      if (message === 'ready') {
        this.#ready = true;
        setReady();
      } else {
        this.#waiting.get(message.id)?.(message.rendered);
        this.#waiting.delete(message.id);
        this.#stopWhenIdle();
      }
    });
    const end = () => {
      this.#stopped = true;
      setReady();
      for (const done of this.#waiting.values()) done(undefined);
      this.#waiting.clear();
    };
    this.#worker.on('error', end);
    this.#worker.on('exit', end);
  }

  get takes(): boolean {
    return this.#ready && !this.#stopped && (this.#waiting.size < WORKER_QUEUE || this.#everything);
  }

  render(content: string, options: RenderOptions | undefined): Promise<RenderedMarkdown | undefined> {
    clearTimeout(this.#idle);
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      try {
        this.#worker.postMessage({
          id,
          content,
          frontmatter: options?.frontmatter ?? {},
          fileURL: options?.fileURL?.href,
        } satisfies MarkdownJob);
      } catch {
        // Frontmatter that cannot be sent (YAML's never is, a loader's might): rendered here.
        this.#waiting.delete(id);
        resolve(undefined);
      }
    });
  }

  #stopWhenIdle(): void {
    if (this.#waiting.size > 0) return;
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => {
      this.#stopped = true;
      void this.#worker.terminate();
    }, IDLE_MS);
    this.#idle.unref();
  }
}

/**
 * The site's Markdown processor, whose renderers hand bodies to a worker thread once a content
 * sync proves large, and an integration that says at the start of the build how many bodies that
 * thread rendered. Everything of the processor but `createRenderer` (MDX's renderer, the options
 * integrations read and extend) is Sätteri's own.
 */
export function articleMarkdown(base: string): { processor: Processor; integration: AstroIntegration } {
  const processor = articleMarkdownProcessor(base);
  // The plugins the worker's processor will run: this one's before any integration adds its own.
  const workerPlugins = pluginNames(processor);
  let renderedBySecondThread = 0;
  const twoThreads: Processor = {
    ...processor,
    async createRenderer(options) {
      const local = await processor.createRenderer(options);
      // Read once per renderer, not once per body of a large sync.
      const everything = everythingToSecondThread();
      let renders = 0;
      let worker: MarkdownWorker | undefined;
      const start = () => {
        const rendererOptions = sendable(options);
        // The worker builds its processor afresh: only if that is the very one this thread runs.
        if (!rendererOptions || pluginNames(processor) !== workerPlugins) return;
        worker = new MarkdownWorker({ base, rendererOptions }, everything);
      };
      return {
        async render(content, renderOptions) {
          renders++;
          if (renders === (everything ? 1 : RENDERS_BEFORE_WORKER)) start();
          if (everything) await worker?.ready;
          if (worker?.takes) {
            const rendered = await worker.render(content, renderOptions);
            if (rendered) {
              renderedBySecondThread++;
              return rendered;
            }
          }
          return local.render(content, renderOptions);
        },
      };
    },
  };
  const integration: AstroIntegration = {
    name: 'bayegan:article-markdown',
    hooks: {
      // Content sync is over when the build starts.
      'astro:build:start': ({ logger }) => {
        if (renderedBySecondThread > 0) {
          logger.info(`${renderedBySecondThread} Markdown bodies were rendered by the second thread at content sync.`);
        }
      },
    },
  };
  return { processor: twoThreads, integration };
}
