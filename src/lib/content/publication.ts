/**
 * What is published, and where: pure rules used by the one data-access module (`src/data/`).
 * "Now" is always passed in, so a build is reproducible.
 */
import { parseArticleDate } from '#lib/dates/parse-article-date.ts';

export interface PublicationPolicy {
  /** The build's "now": articles dated after it are scheduled, not published. */
  now: Date;
  /** Development previews show drafts and scheduled articles; production builds never do. */
  includeUnpublished: boolean;
}

export interface Publishable {
  draft: boolean;
  date: Date;
}

export function isPublished(article: Publishable, policy: PublicationPolicy): boolean {
  if (policy.includeUnpublished) return true;
  return !article.draft && article.date.getTime() <= policy.now.getTime();
}

/**
 * What newest-first order compares: the article number, and the first publication, as a `Date` or,
 * when the article gives it, as its time (the pages' packed articles give it without making a `Date`).
 */
export interface NewestFirstKey {
  id: number;
  date: Date;
  time?: number;
}

/** Newest first by first publication (never by update); the article number breaks ties. */
export function compareNewestFirst(a: NewestFirstKey, b: NewestFirstKey): number {
  return newestFirstOf(a.time ?? a.date.getTime(), a.id, b.time ?? b.date.getTime(), b.id);
}

/**
 * `compareNewestFirst` of two articles given by their times and numbers: for orders kept in typed
 * arrays, which compare millions of pairs without an object for each (src/lib/article-table.ts).
 */
export function newestFirstOf(aTime: number, aId: number, bTime: number, bId: number): number {
  return bTime - aTime || bId - aId;
}

/** The folder of every article page. */
export const articlesPath = '/news/';

/**
 * The article's permanent path, `/news/<id>/<slug>/`, percent-encoded for use in links. Joined
 * rather than templated: a template's string is a chain of its pieces in V8 (140 bytes a path where
 * the flat string takes 60), and what keeps a path (a plan, a page's links) keeps it flat.
 */
export function articlePath(id: number, slug: string): string {
  return [articlesPath, id, '/', encodeURIComponent(slug), '/'].join('');
}

/** Set to `1` to include drafts and scheduled articles (the dev server sets it); never set in production. */
export const SHOW_UNPUBLISHED_ENV = 'BAYEGAN_SHOW_UNPUBLISHED';

/** The variable that fixes "now" for a reproducible build. */
export const BUILD_NOW_ENV = 'BAYEGAN_NOW';

/**
 * The build's "now": `BAYEGAN_NOW` when set (ISO with an offset, or a Jalali date-time in Tehran,
 * read like frontmatter dates), else the given clock reading.
 */
export function resolveBuildNow(env: Record<string, string | undefined>, clock: Date): Date {
  const fixed = env[BUILD_NOW_ENV];
  if (!fixed) return clock;
  try {
    return parseArticleDate(fixed);
  } catch (error) {
    throw new Error(
      `${BUILD_NOW_ENV}: ${(error as Error).message} For example: ${BUILD_NOW_ENV}=2024-11-23T12:00:00+03:30`,
      {
        cause: error,
      },
    );
  }
}

/**
 * The policy of a build: its "now" (`resolveBuildNow`), and drafts and scheduled articles only when
 * asked for explicitly (`npm run dev` asks), never because of a mode or NODE_ENV that a CI machine
 * may happen to set.
 */
export function publicationPolicyOf(env: Record<string, string | undefined>, clock: Date): PublicationPolicy {
  return { now: resolveBuildNow(env, clock), includeUnpublished: env[SHOW_UNPUBLISHED_ENV] === '1' };
}
