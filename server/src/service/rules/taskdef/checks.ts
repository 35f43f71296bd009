/** Every check of a task definition, over the neutral model: shared by both front doors. */
import type { TaskReporter } from './checkContext';
import { createCheckContext } from './checkContext';
import { checkEssential, checkHostPorts, checkNames } from './containers';
import type { TaskModel } from './model';
import { checkExecutionRole, checkLogging, checkRoleArns } from './roles';
import { checkContainerMemory, checkFargateTask, checkSizeValues } from './sizes';

export function runTaskChecks(model: TaskModel, report: TaskReporter): void {
  const context = createCheckContext(model, report);
  checkSizeValues(context);
  checkFargateTask(context);
  checkContainerMemory(context);
  checkEssential(context);
  checkNames(context);
  checkHostPorts(context);
  checkLogging(context);
  checkExecutionRole(context);
  checkRoleArns(context);
}
