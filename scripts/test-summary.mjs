// Prints one closing summary over every test runner of `npm test`, read from their JSON reports:
// the counts, every flaky test by name, and the skipped tests grouped by the reason they give.
import { existsSync, readFileSync } from 'node:fs';

const NO_REASON = 'no reason given (it.skip, test.skip or a filter)';

/** The reason a skipped vitest test gives: its skipReason (src/testing/api-scenarios/harness.ts), or the "(skipped: ...)" of its own or an enclosing suite's name. */
function vitestSkipReason(test) {
  if (test.meta?.skipReason) return test.meta.skipReason;
  for (const title of [...test.ancestorTitles, test.title]) {
    const reason = /\(skipped: (.*)\)$/.exec(title)?.[1];
    if (reason) return reason;
  }
  return NO_REASON;
}

function readVitest(report) {
  const tests = report.testResults.flatMap((file) => file.assertionResults);
  // A file that fails to load, or a runner error outside any test, counts as a failure too.
  const filesThatFailedToRun = report.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + filesThatFailedToRun.length,
    flaky: [],
    skipped: tests.filter((test) => ['skipped', 'pending', 'todo'].includes(test.status)).map(vitestSkipReason),
  };
}

function* playwrightTests(suite, file = suite.file) {
  for (const spec of suite.specs ?? []) for (const test of spec.tests) yield { file: spec.file ?? file, title: spec.title, test };
  for (const child of suite.suites ?? []) yield* playwrightTests(child, child.file ?? file);
}

function readPlaywright(report) {
  const tests = report.suites.flatMap((suite) => [...playwrightTests(suite)]);
  return {
    passed: report.stats.expected,
    failed: report.stats.unexpected + (report.errors?.length ?? 0),
    // Passed on a retry: counted apart and named, so a test that only sometimes works is seen.
    flaky: tests.filter(({ test }) => test.status === 'flaky').map(({ file, title, test }) => `[${test.projectName}] ${file} › ${title}`),
    skipped: tests
      .filter(({ test }) => test.status === 'skipped')
      .map(({ test }) => test.annotations?.find((note) => note.type === 'skip' || note.type === 'fixme')?.description || NO_REASON),
  };
}

const reports = [
  ['vitest', 'test-results/vitest.json', readVitest],
  ['playwright', 'test-results/playwright.json', readPlaywright],
];

const total = { passed: 0, failed: 0, flaky: 0, skipped: 0 };
const skippedByReason = new Map();
const flakyTests = [];
for (const [name, file, read] of reports) {
  if (!existsSync(file)) {
    console.log(`${name}: no report at ${file}`);
    total.failed += 1;
    continue;
  }
  const counts = read(JSON.parse(readFileSync(file, 'utf8')));
  if (counts.passed + counts.flaky.length === 0) {
    console.log(`${name}: ran no tests`);
    counts.failed += 1;
  }
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.flaky.length} flaky, ${counts.skipped.length} skipped`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.flaky += counts.flaky.length;
  total.skipped += counts.skipped.length;
  flakyTests.push(...counts.flaky);
  for (const reason of counts.skipped) {
    const key = `${name}: ${reason}`;
    skippedByReason.set(key, (skippedByReason.get(key) ?? 0) + 1);
  }
}
if (flakyTests.length > 0) {
  console.log('Flaky (failed, then passed on a retry):');
  for (const test of flakyTests) console.log(`  ${test}`);
}
if (skippedByReason.size > 0) {
  console.log('Skipped, by reason:');
  for (const [reason, count] of [...skippedByReason].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(5)}  ${reason}`);
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.flaky} flaky, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
