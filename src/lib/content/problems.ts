/**
 * A problem in a content file, as data. The checks (./check.ts, ./schema.ts, ./fields.ts,
 * ./encoding.ts, ../comments.ts) produce these; only the edges turn them into text, each in its own
 * form: the build's error ({@link contentProblemsError}, thrown by src/content.config.ts,
 * ./utf8-files.ts and src/data/articles.ts) and `npm run check:content` ({@link formatProblem}).
 */
export interface ContentProblem {
  /** The file, as the reader types it (relative to where the command was run). */
  file: string;
  /**
   * 1-based line of the field in the file (the first line when the field is missing). Known where
   * the text was read: `check:content` finds it (./check.ts `lineOfField`); the build's checks see
   * parsed data only.
   */
  line?: number;
  /** The field (`authors.1`, `source.url`), `frontmatter`, or `file` when the problem is the file itself. */
  field: string;
  /** What is wrong: `1 is already used by content/articles/a.md`. */
  message: string;
  /** What to do about it, when the check says it apart from the message; shown after it, `; ` between. */
  fix?: string;
}

/** The message and its fix, as one sentence. */
function text(problem: ContentProblem): string {
  return problem.fix ? `${problem.message}; ${problem.fix}` : problem.message;
}

/** `file:line: field: message`, the form editors and CI annotations understand (`npm run check:content`). */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line ?? 1}: ${problem.field}: ${text(problem)}`;
}

/** `file: field: message` (no field for the file itself), the form of the lines of the build's error. */
function buildLine(problem: ContentProblem): string {
  return `${problem.file}: ${problem.field === 'file' ? '' : `${problem.field}: `}${text(problem)}`;
}

/** How the build stops over content problems: one error listing every problem, one line each. */
export function contentProblemsError(problems: readonly ContentProblem[]): Error {
  return new Error(
    `Content needs fixing before the site can be built:\n${problems.map((p) => `  - ${buildLine(p)}`).join('\n')}`,
  );
}
