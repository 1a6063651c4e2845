/**
 * The sample archive in content/ is what a newsroom sees first: it must build, and every link in
 * the built site must lead somewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { brokenInternalLinks, builtPages, type BuildResult } from '../helpers/build-site';
import { sampleSite, sharedBuild } from '../helpers/shared-build';
import { findJava, NU_CHECK_NAME, nuProblems, siteDocuments } from '../helpers/nu-checker';

let build: BuildResult;
let pages: { file: string; html: string }[];

beforeAll(async () => {
  build = await sharedBuild(sampleSite);
  if (build.status !== 0) throw new Error(`sample build failed:\n${build.output}`);
  pages = builtPages(build.outDir);
});

describe('sample archive', () => {
  it('publishes at least 12 articles across at least four sections and three reporters', () => {
    const articles = pages.filter((page) => page.file.startsWith('news/'));
    expect(articles.length).toBeGreaterThanOrEqual(12);
    const sections = new Set<string>();
    const reporters = new Set<string>();
    for (const { html } of articles) {
      const { document } = parseHTML(html);
      sections.add(document.querySelector('.article__kicker a')!.getAttribute('href')!);
      const meta = [...document.querySelectorAll('.article__meta div')].find(
        (row) => row.querySelector('dt')!.textContent === 'نویسنده:',
      )!;
      for (const name of meta.querySelector('dd')!.textContent!.split('، ')) reporters.add(name);
    }
    expect(sections.size).toBeGreaterThanOrEqual(4);
    expect(reporters.size).toBeGreaterThanOrEqual(3);
  });

  it('leaves the sample draft out', () => {
    expect(pages.some((page) => page.html.includes('[یادداشت دبیر'))).toBe(false);
    expect(existsSync(path.join(build.outDir, 'news/1013'))).toBe(false);
  });

  it('shows a photo report: a credited lead picture, a body figure, a gallery, a video and a sound', () => {
    const report = pages.find((page) => page.file.startsWith('news/1015/'))!;
    const { document } = parseHTML(report.html);
    expect(document.querySelector('.article__figure .media-caption__credit')!.textContent!.trim()).toBe(
      'عکس: مریم کریمی',
    );
    expect(document.querySelectorAll('.prose figure.figure img[srcset]')).toHaveLength(1);
    expect(document.querySelectorAll('.prose .gallery li a[href] img[srcset]')).toHaveLength(3);
    expect(document.querySelector('.prose video track[kind="captions"][srclang="fa"]')).not.toBeNull();
    expect(document.querySelector('.prose audio source[type="audio/webm"]')).not.toBeNull();
  });

  it('has no broken internal link or asset', () => {
    expect(brokenInternalLinks(build.outDir, pages)).toEqual([]);
  });

  it('prints the build day in the three calendars of its settings, the Gregorian date marked as English', () => {
    const home = pages.find((page) => page.file === 'index.html')!;
    const line = parseHTML(home.html).document.querySelector('.today')!;
    expect(line.getAttribute('data-calendars')).toBe('jalali hijri gregorian');
    expect(line.getAttribute('data-hijri-offset')).toBe('0');
    const time = line.querySelector('time[data-today]')!;
    expect(time.getAttribute('datetime')).toBe('2026-11-29');
    // Sunday 8 Azar 1405 in Tehran, the sample build's day.
    expect(time.textContent).toBe('یکشنبه ۸ آذر ۱۴۰۵ - ۱۹ جمادی\u200cالثانی ۱۴۴۸ - 29 November 2026');
    const english = [...time.querySelectorAll('span')].map((span) => [
      span.getAttribute('lang'),
      span.getAttribute('dir'),
    ]);
    // A span per date (the dash kept with the date it leads), the English date in one of its own.
    expect(english).toEqual([
      [null, null],
      [null, null],
      [null, null],
      ['en', 'ltr'],
    ]);
    expect([...time.children].map((span) => span.textContent)).toEqual([
      'یکشنبه ۸ آذر ۱۴۰۵',
      '- ۱۹ جمادی\u200cالثانی ۱۴۴۸',
      '- 29 November 2026',
    ]);
  });

  it('names no WebSub hub in its feeds, having none in its settings', () => {
    const feeds = ['rss.xml', 'feed.json', 'category/economy/rss.xml', 'category/economy/feed.json'];
    for (const file of feeds) {
      const text = readFileSync(path.join(build.outDir, file), 'utf8');
      expect(text, file).not.toMatch(/rel="hub"|"hubs"/);
      expect(text, file).toContain('https://bayegan.example.org/');
    }
  });
});

const java = findJava();

describe(NU_CHECK_NAME, () => {
  it.skipIf(!java)(`every page and stylesheet passes the ${NU_CHECK_NAME}: no error, no unexplained warning`, () => {
    expect(siteDocuments(build.outDir).length).toBeGreaterThan(30);
    expect(nuProblems(java!, build.outDir)).toEqual([]);
  });
});
