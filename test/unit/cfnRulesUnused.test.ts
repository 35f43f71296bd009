/** The CloudFormation rules for unused declarations, SAM / language-extension templates and Outputs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { at, findDiagnostic, refCodes } from '../support/diagnostics';
import { dedent } from '../support/helpers';

describe('unused declarations', () => {
  it('warns about unused parameters, mappings and conditions, faded', () => {
    const text = dedent(`
      Parameters:
        Used: {Type: String}
        Unused: {Type: String}
      Mappings:
        Lonely: {a: {b: c}}
      Conditions:
        Never: !Equals [!Ref Used, x]
      Resources:
        Topic: {Type: AWS::SNS::Topic, Properties: {TopicName: !Sub "\${Used}"}}
    `);
    assert.deepEqual(refCodes(text), [
      at('cfn-unused-parameter', text, 'Unused'),
      at('cfn-unused-mapping', text, 'Lonely'),
      at('cfn-unused-condition', text, 'Never'),
    ]);
    const d = findDiagnostic(text, 'cfn-unused-parameter');
    assert.equal(d.severity, 2);
    assert.deepEqual(d.tags, [DiagnosticTag.Unnecessary]);
  });

  it('counts uses in SAM Globals and does not judge templates with unknown macros', () => {
    const sam = dedent(`
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        Memory: {Type: Number}
      Globals:
        Function: {MemorySize: !Ref Memory}
      Resources:
        Fn: {Type: AWS::Serverless::Function, Properties: {Runtime: python3.12, Handler: i.h, InlineCode: x}}
    `);
    assert.deepEqual(refCodes(sam), []);
    const macro =
      'Transform: Acme::Macro\nParameters:\n  P: {Type: String}\nResources:\n  T: {Type: AWS::SNS::Topic, Properties: {TopicName: !Ref FromMacro}}\n';
    assert.deepEqual(refCodes(macro), []);
  });
});

describe('SAM and language extensions', () => {
  it('accepts references to resources SAM generates', () => {
    const text = dedent(`
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties: {Runtime: python3.12, Handler: i.h, InlineCode: x, AutoPublishAlias: live}
      Outputs:
        Role: {Value: !GetAtt FnRole.Arn}
        Alias: {Value: !Ref Fn.Alias}
        Api: {Value: !Sub "https://\${ServerlessRestApi}.execute-api.\${AWS::Region}.amazonaws.com"}
        Missing: {Value: !Ref Other.Alias}
    `);
    assert.deepEqual(refCodes(text), [at('cfn-unknown-ref', text, 'Other')]);
  });

  it('treats Fn::ForEach loop variables and generated names as defined', () => {
    const text = dedent(`
      Transform: AWS::LanguageExtensions
      Parameters:
        Names: {Type: CommaDelimitedList}
      Resources:
        Fn::ForEach::Topics:
          - Name
          - !Ref Names
          - Topic\${Name}:
              Type: AWS::SNS::Topic
              Properties: {TopicName: !Ref Name}
        Sub:
          Type: AWS::SNS::Subscription
          Properties: {TopicArn: !Ref TopicA, Protocol: email, Endpoint: a@example.com}
    `);
    assert.deepEqual(refCodes(text), []);
  });
});

describe('Outputs', () => {
  it('requires a Value and an Export Name; reports duplicate export names', () => {
    const text = dedent(`
      Resources:
        Q: {Type: AWS::SQS::Queue}
      Outputs:
        A: {Description: no value}
        B: {Value: !Ref Q, Export: {Name: same}}
        C: {Value: !Ref Q, Export: {Name: same}}
        D: {Value: !Ref Q, Export: {}}
    `);
    assert.deepEqual(refCodes(text), [
      at('cfn-output-missing-value', text, 'A:'),
      at('cfn-duplicate-export', text, 'same'),
      at('cfn-duplicate-export', text, 'same', 1),
      at('cfn-output-missing-export-name', text, 'Export: {}'),
    ]);
  });

  it('accepts the same export name under different conditions', () => {
    const text = dedent(`
      Conditions:
        Yes: !Equals [!Ref AWS::Region, us-east-1]
        No: !Not [!Condition Yes]
      Resources:
        Q: {Type: AWS::SQS::Queue}
      Outputs:
        B: {Condition: Yes, Value: !Ref Q, Export: {Name: same}}
        C: {Condition: No, Value: !Ref Q, Export: {Name: same}}
    `);
    assert.deepEqual(refCodes(text), []);
  });
});
