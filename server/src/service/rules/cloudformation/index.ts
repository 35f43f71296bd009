/** The CloudFormation rules, in the order they run. Add a rule: write it in this folder and list it here. */
import type { Rule } from '../validationContext';
import { checkCycles } from './cycles';
import { checkDependsOn } from './dependsOn';
import { checkDuplicateKeys } from './duplicateKeys';
import { checkEcsTaskDefinitions } from './ecsTaskDefinition';
import { checkExclusiveProperties } from './exclusiveProperties';
import { checkFindInMap } from './findInMap';
import { checkIntrinsicShapes } from './intrinsicShapes';
import { checkOutputs } from './outputs';
import { checkParameterAttributes } from './parameterAttributes';
import { checkParameters } from './parameters';
import { checkQuotas } from './quotas';
import { checkLambdaRuntimes } from './runtimes';
import { checkReferences } from './referenceRules';
import { checkResourceTypes } from './resourceProperties';
import { checkSamFunctions } from './samFunctions';
import { checkSamIgnoreGlobals } from './samIgnoreGlobals';
import { checkSnapshotPolicy } from './snapshotPolicy';
import { checkStructure } from './structure';
import { checkSubFunctions } from './subRules';
import { checkUnreachableIf } from './unreachableIf';
import { checkUnused } from './unused';

export const cloudformationRules: Rule[] = [
  checkStructure,
  checkParameters,
  checkResourceTypes,
  checkExclusiveProperties,
  checkReferences,
  checkSubFunctions,
  checkFindInMap,
  checkDependsOn,
  checkCycles,
  checkUnused,
  checkOutputs,
  checkQuotas,
  checkEcsTaskDefinitions,
  checkLambdaRuntimes,
  checkIntrinsicShapes,
  checkDuplicateKeys,
  checkSamFunctions,
  checkSamIgnoreGlobals,
  checkSnapshotPolicy,
  checkParameterAttributes,
  checkUnreachableIf,
];
