/**
 * The rules an article's timeline must follow: corrections, live updates and the end of live
 * coverage come after the first publication, and none is dated after the build's "now" (a
 * correction is dated when it was made, not when it is planned). Pure: "now" is a parameter.
 * The schema applies the order rules (./schema.ts); the build (src/data/articles.ts) and
 * `npm run check:content` (./check.ts) apply the "now" rule, which the schema cannot know.
 */
import type { ContentProblem } from './problems.ts';

export interface Dated {
  date: Date;
}

/** What the timeline rules read of an article. */
export interface Timeline {
  date: Date;
  corrections: readonly Dated[];
  live: boolean;
  updates: readonly Dated[];
  liveEnded?: Date | undefined;
}

/** An issue at a field path (`corrections.1.date`), in the form zod's `addIssue` takes. */
export interface TimelineIssue {
  path: (string | number)[];
  message: string;
}

/** Corrections or updates dated before the story, updates of a page that is not live, an end before an update. */
export function timelineOrderProblems(article: Timeline): TimelineIssue[] {
  const issues: TimelineIssue[] = [];
  article.corrections.forEach((correction, index) => {
    if (correction.date < article.date) {
      issues.push({
        path: ['corrections', index, 'date'],
        message:
          "is earlier than the article's date: a correction comes after the first publication; write when it was made",
      });
    }
  });
  article.updates.forEach((update, index) => {
    if (update.date < article.date) {
      issues.push({
        path: ['updates', index, 'date'],
        message:
          "is earlier than the article's date: a live page's date is when its coverage began; move date back or this update forward",
      });
    }
  });
  if (!article.live && article.updates.length > 0) {
    issues.push({ path: ['updates'], message: 'are only shown on a live page: add live: true, or remove the updates' });
  }
  if (article.liveEnded) {
    if (!article.live)
      issues.push({
        path: ['liveEnded'],
        message: 'ends a live page, but live: true is missing: add it, or remove liveEnded',
      });
    if (article.liveEnded < article.date) {
      issues.push({
        path: ['liveEnded'],
        message: "is earlier than the article's date: coverage cannot end before it began",
      });
    }
    const last = latest(article.updates);
    if (last && article.liveEnded < last) {
      issues.push({
        path: ['liveEnded'],
        message: 'is earlier than the newest update: write the time of the last update or later',
      });
    }
  }
  return issues;
}

/** The latest date of a list, or undefined when it is empty. */
export function latest(items: readonly Dated[]): Date | undefined {
  let found: Date | undefined;
  for (const item of items) if (!found || item.date > found) found = item.date;
  return found;
}

/**
 * Corrections, updates and the end of coverage dated after `now`: a published page would show
 * them before their time. A scheduled article (dated after `now` itself) is checked when it is
 * published.
 * @param filePath the article's file, or how to name it, asked only when there is a problem: the
 *   pages check every article of the archive, and a packed one's file is made from its row
 */
export function futureTimelineProblems(
  article: Timeline,
  filePath: string | (() => string),
  now: Date,
): ContentProblem[] {
  if (article.date > now) return [];
  const when = now.toISOString();
  const problems: ContentProblem[] = [];
  const check = (field: string, date: Date | undefined, what: string) => {
    if (date && date > now) {
      problems.push({
        file: typeof filePath === 'string' ? filePath : filePath(),
        field,
        message: `is in the future (after ${when}, the build's time)`,
        fix: `${what} is dated when it is published: write the time it was made, not a planned one.`,
      });
    }
  };
  article.corrections.forEach((correction, index) =>
    check(`corrections.${index}.date`, correction.date, 'a correction'),
  );
  article.updates.forEach((update, index) => check(`updates.${index}.date`, update.date, 'a live update'));
  check('liveEnded', article.liveEnded, 'the end of live coverage');
  return problems;
}
