/** Hover in CloudFormation templates: docs first, then the notes under "From your notes" with a link. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent } from '../support/helpers';
import { hoverAt, noteLinks, notesPart } from '../support/hover';

/** A queue with one property (lines after the first are written at their column in the file). */
const queue = (property: string): string =>
  `Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      ${property}\n`;

describe('hover on CloudFormation properties', () => {
  it('shows the official description of VisibilityTimeout, the bullet from the notes and the link to the note', () => {
    const hover = hoverAt(queue('Visibility|Timeout: 30'));
    assert.ok(hover);
    const { value } = hover;
    assert.match(value, /^\*\*VisibilityTimeout\*\* · `integer` · property of `AWS::SQS::Queue`/);
    assert.ok(
      value.includes(
        'The length of time during which a message will be unavailable after a message is delivered from the queue.',
      ),
    );
    assert.ok(value.includes('- Required: no'));
    assert.ok(value.includes('- Update: no replacement'));
    const notes = notesPart(value);
    assert.ok(notes.startsWith('#### From your notes\n\n*SQS, SNS & Kinesis › A. SQS*'), notes);
    assert.ok(
      notes.includes(
        '- Messages have a visibility timeout: after received, they are invisible to other services for an amount of time',
      ),
    );
    assert.ok(
      notes.includes('  - A consumer can extend the timeout with ChangeMessageVisibility'),
      'sub-bullets come along',
    );
    assert.ok(value.indexOf('The length of time') < value.indexOf('#### From your notes'), 'summary first');
    assert.ok(
      value.indexOf('#### From your notes') < value.indexOf('Values must be from 0'),
      'then the notes',
    );
    assert.ok(
      notes.indexOf('- Messages have a visibility timeout') < notes.indexOf('ChangeMessageVisibility (i.e.'),
      'the best bullet first',
    );
    const links = noteLinks(value);
    assert.equal(links[0].label, 'A. SQS');
    assert.match(links[0].path.replace(/\\/g, '/'), /\/notes\/16-sqs-sns-kinesis\.md$/);
    assert.equal(links[0].line, 52);
    assert.equal(links[0].fragment, 'a-sqs');
    assert.match(
      notes.split('\n\n---\n\n')[0],
      /\[Open note: A\. SQS\]\(command:awsDevNotes\.openNote\?[^)]+\)( · \[\d+ more in your notes\]\(command:awsDevNotes\.searchNotes\?[^)]+\))?$/,
      'the notes end with the links',
    );
    assert.deepEqual(hover.range, { start: { line: 4, character: 6 }, end: { line: 4, character: 23 } });
  });

  it('finds message retention and delay in the notes by their words', () => {
    const retention = hoverAt(queue('MessageRetention|Period: 60'));
    assert.ok(retention?.value.includes('The number of seconds that Amazon SQS retains a message.'));
    assert.ok(
      notesPart(retention?.value ?? '').includes('- By default, messages last 4 days, with a max of 14 days'),
    );
    const delay = hoverAt(queue('Delay|Seconds: 5'));
    assert.ok(
      notesPart(delay?.value ?? '').includes(
        '- Can delay messages before they appear in the queue (default is 0 secs)',
      ),
    );
  });

  it('says whether a property is required, its allowed values and whether it replaces the resource', () => {
    assert.ok(
      hoverAt(queue('Fifo|Queue: true'))?.value.includes('- Update: changing it **replaces** the resource'),
    );
    assert.ok(
      hoverAt(queue('Deduplication|Scope: queue'))?.value.includes(
        '- Allowed values: `messageGroup`, `queue`',
      ),
    );
    const policy = hoverAt(
      'Resources:\n  P:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Que|ues: []\n',
    );
    assert.ok(policy?.value.includes('- Required: yes'));
    assert.ok(policy?.value.includes('list of `string`'));
  });

  it('documents nested properties and values, with the range of the value', () => {
    const tag = hoverAt(queue('Tags:\n        - K|ey: a\n          Value: b'));
    assert.match(tag?.value ?? '', /^\*\*Key\*\* · `string` · property of `AWS::SQS::Queue`/);
    assert.ok(tag?.value.includes('The key name of the tag.'));
    const value = hoverAt(queue('DeduplicationScope: que|ue'));
    assert.match(value?.value ?? '', /^\*\*DeduplicationScope\*\*/);
    assert.deepEqual(value?.range, { start: { line: 4, character: 26 }, end: { line: 4, character: 31 } });
  });

  it('looks up an enum value first: binpack reaches the task placement notes', () => {
    const hover = hoverAt(
      'Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      PlacementStrategies:\n        - Type: bin|pack\n',
    );
    const notes = notesPart(hover?.value ?? '');
    assert.ok(notes.includes('Binpack: place in EC2s w/ least available CPU or memory'), notes);
    assert.equal(noteLinks(notes)[0]?.label, '1. ECS task placement');
  });

  it('lets a value name a more precise section, but not over the bullets about the key', () => {
    const gp2 = hoverAt(
      'Resources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      VolumeType: gp|2\n',
    );
    assert.equal(noteLinks(gp2?.value ?? '')[0]?.label, '1. GP2 (SSD)');
    assert.ok(notesPart(gp2?.value ?? '').includes('Has max IOPS per GB of storage'));
    const rollback = hoverAt(
      'Resources:\n  C:\n    Type: AWS::CloudFormation::ChangeSet\n    Properties:\n      OnStackFailure: ROLL|BACK\n',
    );
    assert.equal(noteLinks(rollback?.value ?? '')[0]?.label, 'G. Rollbacks');
    const sqs = hoverAt(
      'Resources:\n  S:\n    Type: AWS::SNS::Subscription\n    Properties:\n      Protocol: sq|s\n',
    );
    assert.equal(noteLinks(sqs?.value ?? '')[0]?.label, 'B. SNS');
    assert.ok(notesPart(sqs?.value ?? '').includes('- Available protocols for subscriptions:'));
  });

  it('shows a topic only a note about another service lists (block device mappings of an instance)', () => {
    const hover = hoverAt(
      'Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      BlockDeviceMappings:\n        - Virtual|Name: ephemeral0\n',
    );
    assert.equal(noteLinks(hover?.value ?? '')[0]?.label, '5. Instance store');
    assert.ok(notesPart(hover?.value ?? '').startsWith('#### From your notes\n\n*EBS & EFS › '));
  });

  it('keeps notes to the resource type: Timeout of a Lambda function has them, of a Batch job definition not', () => {
    const lambda = hoverAt(
      'Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Time|out: 3\n',
    );
    assert.ok(
      notesPart(lambda?.value ?? '').includes('Default timeout is 3 secs, but can increase to 900 secs'),
    );
    const batch = hoverAt(
      'Resources:\n  J:\n    Type: AWS::Batch::JobDefinition\n    Properties:\n      Time|out: {}\n',
    );
    assert.ok(batch?.value.includes('property of `AWS::Batch::JobDefinition`'));
    assert.equal(notesPart(batch?.value ?? ''), '');
  });

  it('works the same in JSON templates', () => {
    const hover = hoverAt(
      '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"Visibility|Timeout": 5}}}}',
      't.json',
    );
    assert.ok(hover?.value.includes('The length of time during which a message will be unavailable'));
    assert.ok(notesPart(hover?.value ?? '').includes('visibility timeout'));
  });
});

describe('hover on resource types', () => {
  it('shows the type, its attributes and the start of the notes section about it', () => {
    const hover = hoverAt('Resources:\n  Queue:\n    Type: AWS::SQS::Qu|eue\n');
    assert.ok(hover);
    assert.match(hover.value, /^\*\*AWS::SQS::Queue\*\* · resource type/);
    assert.ok(hover.value.includes('creates an Amazon SQS standard or FIFO queue'));
    assert.ok(hover.value.includes('Attributes for `!GetAtt`: `Arn`, `QueueName`, `QueueUrl`'));
    const notes = notesPart(hover.value);
    assert.ok(notes.includes('- Managed service for decoupling applications'));
    assert.equal(noteLinks(notes)[0].label, 'A. SQS');
    assert.deepEqual(hover.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 25 } });
  });

  it('reaches a service through its pattern, and SAM types their note', () => {
    const inline = hoverAt('Resources:\n  P:\n    Type: AWS::SQS::QueueInline|Policy\n');
    assert.equal(noteLinks(inline?.value ?? '')[0]?.label, 'A. SQS');
    const sam = hoverAt(
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Func|tion\n',
    );
    assert.equal(noteLinks(sam?.value ?? '')[0]?.label, 'XVII. AWS Serverless: Lambda');
  });

  it('describes a logical ID by its type', () => {
    const hover = hoverAt('Resources:\n  Que|ue:\n    Type: AWS::SQS::Queue\n');
    assert.match(hover?.value ?? '', /^\*\*Queue\*\* · resource of type `AWS::SQS::Queue`/);
  });

  it('gives no hover for unknown types or nothing to say', () => {
    assert.equal(hoverAt('Resources:\n  X:\n    Type: Custom::Thi|ng\n'), null);
    assert.equal(
      hoverAt('Resources:\n  X:\n    Type: AWS::SQS::Queue\n    Properties:\n      Nonsen|se: 1\n'),
      null,
    );
    assert.equal(hoverAt('# just a comment |\nResources:\n  X:\n    Type: AWS::SQS::Queue\n'), null);
    assert.equal(hoverAt('name: my-app\nver|sion: 1\n', 'config.yaml'), null);
  });
});

describe('hover on references', () => {
  const template = dedent(`
    Parameters:
      Env:
        Type: String
        Description: Deployment stage
        Default: dev
    Conditions:
      IsProd: !Equals [!Ref Env, prod]
    Resources:
      Queue:
        Type: AWS::SQS::Queue
        Properties:
          QueueName: !Sub '\${Env}-\${AWS::Region}'
      Topic:
        Type: AWS::SNS::Topic
        Condition: IsProd
        Properties:
          TopicName: !GetAtt Queue.QueueName
    Outputs:
      Url:
        Value: !Ref Queue
  `);
  const at = (marker: string, offsetInMarker: number) => {
    const index = template.indexOf(marker) + offsetInMarker;
    return hoverAt(`${template.slice(0, index)}|${template.slice(index)}`);
  };

  it("shows a parameter's type, description and default", () => {
    const hover = at('${Env}', 3);
    assert.ok(hover?.value.startsWith('**Env** · parameter of type `String`'));
    assert.ok(hover?.value.includes('Deployment stage'));
    assert.ok(hover?.value.includes('Default: `dev`'));
  });

  it("shows a resource's type and an attribute's docs", () => {
    const resource = at('!Ref Queue', 6);
    assert.ok(resource?.value.startsWith('**Queue** · resource of type `AWS::SQS::Queue`'));
    const attribute = at('Queue.QueueName', 8);
    assert.ok(attribute?.value.startsWith('**QueueName** · attribute of `AWS::SQS::Queue` (`string`)'));
    assert.ok(attribute?.value.includes('Returns the queue name.'));
  });

  it('shows a condition with its definition', () => {
    const hover = at('Condition: IsProd', 12);
    assert.ok(hover?.value.startsWith('**IsProd** · condition'));
    assert.ok(hover?.value.includes('!Equals [!Ref Env, prod]'));
  });

  it('explains pseudo-parameters in Sub strings and Refs, with the notes on them', () => {
    const hover = at('${AWS::Region}', 8);
    assert.ok(hover?.value.startsWith('**AWS::Region** · pseudo-parameter'));
    assert.ok(hover?.value.includes('The region the stack is created in'));
    assert.ok(notesPart(hover?.value ?? '').includes('pseudo-parameters (e.g. `AWS::AccountId`)'));
    assert.equal(noteLinks(hover?.value ?? '')[0]?.label, 'B. Parameters');
  });
});

describe('hover on intrinsic functions and template keys', () => {
  const fn = (value: string) => hoverAt(queue(`QueueName: ${value}`));

  it('explains short and long forms, with the notes on intrinsic functions', () => {
    const getAtt = fn('!Get|Att Other.Arn');
    assert.ok(getAtt?.value.startsWith('**Fn::GetAtt** (`!GetAtt`) · intrinsic function'));
    assert.ok(notesPart(getAtt?.value ?? '').includes('- Fn::GetAtt\n  - Get attribute value of a resource'));
    assert.equal(noteLinks(getAtt?.value ?? '')[0]?.label, 'F. Intrinsic Functions');
    const ref = fn('{"R|ef": X}');
    assert.ok(ref?.value.startsWith('**Ref** (`!Ref`) · intrinsic function'));
    const longGetAtt = fn('\n          Fn::Get|Att: [Other, Arn]');
    assert.ok(longGetAtt?.value.startsWith('**Fn::GetAtt**'));
  });

  it('covers Sub, FindInMap, ImportValue, Join and If', () => {
    assert.ok(
      fn("!S|ub '${AWS::StackName}-q'")?.value.includes(
        'Builds a string by replacing `${Name}` placeholders',
      ),
    );
    const findInMap = fn('!FindIn|Map [M, a, b]');
    assert.equal(noteLinks(findInMap?.value ?? '')[0]?.label, 'C. Mappings');
    const importValue = fn('!Import|Value shared-queue-name');
    assert.ok(
      notesPart(importValue?.value ?? '').includes(
        'Import value with `!ImportValue` function in another template',
      ),
    );
    assert.ok(fn("!Jo|in ['-', [a, b]]")?.value.includes('Concatenates a list of values'));
    const ifHover = fn('!I|f [C, a, b]');
    assert.ok(
      notesPart(ifHover?.value ?? '').includes('Condition Functions (e.g. Fn::If, Fn::Not, Fn::Equals)'),
    );
  });

  it('explains template sections and resource attributes', () => {
    const outputs = hoverAt('Outp|uts:\n  A:\n    Value: 1\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    assert.ok(outputs?.value.startsWith('**Outputs** · template section'));
    assert.equal(noteLinks(outputs?.value ?? '')[0]?.label, 'D. Outputs');
    const dependsOn = hoverAt('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Depends|On: []\n');
    assert.ok(dependsOn?.value.startsWith('**DependsOn** · resource attribute'));
    const exportKey = hoverAt(
      'Resources:\n  Q:\n    Type: AWS::SQS::Queue\nOutputs:\n  A:\n    Value: 1\n    Exp|ort:\n      Name: x\n',
    );
    assert.ok(notesPart(exportKey?.value ?? '').includes('Export output with `Export: Name: <output name>`'));
  });
});

describe('hover text is never empty or broken', () => {
  it('has no "undefined", no empty notes section, and a link after every notes section', () => {
    const template = dedent(`
      AWSTemplateFormatVersion: '2010-09-09'
      Description: sample
      Parameters:
        Env:
          Type: String
          AllowedValues: [dev, prod]
      Mappings:
        M:
          us-east-1: {Ami: ami-1}
      Resources:
        Queue:
          Type: AWS::SQS::Queue
          DeletionPolicy: Retain
          Properties:
            VisibilityTimeout: 30
            RedrivePolicy:
              deadLetterTargetArn: !GetAtt Dlq.Arn
              maxReceiveCount: 3
            Tags:
              - Key: env
                Value: !Ref Env
        Dlq:
          Type: AWS::SQS::Queue
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            Runtime: python3.12
            Handler: index.handler
            Role: !Sub 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/r'
            Code: {ZipFile: 'x'}
            Environment:
              Variables: {A: !FindInMap [M, !Ref 'AWS::Region', Ami]}
      Outputs:
        Arn:
          Value: !GetAtt Queue.Arn
          Export: {Name: q}
    `);
    let hovers = 0;
    for (let offset = 0; offset < template.length; offset += 3) {
      const hover = hoverAt(`${template.slice(0, offset)}|${template.slice(offset)}`);
      if (!hover) continue;
      hovers++;
      assert.ok(!/undefined|\[object Object\]|NaN/.test(hover.value), hover.value);
      assert.ok(hover.value.trim().length > 0);
      const notes = notesPart(hover.value);
      if (notes) {
        const body = notes.replace(/^#### From your notes\n\n\*[^\n]*\*\n\n/, '');
        assert.ok(!body.startsWith('[Open note'), `an empty notes section:\n${hover.value}`);
        assert.ok(noteLinks(notes).length > 0);
      }
    }
    assert.ok(hovers > 100, `${hovers} hovers`);
  });
});
