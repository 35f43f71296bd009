/**
 * A small test runner for the extension-host suite: the same code runs under
 * `@vscode/test-electron` (desktop VS Code, `npm run test:vscode`) and inside code-server through
 * the test-runner extension (`npm test`). Tests run one after another, each with a timeout; the
 * results are plain data, so that either host can report them.
 */

export interface TestResult {
  name: string;
  passed: boolean;
  /** The failure's message and stack. */
  error?: string;
  ms: number;
}

interface TestCase {
  name: string;
  fn: () => Promise<void> | void;
  timeout: number;
}

const DEFAULT_TIMEOUT = 30_000;
const cases: TestCase[] = [];

/** Registers a test (in the order of the calls). */
export function test(name: string, fn: () => Promise<void> | void, timeout = DEFAULT_TIMEOUT): void {
  cases.push({ name, fn, timeout });
}

async function withTimeout(fn: () => Promise<void> | void, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([Promise.resolve().then(fn), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Runs every registered test whose name matches `filter` (a regular expression's source), calling
 * `report` after each one.
 */
export async function runTests(
  report: (result: TestResult, index: number, total: number) => void | Promise<void>,
  filter?: string,
): Promise<TestResult[]> {
  const pattern = filter ? new RegExp(filter, 'i') : undefined;
  const selected = cases.filter((c) => !pattern || pattern.test(c.name));
  const results: TestResult[] = [];
  for (const c of selected) {
    const started = Date.now();
    let result: TestResult;
    try {
      await withTimeout(c.fn, c.timeout);
      result = { name: c.name, passed: true, ms: Date.now() - started };
    } catch (error) {
      result = { name: c.name, passed: false, error: describeError(error), ms: Date.now() - started };
    }
    results.push(result);
    await report(result, results.length, selected.length);
  }
  return results;
}
