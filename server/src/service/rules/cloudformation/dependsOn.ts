/**
 * DependsOn: each entry must be another resource of the template, listed once; an entry the
 * resource already depends on through a Ref, Fn::GetAtt or Fn::Sub in its Properties is
 * redundant (reported as info, faded).
 */
import { closest, didYouMean } from '../../utils/suggest';
import type { Rule } from '../validationContext';
import { nameResolver } from './names';
import type { Reference } from './references';
import { collectReferences } from './references';
import type { Template } from './template';
import { getTemplate } from './template';

export const checkDependsOn: Rule = ({ root, parsed, collector }) => {
  const template = getTemplate(root);
  if (!template) return;
  const resolver = nameResolver(template);
  const refs = collectReferences(template, parsed.text);
  const byResource = new Map<string, Reference[]>();
  for (const ref of refs) {
    if (ref.kind !== 'DependsOn' || ref.shadowed || !ref.from) continue;
    const list = byResource.get(ref.from.name);
    if (list) list.push(ref);
    else byResource.set(ref.from.name, [ref]);
  }
  if (byResource.size === 0) return;
  const implied = impliedDependencies(template, refs, new Set(byResource.keys()));
  for (const [from, entries] of byResource) {
    const seen = new Set<string>();
    for (const ref of entries) {
      const name = ref.name;
      if (name === from) {
        collector.report(ref.span, `Resource '${from}' cannot depend on itself.`, 'cfn-depends-on-self', {
          data: { removable: true },
        });
        continue;
      }
      if (seen.has(name)) {
        collector.report(
          ref.span,
          `'${name}' is already listed in this DependsOn.`,
          'cfn-duplicate-depends-on',
          {
            severity: 'warning',
            unnecessary: true,
            data: { removable: true },
          },
        );
        continue;
      }
      seen.add(name);
      if (!template.resources.has(name)) {
        if (resolver.isImplicitResource(name) || resolver.opaque) continue;
        const what = template.parameters.has(name)
          ? ` '${name}' is a parameter; DependsOn lists resources.`
          : '';
        const suggestion = what ? undefined : closest(name, template.resources.keys());
        collector.report(
          ref.span,
          `DependsOn refers to '${name}', which is not a resource of this template.${what}${didYouMean(suggestion)}`,
          'cfn-unknown-depends-on',
          {
            data: { replacement: suggestion },
          },
        );
        continue;
      }
      const via = implied.get(from)?.get(name);
      if (via) {
        collector.report(
          ref.span,
          `DependsOn '${name}' is redundant: the ${via} in Properties already makes '${from}' wait for '${name}'.`,
          'cfn-redundant-depends-on',
          { severity: 'info', unnecessary: true, data: { removable: true } },
        );
      }
    }
  }
};

/**
 * For the given resources: the resources their Properties already depend on (target → "Ref"/
 * "Fn::GetAtt"/"Fn::Sub"). References inside Fn::If branches are left out: when the condition
 * picks the other branch there is no dependency, so the DependsOn may be deliberate.
 * (cfn-lint's W3005 counts every reference anywhere in the resource, Fn::If branches and
 * Metadata included; we report fewer, never a DependsOn that may be needed.)
 */
function impliedDependencies(
  template: Template,
  refs: Reference[],
  wanted: Set<string>,
): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  for (const ref of refs) {
    if (ref.shadowed || !ref.from || ref.from.section !== 'Resources' || !wanted.has(ref.from.name)) continue;
    if (ref.kind !== 'Ref' && ref.kind !== 'GetAtt' && ref.kind !== 'Sub') continue;
    if (!template.resources.has(ref.name) || ref.within !== 'Properties' || ref.inIf) continue;
    let targets = result.get(ref.from.name);
    if (!targets) result.set(ref.from.name, (targets = new Map<string, string>()));
    if (!targets.has(ref.name)) targets.set(ref.name, ref.kind === 'Ref' ? 'Ref' : `Fn::${ref.kind}`);
  }
  return result;
}
