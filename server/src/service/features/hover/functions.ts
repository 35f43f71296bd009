/** Hover on intrinsic functions (`!Ref`, `Fn::GetAtt` …) and pseudo-parameters (`AWS::Region` …). */
import type { HoverResult } from './common';
import { functionDoc, intrinsicDocUrl, PSEUDO_PARAMETER_DOCS, PSEUDO_PARAMETERS_URL } from './intrinsics';

export function intrinsicHover(name: string, span: HoverResult['span']): HoverResult | undefined {
  const doc = functionDoc(name);
  if (!doc) return undefined;
  const markdown = [
    `**${doc.name}** (\`${doc.short}\`) · intrinsic function`,
    doc.summary,
    `\`\`\`yaml\n${doc.syntax}\n\`\`\``,
    doc.details ?? '',
    `[Documentation](${intrinsicDocUrl(doc)})`,
  ];
  return {
    docs: markdown.filter(Boolean),
    notes: { terms: [doc.name], related: ['intrinsic function'] },
    span,
  };
}

export function pseudoParameterHover(name: string, span: HoverResult['span']): HoverResult | undefined {
  const doc = PSEUDO_PARAMETER_DOCS[name];
  if (!doc) return undefined;
  return {
    docs: [`**${name}** · pseudo-parameter`, doc, `[Documentation](${PSEUDO_PARAMETERS_URL})`],
    notes: { terms: [name], related: ['pseudo-parameter'] },
    span,
  };
}
