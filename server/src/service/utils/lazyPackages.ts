/**
 * Packages that only some runs need, required on first use instead of imported: an import is set
 * up by every fresh process, used or not (a cold lint of a YAML template needs neither of these).
 * jsonc-parser reads JSON documents; minimatch matches the globs of `files.associations`-like
 * settings.
 */
import type * as Jsonc from 'jsonc-parser';
import type * as Minimatch from 'minimatch';

let jsonc: typeof Jsonc | undefined;
let minimatch: typeof Minimatch | undefined;

/* eslint-disable @typescript-eslint/no-require-imports */
export function jsoncParser(): typeof Jsonc {
  return (jsonc ??= require('jsonc-parser') as typeof Jsonc);
}

export function globPackage(): typeof Minimatch {
  return (minimatch ??= require('minimatch') as typeof Minimatch);
}
/* eslint-enable @typescript-eslint/no-require-imports */
