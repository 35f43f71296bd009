/**
 * Diagnostics through `vscode.languages.getDiagnostics`: one mistake in a file of each of the four
 * kinds (test/vscode/workspace/bad/), the valid file of each kind clean, and the
 * `awsDevNotes.validation.enable` setting turning them off and on again.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, extensionApi, open, SOURCE, waitForDiagnostics, workspaceUri } from './helpers';
import { test } from './runner';

const MISTAKES = [
  {
    file: 'bad/template.yaml',
    valid: 'template.yaml',
    code: 'cfn-unknown-resource-type',
    line: 4,
    message: /AWS::S3::Buckett.*AWS::S3::Bucket/s,
  },
  {
    file: 'bad/buildspec.yml',
    valid: 'buildspec.yml',
    code: 'buildspec-runtime-versions-outside-install',
    line: 8,
    message: /'runtime-versions' is only allowed in the install phase, not in 'build'\./,
  },
  {
    file: 'bad/appspec.yml',
    valid: 'appspec.yml',
    code: 'appspec-unknown-hook',
    line: 11,
    message: /Did you mean 'AfterAllowTestTraffic'\?/,
  },
  {
    file: 'bad/taskdef.json',
    valid: 'taskdef.json',
    code: 'taskdef-fargate-cpu-memory',
    line: 6,
    message: /Fargate offers memory 512, 1024 or 2048 \(MiB\); found 4096\./,
  },
];

test('the extension activates and returns its API', async () => {
  const api = await extensionApi();
  assert.equal(typeof api.notesTree.getChildren, 'function');
}, 60_000);

for (const m of MISTAKES) {
  test(`${m.file}: one ${m.code} error, and ${m.valid} is clean`, async () => {
    const { document } = await open(m.file);
    const [diagnostic, ...rest] = await waitForDiagnostics(document.uri, (ds) =>
      ds.some((d) => codeOf(d) === m.code),
    );
    assert.deepEqual(rest, [], 'exactly one diagnostic');
    assert.equal(diagnostic.source, SOURCE);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.range.start.line + 1, m.line);
    assert.match(diagnostic.message, m.message);

    const valid = await open(m.valid);
    await waitForDiagnostics(valid.document.uri, (ds) => ds.length === 0, `no diagnostics in ${m.valid}`);
  });
}

test('awsDevNotes.validation.enable: false clears the diagnostics, and removing it brings them back', async () => {
  const uri = workspaceUri('bad/template.yaml');
  await waitForDiagnostics(uri, (ds) => ds.length === 1);
  const config = vscode.workspace.getConfiguration('awsDevNotes');
  try {
    await config.update('validation.enable', false, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'diagnostics cleared');
    await waitForDiagnostics(
      workspaceUri('bad/buildspec.yml'),
      (ds) => ds.length === 0,
      'other files cleared',
    );
  } finally {
    await config.update('validation.enable', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitForDiagnostics(uri, (ds) => ds.length === 1, 'diagnostics back');
});
