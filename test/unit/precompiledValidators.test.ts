/**
 * The validators generated at build time (dist/validators/, by `npm run build`) give the same
 * diagnostics as the schemas compiled at run time, and are not used for a schema file whose text
 * changed since the build.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { nodeFileSystem } from '../../server/src/nodeFileSystem';
import { loadPrecompiledValidators } from '../../server/src/precompiledValidators';
import { crc32InScript, schemaTextHash } from '../../server/src/schemaHash';
import { getLanguageService } from '../../server/src/service/languageService';
import type { PrecompiledValidators } from '../../server/src/service/schemas/schemaStore';
import { ROOT } from '../support/helpers';

const VALIDATORS = path.join(ROOT, 'dist', 'validators');

function inputs(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return inputs(full);
    return /\.(ya?ml|json)$/.test(entry.name) && entry.name !== 'expected.json' ? [full] : [];
  });
}

/** Wrong values of several kinds in a few resource types, QuickSight's giant schema included. */
const MISTAKES = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: [1]
      FifoQueue: maybe
      Unknown: 1
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: On
      LifecycleConfiguration:
        Rules:
          - Status: Enabled
            ExpirationInDays: many
  Dashboard:
    Type: AWS::QuickSight::Dashboard
    Properties:
      AwsAccountId: 123
      DashboardId: d
      Name: n
      Definition:
        Sheets:
          - SheetId: s
            Visuals:
              - BarChartVisual:
                  VisualId: 1
                  ChartConfiguration:
                    Orientation: SIDEWAYS
        Nonsense: true
  Analysis:
    Type: AWS::QuickSight::Analysis
    Properties:
      AwsAccountId: '123456789012'
      AnalysisId: a
      Name: a
      Definition:
        DataSetIdentifierDeclarations: [{ Identifier: 7 }]
        Sheets: [{ SheetId: s, Visuals: [{ TableVisual: { VisualId: v, ChartConfiguration: { FieldWells: 5 } } }] }]
  Template:
    Type: AWS::QuickSight::Template
    Properties:
      AwsAccountId: '123456789012'
      TemplateId: t
      Definition:
        DataSetConfigurations: [{ Placeholder: p, ColumnGroupSchemaList: [{ Name: 3, Extra: x }] }]
`;

function diagnosticsOf(
  precompiled: PrecompiledValidators | undefined,
  file: string,
  text: string,
  oneShot = false,
): unknown[] {
  const service = getLanguageService({
    fs: nodeFileSystem,
    schemaDir: path.join(ROOT, 'schemas'),
    precompiled,
    oneShot,
  });
  const languageId = file.endsWith('.json') ? 'json' : 'yaml';
  return service.validate(TextDocument.create(`file:///x/${path.basename(file)}`, languageId, 1, text));
}

describe('validators generated at build time', () => {
  const generated = loadPrecompiledValidators(VALIDATORS);

  it('exist after the build', () => {
    assert.ok(generated, 'dist/validators/manifest.json is missing: run npm run build');
  });

  it('give the diagnostics of run-time compilation', () => {
    assert.ok(generated);
    const used = new Set<string>();
    const counting: PrecompiledValidators = {
      forFile(file, text) {
        const lookup = generated.forFile(file, text);
        return lookup
          ? (key) => {
              const validate = lookup(key);
              if (typeof validate === 'function') used.add(key);
              return validate;
            }
          : undefined;
      },
    };
    const files = [...inputs(path.join(ROOT, 'test', 'fixtures')), ...inputs(path.join(ROOT, 'examples'))];
    const cases = [...files.map((f) => ({ file: f, text: fs.readFileSync(f, 'utf8') }))];
    cases.push({ file: 'mistakes.yaml', text: MISTAKES });
    for (const { file, text } of cases) {
      assert.deepEqual(diagnosticsOf(counting, file, text), diagnosticsOf(undefined, file, text), file);
    }
    for (const key of [
      'cfn:AWS::QuickSight::Dashboard',
      'cfn:AWS::QuickSight::Analysis',
      'cfn:AWS::QuickSight::Template',
      'cfn:AWS::S3::Bucket',
      'kind:buildspec',
      'kind:appspec',
    ])
      assert.ok(used.has(key), `${key} was not loaded from dist/validators`);
    const mistakes = diagnosticsOf(generated, 'm.yaml', MISTAKES) as { code: string }[];
    assert.ok(mistakes.length >= 6, JSON.stringify(mistakes, null, 1));
  });

  it('give the same diagnostics to the CLI, which parses each document whole (oneShot)', () => {
    const files = [...inputs(path.join(ROOT, 'test', 'fixtures')), ...inputs(path.join(ROOT, 'examples'))];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      assert.deepEqual(
        diagnosticsOf(generated, file, text, true),
        diagnosticsOf(generated, file, text),
        file,
      );
    }
  });

  it('require only files that exist (ajv run-time helpers)', () => {
    let requiring = 0;
    for (const folder of ['cfn', 'kind']) {
      for (const name of fs.readdirSync(path.join(VALIDATORS, folder))) {
        const file = path.join(VALIDATORS, folder, name);
        for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
          requiring++;
          assert.ok(fs.existsSync(path.resolve(path.dirname(file), spec)), `${file} requires ${spec}`);
        }
      }
    }
    assert.ok(requiring > 0, 'some validators use a run-time helper (equal, ucs2length)');
  });

  it("generate the definitions QuickSight's Dashboard, Analysis and Template share once", () => {
    const shared = path.join(VALIDATORS, 'cfn', 'AWS_QuickSight.shared.js');
    for (const type of ['Dashboard', 'Analysis', 'Template']) {
      const member = path.join(VALIDATORS, 'cfn', `AWS.QuickSight.${type}.js`);
      assert.match(fs.readFileSync(member, 'utf8'), /require\("\.\/AWS_QuickSight\.shared\.js"\)/, type);
      assert.ok(
        fs.statSync(member).size * 4 < fs.statSync(shared).size,
        `${type} still holds the shared code`,
      );
    }
    // A type that takes little from the shared definitions keeps its own module.
    const theme = fs.readFileSync(path.join(VALIDATORS, 'cfn', 'AWS.QuickSight.Theme.js'), 'utf8');
    assert.doesNotMatch(theme, /shared\.js/);
  });

  it('load the shared definitions only when a value they check is validated', () => {
    const load = createRequire(path.join(VALIDATORS, 'cfn', 'x.js'));
    const sharedFile = path.join(VALIDATORS, 'cfn', 'AWS_QuickSight.shared.js');
    delete load.cache[sharedFile];
    const dashboard = load('./AWS.QuickSight.Dashboard.js') as { default: (data: unknown) => boolean };
    const validate = dashboard.default;
    assert.equal(validate({ AwsAccountId: '123456789012', DashboardId: 'sales', Name: 'Sales' }), true);
    assert.equal(validate({ AwsAccountId: '123456789012', DashboardId: 'sales board', Name: 'S' }), false);
    assert.ok(!load.cache[sharedFile], 'the shared module was loaded for values checked by the type alone');
    const definition = { DataSetIdentifierDeclarations: [], Sheets: [{ SheetId: 's', Colour: 'red' }] };
    assert.equal(validate({ AwsAccountId: '1', DashboardId: 'd', Name: 'n', Definition: definition }), false);
    assert.ok(load.cache[sharedFile], 'a Definition is checked by the shared definitions');
  });

  it('are not used for a schema file that changed since the build', () => {
    assert.ok(generated);
    const file = 'cloudformation/services/AWS_SQS.json';
    const text = fs.readFileSync(path.join(ROOT, 'schemas', file), 'utf8');
    assert.equal(typeof generated.forFile(file, text)?.('cfn:AWS::SQS::Queue'), 'function');
    assert.equal(generated.forFile(file, `${text} `), undefined);
    // The same length, one character different.
    const at = text.indexOf('Queue');
    const edited = `${text.slice(0, at)}queue${text.slice(at + 'Queue'.length)}`;
    assert.equal(edited.length, text.length);
    assert.equal(generated.forFile(file, edited), undefined);
    assert.equal(generated.forFile('cloudformation/services/Nope.json', '{}'), undefined);
  });

  it("record each schema file's hash as the run time computes it", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(VALIDATORS, 'manifest.json'), 'utf8')) as {
      files: Record<string, { hash: string }>;
    };
    for (const [file, { hash }] of Object.entries(manifest.files)) {
      const text = fs.readFileSync(path.join(ROOT, 'schemas', file), 'utf8');
      assert.equal(schemaTextHash(text), hash, file);
      // Each entry is found in the manifest, the first and the last line included.
      assert.ok(generated?.forFile(file, text), file);
    }
    assert.ok(Object.keys(manifest.files).length > 300);
  });

  it('hash a text as the CRC-32 of its UTF-8 bytes and their count, in JavaScript as zlib does', () => {
    // Reference values of the standard CRC-32 (zip, zlib, PNG).
    assert.equal(crc32InScript(Buffer.from('123456789')), 0xcbf43926);
    assert.equal(schemaTextHash('\u00e9'), '0e048d3e-2');
    assert.equal(schemaTextHash(''), '00000000-0');
    const { crc32 } = zlib as { crc32?: (data: Uint8Array) => number };
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251));
    if (crc32) assert.equal(crc32InScript(bytes), crc32(bytes));
    const large = 'The quick brown fox jumps over the lazy dog. '.repeat(10_000);
    assert.notEqual(schemaTextHash(large), schemaTextHash(`${large.slice(0, -1)}!`));
  });
});
