/**
 * YAML/JSON text → the document tree of ast.ts, with exact offsets and syntax problems.
 * YAML goes through the `yaml` package (yamlConvert.ts; incrementalParse.ts re-parses only the
 * edited part of a large document); JSON through `jsonc-parser`, which reports JSON's own errors
 * precisely.
 */
import type * as Jsonc from 'jsonc-parser';
import type { AstNode } from '../ast';
import { arrayNode, booleanNode, nullNode, numberNode, objectNode, propertyNode, stringNode } from '../ast';
import { jsoncParser } from '../utils/lazyPackages';
import { MAX_NESTING, nestingDepth } from './limits';
import { parseYamlText, rawProblems, YamlConverter, yamlProblems } from './yamlConvert';

export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
  code:
    | 'yaml-syntax'
    | 'yaml-indentation'
    | 'json-syntax'
    | 'duplicate-key'
    | 'unknown-tag'
    | 'multiple-documents'
    | 'alias-limit'
    | 'nesting-limit';
  severity: 'error' | 'warning';
  /** Offsets of the text the problem makes unreadable (default: its own line). */
  affected?: [number, number];
}

export interface ParsedDocument {
  format: 'yaml' | 'json';
  root: AstNode | undefined;
  problems: SyntaxProblem[];
  text: string;
}

export { SHORT_FORM_TAGS } from './yamlConvert';

/** Decide the syntax: JSON when the language or extension says so, or the text starts with `{`/`[`. */
export function detectFormat(text: string, languageId?: string, uri?: string): 'yaml' | 'json' {
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  if (uri && /\.json$/i.test(uri)) return 'json';
  if (languageId === 'yaml') return 'yaml';
  const first = /\S/.exec(text);
  return first && (first[0] === '{' || first[0] === '[') ? 'json' : 'yaml';
}

export function parse(text: string, format: 'yaml' | 'json'): ParsedDocument {
  // The parsers recurse once per level: refuse what would exhaust the stack.
  const nesting = nestingDepth(text, format);
  if (nesting.offset >= 0) {
    return { format, root: undefined, problems: [nestingProblem(nesting.offset)], text };
  }
  return format === 'json' ? parseJson(text) : parseYaml(text);
}

/** The one problem of a document nested too deeply to parse. */
export function nestingProblem(offset: number): SyntaxProblem {
  return {
    offset,
    length: 1,
    message: `Not analysed: values are nested more than ${MAX_NESTING} levels deep here`,
    code: 'nesting-limit',
    severity: 'error',
  };
}

// ---------------------------------------------------------------------------------------------
// JSON

function parseJson(text: string): ParsedDocument {
  const jsonc = jsoncParser();
  const errors: Jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  // jsonc-parser may report two errors at one offset (e.g. "property name expected" and "value expected").
  const firstPerOffset = errors.filter((e, i) => errors.findIndex((o) => o.offset === e.offset) === i);
  // After another error, "end of file expected" is its echo (the recovery closed the root early
  // and the rest of the text looks extra): one problem, one diagnostic.
  const kept = firstPerOffset.filter((e, i) => i === 0 || e.error !== jsonc.ParseErrorCode.EndOfFileExpected);
  const problems: SyntaxProblem[] = kept.map((e) => ({
    offset: e.offset,
    length: Math.max(e.length, 1),
    message: jsonErrorMessage(e.error),
    code: 'json-syntax',
    severity: 'error',
  }));
  const root = tree ? convertJson(tree, problems) : undefined;
  return { format: 'json', root, problems, text };
}

function jsonErrorMessage(code: Jsonc.ParseErrorCode): string {
  const name = jsoncParser().printParseErrorCode(code);
  const readable: Record<string, string> = {
    InvalidSymbol: 'Invalid symbol',
    InvalidNumberFormat: 'Invalid number format',
    PropertyNameExpected: 'Property name expected',
    ValueExpected: 'Value expected',
    ColonExpected: 'Colon expected',
    CommaExpected: 'Comma expected',
    CloseBraceExpected: 'Closing brace `}` expected',
    CloseBracketExpected: 'Closing bracket `]` expected',
    EndOfFileExpected: 'End of file expected',
    InvalidCommentToken: 'Comments are not allowed in JSON',
    UnexpectedEndOfComment: 'Unexpected end of comment',
    UnexpectedEndOfString: 'Unterminated string',
    UnexpectedEndOfNumber: 'Unexpected end of number',
    InvalidUnicode: 'Invalid unicode sequence in string',
    InvalidEscapeCharacter: 'Invalid escape character in string',
    InvalidCharacter: 'Invalid character in string',
  };
  return `JSON syntax error: ${readable[name] ?? name}`;
}

function convertJson(node: Jsonc.Node, problems: SyntaxProblem[]): AstNode {
  const { offset, length } = node;
  switch (node.type) {
    case 'object': {
      const obj = objectNode(offset, length);
      const seen = new Set<string>();
      for (const child of node.children ?? []) {
        const [keyNode, valueNode] = child.children ?? [];
        if (!keyNode) continue;
        const key = stringNode(keyNode.offset, keyNode.length, String(keyNode.value), true);
        if (seen.has(key.value)) {
          problems.push({
            offset: key.offset,
            length: key.length,
            message: `Duplicate key '${key.value}'`,
            code: 'duplicate-key',
            severity: 'error',
          });
        }
        seen.add(key.value);
        const prop = propertyNode(child.offset, child.length, key, obj);
        if (valueNode) {
          prop.value = convertJson(valueNode, problems);
          prop.value.parent = prop;
        }
        obj.properties.push(prop);
      }
      return obj;
    }
    case 'array': {
      const items = (node.children ?? []).map((c) => convertJson(c, problems));
      const arr = arrayNode(offset, length, items);
      for (const item of items) item.parent = arr;
      return arr;
    }
    case 'string':
      return stringNode(offset, length, String(node.value), true);
    case 'number':
      return numberNode(offset, length, Number(node.value), String(node.value));
    case 'boolean':
      return booleanNode(offset, length, Boolean(node.value));
    default:
      return nullNode(offset, length);
  }
}

// ---------------------------------------------------------------------------------------------
// YAML

function parseYaml(text: string): ParsedDocument {
  const doc = parseYamlText(text);
  const problems = yamlProblems(text, rawProblems(doc.errors), rawProblems(doc.warnings));
  const root = doc.contents ? new YamlConverter(text, problems).convert(doc.contents) : undefined;
  return { format: 'yaml', root, problems, text };
}
