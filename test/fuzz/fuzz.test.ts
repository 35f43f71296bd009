/**
 * The fuzzer inside the unit tests: 1,000 mutated inputs from a fixed seed (FUZZ_INPUTS and
 * FUZZ_SEED change that; `npm run fuzz` runs 10,000). No exception may escape parse, validation,
 * hover, completion or symbols, and no call may take longer than FUZZ_BUDGET_MS (a hang detector
 * here; `npm run fuzz` uses 1 s and prints the slowest call).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fuzz } from '../support/fuzz';
import { ROOT, serviceWith } from '../support/helpers';

const inputs = Number(process.env.FUZZ_INPUTS ?? 1000);
const seed = Number(process.env.FUZZ_SEED ?? 20261206);
const budgetMs = Number(process.env.FUZZ_BUDGET_MS ?? 5000);

describe('fuzz', () => {
  it(`${inputs} mutated inputs (seed ${seed}) through parse, validation, hover, completion and symbols`, () => {
    const started = Date.now();
    const report = fuzz(serviceWith({}), ROOT, {
      inputs,
      seed,
      budgetMs,
      onProgress: (done) => {
        if (inputs >= 5000 && done % 1000 === 0) process.stderr.write(`fuzz: ${done} inputs\n`);
      },
    });
    const summary = `fuzz: ${report.inputs} inputs, ${report.calls} calls in ${((Date.now() - started) / 1000).toFixed(1)} s, ${report.findings.length} findings; slowest ${report.slowestMs.toFixed(1)} ms (${report.slowestCall}); heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`;
    process.stderr.write(`${summary}\n`);
    const out = process.env.FUZZ_OUT;
    if (out && report.findings.length) {
      fs.mkdirSync(out, { recursive: true });
      for (const finding of report.findings) {
        const name = `${finding.index}-${path.basename(finding.file)}`;
        fs.writeFileSync(path.join(out, name), finding.text);
        fs.writeFileSync(path.join(out, `${name}.txt`), `${finding.call}: ${finding.problem}\n`);
      }
    }
    assert.deepEqual(
      report.findings.map((f) => `${f.index} ${f.file} ${f.call}: ${f.problem}`),
      [],
    );
  });
});
