// Reads Vitest's JSON report and prints the closing line CI reads: "N passed, N failed".
// Under CI a skipped test counts as a failure: nothing is skipped there.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('The test run ended before reporting (build or typecheck failed; see above).');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const byProject = {};
for (const suite of report.testResults ?? []) {
  const e2e = suite.name.includes('/tests/e2e/');
  for (const t of suite.assertionResults ?? []) {
    // End-to-end tests sit in a describe block named after their browser; a few need none.
    const browser = (t.ancestorTitles ?? []).find((title) => title === 'chromium' || title === 'firefox');
    const project = e2e ? `end-to-end, ${browser ?? 'no browser or both'}` : 'unit';
    byProject[project] ??= { passed: 0, failed: 0 };
    if (t.status === 'passed') byProject[project].passed++;
    else if (t.status === 'failed') byProject[project].failed++;
  }
}
for (const [project, c] of Object.entries(byProject)) console.log(`${project}: ${c.passed} passed, ${c.failed} failed`);
if (skipped > 0 && process.env.CI) console.log(`${skipped} skipped: nothing may be skipped in CI`);
const fail = failed + (process.env.CI ? skipped : 0);
console.log(`${passed} passed, ${fail} failed${skipped && !process.env.CI ? `, ${skipped} skipped` : ''}`);
process.exit(fail > 0 || !report.success ? 1 : 0);
