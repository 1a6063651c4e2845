/**
 * Which frontmatter fields hold dates: the content schema's (schema.ts re-exports them) and the web
 * editor's script's, which must not load zod to know them.
 */

/** Frontmatter fields of each kind of file that hold dates (YAML would read a zone-less one as UTC). */
export const DATE_FIELDS = { article: ['date', 'updated', 'liveEnded'], comment: ['submittedAt'] } as const;

/** Frontmatter lists of an article whose items hold a `date`. */
export const DATED_LISTS = ['corrections', 'updates'] as const;
