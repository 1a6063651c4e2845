/**
 * Where an article's file lives in the content folder: `articles/<jalali-year>/<month>/<slug>.md`,
 * the year and month of its first publication in Tehran. `npm run new` and the web editor
 * (src/lib/cms/) place new articles here; older archives may keep `articles/<year>/<slug>.md`,
 * which the build reads the same way.
 */

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
  return `articles/${articleFolder(date)}/${slug}.md`;
}

/** The folder inside `articles/` where the images of an article's own pictures go, beside its file. */
export const ARTICLE_IMAGES_FOLDER = 'images';
