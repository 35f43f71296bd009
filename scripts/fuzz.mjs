// `npm run fuzz`: the fuzzer of test/fuzz/ over 10,000 inputs with a 1 s budget per call.
// Inputs that throw or run long are written to fuzz-findings/ (turn each into a fixture under
// test/fixtures/fuzz/). FUZZ_INPUTS, FUZZ_SEED, FUZZ_BUDGET_MS and FUZZ_OUT override the defaults.
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  FUZZ_INPUTS: process.env.FUZZ_INPUTS ?? '10000',
  FUZZ_BUDGET_MS: process.env.FUZZ_BUDGET_MS ?? '1000',
  FUZZ_OUT: process.env.FUZZ_OUT ?? 'fuzz-findings',
};
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', 'out/test/fuzz/'], {
  env,
  stdio: 'inherit',
});
process.exitCode = result.status ?? 1;
