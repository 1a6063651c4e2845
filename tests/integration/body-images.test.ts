/**
 * An image inside an article's Markdown body: the rendered body is kept outside Astro's data store
 * (src/lib/content/rendered-bodies.ts) and put back before Astro renders the entry, so the image
 * must come out optimised on the page and as a real file in the feed, never as Astro's placeholder.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, tmpRoot, type BuildResult } from '../helpers/build-site';

const root = path.join(tmpRoot, 'body-images');
const contentDir = path.join(root, 'content');
let build: BuildResult;

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/archive'), contentDir, { recursive: true });
  writeFileSync(
    path.join(contentDir, 'articles', '1403', 'bazaar-photo.md'),
    [
      '---',
      'id: 41',
      "title: 'گزارش تصویری از بازار'",
      "lead: 'بازار مرکزی در نخستین روز بازگشایی.'",
      'date: 1403/10/05 09:00',
      'category: economy',
      "authors: ['ali-rezaei']",
      '---',
      '',
      'نخستین روز بازگشایی بازار شلوغ بود.',
      '',
      '![راهروی اصلی بازار](./images/market.jpg)',
      '',
    ].join('\n'),
  );
  build = await buildSite('body-images', contentDir, { BAYEGAN_NOW: '2025-01-01T12:00:00+03:30' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
});

describe('an image in an article body', () => {
  it('is an optimised image of the site on the article page', () => {
    const html = readFileSync(path.join(build.outDir, 'news/41/bazaar-photo/index.html'), 'utf8');
    expect(html).not.toContain('__ASTRO_IMAGE_');
    const image = parseHTML(html).document.querySelector('.prose img[alt="راهروی اصلی بازار"]')!;
    expect(image).not.toBeNull();
    const src = image.getAttribute('src')!;
    expect(src).toMatch(/^\/_astro\//);
    expect(existsSync(path.join(build.outDir, src))).toBe(true);
  });

  it('is a real image URL in the feed', () => {
    const feed = readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain('راهروی اصلی بازار');
    expect(feed).not.toContain('__ASTRO_IMAGE_');
    // content:encoded holds the body as escaped HTML, its URLs made absolute for feed readers.
    const src =
      /&lt;img alt=&quot;راهروی اصلی بازار&quot;[^&]*(?:&quot;[^&]*)*?src=&quot;https:\/\/fixture\.example\.org(\/_astro\/[^&]+)&quot;/.exec(
        feed,
      )?.[1];
    expect(src).toBeDefined();
    expect(existsSync(path.join(build.outDir, src!))).toBe(true);
  });
});
