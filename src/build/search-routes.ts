/**
 * The search routing table's files (src/lib/search/routing.ts), named by their content (Node-only:
 * node:crypto). One home for both makers: the search step of a whole build
 * (src/build/search-index.ts) and `npm run merge`, which makes it from the words the segments carry
 * (scripts/merge.ts), so that both write the same bytes.
 */
import { createHash } from 'node:crypto';
import { buildRoutingTable } from '#lib/search/routing.ts';

/**
 * The routing table's files (relative to /pagefind/: `routes.json`, `routes/<chunk>.json`) from the
 * words of the year shards, newest first: made here in a whole build, by `npm run merge` from the
 * words the segments carry (scripts/merge.ts).
 */
export function routingFiles(routed: readonly { id: string; terms: string[] }[]): { file: string; body: string }[] {
  const table = buildRoutingTable(routed, (body) => createHash('sha256').update(body).digest('hex').slice(0, 16));
  return [
    ...table.chunks.map((chunk) => ({ file: `routes/${chunk.file}`, body: chunk.body })),
    { file: 'routes.json', body: JSON.stringify(table.index) },
  ];
}
