/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, after vitest's own summary, so
 * that CI logs state plainly how many tests ran; and, once, that the W3C check did not run when it
 * was skipped for want of Java.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { NU_CHECK_NAME, NU_MISSING_JAVA } from './helpers/nu-checker';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    let nuSkipped = false;
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const { state } = test.result();
        counts[state] += 1;
        if (state === 'skipped' && test.fullName.includes(NU_CHECK_NAME)) nuSkipped = true;
      }
    }
    if (nuSkipped) console.log(`\n${NU_MISSING_JAVA}`);
    console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped + counts.pending} skipped`);
  }
}
