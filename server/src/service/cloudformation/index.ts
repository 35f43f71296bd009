/** The CloudFormation rules, in the order they run. Add a rule: write it in this folder and list it here. */
import type { Rule } from '../validationContext';
import { checkEcsTaskDefinitions } from './ecsTaskDefinition';
import { checkParameters } from './parameters';
import { checkResourceTypes } from './resourceProperties';
import { checkStructure } from './structure';

export const cloudformationRules: Rule[] = [checkStructure, checkParameters, checkResourceTypes, checkEcsTaskDefinitions];
