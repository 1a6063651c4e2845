/**
 * Worker thread (src/build/search-shard.ts): indexes one shard's pages into its target folder with
 * a Pagefind process of its own and, for a routed shard, writes the words of its pages beside it.
 * Loaded by plain Node, so it imports only modules that need no bundler.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { inOrder } from '#lib/in-order.ts';
import { indexedHtml } from '#lib/search/normalize.ts';
import { indexTerms, textOfHtml } from '#lib/search/routing.ts';
import { TERMS_FILE, type ShardJob } from './search-shard.ts';

const { pages, target, withTerms } = workerData as ShardJob;
const terms = new Set<string>();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fa' });
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
try {
  // Pages are handed over in one fixed order, so the same pages make the same index files;
  // the worker reads and folds the next pages meanwhile, and a few wait at Pagefind's door.
  const readPage = async ({ file, url }: (typeof pages)[number]) => ({
    url,
    content: indexedHtml(await readFile(file, 'utf8')),
  });
  const waiting: Promise<void>[] = [];
  for await (const { url, content } of inOrder(pages, 8, readPage)) {
    if (withTerms) indexTerms(textOfHtml(content), terms);
    waiting.push(
      index.addHTMLFile({ url, content }).then((added) => {
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
      }),
    );
    if (waiting.length >= 4) await waiting.shift();
  }
  await Promise.all(waiting);
  const written = await index.writeFiles({ outputPath: target });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  if (withTerms) await writeFile(path.join(target, TERMS_FILE), [...terms].join('\n'));
} finally {
  // Ends the Pagefind process and frees its memory before the thread ends.
  await pagefind.close();
}
