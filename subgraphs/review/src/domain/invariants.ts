// What must hold of every reachable review state. The property tests check it after every step;
// the service may check a state it loads before acting on it.
import { isFinal, isOpen, isResultTask, type ReviewState, type TaskState } from './state';

const PASSING: readonly TaskState[] = ['FORWARDED', 'PASSED'];

/**
 * Everything that must hold of any reachable state, as a list of broken rules (empty when sound).
 * The property tests check it after every step; the service may check what it loads.
 */
export function reviewInvariantViolations(state: ReviewState): string[] {
  const broken: string[] = [];
  const { route, tasks } = state;
  const open = tasks.filter(isOpen);
  if (open.length > 1) broken.push('more than one open task: the declaration is at two levels at once');
  if (open.length === 1 && open[0] !== tasks[tasks.length - 1])
    broken.push('an open task is not the latest task');
  if ((state.phase === 'IN_REVIEW') !== (open.length === 1))
    broken.push(`phase ${state.phase} with ${open.length} open tasks`);
  if ((state.phase === 'RETURNED') !== (state.returnedToApplicant !== null))
    broken.push('returnedToApplicant does not match the phase');
  if (isFinal(state) !== (state.closedAt !== null)) broken.push('closedAt does not match the phase');

  tasks.forEach((task, i) => {
    const step = route[task.routeIndex];
    if (task.sequence !== i + 1) broken.push(`task ${i} has sequence ${task.sequence}`);
    if (!step || step.level !== task.level || step.organisationId !== task.organisationId)
      broken.push(`task ${task.sequence} is not at its route step`);
    if (task.state === 'AWAITING_FORWARD' && task.level !== 'UNIT')
      broken.push('only units await forwarding');
    if (task.state === 'DEFERRED' && task.level !== 'COMMITTEE' && !isResultTask(task))
      broken.push('only the committee (or a 人才分类定级 result) defers');
    if (task.level === 'COMMITTEE' && task.routeIndex !== route.length - 1)
      broken.push('committee is not last');
    if (task.state === 'PASSED' && task.routeIndex !== route.length - 1)
      broken.push('PASSED below the last level');
    if (task.state === 'FORWARDED' && task.routeIndex === route.length - 1)
      broken.push('FORWARDED at the last level');
    // How each task came to be: every opening is explained by the task before it.
    const before = tasks[i - 1];
    const origin = task.origin;
    if (i === 0) {
      if (origin !== 'SUBMITTED' || task.routeIndex !== 0)
        broken.push('the first task is not the submission');
    } else if (origin === 'ADVANCED') {
      if (before.state !== 'FORWARDED' || before.routeIndex !== task.routeIndex - 1)
        broken.push(`task ${task.sequence} advanced without a pass at the level below`);
    } else if (origin === 'RETURNED_FROM_ABOVE') {
      if (
        before.state !== 'RETURNED' ||
        before.decision?.returnTarget !== task.level ||
        before.routeIndex <= task.routeIndex
      )
        broken.push(`task ${task.sequence} was not returned from above`);
    } else if (origin === 'RESUBMITTED') {
      if (
        before.state !== 'RETURNED' ||
        before.decision?.returnTarget !== 'APPLICANT' ||
        before.routeIndex !== task.routeIndex
      )
        broken.push(`task ${task.sequence} was not resubmitted to the level that returned it`);
    } else if (origin === 'MATERIALS_APPROVED') {
      if (
        state.outcomeAfterRoute !== 'MATERIALS_APPROVED' ||
        before.state !== 'PASSED' ||
        isResultTask(before) ||
        before.routeIndex !== task.routeIndex ||
        task.routeIndex !== route.length - 1
      )
        broken.push(`task ${task.sequence} awaits a result without 材料审核通过 at the end of the route`);
    } else broken.push(`task ${task.sequence} has origin ${origin} after the first task`);
  });

  const last = tasks[tasks.length - 1];
  if (!last) broken.push('no task');
  if (state.phase === 'TERMINATED' && last?.state !== 'TERMINATED')
    broken.push('terminated without a terminating task');
  if (state.phase === 'FINALLY_APPROVED' || state.phase === 'MATERIALS_APPROVED') {
    if (route[route.length - 1].level === 'COMMITTEE' && state.phase !== 'FINALLY_APPROVED')
      broken.push('a committee route ended without the committee');
    // 人才分类定级 (材料审核通过 at the end of the route) is finally approved by its result task.
    const byResult = state.phase === 'FINALLY_APPROVED' && isResultTask(last);
    if (route[route.length - 1].level !== 'COMMITTEE' && state.phase !== state.outcomeAfterRoute && !byResult)
      broken.push('the route ended with another outcome than its notice says');
    if (byResult && state.outcomeAfterRoute !== 'MATERIALS_APPROVED')
      broken.push('a result task approved a route that ends otherwise');
    if (last?.state !== 'PASSED' || last.routeIndex !== route.length - 1)
      broken.push('approved without the last level');
    // Every level passed it, in route order: each level's latest pass came after the one below.
    let previousPass = 0;
    for (const step of route) {
      const passes = tasks.filter((t) => t.routeIndex === step.routeIndex && PASSING.includes(t.state));
      const latest = passes[passes.length - 1];
      if (!latest) broken.push(`approved without a pass at ${step.level}`);
      else if (latest.sequence <= previousPass) broken.push(`${step.level} passed before the level below`);
      previousPass = latest?.sequence ?? previousPass;
    }
  }
  if (state.phase === 'RETURNED') {
    const r = state.returnedToApplicant;
    if (!r || last?.state !== 'RETURNED' || last.routeIndex !== r.byRouteIndex || r.modules.length === 0)
      broken.push('returned to the applicant without a return from that level');
  }
  return broken;
}
