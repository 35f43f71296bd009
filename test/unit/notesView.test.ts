/** The notes sidebar's data: the tree the server sends, and the search items. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NotesTreeNode } from '../../server/src/protocol';
import { memoryFileSystem } from '../../server/src/service/fileSystem';
import { NotesIndex } from '../../server/src/service/notes/notes';
import { buildNotesTree, notesSearchItems } from '../../server/src/service/notes/tree';
import { doc, service } from '../support/helpers';

function labels(nodes: NotesTreeNode[] | undefined): string[] {
  return (nodes ?? []).map((n) => n.label);
}

function find(nodes: NotesTreeNode[] | undefined, label: string): NotesTreeNode | undefined {
  for (const node of nodes ?? []) {
    if (node.label === label) return node;
    const inner = find(node.children, label);
    if (inner) return inner;
  }
  return undefined;
}

function allIds(nodes: NotesTreeNode[] | undefined, out: string[] = []): string[] {
  for (const node of nodes ?? []) {
    out.push(node.id);
    allIds(node.children, out);
  }
  return out;
}

function forDocument(text: string, name: string) {
  const document = doc(text, name);
  return { uri: document.uri, state: service().getState(document) };
}

describe('the notes tree', () => {
  const index = service().notes;

  it('lists the open questions, then every note with its sections and subsections', () => {
    const nodes = buildNotesTree(index);
    assert.equal(nodes[0].label, 'Open questions');
    assert.equal(nodes[0].kind, 'group');
    assert.ok(
      nodes[0].children?.some(
        (q) => q.kind === 'question' && q.label.startsWith('Pros/Cons of different auto-scaling options'),
      ),
    );
    const notes = nodes.filter((n) => n.kind === 'note');
    assert.equal(notes.length, 18);
    assert.equal(notes[0].label, 'IAM & EC2');
    const sqs = notes.find((n) => n.label === 'SQS, SNS & Kinesis');
    assert.equal(sqs?.description, 'XVI');
    assert.deepEqual(labels(sqs?.children), ['A. SQS', 'B. SNS', 'C. Kinesis']);
    const sqsSection = sqs?.children?.[0];
    assert.deepEqual(labels(sqsSection?.children), ['1. FIFO queue']);
    assert.equal(sqsSection?.kind, 'heading');
    assert.deepEqual(sqsSection?.target, { path: sqsSection?.target?.path, line: 52, fragment: 'a-sqs' });
    assert.match(sqsSection?.target?.path.replace(/\\/g, '/') ?? '', /notes\/16-sqs-sns-kinesis\.md$/);
    assert.ok(sqsSection?.tooltip?.includes('`VisibilityTimeout`'));
    const ids = allIds(nodes);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  });

  it('shows the notes for a template: the sections about its resource types', () => {
    const template = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  F:\n    Type: AWS::Lambda::Function\n';
    const nodes = buildNotesTree(index, { document: forDocument(template, 'stack.yaml') });
    const group = nodes[0];
    assert.equal(group.label, 'Notes for this file');
    assert.equal(group.description, 'stack.yaml (CloudFormation)');
    assert.deepEqual(labels(group.children), ['CloudFormation', 'SQS, SNS & Kinesis', 'Lambda']);
    const sqs = find(group.children, 'SQS, SNS & Kinesis');
    assert.deepEqual(labels(sqs?.children), ['A. SQS']);
    assert.equal(sqs?.children?.[0].description, 'AWS::SQS::Queue');
    const ids = allIds(nodes);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  });

  it('lists only resource types that exist: a misspelt type gets no notes', () => {
    const template = 'Resources:\n  Q:\n    Type: AWS::SQS::Queu\n  T:\n    Type: AWS::SNS::Topic\n';
    const knownType = (type: string): boolean => service().schemas.hasResourceType(type);
    const group = buildNotesTree(index, { document: forDocument(template, 'stack.yaml'), knownType })[0];
    const text = JSON.stringify(group);
    assert.ok(!text.includes('AWS::SQS::Queu'), text);
    assert.ok(!find(group.children, 'A. SQS'));
    assert.equal(find(group.children, 'B. SNS')?.description, 'AWS::SNS::Topic');
  });

  it('shows CodeBuild, CodeDeploy and ECS notes for the other kinds', () => {
    const buildspec = buildNotesTree(index, {
      document: forDocument('version: 0.2\nphases: {}\n', 'buildspec.yml'),
    })[0];
    assert.ok(find(buildspec.children, 'C. CodeBuild'));
    const appspec = buildNotesTree(index, {
      document: forDocument('version: 0.0\nos: linux\n', 'appspec.yml'),
    })[0];
    assert.ok(find(appspec.children, 'D. CodeDeploy'));
    const taskdef = buildNotesTree(index, {
      document: forDocument('{"family": "a", "containerDefinitions": []}', 'taskdef.json'),
    })[0];
    assert.ok(find(taskdef.children, 'A. Elastic Container Service (ECS)'));
    const other = buildNotesTree(index, { document: forDocument('name: x\n', 'docker-compose.yaml') })[0];
    assert.notEqual(other.label, 'Notes for this file');
  });

  it('filters to what contains the words, with the matching bullets, expanded', () => {
    const nodes = buildNotesTree(index, { filter: 'visibility timeout' });
    const notes = nodes.filter((n) => n.kind === 'note');
    assert.deepEqual(labels(notes), ['SQS, SNS & Kinesis', 'Lambda']);
    const sqs = find(notes[0].children, 'A. SQS');
    assert.equal(sqs?.expanded, true);
    assert.ok(
      sqs?.children?.some(
        (b) => b.kind === 'bullet' && b.label.startsWith('Messages have a visibility timeout'),
      ),
    );
    assert.ok(!find(nodes, 'Notes for this file'));
    assert.ok(!nodes[0].id.startsWith('notes:'), 'filtered nodes get their own ids');
    const none = buildNotesTree(index, { filter: 'zzzz-not-there' });
    assert.deepEqual(
      none.map((n) => [n.kind, n.label]),
      [['message', 'Nothing in the notes contains "zzzz-not-there"']],
    );
  });

  it("shows each of the user's folders as a group, with a message when it is empty or missing", () => {
    const user = new NotesIndex(
      memoryFileSystem({
        '/b/a.md': '# Bundled\n- x\n',
        '/ws/mine/q.md': '# Queues\n## Tuning\n- visibility\n',
        '/ws/empty/x.txt': '',
      }),
      ['/b'],
    );
    user.setWorkspace({ roots: ['/ws'] });
    user.setUserFolders(['mine', 'empty', 'gone']);
    const nodes = buildNotesTree(user);
    assert.deepEqual(
      nodes.map((n) => [n.kind, n.label]),
      [
        ['note', 'Bundled'],
        ['folder', 'mine'],
        ['folder', 'empty'],
        ['folder', 'gone'],
      ],
    );
    assert.deepEqual(labels(nodes[1].children), ['Queues']);
    assert.deepEqual(labels(nodes[1].children?.[0].children), ['Tuning']);
    assert.deepEqual(labels(nodes[2].children), ['No Markdown notes in this folder']);
    assert.deepEqual(labels(nodes[3].children), ['Folder not found']);
    assert.deepEqual(
      user.folderInfos().map((f) => [f.path, f.bundled, f.exists, f.noteCount]),
      [
        ['/b', true, true, 1],
        ['/ws/mine', false, true, 1],
        ['/ws/empty', false, true, 0],
        ['/ws/gone', false, false, 0],
      ],
    );
  });
});

describe('the notes search', () => {
  it('offers every heading and bullet with where it is', () => {
    const items = notesSearchItems(service().notes);
    const heading = items.find((i) => i.kind === 'heading' && i.label === '1. ECS task placement');
    assert.equal(
      heading?.description,
      'ECS, ECR & Fargate › A. Elastic Container Service (ECS) › 1. ECS task placement',
    );
    assert.equal(heading?.target.fragment, '1-ecs-task-placement');
    const bullet = items.find((i) => i.kind === 'bullet' && i.label.startsWith('distinctInstance'));
    assert.equal(bullet?.description, heading?.description);
    assert.ok(bullet && heading && bullet.target.line > heading.target.line);
    assert.ok(items.length > 1000, `${items.length} items`);
    assert.ok(items.every((i) => i.label.trim() && !i.label.includes('<!--')));
  });

  /** The labels of the first `limit` answers to a query. */
  const top = (query: string, limit = 5): string[] =>
    notesSearchItems(service().notes, { query, limit }).map((i) => i.label);

  it('finds by meaning: word order, hyphens, plurals, typos and AWS shorthand do not matter', () => {
    const dlq = 'After limit, send messages to Dead-Letter Queue (DLQ) for debugging';
    for (const query of ['dead letter', 'letter dead', 'dead-letter queues', 'ded leter', 'DLQ']) {
      assert.ok(top(query).includes(dlq), `${query}: ${top(query).join(' | ')}`);
    }
    for (const query of ['fargate memory', 'fargte memroy']) {
      assert.ok(
        top(query).some((l) => /Fargate/.test(l)),
        `${query}: ${top(query).join(' | ')}`,
      );
    }
    assert.ok(
      top('read capacity units', 3).some((l) => l.startsWith('1 RCU =')),
      'long form finds RCU',
    );
    assert.ok(top('rcu', 3).some((l) => l.startsWith('1 RCU =')));
    assert.equal(
      top('visibility timeout lambda', 1)[0],
      'Recommendation: set message visibility to 6x the Lambda timeout limit',
    );
    assert.equal(top('time to live', 1)[0], 'Time-to-live (TTL)');
  });

  it('keeps to the limit, answers nothing for no words, everything in order without a query', () => {
    assert.equal(notesSearchItems(service().notes, { query: 'queue', limit: 3 }).length, 3);
    assert.deepEqual(notesSearchItems(service().notes, { query: '!!' }), []);
    assert.deepEqual(top('zzqxv nothing-like-this', 5).length <= 5, true);
    assert.ok(notesSearchItems(service().notes, { limit: 7 }).length === 7);
    assert.ok(notesSearchItems(service().notes, { query: 'queue', limit: -1 }).length <= 50);
  });
});
