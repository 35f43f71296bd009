/**
 * Language features through VS Code's commands over template.yaml of the fixture workspace:
 * hover (with the notes), completion, snippets, definition, references, rename, code actions and
 * document symbols. The line numbers below are 1-based, as in the editor.
 *
 *    5    QueueName:                       (parameter)
 *   10    DeadLetters:                     (resource)
 *   15    Orders:                          (resource)
 *   18        QueueName: !Ref QueueName
 *   19        VisibilityTimeout: 60
 *   21          deadLetterTargetArn: !GetAtt DeadLetters.Arn
 *   24    OrdersTopic:
 *   27        DisplayName: Orders          (only the user's note my-notes/topics.md is about it)
 *   31      Value: !Ref Orders             (output OrdersUrl)
 *   33      Value: !GetAtt DeadLetters.Arn (output DeadLettersArn)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeWithoutSaving,
  codeOf,
  hoverText,
  open,
  openUntitled,
  positionOf,
  waitForDiagnostics,
  where,
} from './helpers';
import { test } from './runner';

const FILE = 'template.yaml';

function at(document: vscode.TextDocument, needle: string, offset = 0, occurrence = 0): string {
  const p = positionOf(document, needle, { offset, occurrence });
  return `${FILE}:${p.line + 1}:${p.character}`;
}

async function hoverAt(document: vscode.TextDocument, needle: string): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    positionOf(document, needle, { offset: 3 }),
  );
  return hoverText(hovers);
}

test('hover on a property shows its documentation and, under "From your notes", the bundled note', async () => {
  const { document } = await open(FILE);
  const text = await hoverAt(document, 'VisibilityTimeout');
  assert.match(text, /The length of time during which a message will be unavailable/);
  assert.match(text, /From your notes/);
  assert.match(text, /Messages have a visibility timeout/, 'the bundled SQS note');
  assert.match(text, /\[Open note: A\. SQS\]\(command:awsDevNotes\.openNote\?/, 'a link that opens the note');
});

test("hover shows the user's own note, from the folder in awsDevNotes.notes.folders", async () => {
  const { document } = await open(FILE);
  const text = await hoverAt(document, 'DisplayName');
  assert.match(text, /From your notes/);
  assert.match(text, /DisplayName is the sender shown on SMS messages/, 'the bullet of my-notes/topics.md');
  assert.match(text, /\[Open note: Topics\]\(command:awsDevNotes\.openNote\?/, text);
});

test('hover on a resource type shows the type', async () => {
  const { document } = await open(FILE);
  assert.match(await hoverAt(document, 'AWS::SNS::Topic'), /AWS::SNS::Topic/);
});

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

test("completion under Properties offers the type's properties not yet written", async () => {
  const editor = await openUntitled(
    'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 0\n      \n',
  );
  try {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      new vscode.Position(5, 6),
    );
    const properties = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Property).map(labelOf);
    for (const name of [
      'VisibilityTimeout',
      'MessageRetentionPeriod',
      'FifoQueue',
      'RedrivePolicy',
      'Tags',
    ]) {
      assert.ok(properties.includes(name), `${name} missing from ${JSON.stringify(properties)}`);
    }
    for (const name of ['DelaySeconds', 'BucketName', 'Type']) {
      assert.ok(!properties.includes(name), `${name} should not be offered: ${JSON.stringify(properties)}`);
    }
  } finally {
    await closeWithoutSaving();
  }
});

/** Completes `prefix` typed at the end of the document with the snippet `label`, as accepting it would. */
async function expandSnippet(editor: vscode.TextEditor, prefix: string, label: string): Promise<void> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  await editor.edit((e) => e.insert(end, prefix));
  const cursor = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    editor.document.uri,
    cursor,
  );
  const item = list.items.find((i) => labelOf(i) === label);
  assert.ok(item, `${label} missing from ${JSON.stringify(list.items.map(labelOf))}`);
  assert.equal(item.kind, vscode.CompletionItemKind.Snippet);
  assert.ok(item.insertText instanceof vscode.SnippetString, 'a snippet, with placeholders');
  const range = item.range
    ? 'replacing' in item.range
      ? item.range.replacing
      : item.range
    : editor.document.getWordRangeAtPosition(cursor, /[\w-]+/);
  assert.ok(range, 'the range the snippet replaces');
  assert.equal(editor.document.getText(range), prefix.trim(), 'the snippet replaces what was typed');
  // as the editor accepts a completion: the server's multi-line items keep their whitespace
  const options = { undoStopBefore: true, undoStopAfter: true, keepWhitespace: item.keepWhitespace };
  assert.ok(await editor.insertSnippet(item.insertText, range, options), 'snippet inserted');
  await vscode.commands.executeCommand('leaveSnippet'); // keep the placeholders' defaults
}

const SNIPPETS_RESULT = `AWSTemplateFormatVersion: "2010-09-09"
Description: What this stack creates
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt QueueDeadLetter.Arn
        maxReceiveCount: 5
  QueueDeadLetter:
    Type: AWS::SQS::Queue
    Properties:
      MessageRetentionPeriod: 1209600`;

test('the snippets cfn-template and cfn-sqs-queue-dlq are offered where they fit and expand into a valid template', async () => {
  const editor = await openUntitled('');
  try {
    await expandSnippet(editor, 'cfn-templ', 'cfn-template');
    await expandSnippet(editor, '  cfn-sqs', 'cfn-sqs-queue-dlq');
    const text = editor.document
      .getText()
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trimEnd();
    assert.equal(text, SNIPPETS_RESULT);
    await waitForDiagnostics(editor.document.uri, (ds) => ds.length === 0, 'a valid template');
  } finally {
    await closeWithoutSaving();
  }
});

test('go to definition from !Ref and !GetAtt', async () => {
  const { document } = await open(FILE);
  const definition = async (needle: string, offset: number): Promise<string[]> => {
    const result = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionOf(document, needle, { offset }),
    );
    return result.map(where);
  };
  assert.deepEqual(await definition('!Ref QueueName', 7), [at(document, '  QueueName:', 2)]);
  assert.deepEqual(await definition('!GetAtt DeadLetters', 10), [at(document, '  DeadLetters:', 2)]);
});

test('references of a resource: its definition and every use', async () => {
  const { document } = await open(FILE);
  const result = await vscode.commands.executeCommand<vscode.Location[]>(
    'vscode.executeReferenceProvider',
    document.uri,
    positionOf(document, '  DeadLetters:', { offset: 4 }),
  );
  assert.deepEqual(result.map(where).sort(), [
    at(document, '  DeadLetters:', 2),
    at(document, '!GetAtt DeadLetters', 8),
    at(document, '!GetAtt DeadLetters', 8, 1),
  ]);
});

test('rename of a resource changes it and its uses, and nothing else', async () => {
  const editor = await open(FILE);
  const { document } = editor;
  const original = document.getText();
  const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
    'vscode.executeDocumentRenameProvider',
    document.uri,
    positionOf(document, '  Orders:', { offset: 4 }),
    'OrderQueue',
  );
  const edits = edit.get(document.uri);
  assert.deepEqual(
    edits.map((e) => document.getText(e.range)),
    ['Orders', 'Orders'],
  );
  assert.deepEqual(edits.map((e) => where(new vscode.Location(document.uri, e.range))).sort(), [
    at(document, '  Orders:', 2),
    at(document, '!Ref Orders', 5),
  ]);
  assert.ok(await vscode.workspace.applyEdit(edit));
  try {
    const lines = document.getText().split('\n');
    assert.equal(lines[14], '  OrderQueue:');
    assert.equal(lines[30], '    Value: !Ref OrderQueue');
    assert.equal(lines[23], '  OrdersTopic:', 'a name that only starts the same way');
    assert.equal(lines[29], '  OrdersUrl:');
    assert.equal(lines[6], '    Default: orders');
  } finally {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  assert.equal(document.getText(), original);
});

test('code actions on AWS::S3::Buckett: the preferred fix is "Change to \'AWS::S3::Bucket\'", and it clears the error', async () => {
  const editor = await open('bad/template.yaml');
  const { document } = editor;
  const [diagnostic] = await waitForDiagnostics(document.uri, (ds) => ds.length === 1);
  assert.equal(codeOf(diagnostic), 'cfn-unknown-resource-type');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    diagnostic.range,
  );
  const fix = actions.find((a) => a.title === "Change to 'AWS::S3::Bucket'");
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
  assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
  try {
    assert.equal(document.lineAt(3).text, '    Type: AWS::S3::Bucket');
    await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'the error gone');
  } finally {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await waitForDiagnostics(document.uri, (ds) => ds.length === 1, 'the error back after reverting');
});

test('document symbols: parameters, resources with their types, outputs', async () => {
  const { document } = await open(FILE);
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
    'vscode.executeDocumentSymbolProvider',
    document.uri,
  );
  const under = (section: string): string[] => {
    const found = symbols.find((s) => s.name === section);
    assert.ok(found, `no ${section} in ${JSON.stringify(symbols.map((s) => s.name))}`);
    return found.children.map((c) => `${c.name} ${c.detail}`.trim());
  };
  assert.deepEqual(under('Parameters'), ['QueueName String']);
  assert.deepEqual(under('Resources'), [
    'DeadLetters AWS::SQS::Queue',
    'Orders AWS::SQS::Queue',
    'OrdersTopic AWS::SNS::Topic',
  ]);
  assert.deepEqual(
    under('Outputs').map((o) => o.split(' ')[0]),
    ['OrdersUrl', 'DeadLettersArn'],
  );
});
