/**
 * How the build stops over content problems: one error listing every problem, one line each
 * (`<file>: <field>: <what to change>`). Thrown by src/content.config.ts and ./utf8-files.ts.
 */
export function contentProblemsError(problems: readonly string[]): Error {
  return new Error(
    `Content needs fixing before the site can be built:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
}
