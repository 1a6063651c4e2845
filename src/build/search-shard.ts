/**
 * Indexes one search shard in a worker thread of its own, with a Pagefind process of its own
 * (src/build/search-shard-worker.ts). Pagefind indexes on one core per process and its Node module
 * keeps a single process, so shards can only be indexed side by side from separate module
 * instances, i.e. separate threads; the worker also reads and folds its pages beside the others.
 */
import { Worker } from 'node:worker_threads';

/** The words of a shard's pages (src/lib/search/routing.ts), one per line, kept beside its cached index. */
export const TERMS_FILE = 'bayegan-terms.txt';

/** What the worker is given: the shard's pages in index order, where to write, whether to list words. */
export interface ShardJob {
  pages: { file: string; url: string }[];
  target: string;
  withTerms: boolean;
}

/**
 * How Pagefind's process manages its memory, through its allocator (jemalloc, which its Linux
 * binary reads from `_RJEM_MALLOC_CONF`; other builds ignore the variable): one arena, freed memory
 * kept for reuse instead of handed back to the system after ten seconds, and huge pages where the
 * kernel grants them on request. Left to its defaults it gave memory back and took it again all
 * the time: 660,000 page faults for a 5,000-article shard. Measured on the 2-core machine,
 * 2 December 2026, one Pagefind process indexing the 10,000-article benchmark's first 5,000 article
 * pages, three interleaved runs each: 39.3 s (39.3–40.5) and 1.88 GB at its peak with the defaults,
 * 29.0 s (27.8–29.4) and 2.01 GB with these; without huge pages 31.1 s and 1.96 GB; huge pages with
 * memory still handed back were slower than the defaults (58.8 s). The index files are the same
 * bytes either way. A newsroom's own `_RJEM_MALLOC_CONF` wins.
 */
export const PAGEFIND_ALLOCATOR = 'narenas:1,dirty_decay_ms:-1,muzzy_decay_ms:-1,thp:always,metadata_thp:auto';

/** Indexes `job` in a new worker; resolves once its index (and words file) is written. */
export function indexShardInWorker(job: ShardJob): Promise<void> {
  return new Promise((resolve, reject) => {
    // The worker's environment is the Pagefind process's (the pagefind module spawns it from there).
    const env = { ...process.env, _RJEM_MALLOC_CONF: process.env._RJEM_MALLOC_CONF ?? PAGEFIND_ALLOCATOR };
    const worker = new Worker(new URL('./search-shard-worker.ts', import.meta.url), { workerData: job, env });
    let failed = false;
    worker.once('error', (error) => {
      failed = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (failed) return;
      if (code === 0) resolve();
      else reject(new Error(`Search indexing of ${job.target} stopped with exit code ${code}.`));
    });
  });
}
