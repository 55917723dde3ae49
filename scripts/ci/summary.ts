/**
 * Reads Vitest's JSON report and prints the closing line CI reads, "N passed, N failed", with
 * a line per group above it. Whatever did not run as a passing test counts as failed: a failed
 * test, a file that failed to load or whose hooks failed, a skipped or todo test, and a group
 * (unit, Chromium, Firefox) in which nothing passed, so a browser that would not start, or
 * E2E_BROWSERS left in the environment, cannot drop a browser silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The groups that must each pass at least one test. */
export const REQUIRED_GROUPS = ['unit', 'end-to-end, chromium', 'end-to-end, firefox'] as const;

/** The fields of Vitest's JSON report that the summary reads. */
export interface VitestReport {
  success?: boolean;
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numFailedTestSuites?: number;
  testResults?: Array<{
    name: string;
    status?: string;
    message?: string;
    assertionResults?: Array<{ ancestorTitles?: string[]; title?: string; status?: string }>;
  }>;
}

export interface Summary {
  passed: number;
  failed: number;
  /** The lines to print, the closing "N passed, N failed" last. */
  lines: string[];
}

type Counts = { passed: number; failed: number; skipped: number };

/** The group a test belongs to: unit, or end-to-end in the browser its describe block names. */
function groupOf(file: string, ancestors: string[]): string {
  if (!file.includes('/tests/e2e/')) return 'unit';
  const browser = ancestors.find((title) => title === 'chromium' || title === 'firefox');
  return `end-to-end, ${browser ?? 'no browser or both'}`;
}

export function summarize(report: VitestReport): Summary {
  const groups = new Map<string, Counts>(REQUIRED_GROUPS.map((g) => [g, { passed: 0, failed: 0, skipped: 0 }]));
  const problems: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    let failedHere = 0;
    for (const t of tests) {
      const group = groupOf(file.name, t.ancestorTitles ?? []);
      const counts = groups.get(group) ?? { passed: 0, failed: 0, skipped: 0 };
      groups.set(group, counts);
      if (t.status === 'passed') {
        counts.passed++;
        passed++;
      } else if (t.status === 'failed') {
        counts.failed++;
        failedHere++;
        failed++;
      } else {
        // Skipped, todo or pending: nothing may be skipped.
        counts.skipped++;
        failed++;
      }
    }
    // A file that failed with no failed test in it did not load, or a hook of it failed.
    if (file.status === 'failed' && failedHere === 0) {
      failed++;
      problems.push(`${file.name}: failed outside any test${file.message ? `: ${file.message.split('\n')[0]}` : ''}`);
    }
  }
  // Suites that failed with no failed test anywhere (a describe block's hook) are failures too.
  if (failed === 0 && (report.numFailedTestSuites ?? 0) > 0) {
    failed += report.numFailedTestSuites!;
    problems.push(`${report.numFailedTestSuites} suite(s) failed outside any test`);
  }
  const lines: string[] = [];
  for (const [group, c] of groups) {
    lines.push(`${group}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped (counted as failed)` : ''}`);
  }
  for (const group of REQUIRED_GROUPS) {
    if (groups.get(group)!.passed === 0) {
      failed++;
      problems.push(`${group}: no test passed (the group did not run)`);
    }
  }
  if (report.success === false && failed === 0) {
    failed++;
    problems.push('Vitest reported the run as failed');
  }
  lines.push(...problems, `${passed} passed, ${failed} failed`);
  return { passed, failed, lines };
}

/** Prints the summary of the report at `file`; the exit code says whether the run passed. */
function main(file: string | undefined): number {
  if (!file || !existsSync(file)) {
    console.log('The test run ended before reporting (build, typecheck or lint failed; see above).');
    console.log('0 passed, 1 failed');
    return 1;
  }
  const { failed, lines } = summarize(JSON.parse(readFileSync(file, 'utf8')) as VitestReport);
  for (const line of lines) console.log(line);
  return failed > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv[2]));
