/**
 * The sample archive in content/ is what a newsroom sees first: it must build, and every link in
 * the built site must lead somewhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../helpers/build-site';

let build: BuildResult;
let pages: { file: string; html: string }[];

beforeAll(async () => {
  // A fixed "now" (1405/09/08 12:00 in Tehran) keeps the set of published articles stable.
  build = await buildSite('sample', path.join(projectRoot, 'content'), { BAYEGAN_NOW: '2026-11-29T12:00:00+03:30' });
  if (build.status !== 0) throw new Error(`sample build failed:\n${build.output}`);
  pages = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file, html: readFileSync(path.join(build.outDir, file), 'utf8') }));
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

  it('has no broken internal link or asset', () => {
    const broken: string[] = [];
    for (const { file, html } of pages) {
      const { document } = parseHTML(html);
      const targets = [
        ...[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
        ...[...document.querySelectorAll('link[href]:not([rel="canonical"])')].map((l) => l.getAttribute('href')!),
        ...[...document.querySelectorAll('img[src]')].map((img) => img.getAttribute('src')!),
      ];
      for (const target of targets) {
        if (!target.startsWith('/') || target.startsWith('//')) continue;
        const pathname = decodeURIComponent(target.split(/[?#]/)[0]!);
        const resolved = path.join(build.outDir, pathname);
        const ok = pathname.endsWith('/') ? existsSync(path.join(resolved, 'index.html')) : existsSync(resolved);
        if (!ok) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
