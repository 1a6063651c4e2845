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

/** Indexes `job` in a new worker; resolves once its index (and words file) is written. */
export function indexShardInWorker(job: ShardJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-shard-worker.ts', import.meta.url), { workerData: job });
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
