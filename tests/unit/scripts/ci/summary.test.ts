// The CI summary: its closing line counts every way a run can fail to pass, and an empty browser group.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize, type VitestReport } from '../../../../scripts/ci/summary';

const root = resolve(import.meta.dirname, '../../../..');
const closing = (report: VitestReport) => summarize(report).lines.at(-1);

/** A report of one file per group, every test passing. */
function greenReport(): VitestReport {
  return {
    success: true,
    testResults: [
      { name: '/x/tests/unit/a.test.ts', status: 'passed', assertionResults: [{ status: 'passed', ancestorTitles: [] }] },
      {
        name: '/x/tests/e2e/b.test.ts',
        status: 'passed',
        assertionResults: [
          { status: 'passed', ancestorTitles: ['chromium'] },
          { status: 'passed', ancestorTitles: ['firefox', 'the card'] },
          { status: 'passed', ancestorTitles: [] },
        ],
      },
    ],
  };
}

describe('the CI summary', () => {
  it('passes a run in which every group passed', () => {
    const summary = summarize(greenReport());
    expect(summary.lines.at(-1)).toBe('4 passed, 0 failed');
    expect(summary.lines).toContain('end-to-end, firefox: 1 passed, 0 failed');
    expect(summary.lines).toContain('end-to-end, no browser or both: 1 passed, 0 failed');
  });

  it('counts a skipped or todo test as failed, with or without CI set', () => {
    const report = greenReport();
    report.testResults![0]!.assertionResults!.push({ status: 'skipped' }, { status: 'todo' });
    expect(closing(report)).toBe('4 passed, 2 failed');
  });

  it('counts a file that failed to load, which holds no test', () => {
    const report = greenReport();
    report.testResults!.push({ name: '/x/tests/unit/c.test.ts', status: 'failed', message: 'Cannot find module', assertionResults: [] });
    const summary = summarize(report);
    expect(summary.lines.at(-1)).toBe('4 passed, 1 failed');
    expect(summary.lines).toContain('/x/tests/unit/c.test.ts: failed outside any test: Cannot find module');
  });

  it('fails when a browser group is empty (E2E_BROWSERS left set, or a browser that would not start)', () => {
    const report = greenReport();
    report.testResults![1]!.assertionResults = report.testResults![1]!.assertionResults!.filter(
      (t) => !t.ancestorTitles?.includes('firefox'),
    );
    const summary = summarize(report);
    expect(summary.lines.at(-1)).toBe('3 passed, 1 failed');
    expect(summary.lines).toContain('end-to-end, firefox: no test passed (the group did not run)');
  });

  it('fails a run with no test at all, once per required group', () => {
    expect(closing({ success: true, testResults: [] })).toBe('0 passed, 3 failed');
  });

  it('fails a run that Vitest reports as failed even when no count says why', () => {
    expect(closing({ ...greenReport(), success: false })).toBe('4 passed, 1 failed');
    expect(closing({ ...greenReport(), numFailedTestSuites: 2 })).toBe('4 passed, 2 failed');
  });

  it("reads Vitest's own JSON report as Vitest writes it", () => {
    const fixture = join(root, 'tests/fixtures/ci-summary');
    const out = join(mkdtempSync(join(tmpdir(), 'boi-canh-summary-')), 'report.json');
    try {
      execFileSync(
        process.execPath,
        [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', fixture, '--reporter=json', `--outputFile=${out}`],
        {
          stdio: 'pipe',
          timeout: 60_000,
        },
      );
    } catch {
      // The fixture suite fails on purpose; its report is what is read.
    }
    const summary = summarize(JSON.parse(readFileSync(out, 'utf8')) as VitestReport);
    // Passed: the unit test and Chromium's. Failed: the file that does not load, the skipped
    // test, the failing hook, Firefox's test that it left unrun, and Firefox's group being empty.
    expect(summary.lines.at(-1)).toBe('2 passed, 5 failed');
    expect(summary.lines.some((l) => l.includes('browsers.test.ts: failed outside any test'))).toBe(true);
    expect(summary.lines.some((l) => l.includes('does-not-load.test.ts: failed outside any test'))).toBe(true);
    expect(summary.lines).toContain('end-to-end, firefox: no test passed (the group did not run)');
  }, 90_000);
});
