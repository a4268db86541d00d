// The answers a claim check reads: value by question id, only of questions the review shows (an
// uptime answer left behind after "No SLA" was chosen claims nothing), N/A and empty ones left out.
import { visibleQuestionIds } from '../domain/conditions';
import { toAnswerMap, type Answer } from '../domain/review';
import type { Template } from '../domain/template';

export function claimAnswers(template: Template | undefined, answers: readonly Answer[]): Map<string, unknown> {
  const visible = template ? visibleQuestionIds(template, toAnswerMap(answers)) : null;
  const map = new Map<string, unknown>();
  for (const a of answers) {
    if (a.na || a.value === null || a.value === undefined) continue;
    if (visible && !visible.has(a.questionId)) continue;
    map.set(a.questionId, a.value);
  }
  return map;
}
