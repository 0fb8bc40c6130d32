// Prints one closing line over every test runner of `npm test`, read from their JSON reports.
import { existsSync, readFileSync } from 'node:fs';

const reports = [
  // A file that fails to load, or a runner error outside any test, counts as a failure too.
  ['vitest', 'test-results/vitest.json', (r) => ({
    passed: r.numPassedTests,
    failed: r.numFailedTests + countFilesThatFailedToRun(r),
    skipped: r.numPendingTests + r.numTodoTests,
  })],
  ['playwright', 'test-results/playwright.json', (r) => ({
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected + (r.errors?.length ?? 0),
    skipped: r.stats.skipped,
  })],
];

function countFilesThatFailedToRun(report) {
  return report.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')).length;
}

const total = { passed: 0, failed: 0, skipped: 0 };
for (const [name, file, read] of reports) {
  if (!existsSync(file)) {
    console.log(`${name}: no report at ${file}`);
    total.failed += 1;
    continue;
  }
  const counts = read(JSON.parse(readFileSync(file, 'utf8')));
  if (counts.passed === 0) {
    console.log(`${name}: ran no tests`);
    counts.failed += 1;
  }
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  for (const key of Object.keys(total)) total[key] += counts[key];
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
