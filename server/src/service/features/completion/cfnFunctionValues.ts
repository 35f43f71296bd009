/**
 * Intrinsic functions as the whole value of a property, chosen by the shape of the value they
 * give (a string: Sub, Join, Base64 …; a list: Split, GetAZs, Cidr; no condition functions), so
 * that a value with nothing else to propose still gets our items (papercut 1).
 */
import { CompletionItemKind } from 'vscode-languageserver-types';
import { INTRINSICS, NAMING } from './cfnKeys';
import type { ValueProposal, ValueShape } from './items';

/** Functions that give a string (or a value CloudFormation converts from one). */
const SCALAR_FUNCTIONS = [
  'Ref',
  'Fn::Sub',
  'Fn::GetAtt',
  'Fn::Join',
  'Fn::Select',
  'Fn::FindInMap',
  'Fn::If',
  'Fn::ImportValue',
];

/** The functions that give a value of each shape (lists: Split, GetAZs, Cidr; no condition functions). */
const FUNCTIONS_BY_SHAPE: Record<ValueShape, string[]> = {
  string: [...SCALAR_FUNCTIONS, 'Fn::Base64'],
  number: ['Ref', 'Fn::GetAtt', 'Fn::Select', 'Fn::FindInMap', 'Fn::If', 'Fn::ImportValue'],
  boolean: ['Ref', 'Fn::FindInMap', 'Fn::If'],
  array: ['Ref', 'Fn::GetAtt', 'Fn::Split', 'Fn::GetAZs', 'Fn::Cidr', 'Fn::FindInMap', 'Fn::If'],
  any: SCALAR_FUNCTIONS,
  object: ['Fn::If'],
};

/**
 * Intrinsic functions as a whole value of the given shape, after the other proposals: YAML short
 * form (`!Sub $1`), JSON long form (`{"Fn::Sub": "$1"}`); the name or arguments are completed next.
 */
export function functionValueProposals(shape: ValueShape, json: boolean): ValueProposal[] {
  return FUNCTIONS_BY_SHAPE[shape].flatMap((name, order) => {
    const row = INTRINSICS.find(([n]) => n === name);
    if (!row) return [];
    const [, yaml, jsonArgs, documentation] = row;
    const text = json ? `{"${name}": ${jsonArgs}}` : yaml;
    const label = json ? name : yaml.split(' ')[0];
    return [
      {
        value: text,
        label,
        text,
        snippet: true,
        literal: true,
        filter: json ? name : label,
        detail: name,
        documentation,
        kind: CompletionItemKind.Function,
        group: 8,
        order,
        retrigger: NAMING.has(name),
      },
    ];
  });
}
