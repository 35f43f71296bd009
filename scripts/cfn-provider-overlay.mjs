// The reviewed overlay of resource-provider constraints, scripts/cfn-provider-overlay.json:
// { "$comment", "source", "entries": { "<Type>": [{ pointer, keyword, value }] } }.
// With `--providers DIR` the generator derives it again from the provider schemas
// (cfn-provider-constraints.mjs) and rewrites it; without, it applies the committed file, so
// `npm run schemas` needs no copy of the provider schemas. Used by generate-cfn-schemas.mjs only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyProviderConstraints,
  loadProviderSchemas,
  providerConstraints,
} from './cfn-provider-constraints.mjs';

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cfn-provider-overlay.json');

export function loadProviderOverlay(providersDir) {
  const providers = providersDir ? loadProviderSchemas(providersDir) : undefined;
  const committed = fs.existsSync(FILE) ? JSON.parse(fs.readFileSync(FILE, 'utf8')) : { entries: {} };
  const entries = providers ? {} : committed.entries;
  const stats = {};
  const missing = [];
  return {
    /** Adds the constraints of one CloudFormation resource type to its generated schema. */
    apply(type, schema) {
      if (providers) {
        const provider = providers.get(type);
        if (!provider) return;
        const found = providerConstraints(schema, provider, stats);
        if (found.length) entries[type] = found;
      }
      for (const entry of applyProviderConstraints(schema, entries[type] ?? []))
        missing.push(`${type} ${entry.pointer}`);
    },
    /** Writes the overlay when it was derived again; the counts for stats.json. */
    finish(checkOnly) {
      if (missing.length)
        throw new Error(`cfn-provider-overlay.json: these paths no longer exist:\n  ${missing.join('\n  ')}`);
      const counts = {};
      for (const list of Object.values(entries))
        for (const e of list) counts[e.keyword] = (counts[e.keyword] ?? 0) + 1;
      if (providers && !checkOnly) {
        const sorted = Object.fromEntries(
          Object.keys(entries)
            .sort()
            .map((k) => [k, entries[k]]),
        );
        const out = {
          $comment:
            'Value constraints from the CloudFormation resource provider schemas, merged by scripts/generate-cfn-schemas.mjs. Derived again with `npm run schemas -- --providers DIR`; patterns JavaScript cannot express faithfully were skipped.',
          source: `resource provider schemas (us-east-1) from ${path.basename(path.resolve(providersDir))}`,
          skippedPatterns: stats.patternsSkipped ?? 0,
          entries: sorted,
        };
        // One line per resource type: diffable without being 3 MB of indentation.
        const lines = Object.entries(sorted).map(
          ([type, list]) => `    ${JSON.stringify(type)}: ${JSON.stringify(list)}`,
        );
        const head = JSON.stringify({ ...out, entries: undefined }, null, 2).replace(/\n}$/, '');
        fs.writeFileSync(FILE, `${head},\n  "entries": {\n${lines.join(',\n')}\n  }\n}\n`);
      }
      return {
        ...counts,
        skippedPatterns: providers ? (stats.patternsSkipped ?? 0) : committed.skippedPatterns,
      };
    },
  };
}
