/**
 * Hostile inputs, one per bad-input class of issue 9, shared by the service, protocol and CLI
 * tests and the fuzzer: each a file name and its text, with what the answer must contain.
 */

export interface HostileCase {
  name: string;
  /** File name (the extension decides YAML or JSON). */
  file: string;
  text: string;
  /** A diagnostic code that must be among the document's diagnostics. */
  expectCode?: string;
}

const TEMPLATE_HEAD = "AWSTemplateFormatVersion: '2010-09-09'\n";

/** Nine levels of ten aliases each: 10^9 values once expanded. */
export function aliasBomb(where: 'properties' | 'metadata' | 'outputs' = 'properties'): string {
  const levels = 'abcdefghi'.split('');
  const lines = [`a: &a [${Array(10).fill('x').join(', ')}]`];
  for (let i = 1; i < levels.length; i++) {
    const prev = levels[i - 1];
    lines.push(`${levels[i]}: &${levels[i]} [${Array(10).fill(`*${prev}`).join(', ')}]`);
  }
  const anchors = lines.map((l) => `      ${l}`).join('\n');
  if (where === 'outputs') {
    return `${TEMPLATE_HEAD}Metadata:\n  Bomb:\n${lines.map((l) => `    ${l}`).join('\n')}\nResources:\n  B:\n    Type: AWS::S3::Bucket\nOutputs:\n  O:\n    Value: !Join ['', *i]\n`;
  }
  const use = where === 'properties' ? '    Properties:\n      Tags: *i\n' : '';
  return `${TEMPLATE_HEAD}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n${anchors}\n${use}`;
}

export function deepJson(depth: number): string {
  return `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Metadata": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}}`;
}

export function deepYamlFlow(depth: number): string {
  return `${TEMPLATE_HEAD}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      x: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

export function deepYamlBlock(depth: number): string {
  let text = `${TEMPLATE_HEAD}Resources:\n  B:\n    Type: AWS::S3::Bucket\nMetadata:\n`;
  for (let i = 0; i < depth; i++) text += `${' '.repeat(i + 2)}a:\n`;
  return text;
}

function manyResources(count: number, crlf = false): string {
  const parts = [TEMPLATE_HEAD, 'Resources:\n'];
  for (let i = 0; i < count; i++) {
    parts.push(
      `  Queue${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub '\${AWS::StackName}-${i}'\n      VisibilityTimeout: 30\n`,
    );
  }
  const text = parts.join('');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'alias bomb in properties',
    file: 'bomb.yaml',
    text: aliasBomb('properties'),
    expectCode: 'alias-limit',
  },
  {
    name: 'alias bomb in metadata',
    file: 'bomb-meta.yaml',
    text: aliasBomb('metadata'),
    expectCode: 'alias-limit',
  },
  {
    name: 'alias bomb in an output',
    file: 'bomb-out.yaml',
    text: aliasBomb('outputs'),
    expectCode: 'alias-limit',
  },
  { name: 'JSON nested 5,000 deep', file: 'deep.json', text: deepJson(5000) },
  { name: 'YAML flow nested 10,000 deep', file: 'deep-flow.yaml', text: deepYamlFlow(10000) },
  { name: 'YAML block nested 2,000 deep', file: 'deep-block.yaml', text: deepYamlBlock(2000) },
  {
    name: 'a very long line',
    file: 'long-line.yaml',
    text: `${TEMPLATE_HEAD}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      x: ${'y'.repeat(2_000_000)}\n`,
  },
  { name: 'a 3 MB template', file: 'big.yaml', text: manyResources(25_000) },
  {
    name: 'binary',
    file: 'binary.yaml',
    text: Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join(''),
  },
  {
    name: 'invalid UTF-8 (replacement characters)',
    file: 'utf8.yaml',
    text: `${TEMPLATE_HEAD}Resources:\n  B\uFFFD:\n    Type: AWS::S3::Bucket\uFFFD\n`,
  },
  {
    name: 'a BOM',
    file: 'bom.yaml',
    text: `\uFEFF${TEMPLATE_HEAD}Resources:\n  B:\n    Type: AWS::S3::Buckett\n`,
    expectCode: 'cfn-unknown-resource-type',
  },
  { name: 'CRLF line endings', file: 'crlf.yaml', text: manyResources(3, true) },
  {
    name: 'mixed line endings',
    file: 'mixed.yaml',
    text: `${TEMPLATE_HEAD}Resources:\r\n  B:\n    Type: AWS::S3::Buckett\r\n`,
    expectCode: 'cfn-unknown-resource-type',
  },
  { name: 'empty file', file: 'empty.yaml', text: '' },
  { name: 'whitespace only', file: 'blank.json', text: '  \n\n\t\n' },
  {
    name: 'tabs',
    file: 'tabs.yaml',
    text: `${TEMPLATE_HEAD}Resources:\n\tB:\n\t\tType: AWS::S3::Bucket\n`,
    expectCode: 'yaml-syntax',
  },
  {
    name: 'several YAML documents',
    file: 'multi.yaml',
    text: `${TEMPLATE_HEAD}Resources:\n  B:\n    Type: AWS::S3::Bucket\n---\nResources: {}\n---\n`,
  },
  { name: 'half-typed key', file: 'half.yaml', text: `${TEMPLATE_HEAD}Resources:\n  B:\n    Ty` },
  {
    name: 'half-typed tag',
    file: 'half-tag.yaml',
    text: `${TEMPLATE_HEAD}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref`,
  },
  {
    name: 'half-typed JSON',
    file: 'half.json',
    text: '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": ',
  },
  {
    name: 'JSON with comments and trailing commas',
    file: 'comments.json',
    text: '{\n  // a comment\n  "Resources": {"B": {"Type": "AWS::S3::Bucket",},},\n}\n',
    expectCode: 'json-syntax',
  },
  {
    name: 'wrong shapes of intrinsic functions',
    file: 'shapes.yaml',
    text: `${TEMPLATE_HEAD}Parameters:\n  P:\n    Type: String\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref {a: b}\n      Tags:\n        - Key: !GetAtt B.Arn.Extra\n          Value: !Sub 42\n  C:\n    Type: AWS::SQS::Queue\n    Properties: null\n`,
  },
  { name: 'Resources as a list', file: 'list.yaml', text: `${TEMPLATE_HEAD}Resources: []\n` },
  {
    name: 'keys that are numbers or booleans',
    file: 'keys.yaml',
    text: `${TEMPLATE_HEAD}Resources:\n  1:\n    Type: AWS::S3::Bucket\n  true:\n    Type: AWS::SQS::Queue\n    Properties:\n      2: 3\n      false: null\n`,
  },
  {
    name: '__proto__ keys',
    file: 'proto.json',
    text: '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"__proto__": {"Type": "AWS::S3::Bucket", "Properties": {"__proto__": {"constructor": 1}}}}}',
  },
];
