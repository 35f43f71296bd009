// The vocabulary of the snippet sources: intrinsic functions and unquoted values, written once
// and printed as YAML (short tags) or JSON (long form) by scripts/generate-snippets.mjs.

/** An intrinsic function: `name` is the long form without `Fn::` (`Ref`, `GetAtt`, `Sub`, …). */
export class Intrinsic {
  constructor(name, args) {
    this.name = name;
    this.args = args;
  }
}

/** A value printed without quotes in both formats (a number or boolean placeholder). */
export class Raw {
  constructor(text) {
    this.text = text;
  }
}

/** A multi-line string: a `|` block in YAML, one string with `\n` in JSON. */
export class Block {
  constructor(lines) {
    this.lines = lines;
  }
}

export const ref = (name) => new Intrinsic('Ref', name);
export const getAtt = (name, attribute) => new Intrinsic('GetAtt', [name, attribute]);
export const sub = (text) => new Intrinsic('Sub', text);
export const fn = (name, args) => new Intrinsic(name, args);
export const raw = (text) => new Raw(text);
export const block = (...lines) => new Block(lines);

/** The trust policy that lets a service assume a role. */
export const assumeRole = (service) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
});

/** An AWS managed policy ARN in the stack's partition. */
export const managedPolicy = (path) => sub('arn:\\${AWS::Partition}:iam::aws:policy/' + path);
