/**
 * A small generated archive for navigation tests: every count is visible here. With the fixture
 * settings' page size of 3: economy has 4 articles (page size + 1), culture 3 (exactly one page);
 * the tag «همکاری‌ها» is written three ways over 4 articles, «کتاب» has 3; Azar 1403 has 4 articles,
 * Mehr 1403 has 3 and Aban 1403 none.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toPersianDigits } from '../../src/lib/persian/digits';
import { projectRoot } from './build-site';
import { ZWNJ } from '../../src/lib/persian/script';

export { ZWNJ };

export const NAVIGATION_NOW = '2024-11-23T12:00:00+03:30'; // 1403/09/03 12:00 in Tehran

export interface Spec {
  id: number;
  date: string;
  category: string;
  authors: string[];
  tags: string[];
  breaking?: boolean;
}

// economy: 4 (= page size + 1), culture: 3 (= exactly one page).
// Tag «همکاری‌ها» in three spellings: 4 articles; «کتاب»: 3.
// Months: Azar 1403 has 4, Mehr 1403 has 3, Aban 1403 has none.
export const navigationSpecs: Spec[] = [
  { id: 1, date: '1403/07/05 10:00', category: 'culture', authors: ['ali-rezaei'], tags: ['کتاب'] },
  { id: 2, date: '1403/07/10 10:00', category: 'culture', authors: ['ali-rezaei'], tags: ['کتاب', `همکاری${ZWNJ}ها`] },
  { id: 3, date: '1403/07/20 10:00', category: 'culture', authors: ['newsroom'], tags: ['کتاب'] },
  // 2024-11-20T20:45Z: 20 Nov (1403/08/30) in UTC, but 1403/09/01 00:15 in Tehran: an Azar article.
  { id: 4, date: '2024-11-20T20:45:00Z', category: 'economy', authors: ['ali-rezaei'], tags: ['همکاریها'] },
  { id: 5, date: '1403/09/02 09:00', category: 'economy', authors: ['ali-rezaei', 'newsroom'], tags: ['همکاری ها'] },
  {
    id: 6,
    date: '1403/09/02 18:00',
    category: 'economy',
    authors: ['newsroom'],
    tags: [`همکاری${ZWNJ}ها`],
    breaking: true,
  },
  { id: 7, date: '1403/09/03 11:00', category: 'economy', authors: ['newsroom'], tags: [], breaking: true },
];

function article(spec: Spec): string {
  return [
    '---',
    `id: ${spec.id}`,
    `title: 'خبر شمارهٔ ${toPersianDigits(spec.id)}'`,
    `lead: 'خلاصهٔ خبر شمارهٔ ${toPersianDigits(spec.id)}.'`,
    `date: ${spec.date}`,
    `category: ${spec.category}`,
    `authors: [${spec.authors.map((a) => `'${a}'`).join(', ')}]`,
    `tags: [${spec.tags.map((t) => `'${t}'`).join(', ')}]`,
    `breaking: ${spec.breaking ?? false}`,
    '---',
    '',
    `متن خبر شمارهٔ ${toPersianDigits(spec.id)}.`,
    '',
  ].join('\n');
}

/** Writes the archive into `contentDir` (emptied first) and returns that folder. */
export function writeNavigationArchive(contentDir: string): string {
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(path.join(contentDir, 'articles'), { recursive: true });
  for (const folder of ['categories', 'authors']) {
    cpSync(path.join(projectRoot, 'tests/fixtures/archive', folder), path.join(contentDir, folder), {
      recursive: true,
    });
  }
  for (const spec of navigationSpecs) writeFileSync(path.join(contentDir, 'articles', `a${spec.id}.md`), article(spec));
  return contentDir;
}
