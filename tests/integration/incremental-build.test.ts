/**
 * Incremental builds (src/lib/incremental/): `npm run build` renders only the pages whose inputs
 * changed and carries the rest over from the site in place. What it produces must be exactly what
 * a build from scratch produces, file for file, byte for byte.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, tmpRoot, type BuildResult } from '../helpers/build-site';
import { differences, siteFiles } from '../helpers/site-files';

const NOW = '2025-01-01T12:00:00+03:30';
const root = path.join(tmpRoot, 'incremental');
const contentDir = path.join(root, 'content');
const outDir = path.join(root, 'dist');
const env = { BAYEGAN_NOW: NOW, BAYEGAN_OUT_DIR: outDir, BAYEGAN_CACHE_DIR: path.join(root, 'cache') };
/** 1 Farvardin 1404, where the later tests build. */
const newYear = { ...env, BAYEGAN_NOW: '2025-03-21T08:00:00+03:30' };

const rendered = (build: BuildResult) => /\[bayegan:incremental\] (Rendered[^\n]*)/.exec(build.output)?.[1] ?? '';
const indexedAnew = (build: BuildResult) => Number(/, (\d+) articles indexed anew/.exec(build.output)?.[1]);
/** Article pages the search step read, and short links written, rather than carried over. */
const searchReads = (build: BuildResult) => Number(/; (\d+) pages read/.exec(build.output)?.[1]);
const shortLinksWritten = (build: BuildResult) => Number(/Wrote (\d+) short links/.exec(build.output)?.[1]);
/**
 * Renders every page and every Markdown body on the second threads a large build uses
 * (src/build/page-workers.ts, src/build/article-markdown.ts): a site built so, compared with one the
 * build's own thread rendered, shows the workers' pages and bodies are the same.
 */
const onSecondThread = { BAYEGAN_SECOND_THREAD: 'all' };
const pagesOnSecondThread = (build: BuildResult) =>
  Number(/(\d+) pages were rendered by the second thread/.exec(build.output)?.[1] ?? 0);
const bodiesOnSecondThread = (build: BuildResult) =>
  Number(/(\d+) Markdown bodies were rendered by the second thread/.exec(build.output)?.[1] ?? 0);

/**
 * Indexes search in `npm run build`'s own process after Astro has exited, as a large cold build does
 * (src/build/search-index.ts): the site must be the same as when Astro's process indexes it.
 */
const searchAfterAstro = { BAYEGAN_SEARCH_AFTER_ASTRO: 'always' };
const indexedAfterAstro = (build: BuildResult) => /\(after Astro had exited\)/.test(build.output);

let first: BuildResult;
let firstManifestFiles: string[];
let unchanged: BuildResult;
let unchangedFiles: Map<string, Buffer>;
let firstFiles: Map<string, Buffer>;

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/archive'), contentDir, { recursive: true });
  first = await buildSite('incremental', contentDir, { ...env, ...searchAfterAstro });
  if (first.status !== 0) throw new Error(`first build failed:\n${first.output}`);
  firstFiles = siteFiles(outDir);
  firstManifestFiles = (
    JSON.parse(readFileSync(path.join(root, 'cache', 'bayegan-pages.json'), 'utf8')) as { files: string[] }
  ).files;
  unchanged = await buildSite('incremental', contentDir, env);
  if (unchanged.status !== 0) throw new Error(`second build failed:\n${unchanged.output}`);
  unchangedFiles = siteFiles(outDir);
});

describe('an incremental build', () => {
  it('renders every page the first time', () => {
    expect(rendered(first)).toMatch(/^Rendered all \d+ archive pages/);
    expect(indexedAnew(first)).toBe(4); // the fixture's published articles on NOW
  });

  it('lists in its manifest the search files it placed after Astro had exited, with every other file', () => {
    expect(indexedAfterAstro(first)).toBe(true);
    expect(indexedAfterAstro(unchanged)).toBe(false);
    const searchFiles = [...firstFiles.keys()].filter((file) => file.startsWith('pagefind/'));
    expect(searchFiles.length).toBeGreaterThan(5);
    expect(firstManifestFiles).toEqual([...firstFiles.keys()].sort());
  });

  it('renders no archive page and indexes nothing again when nothing changed, and writes the same site', () => {
    expect(rendered(unchanged)).toMatch(/^Rendered 0 changed archive pages; carried \d+ unchanged pages/);
    expect(indexedAnew(unchanged)).toBe(0);
    // Nor reads the pages it carried over, nor writes their short links again.
    expect(searchReads(first)).toBe(4);
    expect(searchReads(unchanged)).toBe(0);
    expect(shortLinksWritten(unchanged)).toBe(0);
    expect(existsSync(path.join(root, 'cache', 'bayegan-pages.json.next'))).toBe(false);
    expect(differences(firstFiles, unchangedFiles)).toEqual([]);
  });

  // A new Jalali year renders every page (the footer ©): the MDX test below builds on its first day.
  it('renders no page again on the next day', async () => {
    const nextDay = await buildSite('incremental', contentDir, { ...env, BAYEGAN_NOW: '2025-01-02T08:00:00+03:30' });
    expect(nextDay.status, nextDay.output).toBe(0);
    expect(rendered(nextDay)).toMatch(/^Rendered 0 changed archive pages/);
    // It continues in the site the build before replaced (the first), which holds every page as it
    // is: none is looked up or linked again, nor their short links.
    const [, carried, held] = /carried (\d+) unchanged pages .*which held (\d+) of those pages as they are/.exec(
      rendered(nextDay),
    )!;
    expect(Number(held)).toBe(Number(carried));
    expect(shortLinksWritten(nextDay)).toBe(0);
    // And every search shard: the first build, which indexed them after Astro had exited, recorded them.
    const [, shards, inPlace] = /(\d+) shard\(s\) \((\d+) of them in place already\)/.exec(nextDay.output)!;
    expect(Number(shards)).toBeGreaterThan(0);
    expect(Number(inPlace)).toBe(Number(shards));
  });

  it('renders again the page of a story whose lead picture has other bytes, with the new picture', async () => {
    const marketPage = () => readFileSync(path.join(outDir, 'news/7/market/index.html'), 'utf8');
    const leadPicture = () => /<img[^>]+src="\/(_astro\/market\.[^"]+)"/.exec(marketPage())?.[1];
    const before = leadPicture();
    expect(before).toBeDefined();
    // Other bytes after the JPEG's end: the same picture to see, another file to the build. A page's
    // fingerprint takes the picture as its file's name and what the file is, not Astro's URL for it
    // (src/lib/content/entry-fingerprint.ts).
    const picture = path.join(contentDir, 'articles', '1403', 'images', 'market.jpg');
    writeFileSync(picture, Buffer.concat([readFileSync(picture), Buffer.from('retouched')]));
    const build = await buildSite('incremental', contentDir, env);
    expect(build.status, build.output).toBe(0);
    expect(rendered(build)).toMatch(/^Rendered [1-9]\d* changed archive pages/);
    const after = leadPicture();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect(existsSync(path.join(outDir, after!))).toBe(true);
    // The next test compares the site with one a build from scratch writes: the old picture and
    // its copies must be gone.
  });

  it('after a new, an edited and a deleted article, writes exactly the site a build from scratch writes', async () => {
    const articles = path.join(contentDir, 'articles');
    // Saved by a Windows editor: a UTF-8 byte-order mark and CRLF line ends, which build as any file.
    writeFileSync(
      path.join(articles, '1403', 'new-story.md'),
      '\ufeff' +
        [
          '---',
          'id: 40',
          "title: 'نمایشگاه کتاب کودک گشایش یافت'",
          "lead: 'نمایشگاه کتاب کودک با حضور ناشران شهر آغاز به کار کرد.'",
          'date: 1403/10/05 09:00',
          'category: culture',
          "tags: ['کتاب', 'مرمت']",
          "authors: ['ali-rezaei']",
          '---',
          '',
          'نمایشگاه کتاب کودک امروز گشایش یافت.',
          '',
        ].join('\r\n'),
    );
    const market = path.join(articles, '1403', 'market.md');
    writeFileSync(
      market,
      readFileSync(market, 'utf8')
        .replace('بازار مرکزی شهر بازگشایی شد', 'بازار بزرگ شهر بازگشایی شد')
        .replace('پس از دو سال مرمت بازگشایی شد.', 'پس از سه سال مرمت بازگشایی شد.'),
    );
    rmSync(path.join(articles, '1403', 'esfand.md'));

    const incremental = await buildSite('incremental', contentDir, env);
    expect(incremental.status, incremental.output).toBe(0);
    // Content sync reads the new and the edited file only (src/lib/content/unchanged-files.ts).
    expect(incremental.output).toMatch(/articles: 2 of \d+ files changed since the last build/);
    expect(incremental.output).toMatch(/comments: 0 of \d+ files changed/);
    expect(rendered(incremental)).toMatch(/^Rendered [1-9]\d* changed archive pages; carried [1-9]\d* unchanged pages/);
    // Only the new and the edited article's pages are read for search (the third one's neighbours changed too).
    expect(searchReads(incremental)).toBeGreaterThanOrEqual(2);
    expect(searchReads(incremental)).toBeLessThan(4);
    const incrementalFiles = siteFiles(outDir);
    // The site it continued in (the second build's) held the unchanged pages in place.
    expect(Number(/which held (\d+) of those pages as they are/.exec(rendered(incremental))?.[1])).toBeGreaterThan(0);

    rmSync(path.join(tmpRoot, 'incremental-scratch'), { recursive: true, force: true });
    const scratch = await buildSite('incremental-scratch', contentDir, {
      BAYEGAN_NOW: NOW,
      ...onSecondThread,
      ...searchAfterAstro,
    });
    expect(scratch.status, scratch.output).toBe(0);
    expect(indexedAfterAstro(scratch)).toBe(true);
    expect(indexedAfterAstro(incremental)).toBe(false);
    expect(rendered(scratch)).toMatch(/^Rendered all/);
    expect(pagesOnSecondThread(scratch)).toBeGreaterThan(20);
    expect(pagesOnSecondThread(incremental)).toBe(0);
    // Every Markdown body of the archive (MDX is compiled as a module, not rendered at content sync).
    const markdownFiles = readdirSync(articles, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(markdownFiles.length).toBeGreaterThan(3);
    expect(bodiesOnSecondThread(scratch)).toBe(markdownFiles.length);
    expect(bodiesOnSecondThread(incremental)).toBe(0);
    expect(differences(incrementalFiles, siteFiles(scratch.outDir))).toEqual([]);
    // The deleted article's page is gone, the new one is there.
    const newPage = [...incrementalFiles].find(([file]) => file.startsWith('news/40/'))?.[1].toString();
    expect(newPage).toMatch(/<h1[^>]*>نمایشگاه کتاب کودک گشایش یافت<\/h1>/);
    expect(newPage).toContain('<p>نمایشگاه کتاب کودک امروز گشایش یافت.</p>');
    expect(differences(firstFiles, incrementalFiles).length).toBeGreaterThan(0);
    // The edited body is the new one, not a body left in the cache by the build before.
    const marketPage = [...incrementalFiles].find(([file]) => file.startsWith('news/7/'))![1].toString();
    expect(marketPage).toContain('پس از سه سال مرمت بازگشایی شد.');
  });

  it('keeps article bodies out of the content data store; with --full renders every page, bodies the cache lost too', async () => {
    const cacheDir = path.join(root, 'cache');
    const store = readFileSync(path.join(cacheDir, 'data-store.json'), 'utf8');
    expect(store).toContain('بازار بزرگ شهر بازگشایی شد'); // the title: data stays in the store
    expect(store).not.toContain('پس از سه سال مرمت'); // the body does not
    const bodies = path.join(cacheDir, 'bayegan-bodies', 'articles');
    expect(readdirSync(bodies).length).toBeGreaterThan(3);
    const before = siteFiles(outDir);
    rmSync(bodies, { recursive: true });
    const full = await buildSite('incremental', contentDir, { ...env, BAYEGAN_FULL_BUILD: '1' });
    expect(full.status, full.output).toBe(0);
    expect(rendered(full)).toMatch(/^Rendered all/);
    expect(differences(before, siteFiles(outDir))).toEqual([]);
    // A full build keeps nothing of the site it replaces: it is the site a build from scratch writes.
    expect(differences(siteFiles(outDir), siteFiles(path.join(tmpRoot, 'incremental-scratch', 'dist')))).toEqual([]);
  });

  it('reuses a copy of the site it wrote (a CI cache), and renders everything over any other site', async () => {
    const written = siteFiles(outDir);
    rmSync(outDir, { recursive: true, force: true });
    cpSync(path.join(tmpRoot, 'incremental-scratch', 'dist'), outDir, { recursive: true });
    // The scratch site is a byte-for-byte copy of what the last build wrote: still reusable.
    expect(differences(written, siteFiles(outDir))).toEqual([]);
    const fromCopy = await buildSite('incremental', contentDir, env);
    expect(fromCopy.status, fromCopy.output).toBe(0);
    expect(rendered(fromCopy)).toMatch(/^Rendered 0 changed archive pages/);

    const home = path.join(outDir, 'index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace('</body>', '<!-- another site --></body>'));
    const overOther = await buildSite('incremental', contentDir, env);
    expect(overOther.status, overOther.output).toBe(0);
    expect(rendered(overOther)).toMatch(/^Rendered all/);
    expect(readFileSync(home, 'utf8')).not.toContain('another site');
  });

  it('bundles an MDX article once: later builds reuse its body, and its images, as a build from scratch writes them', async () => {
    // A picture only this body shows: other bytes (after the JPEG's end), or the build would name
    // the lead picture's file.
    const images = path.join(contentDir, 'articles', '1403', 'images');
    const picture = Buffer.concat([readFileSync(path.join(images, 'market.jpg')), Buffer.from('bazaar lane')]);
    writeFileSync(path.join(images, 'bazaar-lane.jpg'), picture);
    writeFileSync(
      path.join(contentDir, 'articles', '1403', 'bazaar-photos.mdx'),
      [
        '---',
        'id: 41',
        "title: 'بازار در یک نگاه'",
        "lead: 'تصویری از بازار بازگشایی‌شده.'",
        'date: 1403/10/06 09:00',
        'category: culture',
        "authors: ['ali-rezaei']",
        '---',
        '',
        '<FactBox title="در یک نگاه">بازار پس از مرمت.</FactBox>',
        '',
        '![راستهٔ اصلی بازار](./images/bazaar-lane.jpg)',
        '',
      ].join('\n'),
    );
    // And a Markdown story with a lead picture only it uses (the takedown test below deletes both).
    writeFileSync(path.join(images, 'takedown.jpg'), Buffer.concat([picture, Buffer.from('takedown')]));
    writeFileSync(
      path.join(contentDir, 'articles', '1403', 'takedown.md'),
      [
        '---',
        'id: 42',
        "title: 'خبری که برداشته می‌شود'",
        "lead: 'این خبر به حکم دادگاه برداشته می‌شود.'",
        'date: 1403/10/07 09:00',
        'category: economy',
        "authors: ['ali-rezaei']",
        'image: ./images/takedown.jpg',
        "imageAlt: 'تصویر خبر برداشته‌شده'",
        '---',
        '',
        'متن خبری که برداشته می‌شود.',
        '',
      ].join('\n'),
    );
    const withNew = await buildSite('incremental', contentDir, env);
    expect(withNew.status, withNew.output).toBe(0);
    const notBundled = (build: BuildResult) =>
      Number(/(\d+) MDX articles rendered by an earlier build are not bundled again/.exec(build.output)?.[1] ?? 0);
    expect(notBundled(withNew)).toBe(1); // the fixture's own MDX article; the new one is bundled
    const next = await buildSite('incremental', contentDir, env);
    expect(next.status, next.output).toBe(0);
    expect(notBundled(next)).toBe(2);
    // 1 Farvardin 1404: a new Jalali year renders every page, nothing else having changed (the
    // footer ©); both MDX pages from their kept bodies, with the body's image.
    // On the second thread, so that the kept bodies' images reach the site from there too.
    const everyPage = await buildSite('incremental', contentDir, { ...newYear, ...onSecondThread });
    expect(everyPage.status, everyPage.output).toBe(0);
    expect(rendered(everyPage)).toMatch(/^Rendered all/);
    expect(pagesOnSecondThread(everyPage)).toBeGreaterThan(20);
    expect(readFileSync(path.join(outDir, 'news/7/market/index.html'), 'utf8')).toContain('© ۱۴۰۴');
    expect(notBundled(everyPage)).toBe(2);
    const page = readFileSync(
      path.join(outDir, 'news/41', readdirSync(path.join(outDir, 'news/41'))[0]!, 'index.html'),
      'utf8',
    );
    const bodyImage = /<img[^>]+alt="راستهٔ اصلی بازار"[^>]*>/.exec(page)?.[0] ?? '';
    const image = /src="\/(_astro\/[^"]+)"/.exec(bodyImage)?.[1];
    expect(image).toBeDefined();
    expect(existsSync(path.join(outDir, image!))).toBe(true);
    rmSync(path.join(tmpRoot, 'incremental-scratch-mdx'), { recursive: true, force: true });
    const scratch = await buildSite('incremental-scratch-mdx', contentDir, { BAYEGAN_NOW: newYear.BAYEGAN_NOW });
    expect(scratch.status, scratch.output).toBe(0);
    expect(differences(siteFiles(outDir), siteFiles(scratch.outDir))).toEqual([]);
  });

  it('after a takedown, removes everything only the deleted stories used: pages, short links, images', async () => {
    const before = siteFiles(outDir);
    const pageOf = (id: number) => [...before.keys()].find((file) => file.startsWith(`news/${id}/`))!;
    // The images only these two pages name: a lead picture (with its resized copies) and a body picture.
    const namedBy = (file: string) =>
      new Set(
        before
          .get(file)!
          .toString()
          .match(/_astro\/[^"'\s,)]+/g),
      );
    const others = new Set(
      [...before]
        .filter(([file]) => /\.(html|xml)$/.test(file) && !/^news\/4[12]\//.test(file))
        .flatMap(([, bytes]) => bytes.toString().match(/_astro\/[^"'\s,)]+/g) ?? []),
    );
    const onlyTheirs = [...namedBy(pageOf(41)), ...namedBy(pageOf(42))].filter(
      (asset) => !others.has(asset) && !/\.(css|js)$/.test(asset),
    );
    expect(onlyTheirs.length).toBeGreaterThanOrEqual(3);
    for (const asset of onlyTheirs) expect(before.has(asset), asset).toBe(true);

    rmSync(path.join(contentDir, 'articles', '1403', 'bazaar-photos.mdx'));
    rmSync(path.join(contentDir, 'articles', '1403', 'takedown.md'));
    const afterTakedown = await buildSite('incremental', contentDir, newYear);
    expect(afterTakedown.status, afterTakedown.output).toBe(0);
    expect(rendered(afterTakedown)).toMatch(/^Rendered [1-9]\d* changed archive pages; carried/);
    const after = siteFiles(outDir);
    for (const asset of onlyTheirs) expect(after.has(asset), asset).toBe(false);
    expect([...after.keys()].filter((file) => /^(news|n)\/4[12]\//.test(file))).toEqual([]);
    rmSync(path.join(tmpRoot, 'incremental-scratch-takedown'), { recursive: true, force: true });
    // With a second page renderer that stops after 10 pages, as one that outgrows its memory does.
    const scratch = await buildSite('incremental-scratch-takedown', contentDir, {
      BAYEGAN_NOW: newYear.BAYEGAN_NOW,
      BAYEGAN_SECOND_THREAD: 'stop-after-10',
    });
    expect(scratch.status, scratch.output).toBe(0);
    expect(scratch.output).toContain("The second page renderer stopped (it ended with code 1); the build's own thread");
    // Its tenth answer may be cut off by its stop, and a page other than 200 is the main thread's.
    expect(pagesOnSecondThread(scratch)).toBeGreaterThan(5);
    expect(pagesOnSecondThread(scratch)).toBeLessThanOrEqual(10);
    expect(differences(after, siteFiles(scratch.outDir))).toEqual([]);
  });

  it('publishes a live update by rendering the live page and the lists that show it; a correction adds the corrections page', async () => {
    const renderedCount = (build: BuildResult) => Number(/^Rendered (\d+) changed/.exec(rendered(build))?.[1]);
    const changedPages = (before: Map<string, Buffer>) =>
      differences(before, siteFiles(outDir)).filter((file) => file.endsWith('.html'));
    const live = path.join(contentDir, 'articles', '1403', 'snow-live.md');
    const before = siteFiles(outDir);
    writeFileSync(
      live,
      readFileSync(live, 'utf8').replace(
        'updates:\n',
        "updates:\n  - date: 1404/01/01 07:45\n    text: 'بارش برف بند آمد.'\n",
      ),
    );
    const update = await buildSite('incremental', contentDir, newYear);
    expect(update.status, update.output).toBe(0);
    expect(update.output).toMatch(/articles: 1 of \d+ files changed since the last build/);
    expect(renderedCount(update)).toBeGreaterThanOrEqual(2);
    // The live page, the list pages that show it, and its section's and reporter's feeds in both
    // formats (RSS and JSON Feed): a handful, not the archive.
    expect(renderedCount(update)).toBeLessThanOrEqual(12);
    const changed = changedPages(before);
    expect(changed.some((file) => file.startsWith('news/5/'))).toBe(true);
    // Not the world: no story outside its section changes, nor the corrections page.
    expect(changed.filter((file) => /^news\/(3|7|8)\//.test(file) || file.startsWith('corrections/'))).toEqual([]);
    const page = readFileSync(path.join(outDir, 'news/5/snow-live/index.html'), 'utf8');
    expect(page.indexOf('بارش برف بند آمد.')).toBeGreaterThan(0);
    expect(page.indexOf('بارش برف بند آمد.')).toBeLessThan(page.indexOf('مدرسه‌های شهر امروز تعطیل است.'));

    const afterUpdate = siteFiles(outDir);
    const market = path.join(contentDir, 'articles', '1403', 'market.md');
    writeFileSync(
      market,
      readFileSync(market, 'utf8').replace(
        'featured: true\n',
        "featured: true\ncorrections: [{ date: 1404/01/01 07:50, text: 'شمار غرفه‌ها ۱۲۰ است.' }]\n",
      ),
    );
    const correction = await buildSite('incremental', contentDir, newYear);
    expect(correction.status, correction.output).toBe(0);
    expect(changedPages(afterUpdate)).toContain('corrections/index.html');
    expect(readFileSync(path.join(outDir, 'corrections/index.html'), 'utf8')).toContain('شمار غرفه‌ها ۱۲۰ است.');

    rmSync(path.join(tmpRoot, 'incremental-scratch-live'), { recursive: true, force: true });
    const scratch = await buildSite('incremental-scratch-live', contentDir, { BAYEGAN_NOW: newYear.BAYEGAN_NOW });
    expect(scratch.status, scratch.output).toBe(0);
    expect(differences(siteFiles(outDir), siteFiles(scratch.outDir))).toEqual([]);
  });

  it('renders every page again when the settings change', async () => {
    const otherSettings = await buildSite('incremental', contentDir, {
      ...newYear,
      BAYEGAN_SITE_CONFIG: path.join(projectRoot, 'tests/fixtures/search-site.config.ts'),
    });
    expect(otherSettings.status, otherSettings.output).toBe(0);
    expect(rendered(otherSettings)).toMatch(/^Rendered all/);
  });
});
