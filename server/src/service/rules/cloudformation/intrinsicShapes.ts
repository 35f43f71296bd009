/**
 * The shapes of intrinsic functions: argument counts and types for Fn::If, Join, Select, Split,
 * Sub, GetAZs, Cidr, Base64, ImportValue, Equals, And, Or and Not, and list-valued functions
 * (Fn::GetAZs, Fn::Split, Fn::Cidr) where a string is required. Ref, GetAtt and FindInMap have
 * their own rules (`referenceRules.ts`, `findInMap.ts`). Everything under Resources, Outputs and
 * Conditions is visited, nested functions included.
 */
import type { AstNode } from '../../ast';
import { getProperty, stringValue } from '../../ast';
import type { DiagnosticReporter } from '../../diagnostics';
import { describeNode } from '../../schemas/schemaWords';
import type { Rule } from '../validationContext';
import { getTemplate, intrinsicName } from './template';

const CODE = 'cfn-invalid-intrinsic';

/** Functions whose value is a list. */
const LIST_FUNCTIONS = new Set(['Fn::GetAZs', 'Fn::Split', 'Fn::Cidr']);

/** The shape of a region name (us-east-1, us-gov-west-1, eusc-de-east-1, …), not a list that ages. */
const REGION_NAME = /^[a-z]{2,4}(-[a-z]+)+-\d+$/;

/** Functions that may stand for a list (their value depends on what they refer to). */
const MAYBE_LIST_FUNCTIONS = new Set([
  ...LIST_FUNCTIONS,
  'Ref',
  'Fn::GetAtt',
  'Fn::If',
  'Fn::FindInMap',
  'Fn::Select',
  'Fn::ImportValue',
  'Fn::Transform',
]);

/** A function by its name, any other value as schema messages name it ("the string 'x'", "a list"). */
function describe(node: AstNode): string {
  return intrinsicName(node) ?? describeNode(node);
}

/** A value that stands for a string: a scalar, or a function that is not list-valued. */
function isStringLike(node: AstNode): boolean {
  if (node.type === 'string' || node.type === 'number' || node.type === 'boolean') return true;
  const fn = intrinsicName(node);
  return !!fn && !LIST_FUNCTIONS.has(fn);
}

/** A value that stands for a list: a list, or a function that may return one. */
function isListLike(node: AstNode): boolean {
  if (node.type === 'array') return true;
  const fn = intrinsicName(node);
  return !!fn && MAYBE_LIST_FUNCTIONS.has(fn);
}

const IMPORT_VALUE_FUNCTIONS = new Set([
  'Fn::Base64',
  'Fn::FindInMap',
  'Fn::If',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Ref',
]);

/** A list-valued function where a single value is required (DeletionPolicy, a delimiter, …). */
export function isListFunction(node: AstNode | undefined): boolean {
  return LIST_FUNCTIONS.has(intrinsicName(node) ?? '');
}

class ShapeChecker {
  constructor(
    private readonly collector: DiagnosticReporter,
    /** Names a Ref to which gives a list (list-typed parameters, AWS::NotificationARNs). */
    private readonly listRefs: Set<string> = new Set(),
  ) {}

  private report(node: AstNode, message: string): void {
    this.collector.report(node, message, CODE);
  }

  /** Arguments must be a list of `min`..`max` items; returns the items when they are. */
  private list(fn: string, args: AstNode, min: number, max: number, shape: string): AstNode[] | undefined {
    if (args.type !== 'array' || args.items.length < min || args.items.length > max) {
      const count =
        args.type === 'array'
          ? `${args.items.length} item${args.items.length === 1 ? '' : 's'}`
          : describe(args);
      this.report(args, `${fn} takes ${shape}; found ${count}.`);
      return undefined;
    }
    return args.items;
  }

  private stringArg(fn: string, what: string, node: AstNode): void {
    if (!isStringLike(node)) this.report(node, `${fn}: ${what} must be a string; found ${describe(node)}.`);
  }

  private equalsOperand(node: AstNode): void {
    const ref =
      intrinsicName(node) === 'Ref' && node.type === 'object' ? node.properties[0].value : undefined;
    if (ref?.type === 'string' && this.listRefs.has(ref.value)) {
      this.report(
        node,
        `Fn::Equals compares two strings; '${ref.value}' is a list. Pick an item with Fn::Select or join the list with Fn::Join.`,
      );
    } else if (
      node.type === 'array' ||
      (node.type === 'object' && !intrinsicName(node)) ||
      isListFunction(node)
    ) {
      this.report(node, `Fn::Equals compares two strings; found ${describe(node)}.`);
    }
  }

  check(fn: string, args: AstNode): void {
    switch (fn) {
      case 'Fn::If': {
        const items = this.list(fn, args, 3, 3, '[condition name, value if true, value if false]');
        if (items && items[0].type !== 'string')
          this.report(
            items[0],
            `Fn::If: the first item must be a condition name; found ${describe(items[0])}.`,
          );
        return;
      }
      case 'Fn::Join': {
        const items = this.list(fn, args, 2, 2, '[delimiter, list of values]');
        if (!items) return;
        if (items[0].type !== 'string')
          this.report(
            items[0],
            `Fn::Join: the delimiter must be a literal string; found ${describe(items[0])}.`,
          );
        if (!isListLike(items[1]))
          this.report(
            items[1],
            `Fn::Join: the second item must be a list of values; found ${describe(items[1])}.`,
          );
        return;
      }
      case 'Fn::Select': {
        const items = this.list(fn, args, 2, 2, '[index, list of values]');
        if (!items) return;
        const index = items[0];
        const numeric =
          index.type === 'number' ||
          (index.type === 'string' && /^\d+$/.test(index.value.trim())) ||
          (!!intrinsicName(index) && !LIST_FUNCTIONS.has(intrinsicName(index) ?? ''));
        if (!numeric)
          this.report(index, `Fn::Select: the index must be a number (0, 1, …); found ${describe(index)}.`);
        else if (index.type === 'number' && (index.value < 0 || !Number.isInteger(index.value)))
          this.report(index, `Fn::Select: the index must be a whole number from 0; found ${index.source}.`);
        if (!isListLike(items[1]))
          this.report(
            items[1],
            `Fn::Select: the second item must be a list of values; found ${describe(items[1])}.`,
          );
        return;
      }
      case 'Fn::Split': {
        const items = this.list(fn, args, 2, 2, '[delimiter, string]');
        if (!items) return;
        if (items[0].type !== 'string')
          this.report(
            items[0],
            `Fn::Split: the delimiter must be a literal string; found ${describe(items[0])}.`,
          );
        this.stringArg(fn, 'the source', items[1]);
        return;
      }
      case 'Fn::Sub': {
        if (args.type === 'string' || intrinsicName(args)) return;
        const items = this.list(fn, args, 1, 2, 'a string, or [string, map of variables]');
        if (!items) return;
        this.stringArg(fn, 'the template', items[0]);
        if (items[1] && items[1].type !== 'object')
          this.report(
            items[1],
            `Fn::Sub: the second item must be a map of variables; found ${describe(items[1])}.`,
          );
        return;
      }
      case 'Fn::GetAZs': {
        const fnName = intrinsicName(args);
        if (args.type === 'string' && args.value !== '' && !REGION_NAME.test(args.value)) {
          const zone = /^(.*\d)[a-z]$/.exec(args.value);
          const hint = zone && REGION_NAME.test(zone[1]) ? ` (an Availability Zone of '${zone[1]}')` : '';
          this.report(
            args,
            `Fn::GetAZs takes a region name such as 'us-east-1'; '${args.value}' is not one${hint}.`,
          );
          return;
        }
        if (args.type === 'string' || fnName === 'Ref') return;
        this.report(
          args,
          `Fn::GetAZs takes a region name, '' (the stack's region) or !Ref AWS::Region; found ${describe(args)}.`,
        );
        return;
      }
      case 'Fn::Cidr': {
        const items = this.list(fn, args, 3, 3, '[IP block, count, CIDR bits]');
        if (!items) return;
        this.stringArg(fn, 'the IP block', items[0]);
        return;
      }
      case 'Fn::Base64':
        this.stringArg(fn, 'the value', args);
        return;
      case 'Fn::ImportValue': {
        // The functions the CloudFormation User Guide allows inside Fn::ImportValue.
        const inner = intrinsicName(args);
        if (inner && !IMPORT_VALUE_FUNCTIONS.has(inner))
          this.report(
            args,
            `Fn::ImportValue cannot contain ${inner}; use one of ${[...IMPORT_VALUE_FUNCTIONS].join(', ')}.`,
          );
        else this.stringArg(fn, 'the export name', args);
        return;
      }
      case 'Fn::Equals': {
        // CloudFormation: "every Fn::Equals object requires a list of 2 string parameters".
        const items = this.list(fn, args, 2, 2, 'a list of two values') ?? [];
        for (const item of items) this.equalsOperand(item);
        return;
      }
      case 'Fn::And':
      case 'Fn::Or':
        this.list(fn, args, 2, 10, 'a list of 2 to 10 conditions');
        return;
      case 'Fn::Not':
        this.list(fn, args, 1, 1, 'a list of one condition');
        return;
      default:
        return;
    }
  }

  visit(node: AstNode | undefined): void {
    if (!node) return;
    if (node.type === 'array') {
      for (const item of node.items) this.visit(item);
      return;
    }
    if (node.type !== 'object') return;
    const fn = intrinsicName(node);
    if (fn) {
      const args = node.properties[0].value;
      if (args) this.check(fn, args);
    }
    for (const property of node.properties) this.visit(property.value);
  }
}

export const checkIntrinsicShapes: Rule = ({ root, collector }) => {
  if (root.type !== 'object') return;
  const listRefs = new Set(['AWS::NotificationARNs']);
  for (const parameter of getTemplate(root)?.parameters.values() ?? []) {
    const type = stringValue(getProperty(parameter.node, 'Type'));
    if (type === 'CommaDelimitedList' || type?.includes('List<')) listRefs.add(parameter.name);
  }
  const checker = new ShapeChecker(collector, listRefs);
  for (const section of ['Resources', 'Outputs', 'Conditions']) checker.visit(getProperty(root, section));
};
