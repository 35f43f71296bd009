/**
 * The template as a graph of names: every use of a parameter, resource, condition or mapping
 * (Ref, GetAtt, Sub variables, DependsOn, Condition keys and functions, FindInMap), each with
 * the exact span of the name. Rules, navigation, rename and hover all read this one list.
 */
import type { ArrayNode, AstNode, ObjectNode, StringNode } from '../../ast';
import type { Span } from '../../diagnostics';
import type { Entity, Template } from './template';

export type ReferenceKind = 'Ref' | 'GetAtt' | 'Sub' | 'DependsOn' | 'Condition' | 'FindInMap';

/** What a reference may point at. */
export type TargetKind = 'resource' | 'parameter-or-resource' | 'condition' | 'mapping';

export interface Reference {
  kind: ReferenceKind;
  target: TargetKind;
  /** The referenced logical name (for GetAtt/Sub `A.B`, just `A`). */
  name: string;
  /** The exact text span of the name. */
  span: Span;
  /** GetAtt attribute (or the part after the first dot in a Sub variable). */
  attribute?: string;
  attributeSpan?: Span;
  /** The node that holds the reference (the function's argument or the key's value). */
  node: AstNode;
  /** The resource/output/condition whose definition contains the reference, if any. */
  from?: { section: string; name: string };
  /** Sub variables defined in the second argument of Fn::Sub shadow template names. */
  shadowed?: boolean;
  /** The resource/output attribute the reference is written under (Properties, Metadata, Value…). */
  within?: string;
  /** Inside a branch of Fn::If: it only counts when the condition picks that branch. */
  inIf?: boolean;
}

export interface SubVariable {
  /** The variable text inside `${…}`. */
  text: string;
  span: Span;
}

/** `${Name}` / `${Res.Attr}` variables in a Sub string's source text; `${!Literal}` is skipped. */
export function subVariables(node: StringNode, documentText: string): SubVariable[] {
  const source = documentText.slice(node.offset, node.offset + node.length);
  const out: SubVariable[] = [];
  const pattern = /\$\{([^}]*)\}/g;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const inner = match[1];
    if (inner.startsWith('!')) continue;
    const leading = inner.length - inner.trimStart().length;
    out.push({
      text: inner.trim(),
      span: { offset: node.offset + match.index + 2 + leading, length: inner.trim().length },
    });
  }
  return out;
}

interface Analysis {
  refs: Reference[];
  subs: ObjectNode[];
}

const cache = new WeakMap<Template, Analysis>();

/** Every reference of the template, in document order per section (computed once per parse). */
export function collectReferences(template: Template, documentText: string): Reference[] {
  return analyse(template, documentText).refs;
}

/** Every Fn::Sub function object of the template (long or short form), from the same walk. */
export function collectSubFunctions(template: Template, documentText: string): ObjectNode[] {
  return analyse(template, documentText).subs;
}

function analyse(template: Template, documentText: string): Analysis {
  const cached = cache.get(template);
  if (cached) return cached;
  const walker = new Walker(documentText, template.isSam);
  walker.template(template);
  const analysis = { refs: walker.refs, subs: walker.subs };
  cache.set(template, analysis);
  return analysis;
}

const FOR_EACH = 'Fn::ForEach::';

/** Where the walk is: whose definition, and whether inside the Conditions/Rules logic or an Fn::If. */
interface Place {
  from: NonNullable<Reference['from']>;
  inConditions: boolean;
  /** The key of the resource/output attribute being walked (Properties, Metadata, Value…). */
  within?: string;
  inIf?: boolean;
}

class Walker {
  readonly refs: Reference[] = [];
  readonly subs: ObjectNode[] = [];

  constructor(
    private readonly text: string,
    private readonly samDots: boolean,
  ) {}

  template(template: Template): void {
    const sections: [string, Map<string, Entity>][] = [
      ['Resources', template.resources],
      ['Outputs', template.outputs],
      ['Conditions', template.conditions],
    ];
    for (const [section, entities] of sections) {
      for (const entity of entities.values()) this.entityOrLoop(section, entity.name, entity.node);
    }
    for (const section of ['Rules', 'Metadata', 'Hooks', 'Globals']) {
      const property = template.sections.get(section);
      if (property?.value)
        this.node(property.value, { from: { section, name: section }, inConditions: section === 'Rules' });
    }
  }

  private push(ref: Reference, place: Place): void {
    if (place.within) ref.within = place.within;
    if (place.inIf) ref.inIf = true;
    this.refs.push(ref);
  }

  private stringRef(kind: ReferenceKind, target: TargetKind, node: StringNode, place: Place): void {
    this.push(
      { kind, target, name: node.value, span: nameSpan(node, this.text), node, from: place.from },
      place,
    );
  }

  /** A resource, output or condition — or an Fn::ForEach loop generating them. */
  private entityOrLoop(section: string, name: string, node: AstNode | undefined): void {
    if (!name.startsWith(FOR_EACH) || node?.type !== 'array') {
      if (section === 'Resources') this.resource(name, node);
      else if (section === 'Outputs') this.output(name, node);
      else this.node(node, { from: { section, name }, inConditions: true });
      return;
    }
    const place: Place = { from: { section, name }, inConditions: section === 'Conditions' };
    this.forEach(node, place, (body) => {
      if (body?.type !== 'object') return;
      for (const generated of body.properties)
        this.entityOrLoop(section, generated.key.value, generated.value);
    });
  }

  private resource(name: string, node: AstNode | undefined): void {
    if (node?.type !== 'object') return;
    const from = { section: 'Resources', name };
    for (const property of node.properties) {
      const value = property.value;
      const key = property.key.value;
      if (!value || key === 'Type') continue;
      const place: Place = { from, inConditions: false, within: key };
      if (key === 'DependsOn') {
        for (const item of value.type === 'array' ? value.items : [value]) {
          if (item.type === 'string') this.stringRef('DependsOn', 'resource', item, place);
        }
      } else if (key === 'Condition') {
        if (value.type === 'string') this.stringRef('Condition', 'condition', value, place);
      } else {
        this.node(value, place);
      }
    }
  }

  private output(name: string, node: AstNode | undefined): void {
    if (node?.type !== 'object') return;
    const from = { section: 'Outputs', name };
    for (const property of node.properties) {
      const value = property.value;
      const key = property.key.value;
      const place: Place = { from, inConditions: false, within: key };
      if (key === 'Condition') {
        if (value?.type === 'string') this.stringRef('Condition', 'condition', value, place);
      } else {
        this.node(value, place);
      }
    }
  }

  private node(node: AstNode | undefined, place: Place): void {
    if (!node) return;
    if (node.type === 'array') {
      for (const item of node.items) this.node(item, place);
      return;
    }
    if (node.type !== 'object') return;
    if (node.properties.length === 1) {
      const { key, value } = node.properties[0];
      if (value && this.function(node, key.value, value, place)) return;
    }
    for (const property of node.properties) {
      if (property.key.value.startsWith(FOR_EACH) && property.value?.type === 'array') {
        this.forEach(property.value, place, (body) => this.node(body, place));
      } else {
        this.node(property.value, place);
      }
    }
  }

  /**
   * `Fn::ForEach::Name: [Identifier, Collection, Body]`: the collection is an ordinary use; inside
   * the body the identifier (and any `${…}`/`&{…}` templated name) is a loop variable, not a
   * template name, so those references are marked shadowed.
   */
  private forEach(node: ArrayNode, place: Place, visitBody: (body: AstNode | undefined) => void): void {
    const [identifier, collection, body] = node.items;
    this.node(collection, place);
    const first = this.refs.length;
    visitBody(body);
    const loopVariable = identifier?.type === 'string' ? identifier.value : undefined;
    for (let i = first; i < this.refs.length; i++) {
      const ref = this.refs[i];
      if (ref.name === loopVariable || /[$&]\{/.test(ref.name)) ref.shadowed = true;
    }
  }

  /** Records a function's references; true when its argument needs no further walk. */
  private function(node: ObjectNode, name: string, value: AstNode, place: Place): boolean {
    switch (name) {
      case 'Ref':
        if (value.type !== 'string') return false;
        this.ref(value, place);
        return true;
      case 'Fn::GetAtt':
        this.getAtt(value, place);
        return false; // keep walking: the attribute may itself be a function
      case 'Fn::Sub':
        this.subs.push(node);
        this.sub(value, place);
        return false;
      case 'Condition':
        if (!place.inConditions || value.type !== 'string') return false;
        this.stringRef('Condition', 'condition', value, place);
        return true;
      case 'Fn::If': {
        const first = value.type === 'array' ? value.items[0] : undefined;
        if (first?.type === 'string') this.stringRef('Condition', 'condition', first, place);
        if (value.type === 'array') {
          // A literal rather than a spread of `place`: spreads are slow in this hot walk.
          const branches: Place = {
            from: place.from,
            inConditions: place.inConditions,
            within: place.within,
            inIf: true,
          };
          for (const item of value.items.slice(1)) this.node(item, branches);
          return true;
        }
        return false;
      }
      case 'Fn::FindInMap': {
        const first = value.type === 'array' ? value.items[0] : undefined;
        if (first?.type === 'string') this.stringRef('FindInMap', 'mapping', first, place);
        return false;
      }
      default:
        return false;
    }
  }

  private ref(value: StringNode, place: Place): void {
    const span = nameSpan(value, this.text);
    // SAM: `!Ref MyFunction.Alias` refers to a generated resource through `MyFunction`.
    const dot = this.samDots && !value.value.startsWith('AWS::') ? value.value.indexOf('.') : -1;
    if (dot <= 0) {
      this.push(
        {
          kind: 'Ref',
          target: 'parameter-or-resource',
          name: value.value,
          span,
          node: value,
          from: place.from,
        },
        place,
      );
      return;
    }
    this.push(
      {
        kind: 'Ref',
        target: 'resource',
        name: value.value.slice(0, dot),
        span: { offset: span.offset, length: dot },
        attribute: value.value.slice(dot + 1),
        attributeSpan: { offset: span.offset + dot + 1, length: value.value.length - dot - 1 },
        node: value,
        from: place.from,
      },
      place,
    );
  }

  private getAtt(value: AstNode, place: Place): void {
    const from = place.from;
    if (value.type === 'string') {
      const dot = value.value.indexOf('.');
      const span = nameSpan(value, this.text);
      const name = dot < 0 ? value.value : value.value.slice(0, dot);
      const ref: Reference = {
        kind: 'GetAtt',
        target: 'resource',
        name,
        span: { offset: span.offset, length: name.length },
        node: value,
        from,
      };
      if (dot >= 0) {
        ref.attribute = value.value.slice(dot + 1);
        ref.attributeSpan = { offset: span.offset + dot + 1, length: ref.attribute.length };
      }
      this.push(ref, place);
    } else if (value.type === 'array' && value.items[0]?.type === 'string') {
      const first = value.items[0];
      const ref: Reference = {
        kind: 'GetAtt',
        target: 'resource',
        name: first.value,
        span: nameSpan(first, this.text),
        node: first,
        from,
      };
      const second = value.items[1];
      if (second?.type === 'string') {
        ref.attribute = second.value;
        ref.attributeSpan = nameSpan(second, this.text);
      }
      this.push(ref, place);
    }
  }

  private sub(value: AstNode, place: Place): void {
    const stringNode =
      value.type === 'string'
        ? value
        : value.type === 'array' && value.items[0]?.type === 'string'
          ? value.items[0]
          : undefined;
    if (!stringNode) return;
    const variablesNode = value.type === 'array' ? value.items[1] : undefined;
    const local = new Set(
      variablesNode?.type === 'object' ? variablesNode.properties.map((p) => p.key.value) : [],
    );
    for (const variable of subVariables(stringNode, this.text)) {
      const dot = variable.text.indexOf('.');
      const name = dot < 0 ? variable.text : variable.text.slice(0, dot);
      if (!name) continue;
      const ref: Reference = {
        kind: 'Sub',
        target: dot < 0 || name.startsWith('AWS::') ? 'parameter-or-resource' : 'resource',
        name,
        span: { offset: variable.span.offset, length: name.length },
        node: stringNode,
        from: place.from,
      };
      if (name.startsWith('AWS::')) {
        // Pseudo-parameters are checked by the reference rules through this list too.
        this.push(ref, place);
        continue;
      }
      ref.shadowed = local.has(variable.text) || local.has(name);
      if (dot >= 0) {
        ref.attribute = variable.text.slice(dot + 1);
        ref.attributeSpan = { offset: variable.span.offset + dot + 1, length: ref.attribute.length };
      }
      this.push(ref, place);
    }
  }
}

/** The span of the name inside a string node: skips quotes so that rename edits just the name. */
export function nameSpan(node: StringNode, documentText: string): Span {
  const source = documentText.slice(node.offset, node.offset + node.length);
  const at = source.indexOf(node.value);
  if (at >= 0 && node.value.length) return { offset: node.offset + at, length: node.value.length };
  // Escapes make the source differ from the value: keep the quotes out of the span anyway.
  if (node.quoted && node.length >= 2 && /^["']/.test(source))
    return { offset: node.offset + 1, length: node.length - 2 };
  return { offset: node.offset, length: node.length };
}
