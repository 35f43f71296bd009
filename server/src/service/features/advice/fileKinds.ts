/**
 * Advice from the notes for buildspecs (secrets in plain variables) and task definitions
 * (placement constraints on a Fargate-only task).
 */
import { getProperty, stringValue } from '../../ast';
import type { DocumentState } from '../../parsing/documentCache';
import type { AdviceFinding, AdviceRule } from './model';

/** Names that say the value is a secret. */
const SECRET_NAME = /(^|_)(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY)($|_)/i;

export const buildspecAdvice: AdviceRule = (state: DocumentState) => {
  const variables = getProperty(getProperty(state.parsed.root, 'env'), 'variables');
  if (variables?.type !== 'object') return [];
  const out: AdviceFinding[] = [];
  for (const variable of variables.properties) {
    const value = stringValue(variable.value);
    // A reference to the environment (`$TOKEN`) is not a secret written down.
    if (!SECRET_NAME.test(variable.key.value) || !value || value.startsWith('$')) continue;
    out.push({
      span: variable.key,
      message: `${variable.key.value} looks like a secret written in plain env.variables; parameter-store or secrets-manager keep it out of the file and the build logs.`,
      bullet: 'secretsParameterStore',
    });
  }
  return out;
};

export const taskdefAdvice: AdviceRule = (state: DocumentState) => {
  const root = state.parsed.root;
  const compatibilities = getProperty(root, 'requiresCompatibilities');
  if (compatibilities?.type !== 'array' || !compatibilities.items.length) return [];
  const fargateOnly = compatibilities.items.every((item) => stringValue(item) === 'FARGATE');
  const constraints = getProperty(root, 'placementConstraints');
  if (!fargateOnly || constraints?.type !== 'array' || !constraints.items.length) return [];
  const key = constraints.parent?.type === 'property' ? constraints.parent.key : constraints;
  return [
    {
      span: key,
      message: 'This task runs only on Fargate, where placementConstraints are not applied.',
      bullet: 'placementFargate',
    },
  ];
};
