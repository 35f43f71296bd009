/**
 * The extension-host suite: every test of diagnostics.ts, language.ts and notes.ts, run in that
 * order inside VS Code's extension host, with test/vscode/workspace open.
 *
 * - `run()` is the `extensionTestsPath` entry of `@vscode/test-electron` (`npm run test:vscode`).
 * - `runSuite()` is called by the test-runner extension inside code-server (`npm test`).
 *
 * `EXTHOST_TEST_FILTER` (a regular expression) runs only the tests whose name matches.
 */
import './diagnostics';
import './language';
import './notes';
import { watchDiagnostics } from './helpers';
import type { TestResult } from './runner';
import { runTests } from './runner';

export type { TestResult } from './runner';

export async function runSuite(
  report: (result: TestResult, index: number, total: number) => void | Promise<void>,
): Promise<TestResult[]> {
  const watching = watchDiagnostics();
  try {
    return await runTests(report, process.env.EXTHOST_TEST_FILTER || undefined);
  } finally {
    watching.dispose();
  }
}

export async function run(): Promise<void> {
  const results = await runSuite((r, i, total) => {
    console.log(`${r.passed ? 'ok' : 'not ok'} ${i}/${total} - ${r.name} (${r.ms} ms)`);
    if (r.error) console.log(r.error.replace(/^/gm, '    '));
  });
  const failed = results.filter((r) => !r.passed).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${results.length} extension-host tests failed`);
}
