/**
 * The command-line linter over the same language service:
 *   node dist/cli.js lint [--format text|json|sarif] PATH...
 * Exit 0: no errors; 1: at least one error; 2: usage error or unreadable input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeFileSystem } from './nodeFileSystem';
import { isPoolWorker, lintInPool, servePool } from './cliPool';
import { loadPrecompiledValidators } from './precompiledValidators';
import { loadPrebuiltNotes, NOTES_INDEX } from './prebuiltNotes';
import { severityName, SOURCE } from './service/diagnostics';
import { HOOK_EVENTS, RESERVED_EVENTS } from './service/rules/appspec/events';
import { PSEUDO_PARAMETERS, TOP_LEVEL_SECTIONS } from './service/rules/cloudformation/template';
import { getLanguageService } from './service/languageService';
import type { NotesSnapshot } from './service/notes/snapshot';
import { snapshotFolder } from './service/notes/snapshot';

const extensionRoot = path.resolve(__dirname, '..');
const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** Files worth reading when walking a folder (the kinds' possible extensions). */
const CANDIDATE = /\.(ya?ml|json|template|cfn)$/i;

export interface FileResult {
  file: string;
  kind: string | null;
  diagnostics: {
    range: Diagnostic['range'];
    severity: string;
    code: string | number | undefined;
    source: string | undefined;
    message: string;
  }[];
}

const USAGE = `Usage: aws-dev-notes lint [--format text|json|sarif] PATH...

Lints CloudFormation templates, CodeBuild buildspecs, CodeDeploy appspecs and ECS task
definitions. PATH may be files or folders (searched recursively, skipping node_modules and .git).

Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable input.`;

interface Parsed {
  format: Format;
  paths: string[];
}

function parseArgs(argv: string[]): Parsed | string {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') return 'help';
  if (command !== 'lint') return command ? `Unknown command '${command}'.` : 'Missing command.';
  let format: Format = 'text';
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--format' || arg === '-f' || arg.startsWith('--format=')) {
      const value = arg.startsWith('--format=') ? arg.slice('--format='.length) : rest[++i];
      if (!value || !(FORMATS as readonly string[]).includes(value))
        return `--format takes one of ${FORMATS.join(', ')}.`;
      format = value as Format;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `Unknown option '${arg}'.`;
    } else {
      paths.push(arg);
    }
  }
  if (!paths.length) return 'No PATH given.';
  return { format, paths };
}

/** Expands folders into their candidate files, in a stable order. */
function collectFiles(target: string, out: string[], problems: string[], explicit: boolean): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    problems.push(`Cannot read '${target}': no such file or folder.`);
    return;
  }
  if (stat.isDirectory()) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(target, { withFileTypes: true });
    } catch (error) {
      problems.push(`Cannot read folder '${target}': ${readError(error)}`);
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory() && SKIPPED_FOLDERS.has(entry.name)) continue;
      const child = path.join(target, entry.name);
      if (entry.isDirectory()) collectFiles(child, out, problems, false);
      else if (entry.isFile() && CANDIDATE.test(entry.name)) out.push(child);
    }
  } else if (stat.isFile() || explicit) {
    out.push(target);
  }
}

export function lintFiles(
  files: string[],
  problems: string[],
  notes: string[] = [],
  service = createService(true),
): FileResult[] {
  const results: FileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      // A file past the size limit is not read whole (a 100 MB log is clearly not a template).
      const size = fs.statSync(file).size;
      if (size > service.settings.maxFileSize) {
        notes.push(`${file}: ${tooLarge(size, service.settings.maxFileSize)}`);
        results.push({ file, kind: null, diagnostics: [] });
        continue;
      }
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      problems.push(`Cannot read '${file}': ${readError(error)}`);
      continue;
    }
    const uri = pathToFileURL(path.resolve(file)).toString();
    const languageId = /\.json$/i.test(file) ? 'json' : /\.ya?ml$/i.test(file) ? 'yaml' : 'plaintext';
    const document = TextDocument.create(uri, languageId, 1, text);
    const kind = service.getKind(document);
    const diagnostics = kind ? service.validate(document) : [];
    const skipped = service.getState(document).skipped;
    if (skipped && !kind) notes.push(`${file}: ${skipped}`);
    diagnostics.sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    results.push({
      file,
      kind,
      diagnostics: diagnostics.map((d) => ({
        range: d.range,
        severity: severityName(d.severity),
        code: d.code,
        source: d.source,
        message: typeof d.message === 'string' ? d.message : d.message.value,
      })),
    });
    service.forget(uri);
  }
  return results;
}

function tooLarge(size: number, limit: number): string {
  const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
  return `Not analysed: the file is ${mb(size)} MB, above the ${mb(limit)} MB limit.`;
}

/** The reason a read failed, in words (`EACCES: permission denied, open 'x'` → `permission denied`). */
function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied.';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or folder.';
  if (code === 'EISDIR') return 'it is a folder.';
  return (error as Error).message;
}

function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const result of results) {
    for (const d of result.diagnostics) {
      lines.push(
        `${result.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${String(d.code)} ${d.message}`,
      );
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else others++;
    }
  }
  const checked = results.filter((r) => r.kind).length;
  lines.push(
    `${checked} file${checked === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${others} other`,
  );
  return `${lines.join('\n')}\n`;
}

function sarifLevel(severity: string): string {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function formatSarif(results: FileResult[]): string {
  const ruleIds = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => String(d.code))))].sort();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SOURCE,
            informationUri: 'https://github.com/aws-dev-notes/aws-dev-notes',
            version: '0.1.0',
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: id } })),
          },
        },
        artifacts: results.filter((r) => r.kind).map((r) => ({ location: { uri: toSarifUri(r.file) } })),
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: String(d.code),
            ruleIndex: ruleIds.indexOf(String(d.code)),
            level: sarifLevel(d.severity),
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toSarifUri(r.file) },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toSarifUri(file: string): string {
  return path.isAbsolute(file)
    ? pathToFileURL(file).toString()
    : file.split(path.sep).map(encodeURIComponent).join('/');
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    writeStdout(`${USAGE}\n`);
    return 0;
  }
  if (typeof parsed === 'string') {
    writeStream(process.stderr, `error: ${parsed}\n\n${USAGE}\n`);
    return 2;
  }
  const problems: string[] = [];
  const files: string[] = [];
  for (const target of parsed.paths) collectFiles(target, files, problems, true);
  const notes: string[] = [];
  const linted: number[] = [];
  const results = await lintInPool(files, problems, notes, lintWithOneService, __filename, undefined, linted);
  // How the files were shared among the threads, for tests and benchmarks.
  if (process.env.AWS_DEV_NOTES_POOL_REPORT) writeStream(process.stderr, `pool: ${linted.join(' ')}\n`);
  const output =
    parsed.format === 'json'
      ? `${JSON.stringify(results, null, 2)}\n`
      : parsed.format === 'sarif'
        ? formatSarif(results)
        : formatText(results);
  writeStdout(output);
  for (const note of notes) writeStream(process.stderr, `note: ${note}\n`);
  for (const problem of problems) writeStream(process.stderr, `error: ${problem}\n`);
  if (problems.length) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/**
 * Writes the output straight to file descriptor 1: `process.stdout` loads Node's stream modules
 * (~8 ms of a small lint's start-up). A pipe the reader made non-blocking gets the rest through
 * `process.stdout`; a reader that has gone (`| head`) ends the output quietly.
 */
/** Set once output went through a stream of Node's (it may still be queued at the end). */
let streamsUsed = false;
function writeStream(stream: NodeJS.WriteStream, data: string | Uint8Array): void {
  streamsUsed = true;
  stream.write(data);
}

function writeStdout(text: string): void {
  const data = Buffer.from(text);
  let offset = 0;
  try {
    while (offset < data.length) offset += fs.writeSync(1, data, offset);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') writeStream(process.stdout, data.subarray(offset));
    else if (code !== 'EPIPE') throw error;
  }
}

let threadService: ReturnType<typeof createService> | undefined;
/** lintFiles with one service per thread (a pool thread lints many files, one at a time). */
function lintWithOneService(files: string[], problems: string[], notes: string[]): FileResult[] {
  threadService ??= createService(true);
  return lintFiles(files, problems, notes, threadService);
}

/** The program: a pool thread serves files, else the command line is run (dist/cli.js calls this). */
export function run(): void {
  if (isPoolWorker()) {
    servePool(lintWithOneService);
  } else {
    void main(process.argv.slice(2)).then((code) => {
      // All output is written (synchronously) and the pool's workers have ended: exit at once,
      // without the clean-up of a natural exit (~10 ms). Output written through Node's streams
      // (messages on stderr) may still be queued: it is left to drain first.
      if (streamsUsed) process.exitCode = code;
      else process.exit(code);
    });
  }
}

if (require.main === module) run();

/** A language service over the bundled schemas and notes (`oneShot`: each document seen once, as in lint). */
export function createService(oneShot = false): ReturnType<typeof getLanguageService> {
  return getLanguageService({
    fs: nodeFileSystem,
    schemaDir: path.join(extensionRoot, 'schemas'),
    notesDir: path.join(extensionRoot, 'notes'),
    prebuiltNotes: loadPrebuiltNotes(path.join(__dirname, NOTES_INDEX)),
    precompiled: loadPrecompiledValidators(path.join(__dirname, 'validators')),
    oneShot,
  });
}

/** The bundled notes parsed now: the build writes them beside the bundles (NOTES_INDEX). */
export function bundledNotesSnapshot(): NotesSnapshot {
  return snapshotFolder(nodeFileSystem, path.join(extensionRoot, 'notes'));
}

/** The service's vocabularies, for scripts that work on the notes (scripts/notes-coverage.mjs). */
export const vocabulary = {
  pseudoParameters: PSEUDO_PARAMETERS,
  templateSections: TOP_LEVEL_SECTIONS,
  hookEvents: HOOK_EVENTS,
  reservedEvents: RESERVED_EVENTS,
};
