// The last line of a CI run, from jest's --json results: "N passed, N failed", exit 1 unless
// every test ran and passed. A skipped test counts as failed: in CI a test that does not run
// proves nothing, and a check could otherwise stop checking without anyone noticing.
// Usage: node .ci/summary.mjs results.json
import { readFileSync } from 'node:fs';

let results;
try {
  results = JSON.parse(readFileSync(process.argv[2], 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
// A test file that cannot even load counts no test of its own: it counts as one failure.
const brokenFiles = results.numRuntimeErrorTestSuites ?? 0;
let failed = (results.numFailedTests ?? 0) + skipped + brokenFiles;
if (failed === 0 && results.success === false) failed = 1;
if (skipped) console.log(`${skipped} test(s) skipped: in CI every test must run, so they count as failed.`);
if (brokenFiles) console.log(`${brokenFiles} test file(s) could not run.`);
console.log(`${results.numPassedTests ?? 0} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
