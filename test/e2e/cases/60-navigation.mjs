// Navigation in a template (workspace file navigation.yaml): go to definition (F12) from
// !Ref / !GetAtt, the Outline view, and rename (F2) of a resource.
//
//    5    QueueName:                       (parameter)
//   10    DeadLetters:                     (resource)
//   15    Orders:                          (resource, renamed by the last test)
//   18        QueueName: !Ref QueueName
//   20          deadLetterTargetArn: !GetAtt DeadLetters.Arn
//   23    OrdersTopic:
//   28      Value: !Ref Orders             (output OrdersUrl)
import assert from 'node:assert/strict';
import test from 'node:test';

import { editor } from '../harness.mjs';

const T = { timeout: 120_000 };
const FILE = 'navigation.yaml';

test('F12 on a !Ref jumps to the parameter, and on a !GetAtt to the resource', T, async () => {
  await editor.openFile(FILE);
  await editor.waitForActivation();
  await editor.waitForStatusBar(/CloudFormation/);
  await editor.hidePanel(); // the whole file on screen

  const from = await editor.clickAt(/(?<=!Ref )QueueName/);
  assert.equal(from.line, 18);
  await editor.page.keyboard.press('F12');
  await editor.waitForCursor(5, 3);

  await editor.clickAt(/(?<=!GetAtt )DeadLetters/);
  await editor.page.keyboard.press('F12');
  await editor.waitForCursor(10, 3);
});

test('the Outline view lists the parameters, resources (with their types) and outputs', T, async () => {
  await editor.openFile(FILE);
  const rows = await editor.outline((r) => r.some((x) => x.name === 'OrdersTopic'));
  const under = (section) => {
    const i = rows.findIndex((r) => r.level === 1 && r.name === section);
    assert.ok(i >= 0, `no ${section} in ${JSON.stringify(rows)}`);
    const out = [];
    for (const r of rows.slice(i + 1)) {
      if (r.level <= 1) break;
      if (r.level === 2) out.push(`${r.name} ${r.detail}`.trim());
    }
    return out;
  };
  assert.deepEqual(under('Resources'), [
    'DeadLetters AWS::SQS::Queue',
    'Orders AWS::SQS::Queue',
    'OrdersTopic AWS::SNS::Topic',
  ]);
  assert.deepEqual(under('Parameters'), ['QueueName String']);
  assert.deepEqual(
    under('Outputs').map((o) => o.split(' ')[0]),
    ['OrdersUrl', 'DeadLettersArn'],
  );
});

test('F2 on a resource renames it and every use, and nothing else', T, async () => {
  await editor.openFile(FILE);
  await editor.goTo(15, 4); // inside "Orders" of "  Orders:"
  await editor.rename('OrderQueue');
  const text = await editor.waitForText((t) => t.includes('Value: !Ref OrderQueue'), {
    what: 'the renamed reference',
  });
  const lines = text.split('\n');
  assert.equal(lines[14], '  OrderQueue:');
  assert.equal(lines[27], '    Value: !Ref OrderQueue');
  // names that only start the same way, and the parameter's value, are untouched
  assert.equal(lines[22], '  OrdersTopic:');
  assert.equal(lines[26], '  OrdersUrl:');
  assert.equal(lines[6], '    Default: orders');
  assert.ok(!/\bOrders\b/.test(text), text);
  await editor.waitForProblems((ms) => ms.length === 0, { file: FILE });
});
