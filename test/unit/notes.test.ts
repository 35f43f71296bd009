/** The notes index: reading notes (front matter, headings, topics, bullets), matching names, user folders. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { nodeFileSystem } from '../../server/src/nodeFileSystem';
import { memoryFileSystem } from '../../server/src/service/fileSystem';
import { NotesIndex } from '../../server/src/service/notes/notes';
import { joinPath, resolveFolder } from '../../server/src/service/notes/folders';
import type { NoteExcerpt } from '../../server/src/service/notes/lookup';
import { flattenBullets } from '../../server/src/service/notes/model';
import { headingSlug, parseNote } from '../../server/src/service/notes/parse';
import { makeTerm, matchScore, splitWords, tokenize } from '../../server/src/service/notes/words';
import { dedent, ROOT } from '../support/helpers';

function note(text: string, relativePath = 'n.md') {
  return parseNote({
    path: `/notes/${relativePath}`,
    folder: '/notes',
    relativePath,
    bundled: false,
    text: dedent(text),
  });
}

const bundled = new NotesIndex(nodeFileSystem, [path.join(ROOT, 'notes')]);

/** The excerpt's bullets as their first words, for readable assertions. */
function bulletTexts(excerpt: NoteExcerpt | undefined): string[] {
  return (excerpt?.bullets ?? []).map((b) => b.text);
}

describe('reading a note', () => {
  it('reads front matter, headings with their topic comments, and nested bullets with line ranges', () => {
    const n = note(`
      ---
      title: "Queues"
      section: "XVI"
      services: [SQS]
      topics:
        - "AWS::SQS::*"
        - VisibilityTimeout
      ---

      # XVI. Messaging
      <!-- topics: AWS::SQS::Queue -->

      - Intro bullet

      ## A. SQS

      <!-- topics: VisibilityTimeout, DelaySeconds -->

      - Messages have a visibility timeout
        - A consumer can extend it
          with ChangeMessageVisibility
      - Can delay messages
      1. Numbered item

      ### 1. FIFO
      - Ordered
    `);
    assert.equal(n.title, 'Queues');
    assert.equal(n.section, 'XVI');
    assert.deepEqual(n.services, ['SQS']);
    assert.deepEqual(n.topics, ['AWS::SQS::*', 'VisibilityTimeout']);
    assert.deepEqual(
      n.headings.map((h) => [h.level, h.label, h.line, h.topics]),
      [
        [1, 'XVI. Messaging', 9, ['AWS::SQS::Queue']],
        [2, 'A. SQS', 14, ['VisibilityTimeout', 'DelaySeconds']],
        [3, '1. FIFO', 24, []],
      ],
    );
    const sqs = n.headings[1];
    assert.equal(sqs.parent, n.headings[0]);
    // A section ends where the next heading of its level or higher starts, or at the end of the file.
    assert.equal(sqs.endLine, n.lines.length);
    assert.equal(n.headings[2].line, 24);
    assert.equal(n.headings[0].endLine, n.lines.length);
    assert.deepEqual(
      sqs.bullets.map((b) => [b.text, b.line, b.endLine]),
      [
        ['Messages have a visibility timeout', 18, 21],
        ['Can delay messages', 21, 22],
        ['Numbered item', 22, 23],
      ],
    );
    assert.deepEqual(
      sqs.bullets[0].children[0].text,
      'A consumer can extend it with ChangeMessageVisibility',
    );
    assert.equal(sqs.slug, 'a-sqs');
    assert.equal(n.headings[0].slug, 'xvi-messaging');
  });

  it('skips code fences and reads setext headings and prose paragraphs', () => {
    const n = note(`
      My notes
      ========

      Prose about queues and visibility timeouts.

      \`\`\`
      # not a heading
      - not a bullet
      \`\`\`

      Second part
      -----------
      - point
    `);
    assert.equal(n.hasFrontMatter, false);
    assert.equal(n.title, 'My notes');
    assert.deepEqual(
      n.headings.map((h) => [h.level, h.label]),
      [
        [1, 'My notes'],
        [2, 'Second part'],
      ],
    );
    assert.deepEqual(
      n.headings[0].bullets.map((b) => [b.text, b.paragraph]),
      [['Prose about queues and visibility timeouts.', true]],
    );
    assert.deepEqual(
      flattenBullets(n.headings[1].bullets).map((b) => b.text),
      ['point'],
    );
  });

  it("reads a user's Markdown right: numbered lists, code fences inside and outside items, tables, quotes", () => {
    const n = note(`
      # Deploying

      1. Build the image
         \`\`\`sh
         docker build -t app .
         - not a bullet
         \`\`\`
      2. Push it to ECR
         1. log in first
      3) Register the task definition

      \`\`\`yaml
      # not a heading
      Resources: {}
      \`\`\`

      | Setting | Advice |
      | --- | --- |
      | \`memory\` | hard limit, the container is killed above it |
      | cpu | 1024 units = one vCPU |

      > Quoted: keep the \`family\` name stable

      ~~~
      ## still code
      ~~~
      * last point
    `);
    assert.deepEqual(
      n.headings.map((h) => h.label),
      ['Deploying'],
    );
    const items = flattenBullets(n.headings[0].bullets).map((b) => [b.text, b.line, b.endLine, b.paragraph]);
    assert.deepEqual(items, [
      ['Build the image', 2, 7, false],
      ['Push it to ECR', 7, 9, false],
      ['log in first', 8, 9, false],
      ['Register the task definition', 9, 10, false],
      ['`memory` — hard limit, the container is killed above it', 18, 19, true],
      ['cpu — 1024 units = one vCPU', 19, 20, true],
      ['Quoted: keep the `family` name stable', 21, 22, true],
      ['last point', 26, 27, false],
    ]);
    // The fence inside the first item stays in its range; nothing in a fence is a heading or a bullet.
    assert.ok(!JSON.stringify(items).includes('not a bullet'));
  });

  it('reports an unclosed front matter and reads the rest as text', () => {
    const n = note('---\ntitle: x\n\n# Heading\n- a\n');
    assert.match(n.problems[0], /not closed/);
    assert.equal(n.hasFrontMatter, false);
  });

  it('reports broken front matter instead of failing', () => {
    const n = note('---\ntitle: [unclosed\n---\n# T\n- a\n');
    assert.equal(n.problems.length, 1);
    assert.match(n.problems[0], /front matter is not valid YAML/);
    assert.equal(n.headings[0].label, 'T');
  });

  it('makes preview anchors like the Markdown preview, unique per note', () => {
    assert.equal(
      headingSlug('XVI. AWS Integration & Messaging: SQS, SNS, & Kinesis'),
      'xvi-aws-integration--messaging-sqs-sns--kinesis',
    );
    assert.equal(headingSlug('1. ECS task placement'), '1-ecs-task-placement');
    const n = note('# A\n## Notes\n## Notes\n');
    assert.deepEqual(
      n.headings.map((h) => h.slug),
      ['a', 'notes', 'notes-1'],
    );
  });
});

describe('matching names to text', () => {
  it('splits CamelCase, kebab and snake case and :: into words', () => {
    assert.deepEqual(splitWords('VisibilityTimeout'), ['Visibility', 'Timeout']);
    assert.deepEqual(splitWords('runtime-versions'), ['runtime', 'versions']);
    assert.deepEqual(splitWords('pre_build'), ['pre', 'build']);
    assert.deepEqual(splitWords('Fn::GetAtt'), ['Fn', 'Get', 'Att']);
    assert.deepEqual(splitWords('HTTPSListener S3Bucket EC2'), ['HTTPS', 'Listener', 'S3', 'Bucket', 'EC2']);
  });

  it('scores the name itself above its words in a row, all its words, most of them', () => {
    const term = makeTerm('VisibilityTimeout');
    assert.equal(matchScore(term, tokenize('ChangeMessageVisibility (i.e. change VisibilityTimeout)')), 3);
    assert.equal(matchScore(term, tokenize('Messages have a visibility timeout: after received')), 2.5);
    assert.equal(matchScore(term, tokenize('the timeout of the visibility')), 2);
    assert.equal(matchScore(term, tokenize('Messages are invisible')), 0);
    assert.equal(matchScore(makeTerm('DelaySeconds'), tokenize('Can delay messages (default is 0 secs)')), 2);
    assert.equal(
      matchScore(makeTerm('MessageRetentionPeriod'), tokenize('By default, messages last 4 days')),
      1,
    );
  });

  it('does not search text for lone generic words', () => {
    assert.equal(makeTerm('Name').distinctive, false);
    assert.equal(makeTerm('Type').distinctive, false);
    assert.equal(makeTerm('QueueName').distinctive, true);
    assert.equal(makeTerm('binpack').distinctive, true);
  });
});

describe('looking up the bundled notes', () => {
  it('finds the visibility timeout bullets in the SQS section for an SQS queue', () => {
    const [main] = bundled.lookup({ terms: ['VisibilityTimeout'], resourceTypes: ['AWS::SQS::Queue'] });
    assert.equal(main?.heading?.label, 'A. SQS');
    assert.ok(bulletTexts(main).some((t) => t.startsWith('Messages have a visibility timeout')));
    // The bullet comes with its sub-bullets.
    const bullet = main?.bullets.find((b) => b.text.startsWith('Messages have a visibility timeout'));
    assert.equal(bullet?.children.length, 2);
  });

  it('finds message retention and delay by their words', () => {
    const [retention] = bundled.lookup({
      terms: ['MessageRetentionPeriod'],
      resourceTypes: ['AWS::SQS::Queue'],
    });
    assert.ok(
      bulletTexts(retention).includes('By default, messages last 4 days, with a max of 14 days'),
      bulletTexts(retention).join('|'),
    );
    const [delay] = bundled.lookup({ terms: ['DelaySeconds'], resourceTypes: ['AWS::SQS::Queue'] });
    assert.ok(
      bulletTexts(delay).includes('Can delay messages before they appear in the queue (default is 0 secs)'),
    );
  });

  it('does not fall back to the parent key: runtime-versions finds nothing, install finds the phases', () => {
    const none = bundled.lookup({
      terms: ['runtime-versions', 'install', 'phases'],
      resourceTypes: ['AWS::CodeBuild::Project'],
    });
    assert.deepEqual(none, []);
    const [main] = bundled.lookup({
      terms: ['install', 'phases'],
      resourceTypes: ['AWS::CodeBuild::Project'],
    });
    assert.equal(main?.heading?.label, 'C. CodeBuild');
    assert.deepEqual(bulletTexts(main), ['Phases:']);
  });

  it('shows the whole list for a short item: ApplicationStop reaches the hooks in order', () => {
    const [main] = bundled.lookup({
      terms: ['ApplicationStop'],
      resourceTypes: ['AWS::CodeDeploy::Application'],
    });
    assert.equal(main?.heading?.label, 'D. CodeDeploy');
    assert.equal(bulletTexts(main)[0], 'Hooks (instructions for deploying the new version of the app):');
    assert.equal(main?.bullets[0].children[0].text, 'ApplicationStop');
  });

  it('finds task placement for placementConstraints', () => {
    const [main] = bundled.lookup({
      terms: ['placementConstraints'],
      resourceTypes: ['AWS::ECS::TaskDefinition'],
    });
    assert.equal(main?.heading?.label, '1. ECS task placement');
    assert.ok(bulletTexts(main).includes('Task placement constraints'));
  });

  it('keeps to the resource type around the cursor', () => {
    // Timeout is a Lambda topic: a Lambda function gets it, a Batch job definition does not.
    assert.equal(
      bundled.lookup({ terms: ['Timeout'], resourceTypes: ['AWS::Lambda::Function'] })[0]?.note.title,
      'Lambda',
    );
    assert.deepEqual(
      bundled.lookup({ terms: ['Timeout'], resourceTypes: ['AWS::Batch::JobDefinition'] }),
      [],
    );
    // VisibilityTimeout is in the SQS note and the Lambda note: an SQS queue gets the SQS note first.
    const excerpts = bundled.lookup({ terms: ['VisibilityTimeout'], resourceTypes: ['AWS::SQS::Queue'] });
    assert.equal(excerpts[0].note.title, 'SQS, SNS & Kinesis');
  });

  it('gives a resource type the start of its section, also through a service pattern', () => {
    const [queue] = bundled.lookup({
      terms: ['AWS::SQS::Queue'],
      resourceTypes: ['AWS::SQS::Queue'],
      sectionOnly: true,
    });
    assert.equal(queue?.heading?.label, 'A. SQS');
    assert.deepEqual(queue?.bullets, []);
    const [inline] = bundled.lookup({
      terms: ['AWS::SQS::QueueInlinePolicy'],
      resourceTypes: ['AWS::SQS::QueueInlinePolicy'],
      sectionOnly: true,
    });
    assert.equal(inline?.heading?.label, 'A. SQS');
  });

  it('says nothing about what the notes do not cover', () => {
    assert.deepEqual(bundled.lookup({ terms: ['Unheard'], resourceTypes: ['AWS::SQS::Queue'] }), []);
    assert.deepEqual(bundled.lookup({ terms: [] }), []);
  });

  it('does not treat the README as a note', () => {
    assert.ok(bundled.notes().length >= 19);
    assert.ok(!bundled.notes().some((n) => /README/i.test(n.relativePath)));
  });
});

describe("the user's notes folders", () => {
  const files = {
    '/ws/my-notes/sqs.md': '# Queues\n\n- Keep the visibility timeout six times the Lambda timeout\n',
    '/ws/my-notes/sub/fifo.md': '## FIFO\n- FIFO queue names end in .fifo\n',
    '/ws/my-notes/README.md': '# About these notes\n- not a note\n',
    '/ws/my-notes/.hidden/x.md': '# Hidden\n',
    '/home/me/aws/cfn.md': '---\ntitle: Mine\ntopics: [Fn::Sub]\n---\n# Sub\n- Sub with a map\n',
  };

  it('resolves relative folders against the workspace and ~ against home', () => {
    assert.deepEqual(resolveFolder('my-notes', { roots: ['/ws'] }), { path: '/ws/my-notes' });
    assert.deepEqual(resolveFolder('./a/../b', { roots: ['/ws'] }), { path: '/ws/b' });
    assert.deepEqual(resolveFolder('~/aws', { roots: [], home: '/home/me' }), { path: '/home/me/aws' });
    assert.deepEqual(resolveFolder('/abs/x/', { roots: [] }), { path: '/abs/x' });
    assert.match(resolveFolder('rel', { roots: [] }).problem ?? '', /no workspace folder/);
    assert.equal(joinPath('C:\\ws', 'notes'), 'C:/ws/notes');
  });

  it('indexes them like the bundled notes, without front matter, and matches by words', () => {
    const index = new NotesIndex(memoryFileSystem(files), []);
    index.setWorkspace({ roots: ['/ws'], home: '/home/me' });
    index.setUserFolders(['my-notes', '~/aws', 'missing']);
    assert.deepEqual(
      index.notes().map((n) => n.relativePath),
      ['sqs.md', 'sub/fifo.md', 'cfn.md'],
    );
    assert.ok(index.problems.some((p) => p.includes('/ws/missing does not exist')));
    const [main] = index.lookup({ terms: ['VisibilityTimeout'], resourceTypes: ['AWS::SQS::Queue'] });
    assert.equal(main?.note.relativePath, 'sqs.md');
    assert.deepEqual(bulletTexts(main), ['Keep the visibility timeout six times the Lambda timeout']);
    const [sub] = index.lookup({ terms: ['Fn::Sub'] });
    assert.equal(sub?.note.title, 'Mine');
  });

  it('reads a folder again after one of its files changed', () => {
    const data: Record<string, string> = { '/n/a.md': '# A\n- first\n' };
    const fs = memoryFileSystem(data);
    const live = { ...fs, readFile: (p: string) => data[p] ?? fs.readFile(p) };
    const index = new NotesIndex(live, ['/n']);
    assert.equal(index.notes()[0].headings[0].bullets[0].text, 'first');
    data['/n/a.md'] = '# A\n- second\n';
    assert.equal(index.notes()[0].headings[0].bullets[0].text, 'first', 'cached until told');
    index.invalidate(['/n/a.md']);
    assert.equal(index.notes()[0].headings[0].bullets[0].text, 'second');
  });

  it('gives the preview anchor of the heading a line is in', () => {
    const index = new NotesIndex(memoryFileSystem({ '/n/a.md': '# Top\n- x\n## Deep dive\n- y\n- z\n' }), [
      '/n',
    ]);
    assert.deepEqual(index.target('/n/a.md', 4), { path: '/n/a.md', line: 4, fragment: 'deep-dive' });
    assert.deepEqual(index.target('/n/unknown.md', 1), { path: '/n/unknown.md', line: 1 });
  });
});
