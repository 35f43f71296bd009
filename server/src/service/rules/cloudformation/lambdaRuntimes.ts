/**
 * Lambda runtime lifecycle: when each managed runtime was (or will be) deprecated, and when Lambda
 * blocks creating and then updating functions that use it. One table for the diagnostics
 * (`runtimes.ts`), the hover and the completion, so the three always agree.
 *
 * Source: AWS Lambda Developer Guide, the supported-runtime tables of the per-language pages, in
 * their most recent revisions found on 2026-12-06: https://docs.aws.amazon.com/lambda/latest/dg/lambda-python.html
 * (python3.10, python3.11 and later), lambda-nodejs.html (nodejs20.x and later), lambda-java.md
 * (java8.al2, java11, java17 and later), lambda-ruby.html (ruby3.2 and later), and
 * https://docs.amazonaws.cn/en_us/lambda/latest/dg/lambda-csharp.md (dotnet8, dotnet10 — the
 * newest revision of that page, which moved dotnet8's blocks to 2027). Runtimes no longer on those
 * pages keep the dates of the "Deprecated runtimes" table of
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html. Several of these dates are
 * later than cfn-lint 1.51's (docs/agreement.md, "Lambda runtime dates").
 * Dates are UTC days; a block applies from the start of its day.
 */

export interface RuntimeLifecycle {
  /** Deprecation (end of support): no more patches; functions still run and can still be updated. */
  deprecated: string;
  /** From this day Lambda refuses to create functions with the runtime. */
  blockCreate: string;
  /** From this day Lambda refuses to update functions with the runtime. */
  blockUpdate: string;
  /** What to move to. */
  successor?: string;
}

const NODE = 'nodejs24.x';
const PYTHON = 'python3.14';
const JAVA = 'java25';
const OS_ONLY = 'provided.al2023';
const RUBY = 'ruby3.4';
const DOTNET = 'dotnet10';

function life(
  deprecated: string,
  blockCreate: string,
  blockUpdate: string,
  successor?: string,
): RuntimeLifecycle {
  return { deprecated, blockCreate, blockUpdate, successor };
}

export const LAMBDA_RUNTIMES: Readonly<Record<string, RuntimeLifecycle>> = {
  nodejs: life('2016-08-30', '2016-09-30', '2016-10-31', NODE),
  'nodejs4.3': life('2020-03-05', '2020-03-05', '2020-03-05', NODE),
  'nodejs4.3-edge': life('2019-04-30', '2019-04-30', '2019-04-30', NODE),
  'nodejs6.10': life('2019-08-12', '2019-08-12', '2019-08-12', NODE),
  'nodejs8.10': life('2020-03-06', '2020-03-06', '2020-03-06', NODE),
  'nodejs10.x': life('2021-07-30', '2021-07-30', '2022-02-14', NODE),
  'nodejs12.x': life('2023-03-31', '2023-03-31', '2023-04-30', NODE),
  'nodejs14.x': life('2023-12-04', '2024-01-09', '2026-07-01', NODE),
  'nodejs16.x': life('2024-06-12', '2026-06-01', '2026-07-01', NODE),
  'nodejs18.x': life('2025-09-01', '2026-06-01', '2026-07-01', NODE),
  'nodejs20.x': life('2026-04-30', '2026-08-31', '2026-09-30', NODE),
  'nodejs22.x': life('2027-04-30', '2027-06-01', '2027-07-01', NODE),
  'nodejs24.x': life('2028-04-30', '2028-06-01', '2028-07-01'),
  'python2.7': life('2021-07-15', '2021-07-15', '2022-05-30', PYTHON),
  'python3.6': life('2022-07-18', '2022-07-18', '2022-08-29', PYTHON),
  'python3.7': life('2023-12-04', '2024-01-09', '2026-03-09', PYTHON),
  'python3.8': life('2024-10-14', '2026-06-01', '2026-07-01', PYTHON),
  'python3.9': life('2025-12-15', '2026-08-31', '2026-09-30', PYTHON),
  'python3.10': life('2026-10-31', '2026-11-30', '2027-01-15', PYTHON),
  'python3.11': life('2027-06-30', '2027-07-31', '2027-08-31', PYTHON),
  'python3.12': life('2028-10-31', '2028-11-30', '2029-01-10', PYTHON),
  'python3.13': life('2029-06-30', '2029-07-31', '2029-08-31', PYTHON),
  'python3.14': life('2029-06-30', '2029-07-31', '2029-08-31'),
  java8: life('2024-01-08', '2024-02-08', '2026-07-01', JAVA),
  'java8.al2': life('2027-06-30', '2027-07-31', '2027-08-31', JAVA),
  java11: life('2027-06-30', '2027-07-31', '2027-08-31', JAVA),
  java17: life('2027-06-30', '2027-07-31', '2027-08-31', JAVA),
  java21: life('2029-06-30', '2029-07-31', '2029-08-31', JAVA),
  java25: life('2029-06-30', '2029-07-31', '2029-08-31'),
  'dotnetcore1.0': life('2019-06-27', '2019-06-30', '2019-07-30', DOTNET),
  'dotnetcore2.0': life('2019-04-30', '2019-04-30', '2019-05-30', DOTNET),
  'dotnetcore2.1': life('2022-01-05', '2022-01-05', '2022-04-13', DOTNET),
  'dotnetcore3.1': life('2023-04-03', '2023-04-03', '2023-05-03', DOTNET),
  dotnet6: life('2024-12-20', '2026-06-01', '2026-07-01', DOTNET),
  dotnet8: life('2026-11-10', '2027-02-01', '2027-03-03', DOTNET),
  dotnet10: life('2028-11-14', '2028-12-14', '2029-01-15'),
  'go1.x': life('2024-01-08', '2024-02-08', '2026-07-01', OS_ONLY),
  provided: life('2024-01-08', '2024-02-08', '2026-07-01', OS_ONLY),
  'provided.al2': life('2026-06-30', '2026-07-31', '2026-08-31', OS_ONLY),
  'provided.al2023': life('2029-06-30', '2029-07-31', '2029-08-31'),
  'ruby2.5': life('2021-07-30', '2021-07-30', '2022-03-31', RUBY),
  'ruby2.7': life('2023-12-07', '2024-01-09', '2026-07-01', RUBY),
  'ruby3.2': life('2026-03-31', '2026-08-31', '2026-09-30', RUBY),
  'ruby3.3': life('2027-03-31', '2027-04-30', '2027-05-31', RUBY),
  'ruby3.4': life('2028-03-31', '2028-04-30', '2028-05-31'),
};

export type RuntimeState = 'supported' | 'deprecated' | 'create-blocked' | 'update-blocked';

export interface RuntimeStatus {
  state: RuntimeState;
  lifecycle: RuntimeLifecycle;
}

/** The day of `now` in UTC, as YYYY-MM-DD (compares with the table's dates as strings). */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Where a runtime stands on a day; undefined for identifiers the table does not know. */
export function runtimeStatus(runtime: string, now: Date): RuntimeStatus | undefined {
  if (!Object.hasOwn(LAMBDA_RUNTIMES, runtime)) return undefined;
  const lifecycle = LAMBDA_RUNTIMES[runtime];
  const day = utcDay(now);
  const state: RuntimeState =
    day >= lifecycle.blockUpdate
      ? 'update-blocked'
      : day >= lifecycle.blockCreate
        ? 'create-blocked'
        : day >= lifecycle.deprecated
          ? 'deprecated'
          : 'supported';
  return { state, lifecycle };
}

/** One sentence on a runtime's state, for messages, hovers and completion items. */
export function describeRuntime(runtime: string, status: RuntimeStatus): string {
  const { lifecycle: l, state } = status;
  const next = l.successor ? ` Move to \`${l.successor}\` (or another supported runtime).` : '';
  switch (state) {
    case 'update-blocked':
      return `Lambda runtime \`${runtime}\` is deprecated (${l.deprecated}): Lambda no longer creates (since ${l.blockCreate}) or updates (since ${l.blockUpdate}) functions that use it.${next}`;
    case 'create-blocked':
      return `Lambda runtime \`${runtime}\` is deprecated (${l.deprecated}): Lambda no longer creates functions that use it (since ${l.blockCreate}) and stops updating them on ${l.blockUpdate}.${next}`;
    case 'deprecated':
      return `Lambda runtime \`${runtime}\` is deprecated since ${l.deprecated}; Lambda stops creating functions that use it on ${l.blockCreate}.${next}`;
    default:
      return `Lambda runtime \`${runtime}\` is supported; deprecation is planned for ${l.deprecated}.`;
  }
}

/** A few words for lists of values: undefined while supported. */
export function shortRuntimeNote(status: RuntimeStatus): string | undefined {
  const l = status.lifecycle;
  switch (status.state) {
    case 'update-blocked':
      return `deprecated; creating and updating blocked since ${l.blockUpdate}`;
    case 'create-blocked':
      return `deprecated; creating blocked since ${l.blockCreate}`;
    case 'deprecated':
      return `deprecated since ${l.deprecated}`;
    default:
      return undefined;
  }
}
