/** Completion lists with LSP 3.17 item defaults: the same edits as the full items, much smaller. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { withItemDefaults } from '../../server/src/service/features/completion/itemDefaults';
import { docAt, service } from '../support/helpers';

const ALL = ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'];

/** What a client makes of a list with defaults (as vscode-languageclient does). */
function expand(list: CompletionList): CompletionItem[] {
  const defaults = list.itemDefaults ?? {};
  return list.items.map((original) => {
    const item: CompletionItem = { ...original };
    if (!item.textEdit && defaults.editRange && 'start' in defaults.editRange) {
      item.textEdit = { range: defaults.editRange, newText: item.textEditText ?? item.label };
    }
    delete item.textEditText;
    if (item.insertTextFormat === undefined && defaults.insertTextFormat !== undefined)
      item.insertTextFormat = defaults.insertTextFormat;
    if (item.insertTextFormat === 1) delete item.insertTextFormat;
    if (item.data === undefined && defaults.data !== undefined) item.data = defaults.data as unknown;
    return item;
  });
}

function normalise(items: CompletionItem[]): CompletionItem[] {
  return items.map((item) => {
    const copy = { ...item };
    if (copy.insertTextFormat === 1) delete copy.insertTextFormat;
    return copy;
  });
}

const CASES: [string, string][] = [
  [
    'resource types',
    'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Q|\n',
  ],
  ['properties', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      |\n'],
  ['buildspec keys', 'version: 0.2\nphases:\n  build:\n    |\n'],
  [
    'references',
    'Parameters:\n  Env:\n    Type: String\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref |\n',
  ],
];

describe('completion item defaults', () => {
  for (const [name, text] of CASES) {
    it(`${name}: expanding the defaults gives the full items back`, () => {
      const { document, position } = docAt(
        text,
        name.startsWith('buildspec') ? 'buildspec.yml' : 'template.yaml',
      );
      const full = service().doComplete(document, position);
      const compact = service().doComplete(document, position, ALL);
      assert.ok(full.items.length > 0);
      assert.deepEqual(normalise(expand(compact)), normalise(full.items));
    });
  }

  it('makes resource-type completion a fraction of its size, and resolves items given default data', () => {
    const { document, position } = docAt(CASES[0][1]);
    const full = JSON.stringify(service().doComplete(document, position)).length;
    const list = service().doComplete(document, position, ALL);
    const compact = JSON.stringify(list).length;
    assert.ok(compact < full * 0.45, `${compact} bytes vs ${full}`);
    const queue = expand(list).find((i) => i.label === 'AWS::SQS::Queue');
    assert.ok(queue);
    assert.match(JSON.stringify(service().resolveCompletionItem(queue).documentation), /SQS/);
  });

  it('leaves lists alone for clients without the capability', () => {
    const list: CompletionList = { isIncomplete: false, items: [{ label: 'a' }, { label: 'b' }] };
    assert.equal(withItemDefaults(list, undefined), list);
    assert.equal(withItemDefaults(list, []), list);
  });
});
