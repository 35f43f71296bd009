/** Quick fixes in YAML: each fix is applied to the text and the result checked (and re-validated). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apply, codesOf, fixes, titled } from '../support/codeActions';
import { dedent, doc, service } from '../support/helpers';

const HEAD = 'AWSTemplateFormatVersion: "2010-09-09"\n';

describe('quick fixes: replacements', () => {
  it('changes an unknown resource type to the suggestion, keeping its quotes', () => {
    const plain = fixes(`${HEAD}Resources:\n  B:\n    Type: AWS::S3::Buckett\n`, 'cfn-unknown-resource-type');
    const change = titled(plain.actions, "Change to 'AWS::S3::Bucket'");
    assert.equal(change.isPreferred, true);
    assert.equal(apply(plain.document, change), `${HEAD}Resources:\n  B:\n    Type: AWS::S3::Bucket\n`);
    const quoted = fixes(
      `${HEAD}Resources:\n  B:\n    Type: 'AWS::S3::Buckett'\n`,
      'cfn-unknown-resource-type',
    );
    assert.equal(
      apply(quoted.document, quoted.actions[0]),
      `${HEAD}Resources:\n  B:\n    Type: 'AWS::S3::Bucket'\n`,
    );
  });

  it('renames an unknown property to the suggestion', () => {
    const text = `${HEAD}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimout: 5\n`;
    const { document, actions } = fixes(text, 'cfn-unknown-property');
    const fixed = apply(document, titled(actions, "Change to 'VisibilityTimeout'"));
    assert.equal(fixed, text.replace('VisibilityTimout', 'VisibilityTimeout'));
    assert.deepEqual(codesOf(fixed), []);
  });

  it('offers the did-you-mean value first, then the other allowed values', () => {
    const text = `${HEAD}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    DeletionPolicy: Retian\n`;
    const { document, actions } = fixes(text, 'cfn-invalid-value');
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        "Change to 'Retain'",
        "Change to 'Delete'",
        "Change to 'Snapshot'",
        "Change to 'RetainExceptOnCreate'",
      ],
    );
    assert.equal(apply(document, actions[1]), text.replace('Retian', 'Delete'));
  });

  it('fixes a Ref and a GetAtt attribute inside their names only', () => {
    const ref = fixes(
      `${HEAD}Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref "Queu"\n`,
      'cfn-unknown-ref',
    );
    assert.match(apply(ref.document, titled(ref.actions, "Change to 'Queue'")), /TopicName: !Ref "Queue"\n$/);
    const getAtt = fixes(
      `${HEAD}Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !GetAtt Queue.QueueNam\n`,
      'cfn-unknown-getatt-attribute',
    );
    assert.match(apply(getAtt.document, getAtt.actions[0]), /!GetAtt Queue\.QueueName\n$/);
  });

  it('writes a replacement that carries its own quotes as it is', () => {
    const text =
      'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      python: 3.10\n    commands:\n      - pip install -r requirements.txt\n';
    const { document, actions } = fixes(text, 'buildspec-yaml-number', 'buildspec.yml');
    const fix = titled(actions, 'Change to "3.10"');
    assert.equal(apply(document, fix), text.replace('python: 3.10', 'python: "3.10"'));
  });

  it('keeps a plain number plain when the allowed values are numbers written as strings', () => {
    const text = `${HEAD}Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      NetworkMode: awsvpc\n      Cpu: 257\n      Memory: 512\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n`;
    const document = doc(text);
    const diagnostic = service()
      .validate(document)
      .find((d) => (d.data as { alternatives?: string[] } | undefined)?.alternatives?.includes('256'));
    assert.ok(diagnostic, 'a Fargate size diagnostic with alternatives');
    const actions = service().getCodeActions(document, diagnostic.range, { diagnostics: [diagnostic] });
    assert.equal(actions[0].title, "Change to '256'");
    assert.match(apply(document, actions[0]), /Cpu: 256\n/);
  });
});

describe('quick fixes: add missing required keys', () => {
  it('adds a Properties block with the required properties to a resource that has none', () => {
    const text = `${HEAD}Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n  Q:\n    Type: AWS::SQS::Queue\n`;
    const { document, actions } = fixes(text, 'cfn-missing-property');
    const fixed = apply(document, titled(actions, "Add required properties 'Code', 'Role'"));
    assert.equal(
      fixed,
      `${HEAD}Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: {}\n      Role: ""\n  Q:\n    Type: AWS::SQS::Queue\n`,
    );
    assert.ok(!codesOf(fixed).includes('cfn-missing-property'));
  });

  it('fills an empty Properties key', () => {
    const text = `${HEAD}Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n`;
    const { document, actions } = fixes(text, 'cfn-missing-property');
    assert.equal(apply(document, actions[0]), `${text}      Code: {}\n      Role: ""\n`);
  });

  it('adds a missing key to a list item at the item indentation', () => {
    const text = `${HEAD}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n        - Key: team  # owner\n      DelaySeconds: 5\n`;
    const { document, actions } = fixes(text, 'cfn-missing-property');
    const fixed = apply(document, titled(actions, "Add required property 'Value'"));
    assert.equal(
      fixed,
      text.replace('        - Key: team  # owner\n', '        - Key: team  # owner\n          Value: ""\n'),
    );
    assert.ok(!codesOf(fixed).includes('cfn-missing-property'));
  });

  it('adds keys to a flow map', () => {
    const text = `${HEAD}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: [{Key: team}]\n`;
    const { document, actions } = fixes(text, 'cfn-missing-property');
    assert.equal(apply(document, actions[0]), text.replace('{Key: team}', '{Key: team, Value: ""}'));
  });

  it('adds a parameter Type and an output Value', () => {
    const parameter = fixes(
      `${HEAD}Parameters:\n  Env:\n    Default: dev\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Env\n`,
      'cfn-missing-parameter-type',
    );
    assert.match(
      apply(parameter.document, parameter.actions[0]),
      /\n {2}Env:\n {4}Default: dev\n {4}Type: String\n/,
    );
    const output = fixes(
      `${HEAD}Resources:\n  Q:\n    Type: AWS::SQS::Queue\nOutputs:\n  Url:\n    Description: the URL\n`,
      'cfn-output-missing-value',
    );
    assert.equal(
      apply(output.document, output.actions[0]),
      `${HEAD}Resources:\n  Q:\n    Type: AWS::SQS::Queue\nOutputs:\n  Url:\n    Description: the URL\n    Value: ""\n`,
    );
  });

  it('adds missing keys in buildspec and appspec files', () => {
    const buildspec = fixes(
      'version: 0.2\nphases:\n  build:\n    finally:\n      - echo done\n',
      'buildspec-finally-without-commands',
      'buildspec.yml',
    );
    const fixed = apply(
      buildspec.document,
      buildspec.actions.find((a) => a.title.startsWith('Add')) ?? buildspec.actions[0],
    );
    assert.equal(
      fixed,
      'version: 0.2\nphases:\n  build:\n    finally:\n      - echo done\n    commands: []\n',
    );
    const appspec = fixes(
      'version: 0.0\nos: linux\nfiles:\n  - destination: /srv\n',
      'appspec-missing-key',
      'appspec.yml',
    );
    assert.equal(
      apply(appspec.document, appspec.actions[0]),
      'version: 0.0\nos: linux\nfiles:\n  - destination: /srv\n    source: ""\n',
    );
  });

  it('merges the fixes of several missing keys of one object', () => {
    const text = `${HEAD}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n        - {}\n`;
    const document = doc(text);
    // One diagnostic per missing key (as rules may report them), all for the same object.
    const [reported] = service()
      .validate(document)
      .filter((d) => d.code === 'cfn-missing-property');
    const missing = ['Key', 'Value'].map((name) => ({ ...reported, data: { missing: [name] } }));
    const actions = service().getCodeActions(document, missing[0].range, { diagnostics: missing });
    const all = titled(actions, "Add required properties 'Key', 'Value'");
    assert.equal(all.diagnostics?.length, 2);
    const fixed = apply(document, all);
    assert.equal(fixed, text.replace('- {}', '- {Key: "", Value: ""}'));
    assert.ok(!codesOf(fixed).includes('cfn-missing-property'));
  });
});

describe('quick fixes: remove', () => {
  it('removes an unknown property with its lines', () => {
    const text = dedent(`
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Q:
          Type: AWS::SQS::Queue
          Properties:
            Unknown:
              Nested: 1
              More: [1, 2]
            DelaySeconds: 5
    `);
    const { document, actions } = fixes(text, 'cfn-unknown-property');
    const fixed = apply(document, titled(actions, "Remove 'Unknown'"));
    assert.equal(fixed, text.replace('      Unknown:\n        Nested: 1\n        More: [1, 2]\n', ''));
    assert.deepEqual(codesOf(fixed), []);
  });

  it('removes the first key of a list item, handing the dash to the next key', () => {
    const text = `${HEAD}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n        - Colour: red\n          Key: a\n          Value: b\n`;
    const { document, actions } = fixes(text, 'cfn-unknown-property');
    assert.equal(
      apply(document, titled(actions, "Remove 'Colour'")),
      text.replace('- Colour: red\n          Key', '- Key'),
    );
  });

  it('removes a duplicate DependsOn item from block and flow lists', () => {
    const block = `${HEAD}Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SQS::Queue\n    DependsOn:\n      - A\n      - A\n`;
    const blockFix = fixes(block, 'cfn-duplicate-depends-on');
    assert.equal(
      apply(blockFix.document, titled(blockFix.actions, "Remove 'A'")),
      block.replace('      - A\n      - A\n', '      - A\n'),
    );
    const flow = `${HEAD}Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SQS::Queue\n    DependsOn: [A, A]\n`;
    const flowFix = fixes(flow, 'cfn-duplicate-depends-on');
    assert.equal(apply(flowFix.document, flowFix.actions[0]), flow.replace('[A, A]', '[A]'));
  });

  it('removes an unused parameter with its whole definition', () => {
    const text = `${HEAD}Parameters:\n  Unused:\n    Type: String\n    Default: x\n  Used:\n    Type: String\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Used\n`;
    const { document, actions } = fixes(text, 'cfn-unused-parameter');
    const fixed = apply(document, titled(actions, "Remove 'Unused'"));
    assert.equal(fixed, text.replace('  Unused:\n    Type: String\n    Default: x\n', ''));
    assert.deepEqual(codesOf(fixed), []);
  });

  it('removes an unknown top-level section', () => {
    const text = `${HEAD}Extra:\n  a: 1\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n`;
    const { document, actions } = fixes(text, 'cfn-unknown-section');
    assert.equal(
      apply(document, titled(actions, "Remove 'Extra'")),
      `${HEAD}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n`,
    );
  });
});

describe('quick fixes: scope', () => {
  it('gives nothing when only other kinds of action are asked for, or for foreign diagnostics', () => {
    const text = `${HEAD}Resources:\n  B:\n    Type: AWS::S3::Buckett\n`;
    const document = doc(text);
    const [diagnostic] = service().validate(document);
    assert.deepEqual(
      service().getCodeActions(document, diagnostic.range, { diagnostics: [diagnostic], only: ['refactor'] }),
      [],
    );
    assert.equal(
      service().getCodeActions(document, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] })
        .length,
      1,
    );
    assert.deepEqual(
      service().getCodeActions(document, diagnostic.range, {
        diagnostics: [{ ...diagnostic, source: 'other' }],
      }),
      [],
    );
  });

  it('offers at most ten alternatives', () => {
    const text = `${HEAD}Parameters:\n  Size:\n    Type: String\n    AllowedValues: [a1, a2, a3, a4, a5, a6, a7, a8, a9, b1, b2, b3]\n    Default: zz\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Size\n`;
    const { actions } = fixes(text, 'cfn-parameter-default-not-allowed');
    assert.equal(actions.length, 10);
  });
});
