/**
 * Keeps Pagefind's answer precise when the index comes in shards. Pagefind answers a word that is
 * not in an index with the longest shorter word that is (Pagefind/pagefind#780, not configurable):
 * a shard without «۱۳۵۷» answers with pages holding «۱». In one index that only happens when no page
 * holds the word; with shards it happens in every shard that lacks it, and those weak matches can
 * outrank the real ones. So when shards are merged, a shard whose best result does not hold every
 * query word is left out of the answer; a shard that holds the words answers as Pagefind does.
 *
 * Pagefind merges shards inside its own scripts, so the build adds this check there
 * (`patchPagefindScript`); the build fails if a new Pagefind no longer has the spot to patch.
 */

/**
 * Whether the indexed text holds every word of the query, as a word or the start of one. Both sides
 * are compared the way Pagefind compares them: lower case, without diacritics (tashkeel), and a
 * word with a ZWNJ counts whole, joined and as its parts.
 */
export function holdsEveryTerm(content: string, term: string): boolean {
  const split = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLocaleLowerCase()
      .split(/[\s\p{P}]+/u)
      .filter((word) => word.length > 0);
  const words = new Set<string>();
  for (const word of split(content)) {
    words.add(word);
    if (!word.includes('\u200c')) continue;
    words.add(word.replaceAll('\u200c', ''));
    for (const part of word.split('\u200c')) words.add(part);
  }
  const known = [...words];
  return split(term).every((wanted) => known.some((word) => word.startsWith(wanted.replaceAll('\u200c', ''))));
}

/**
 * Inserted into Pagefind's scripts. `bayeganInScope` lets one search cover some of the merged
 * shards only (option `bayeganShards`: the ends of their bundle paths, such as `/pagefind/1403/`),
 * so the search page can search the archive shard by shard, newest first; `bayeganKeepMatchingShards`
 * filters the per-shard answers before Pagefind merges them (also for a single shard: a shard
 * searched alone answers a missing word with a shorter one too).
 */
export const KEEP_MATCHING_SHARDS = `
function bayeganInScope(instances, options) {
  const wanted = options && options.bayeganShards;
  if (!Array.isArray(wanted)) return instances;
  return instances.filter((instance) => wanted.some((end) => String(instance.basePath).endsWith(end)));
}
async function bayeganKeepMatchingShards(perShard, term) {
  if (typeof term !== 'string' || term.trim() === '') return perShard;
  const holdsEveryTerm = ${holdsEveryTerm.toString()};
  return Promise.all(
    perShard.map(async (shard) => {
      if (!shard || shard.results.length === 0) return shard;
      const best = await shard.results[0].data();
      if (holdsEveryTerm(best.content || '', term)) return shard;
      return { ...shard, results: [], unfilteredResultCount: 0, filters: {} };
    }),
  );
}
`;

/** Where Pagefind (1.6) searches every merged index: `let search=await Promise.all(this.instances.map(…))`. */
const MERGE_POINT =
  /let (search\d*)=await Promise\.all\(this\.instances\.map\(\((\w+)\)=>\2\.search\(term,(options\d*)\)\)\);/;

/**
 * Adds the shard check to one of Pagefind's scripts (pagefind.js, pagefind-worker.js). Throws when
 * the script has no such spot (a Pagefind upgrade changed it): search precision must not fail silently.
 */
export function patchPagefindScript(source: string, fileName: string): string {
  if (!MERGE_POINT.test(source)) {
    throw new Error(
      `Search indexing: ${fileName} of this Pagefind version has no merge point to patch; ` +
        'update MERGE_POINT in src/lib/search/shard-precision.ts for the new Pagefind.',
    );
  }
  return (
    KEEP_MATCHING_SHARDS +
    source.replace(
      MERGE_POINT,
      (_, name: string, instance: string, options: string) =>
        `let ${name}=await bayeganKeepMatchingShards(await Promise.all(bayeganInScope(this.instances,${options}).map((${instance})=>${instance}.search(term,${options}))),term);`,
    )
  );
}
