import { describe, expect, it } from 'vitest';
import { contentDigest, fingerprintAs, FINGERPRINTED_AS, listEncoding } from '../../src/lib/incremental/page-digest';
import {
  carriedFrom,
  filesByFolder,
  HELD,
  pageFile,
  recycledSite,
  reusablePages,
  type PageManifest,
} from '../../src/lib/incremental/page-plan';
import { assetsNamedIn, joinAssets, originalsOnlyResized, splitAssets } from '../../src/lib/incremental/page-assets';

describe('pageFile', () => {
  it('names the file a path of a route is written to', () => {
    expect(pageFile('news/[id]/[slug]', { id: '7', slug: 'market' })).toBe('news/7/market/index.html');
    expect(pageFile('category/[category]/[...page]', { category: 'economy', page: undefined })).toBe(
      'category/economy/index.html',
    );
    expect(pageFile('category/[category]/[...page]', { category: 'economy', page: '2' })).toBe(
      'category/economy/2/index.html',
    );
    expect(pageFile('tag/[tag]/[...page]', { tag: 'بازار', page: undefined })).toBe('tag/بازار/index.html');
    expect(pageFile('archive/[year]', { year: 1403 })).toBe('archive/1403/index.html');
  });

  it('names an endpoint by the file its route names (feeds)', () => {
    expect(pageFile('author/[author]/rss.xml', { author: 'ali-rezaei' })).toBe('author/ali-rezaei/rss.xml');
    expect(pageFile('category/[category]/rss.xml', { category: 'economy' })).toBe('category/economy/rss.xml');
  });
});

describe('reusablePages, recycledSite and carriedFrom', () => {
  const manifest: PageManifest = { version: 1, buildDigest: 'b1', siteStamp: 's1', pages: { 'a/index.html': 'f1' } };

  it('reuses a manifest only for the same build inputs and the same site folder', () => {
    expect(reusablePages(manifest, 'b1', 's1')).toEqual(manifest.pages);
    expect(reusablePages(manifest, 'b2', 's1')).toEqual({});
    expect(reusablePages(manifest, 'b1', 's2')).toEqual({});
    expect(reusablePages(manifest, 'b1', undefined)).toEqual({});
    expect(reusablePages(undefined, 'b1', 's1')).toEqual({});
  });

  it('carries a page over only when it is unchanged and its previous file is there, and looks up only those', () => {
    const looked: string[] = [];
    const inode = (file: string) => (looked.push(file), file === 'a/index.html' ? 42 : undefined);
    expect(carriedFrom('a/index.html', 'f1', manifest.pages, inode)).toBe(42);
    expect(carriedFrom('a/index.html', 'f2', manifest.pages, inode)).toBeUndefined();
    expect(carriedFrom('b/index.html', 'f1', manifest.pages, inode)).toBeUndefined();
    expect(carriedFrom('a/index.html', 'f1', manifest.pages, () => undefined)).toBeUndefined();
    expect(looked).toEqual(['a/index.html']);
  });

  it('takes a recycled site built from the same inputs, with its file list, as holding its pages', () => {
    const older: PageManifest = {
      version: 1,
      buildDigest: 'b1',
      siteStamp: 's0',
      pages: { 'a/index.html': 'f1', 'b/index.html': 'f0' },
      files: ['a/index.html', 'b/index.html', 'n/1/index.html'],
      derived: { step: { 'a/index.html': 'x' } },
    };
    const recycled = recycledSite(older, 'b1');
    expect(recycled?.files.has('n/1/index.html')).toBe(true);
    expect(recycled?.derived).toEqual({ step: { 'a/index.html': 'x' } });
    // Built from other inputs: its files are known, its pages are not taken as this build's.
    const otherInputs = recycledSite(older, 'b2');
    expect(otherInputs?.files.has('a/index.html')).toBe(true);
    expect(otherInputs?.pages).toEqual({});
    expect(otherInputs?.derived).toEqual({});
    expect(recycledSite({ version: 1, buildDigest: 'b1', siteStamp: 's0', pages: older.pages }, 'b1')).toBeUndefined();
    expect(recycledSite(undefined, 'b1')).toBeUndefined();

    const previous = { 'a/index.html': 'f1', 'b/index.html': 'f1', 'c/index.html': 'f1' };
    const looked: string[] = [];
    const inode = (file: string) => (looked.push(file), 7);
    // Unchanged since the recycled site: held there, looked up nowhere.
    expect(carriedFrom('a/index.html', 'f1', previous, inode, recycled)).toBe(HELD);
    // Changed since the recycled site, or not in it: from the previous site.
    expect(carriedFrom('b/index.html', 'f1', previous, inode, recycled)).toBe(7);
    expect(carriedFrom('c/index.html', 'f1', previous, inode, recycled)).toBe(7);
    // A page listed with its fingerprint but missing from the recycled site's files is not held.
    const listedOnly = { ...recycled!, files: new Set<string>() };
    expect(carriedFrom('a/index.html', 'f1', previous, inode, listedOnly)).toBe(7);
    // A recycled site of other inputs holds no page as this build would write it.
    expect(carriedFrom('a/index.html', 'f1', previous, inode, otherInputs)).toBe(7);
    // Changed now: rendered, whatever the recycled site holds.
    expect(carriedFrom('a/index.html', 'f2', { 'a/index.html': 'f2x' }, inode, recycled)).toBeUndefined();
    expect(looked).toEqual(['b/index.html', 'c/index.html', 'a/index.html', 'a/index.html']);
  });
});

describe('filesByFolder', () => {
  it('groups the files under a folder by the name that follows it', () => {
    const files = [
      'pagefind/1403/a.pf',
      'pagefind/1403/x/b.pf',
      'pagefind/routes.json',
      'pagefindx/c',
      'news/1/index.html',
    ];
    expect([...filesByFolder(files, 'pagefind')]).toEqual([
      ['1403', ['pagefind/1403/a.pf', 'pagefind/1403/x/b.pf']],
      ['routes.json', ['pagefind/routes.json']],
    ]);
    expect(filesByFolder(files, 'feeds').size).toBe(0);
  });
});

describe('contentDigest', () => {
  it('gives equal content the same digest, whatever objects hold it', () => {
    const article = { id: 7, title: 'بازار', date: new Date('2024-11-22T21:00:00Z'), tags: ['بازار'] };
    expect(contentDigest({ article, page: 1 })).toBe(contentDigest({ article: structuredClone(article), page: 1 }));
  });

  it('sees a change anywhere: a word, a date, a Map entry, the order of a list', () => {
    const base = { title: 'بازار', date: new Date(0), comments: new Map([[7, ['خوب']]]), related: [1, 2] };
    const digest = contentDigest(base);
    expect(contentDigest({ ...base, title: 'بازارها' })).not.toBe(digest);
    expect(contentDigest({ ...base, date: new Date(1) })).not.toBe(digest);
    expect(contentDigest({ ...base, comments: new Map([[7, ['بد']]]) })).not.toBe(digest);
    expect(contentDigest({ ...base, related: [2, 1] })).not.toBe(digest);
    expect(contentDigest({ ...base, related: ['1', 2] })).not.toBe(digest);
  });

  it('sees a change deep inside a long value, which it hashes rather than writes out', () => {
    const lead = 'بازار مرکزی شهر پس از دو سال مرمت بازگشایی شد. '.repeat(20);
    const page = (word: string) => ({ article: { id: 7, lead, tags: [{ slug: word }] }, related: [{ lead }] });
    expect(contentDigest(page('بازار'))).toBe(contentDigest(structuredClone(page('بازار'))));
    expect(contentDigest(page('بازار'))).not.toBe(contentDigest(page('بازارها')));
    expect(contentDigest({ a: lead, b: 'x' })).not.toBe(contentDigest({ a: `${lead}x`, b: '' }));
  });

  it('fingerprints an object as its stand-in: what the stand-in leaves out does not count', () => {
    const entry = (rendered: object) => ({ id: '1403/a', digest: 'd1', data: { title: 'بازار' }, rendered });
    const whole = entry({ html: '' });
    const segment = entry({ html: '', metadata: { bayeganUnrendered: true } });
    expect(contentDigest({ page: [whole] })).not.toBe(contentDigest({ page: [segment] }));
    for (const one of [whole, segment]) fingerprintAs(one, ({ id, digest, data }) => ({ id, digest, data }));
    expect(contentDigest({ page: [whole] })).toBe(contentDigest({ page: [segment] }));
    const edited = entry({ html: '' });
    fingerprintAs(edited, ({ id, data }) => ({ id, digest: 'd2', data }));
    expect(contentDigest({ page: [edited] })).not.toBe(contentDigest({ page: [whole] }));
  });

  it('fingerprints an object as the stand-in its prototype gives, without registering each object', () => {
    const byNumber = { [FINGERPRINTED_AS]: (entry: { id: number }) => ({ id: entry.id }) };
    const entry = (id: number, cached: string) => Object.assign(Object.create(byNumber) as object, { id, cached });
    expect(contentDigest([entry(1, 'a')])).toBe(contentDigest([entry(1, 'b')]));
    expect(contentDigest([entry(1, 'a')])).not.toBe(contentDigest([entry(2, 'a')]));
    // A registered stand-in comes first.
    const registered = entry(3, 'a');
    fingerprintAs(registered, () => 'own');
    expect(contentDigest([registered])).toBe(contentDigest(['own']));
  });

  it("asks a kind's method at each encoding and remembers nothing of it; a list it gives is encoded as an array", () => {
    let asked = 0;
    const section = { id: 'economy', name: 'اقتصاد '.repeat(20) };
    type Story = { entry: string; comments: number };
    const ofKind = {
      [FINGERPRINTED_AS]: (story: Story) => {
        asked += 1;
        return listEncoding([story.entry, section, story.comments]);
      },
    };
    const story = Object.assign(Object.create(ofKind) as Story, { entry: '#d1', comments: 0 });
    expect(contentDigest({ page: [story, story] })).toBe(
      contentDigest({
        page: [
          ['#d1', section, 0],
          ['#d1', section, 0],
        ],
      }),
    );
    expect(asked).toBe(2);
    // Nothing remembered of the object: what it reads now counts.
    story.comments = 2;
    expect(contentDigest({ page: [story] })).toBe(contentDigest({ page: [['#d1', section, 2]] }));
    // Nor of what holds it, at any depth, however long its encoding (a page's props, its related stories).
    const props = { lead: 'خبر '.repeat(80), related: [story], section };
    const before = contentDigest(props);
    story.comments = 3;
    expect(contentDigest(props)).not.toBe(before);
    expect(contentDigest(props)).toBe(contentDigest({ lead: props.lead, related: [['#d1', section, 3]], section }));
  });

  it('tells values apart whose parts only the separators would tell apart', () => {
    expect(contentDigest([new URL('https://a.example/,n5')])).not.toBe(
      contentDigest([new URL('https://a.example/'), 5]),
    );
    expect(contentDigest(['a,b'])).not.toBe(contentDigest(['a', 'b']));
    expect(contentDigest({ 'a:b': 1 })).not.toBe(contentDigest({ a: 'b:1' }));
    expect(contentDigest([null])).not.toBe(contentDigest([undefined]));
    expect(contentDigest([1])).not.toBe(contentDigest(['1']));
    expect(contentDigest([1n])).not.toBe(contentDigest([1]));
  });

  it('survives a cycle', () => {
    const category: { id: string; self?: unknown } = { id: 'economy' };
    category.self = category;
    expect(contentDigest(category)).toMatch(/^[\w-]+$/);
  });
});

describe('originalsOnlyResized', () => {
  it('names the originals no page names whose resized copies a page names, as Astro leaves them out', () => {
    const files = [
      '_astro/bazaar-entrance.DM3yFHiE.jpg',
      '_astro/bazaar-entrance.DM3yFHiE_1iXXU9.webp',
      '_astro/carpets.DdltxCJ-.jpg',
      '_astro/carpets.DdltxCJ-_ZgRVuj.webp',
      '_astro/چای.Ab_c-9.png',
      '_astro/چای.Ab_c-9_Zx9.avif',
      '_astro/lanterns.Q1w2E3.jpg',
      '_astro/index.B7x.css',
      'news/7/x/bazaar-entrance.DM3yFHiE.jpg',
    ];
    const named = new Set([
      '_astro/bazaar-entrance.DM3yFHiE_1iXXU9.webp',
      '_astro/carpets.DdltxCJ-.jpg',
      '_astro/carpets.DdltxCJ-_ZgRVuj.webp',
      '_astro/چای.Ab_c-9_Zx9.avif',
    ]);
    // The carpets' original is named (a link to the full picture); the lanterns' has no resized copy.
    expect(originalsOnlyResized(files, named)).toEqual([
      '_astro/bazaar-entrance.DM3yFHiE.jpg',
      '_astro/چای.Ab_c-9.png',
    ]);
    expect(originalsOnlyResized(files, new Set())).toEqual([]);
  });
});

describe('assetsNamedIn', () => {
  it('finds every /_astro/ file a page names, in src, srcset, href and feed URLs (escaped ones too), once each, not the bundles', () => {
    const html = [
      '<img src="/_astro/market.B1x2_Z1.webp" srcset="/_astro/market.B1x2_Z2.webp 640w, /_astro/market.B1x2_Z3.webp 1280w">',
      '<link rel="stylesheet" href="/_astro/index.Cx9.css">',
      '<script type="module" src="/_astro/site.Dk2.js"></script>',
      '<link rel="preload" href="/_astro/vazirmatn-arabic-wght-normal.Bq3.woff2" as="font">',
      '<meta property="og:image" content="https://example.org/_astro/market.B1x2.jpg">',
      '<enclosure url="https://example.org/_astro/market.B1x2.jpg" type="image/jpeg"/>',
      '<img src="/_astro/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1.Q1.webp">',
      '<img src="/_astro/بازار-کهنه.Q2.webp" alt="بازار">',
      // A feed's content:encoded: the article's HTML, escaped.
      '&lt;a href=&quot;https://example.org/_astro/walk.Bx3.webm&quot;&gt;بارگیری&lt;/a&gt;',
      '<a href="/archive/">not an asset</a>',
    ].join('\n');
    expect(assetsNamedIn(Buffer.from(html))).toEqual([
      '_astro/market.B1x2.jpg',
      '_astro/market.B1x2_Z1.webp',
      '_astro/market.B1x2_Z2.webp',
      '_astro/market.B1x2_Z3.webp',
      '_astro/walk.Bx3.webm',
      '_astro/بازار-کهنه.Q2.webp',
      '_astro/بازار.Q1.webp',
    ]);
    expect(assetsNamedIn(Buffer.from('<p>بی تصویر</p>'))).toEqual([]);
  });

  it('records a list as lines and reads it back', () => {
    expect(splitAssets(joinAssets(['_astro/a.webp', '_astro/b.webp']))).toEqual(['_astro/a.webp', '_astro/b.webp']);
    expect(splitAssets(joinAssets([]))).toEqual([]);
  });
});
