/**
 * Trust (issue 9): what the manifest declares for untrusted and virtual workspaces matches what
 * the code does, and the server and CLI have no way to run programs or reach the network.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/helpers';

interface Manifest {
  capabilities: {
    untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[] };
    virtualWorkspaces: { supported: boolean };
  };
  contributes: { configuration: { properties: Record<string, { markdownDescription?: string }> } };
}

/** The one file that runs code through node:vm and writes files: V8's cached data of our own code. */
const CODE_CACHE = path.join(ROOT, 'server', 'src', 'codeCache.ts');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

describe('trust', () => {
  it('restricts every setting that makes the extension read files', () => {
    const { untrustedWorkspaces } = manifest.capabilities;
    assert.equal(untrustedWorkspaces.supported, 'limited');
    const restricted = untrustedWorkspaces.restrictedConfigurations ?? [];
    const settings = Object.keys(manifest.contributes.configuration.properties);
    for (const name of restricted) assert.ok(settings.includes(name), `${name} is not a setting`);
    // A setting reads files when it names folders or paths.
    const reading = settings.filter((name) => /folders?$|paths?$|dir(ectory)?$/i.test(name));
    assert.deepEqual(reading, ['awsDevNotes.notes.folders']);
    for (const name of reading) assert.ok(restricted.includes(name), name);
  });

  it('declares virtual workspaces unsupported, as the client only asks for file and untitled documents', () => {
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
    const client = fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    const schemes = [...client.matchAll(/scheme: '([a-z-]+)'/g)].map((m) => m[1]);
    assert.ok(schemes.length > 0);
    assert.deepEqual([...new Set(schemes)].sort(), ['file', 'untitled']);
  });

  it('has no way to run programs, evaluate code or reach the network in the server and CLI', () => {
    for (const file of sources(path.join(ROOT, 'server', 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      // The one exception: our own files (the bundles beside the launcher, the build-time
      // validators in dist/validators) are run through node:vm to reuse V8's cached data; vm is
      // given nothing but such a file's text, read from disk, in CommonJS's wrapper.
      const vmAllowed =
        file === CODE_CACHE &&
        /const code = readFileSync\(file, 'utf8'\);/.test(text) &&
        /const wrapper = `\(function \(exports, require, module, __filename, __dirname\) \{\$\{code\}\\n\}\)`;/.test(
          text,
        ) &&
        // node:vm gives it the one class that compiles a file's text, nothing else.
        (text.match(/from 'node:vm'/g) ?? []).length === 1 &&
        /^import \{ Script \} from 'node:vm';$/m.test(text) &&
        (text.match(/new Script\(/g) ?? []).length === 1 &&
        /new Script\(wrapper, /.test(text);
      assert.doesNotMatch(
        text,
        vmAllowed
          ? /from 'node:(child_process|http|https|net|dgram)'/
          : /from 'node:(child_process|http|https|net|dgram|vm)'/,
        file,
      );
      assert.doesNotMatch(text, /\beval\(|new Function\(/, file);
    }
  });

  it('writes no files from the server or the CLI', () => {
    for (const file of sources(path.join(ROOT, 'server', 'src'))) {
      let text = fs.readFileSync(file, 'utf8');
      if (file === CODE_CACHE) {
        // The one exception: V8's cached data of our own code, written at exit into a folder of
        // the system's temporary directory (older data of the same file removed there), never
        // near the user's files.
        assert.match(text, /const CODE_CACHE_DIR = join\(tmpdir\(\), 'aws-dev-notes-code-cache'\);/);
        const start = text.indexOf('function writeCodeCaches(');
        assert.ok(start >= 0, 'writeCodeCaches');
        const body = text.slice(start, text.indexOf('\n}\n', start));
        assert.match(body, /mkdirSync\(CODE_CACHE_DIR/);
        // Every path written or removed there is in CODE_CACHE_DIR.
        assert.match(body, /const old = join\(CODE_CACHE_DIR, name\);/);
        assert.match(text, /cacheFile = join\(CODE_CACHE_DIR, /);
        text = text.replace(body, '');
      }
      assert.doesNotMatch(text, /\b(writeFile|appendFile|mkdir|rmSync|unlink|rename)(Sync)?\(/, file);
    }
  });
});
