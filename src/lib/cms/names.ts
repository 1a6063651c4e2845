/**
 * The names the editor's configuration (config.ts) and Bayegan's editor script
 * (src/scripts/admin/) agree on. Apart from config.ts so that the script does not load zod.
 */

/** The name of the one collection, the articles; our widgets find it by this name. */
export const ARTICLES_COLLECTION = 'articles';

/** The file format Bayegan registers for articles: frontmatter written as `npm run new` writes it. */
export const ARTICLE_FORMAT = 'bayegan-frontmatter';

/** The widgets Bayegan registers in the editor (src/scripts/admin/). */
export const WIDGETS = {
  /** The next free article id, as `npm run new` gives it. */
  id: 'bayegan-id',
  /** A Jalali date and Tehran time, written as `1405/09/10 14:30`. */
  date: 'bayegan-date',
  /** The article's folder, `<year>/<month>`, from its date. */
  folder: 'bayegan-folder',
} as const;
