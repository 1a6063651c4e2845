/**
 * The content folder's layout, in one place: a folder per collection, and where an article's or a
 * comment's file goes in it. Pure, for the build, the scripts and the web editor alike; Node code
 * joins these to the content folder with `collectionFolder()` (content-dir.ts).
 *
 * Articles live in `articles/<jalali-year>/<month>/<slug>.md`, the year and month of their first
 * publication in Tehran. `npm run new` and the web editor (src/lib/cms/) place new articles there;
 * older archives may keep `articles/<year>/<slug>.md`, which the build reads the same way.
 */

/** The content collections; each lives in the content folder's folder of the same name. */
export const COLLECTIONS = ['articles', 'categories', 'authors', 'comments'] as const;

/** One content collection, and the name of its folder. */
export type Collection = (typeof COLLECTIONS)[number];

/** A data entry's file (a section, a reporter, a comment): YAML or JSON, named by the entry's id. */
export const DATA_FILE = /\.(ya?ml|json)$/;

/** The same files as a glob, for Astro's loader. */
export const DATA_FILE_GLOB = '*.{yml,yaml,json}';

/** A data entry's id: its file's name without the extension (`economy.yml` → `economy`). */
export const dataEntryId = (fileName: string) => fileName.replace(DATA_FILE, '');

/** A path inside the content folder, with `/`: `contentPath('comments', '12', 'c1.json')`. */
export function contentPath(collection: Collection, ...parts: string[]): string {
  return [collection, ...parts].join('/');
}

/** A Jalali year and month. */
export interface JalaliMonth {
  year: number;
  month: number;
}

/** `1405/09`: the folder of the articles first published in that month, inside `articles/`. */
export function articleFolder({ year, month }: JalaliMonth): string {
  return `${year}/${String(month).padStart(2, '0')}`;
}

/** The article's path inside the content folder: `articles/<year>/<month>/<slug>.md`, with `/`. */
export function articleRelativePath(date: JalaliMonth, slug: string): string {
  return contentPath('articles', articleFolder(date), `${slug}.md`);
}

/** An approved comment's data file inside the content folder: `comments/<article-id>/<comment-id>.json`. */
export function commentRelativePath(articleId: number | string, commentId: string): string {
  return contentPath('comments', String(articleId), `${commentId}.json`);
}

/** The folder inside `articles/` where the images of an article's own pictures go, beside its file. */
export const ARTICLE_IMAGES_FOLDER = 'images';
