/**
 * The test-runner extension: code-server has no `--extensionTestsPath`, so test/vscode/code-server.mjs
 * installs this extension (built by test/vscode/build.mjs, only for the test run) next to the
 * extension under test. Once the workbench is up it runs the extension-host suite and writes the
 * results to the JSON file named by AWS_DEV_NOTES_TEST_RESULTS, after every test:
 * `{ state: 'running' | 'done' | 'crashed', results: TestResult[], error? }`.
 * Without that variable it does nothing.
 */
import { renameSync, writeFileSync } from 'node:fs';
import type { TestResult } from '../suite/index';
import { runSuite } from '../suite/index';

interface Report {
  state: 'running' | 'done' | 'crashed';
  results: TestResult[];
  error?: string;
}

function write(file: string, report: Report): void {
  // written whole, then renamed: the harness never reads half a file
  writeFileSync(`${file}.tmp`, JSON.stringify(report, null, 2));
  renameSync(`${file}.tmp`, file);
}

export function activate(): void {
  const file = process.env.AWS_DEV_NOTES_TEST_RESULTS;
  if (!file) return;
  const results: TestResult[] = [];
  write(file, { state: 'running', results });
  // Not awaited: activation returns at once, the suite runs on.
  void runSuite((result) => {
    results.push(result);
    write(file, { state: 'running', results });
  }).then(
    () => write(file, { state: 'done', results }),
    (error: unknown) =>
      write(file, { state: 'crashed', results, error: error instanceof Error ? error.stack : String(error) }),
  );
}
