/** Inputs for incrementalParse.test.ts: hand-written layouts, a template generator and random edits. */

/** Layouts where cutting a document into chunks could go wrong. */
export const EDGE_CASES: Record<string, string> = {
  'comments everywhere': [
    '# leading comment',
    '',
    'AWSTemplateFormatVersion: "2010-09-09" # trailing',
    'Resources: # the resources',
    '  # before the first',
    '',
    '  A:',
    '    Type: AWS::SQS::Queue',
    '# column 0 inside the section',
    '    Properties:',
    '      DelaySeconds: 5',
    '  # between',
    '  B:',
    '    Type: AWS::SNS::Topic',
    '  # after the last',
    '# column 0 after the last',
    '',
    'Outputs:',
    '  X:',
    '    Value: !Ref A',
    '  # trailing in the last section',
    '# trailing at column 0',
    '',
    '',
  ].join('\n'),
  'block scalars': [
    'Description: |',
    '  first line',
    '',
    '  after a blank line',
    'Resources:',
    '  Fn:',
    '    Properties:',
    '      Code: |+',
    '        keep',
    '',
    '',
    '  Other:',
    '    Script: >-',
    '      folded',
    '      text',
    '    Indented: |2',
    '        two more',
    '  Last:',
    '    Text: |',
    '      ends the file',
    '',
    '',
  ].join('\n'),
  'a keep-chomped scalar at the end of the last section': 'Outputs:\n  A:\n    Value: |+\n      x\n\n\n',
  'multi-line plain and quoted scalars': [
    'Resources:',
    '  A:',
    '    Plain: first',
    '      second',
    '    Double: "one',
    '      two"',
    "    Single: 'three",
    "      four'",
    '  B: x',
  ].join('\n'),
  'windows line endings':
    'Parameters:\r\n  P:\r\n    Type: String\r\n# c\r\nResources:\r\n  A:\r\n    Type: T\r\n',
  'a leading document marker': '---\nResources:\n  A:\n    Type: T\n  B:\n    Type: U\n',
  'duplicate keys across chunks': [
    'Resources:',
    '  A:',
    '    Type: T',
    '  A:',
    '    Type: U',
    '  B: {}',
    '  B: 1',
    'Outputs: {}',
    'Resources:',
    '  C: 1',
    '  C: 2',
    '  C: 3',
    'Outputs:',
    '  O: 1',
  ].join('\n'),
  'keys that are equal only as text': '1: a\n"1": b\ntrue: c\n"true": d\nnull: e\n~: f\n.nan: g\n.nan: h\n',
  'duplicates inside a chunk and across': 'R:\n  A: 1\n  A: 2\nS: 1\nR:\n  A:\n    x: 1\n    x: 2\n',
  'sequences at the indentation of their key':
    'Transform:\n- A\n- B\nResources:\n  A:\n  - 1\n  - 2\n  B:\n    - 3\n',
  'unsplittable sections': [
    'Resources:',
    '  A: 1',
    ' B: 2',
    'Mappings:',
    '  - not a map',
    'Conditions:',
    '  ? complex',
    '  : key',
    'Outputs: !Ref X',
    'Rules:',
    '  R: 1',
    '-x: plain key starting with a dash',
  ].join('\n'),
  'quoted and odd keys': [
    '"Resources":',
    '  "A b":',
    '    Type: T',
    "  'C''d':",
    '    Type: U',
    '  e:f: 1',
    '  g #h: 2',
    '  "i" : 3',
    '  j:',
    '    k: 4',
  ].join('\n'),
  'unknown tags and short forms': [
    'Resources:',
    '  A:',
    '    Properties:',
    '      X: !Foo bar',
    '      Y: !Sub',
    '        - "${A}"',
    '        - {}',
    '      Z: !If [C, !Ref "AWS::NoValue", !GetAtt A.Arn]',
    '      W: !Ref',
    '  B:',
    '    Properties: !Bar {a: 1}',
  ].join('\n'),
  'no newline at the end': 'a: 1\nb:\n  c: 2\n  d: 3',
  'trailing spaces and tabs after values': 'a: 1   \nb:   \n  c: 2\t\n  d: 3 \n',
  'empty values and empty sections': 'a:\nb:\n  c:\n  d:\ne: {}\nf: []\n',
  'a value on the line after its key':
    'Resources:\n  A:\n    !Ref\n      X\n  B:\n    [1,\n     2]\n  C:\n    "x"\n',
  'tabs inside values': 'a: "x\ty"\nb:\n  c: |\n    \tindented by a tab\n',
  'a key that is not a chunk start at column 0': 'a:\n  b: 1\n[c]: 2\nd:\n  e: 3\n',
  'comment lines less indented than a block scalar': 'a:\n  b: |\n    text\n  # comment\n    more\n  c: 1\n',
  // Found by fuzzing: where the `yaml` package ends a value depends on the key that follows.
  'a comment after an empty value, before the next entry': 'R:\n  A:\n    X: 1\n    K:\n# c\n  B: 1\n',
  'a comment at the indentation of a sequence, before the next entry':
    'R:\n  A:\n    K:\n    - v\n    # c\n  B: 1\n  C:\n    K: !If\n      - a\n      # c\n  D: 1\n',
  'a blank line and a comment before more indented text':
    'A:\n\n# c\n      X\nB: 1\nR:\n  A:\n \n# c\n      X\n  B!Foo :\n',
  'an explicit key at the end of a chunk': 'L:\n K: !Foo\n    ? K\n L:\n  "K": v\n',
  'a key that looks like the stand-in for the next chunk': 'R:\n  A:\n    "\\0": 1\n  "\\0": 2\n  B: 3\n',
};

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

const RESOURCES: ((i: number) => string)[] = [
  (i) =>
    [
      `  Queue${i}:`,
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      `      QueueName: !Sub "\${AWS::StackName}-q-${i}"`,
      '      VisibilityTimeout: 60',
      '      RedrivePolicy:',
      `        deadLetterTargetArn: !GetAtt Dlq${i}.Arn`,
      '        maxReceiveCount: 5',
      `  Dlq${i}:`,
      '    Type: AWS::SQS::Queue',
    ].join('\n'),
  (i) =>
    [
      `  # bucket ${i}`,
      `  Bucket${i}:`,
      '    Type: AWS::S3::Bucket',
      '    DeletionPolicy: Retain',
      '    Properties:',
      '      Tags:',
      '        - Key: Name',
      '          Value: !Ref EnvName',
      '      NotificationConfiguration: {TopicConfigurations: [{Event: "s3:ObjectCreated:*", Topic: !Ref T}]}',
    ].join('\n'),
  (i) =>
    [
      `  Fn${i}:`,
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Runtime: python3.12',
      '      Handler: index.handler',
      '      Code:',
      '        ZipFile: |',
      '          def handler(event, context):',
      `              return ${i}`,
      '',
      "      Description: 'it''s quoted'",
    ].join('\n'),
  (i) =>
    [
      `  Topic${i}:`,
      '    Type: AWS::SNS::Topic',
      '    Condition: IsProd',
      '    Properties:',
      `      TopicName: !If [IsProd, !Sub "prod-${i}", !Ref "AWS::NoValue"]`,
      '      DisplayName: a plain scalar',
      '        that continues',
    ].join('\n'),
];

/** A CloudFormation template with `count` resource blocks, laid out with some variety. */
export function generatedTemplate(count: number, random: () => number): string {
  const lines = [
    '# generated',
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Description: >',
    '  A generated template',
    'Parameters:',
    '  EnvName:',
    '    Type: String',
    '    AllowedValues: [dev, prod]',
    'Conditions:',
    '  IsProd: !Equals [!Ref EnvName, prod]',
    'Resources:',
  ];
  for (let i = 0; i < count; i++) {
    lines.push(i === 0 ? RESOURCES[0](0) : pick(RESOURCES, random)(i));
    if (random() < 0.2) lines.push('');
    if (random() < 0.1) lines.push('# a note at column 0');
  }
  lines.push('Outputs:', '  Env:', '    Value: !Ref EnvName', '    Export:', '      Name: env');
  return `${lines.join('\n')}\n`;
}

/** Text pieces an edit inserts: valid ones and ones that break the syntax in different ways. */
const INSERTS = [
  '1',
  'x',
  ' ',
  '\n',
  ':',
  ': ',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '#',
  ' #',
  '- ',
  '!Ref ',
  '!Foo ',
  '&a ',
  '*a',
  '\t',
  '|',
  '>',
  '---\n',
  '\n  Extra: 1',
  '\nTop: 1',
  '\n  Queue0:\n    Type: T',
  '\nResources:\n  Z: 1',
  '\n    Nested: value',
  '\n      - item',
  '\n  # comment',
  '\n# comment',
  '"quoted: value"',
];

export interface Edit {
  text: string;
  description: string;
}

function lineBounds(text: string, at: number): [number, number] {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return [start, end < 0 ? text.length : end];
}

/** One random edit somewhere in the text. */
export function randomEdit(text: string, random: () => number): Edit {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.4) {
    const insert = pick(INSERTS, random);
    return {
      text: text.slice(0, at) + insert + text.slice(at),
      description: `insert ${JSON.stringify(insert)} at ${at}`,
    };
  }
  if (kind < 0.6) {
    const length = 1 + Math.floor(random() * 12);
    return { text: text.slice(0, at) + text.slice(at + length), description: `delete ${length} at ${at}` };
  }
  const [start, end] = lineBounds(text, at);
  const line = text.slice(start, end);
  if (kind < 0.7) {
    return {
      text: text.slice(0, end) + '\n' + line + text.slice(end),
      description: `duplicate line at ${start}`,
    };
  }
  if (kind < 0.8) {
    return {
      text: text.slice(0, start) + text.slice(Math.min(end + 1, text.length)),
      description: `remove line at ${start}`,
    };
  }
  if (kind < 0.9) {
    return { text: text.slice(0, start) + '  ' + text.slice(start), description: `indent line at ${start}` };
  }
  const spaces = /^ {1,2}/.exec(line)?.[0].length ?? 0;
  return { text: text.slice(0, start) + text.slice(start + spaces), description: `dedent line at ${start}` };
}
