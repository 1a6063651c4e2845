import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildRoutingTable,
  chunksForWord,
  indexTerms,
  queryWords,
  shardsHoldingAll,
  textOfHtml,
  type RoutingChunk,
} from '../../src/lib/search/routing';
import { holdsEveryTerm } from '../../src/lib/search/shard-precision';
import { ZWNJ } from '../../src/lib/persian/script';

/** A table over the given shards' texts, with every chunk at hand. */
function table(shards: [id: string, text: string][], wordsPerChunk?: number) {
  const built = buildRoutingTable(
    shards.map(([id, text]) => ({ id, terms: indexTerms(text) })),
    (body) => createHash('sha256').update(body).digest('hex').slice(0, 12),
    wordsPerChunk,
  );
  const chunks = new Map(built.chunks.map((chunk) => [chunk.file, JSON.parse(chunk.body) as RoutingChunk]));
  const route = (query: string) =>
    shardsHoldingAll(built.index, queryWords(query), (file) => {
      const chunk = chunks.get(file);
      if (!chunk) throw new Error(`no chunk ${file}`);
      return chunk;
    });
  return { ...built, route };
}

describe('search routing table', () => {
  const shards: [string, string][] = [
    ['1403', 'بازار تهران امروز شلوغ بود. نرخ دلار ۱۴۰۳'],
    ['1390', `کتاب${ZWNJ}های تازه در نمایشگاه. بازار کتاب`],
    ['1385', 'مُعَلِّم نمونهٔ استان معرفی شد. SpaceX راکت فرستاد'],
  ];

  it('sends a query to the shards holding every word, as a word or the start of one', () => {
    const { route } = table(shards);
    expect(route('بازار')).toEqual(['1403', '1390']);
    expect(route('بازار کتاب')).toEqual(['1390']);
    expect(route('باز')).toEqual(['1403', '1390']);
    expect(route('بازارچه')).toEqual([]);
    expect(route('معلم')).toEqual(['1385']);
    expect(route('spacex')).toEqual(['1385']);
    expect(route('"نرخ دلار"')).toEqual(['1403']);
  });

  it('reads a ZWNJ word whole, joined and by its parts, like Pagefind', () => {
    const { route } = table(shards);
    expect(route('کتابها')).toEqual(['1390']);
    expect(route(`کتاب${ZWNJ}ها`)).toEqual(['1390']);
    expect(route('ها')).toEqual(['1390']);
  });

  it('agrees with the shard-precision check on every word of every shard', () => {
    const { route } = table(shards);
    for (const [id, text] of shards) {
      for (const word of text.split(/\s+/)) {
        if (!holdsEveryTerm(text, word)) continue;
        expect(route(word), word).toContain(id);
      }
    }
  });

  it('splits the words into chunks in order, and a word reads only the chunks it can be in', () => {
    const words = Array.from({ length: 50 }, (_, i) => `واژه${String(i).padStart(2, '0')}`);
    const built = table(
      [
        ['1400', words.slice(0, 25).join(' ')],
        ['1401', words.slice(25).join(' ')],
      ],
      10,
    );
    expect(built.chunks).toHaveLength(5);
    expect(chunksForWord(built.index, 'واژه07')).toHaveLength(1);
    expect(built.route('واژه07')).toEqual(['1400']);
    expect(built.route('واژه42')).toEqual(['1401']);
    // A prefix of every word spans every chunk: not routed, every shard is searched.
    expect(chunksForWord(built.index, 'واژه')).toBeUndefined();
    expect(built.route('واژه')).toBeUndefined();
  });

  it('names chunks by their content, so an unchanged chunk keeps its URL', () => {
    const first = table(shards).index.chunks.map((chunk) => chunk.file);
    const again = table([...shards]).index.chunks.map((chunk) => chunk.file);
    expect(again).toEqual(first);
  });

  it('takes the text of indexed HTML, alt texts and character references included', () => {
    const text = textOfHtml('<p>سلام&nbsp;دنیا &amp; <img alt="عکس بازار" src="a.jpg"><script>x=1</script>&#1575;</p>');
    expect(text).toContain('سلام دنیا & ');
    expect(text).toContain('عکس بازار');
    expect(text).toContain('ا');
    expect(text).not.toContain('x=1');
  });

  it('routes nothing for an empty query: every shard is searched', () => {
    expect(table(shards).route('')).toBeUndefined();
  });
});
