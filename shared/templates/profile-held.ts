// Questions an earlier version of a built-in template asked whose answers the provider profile
// holds now. Reviews keep the version they started on (a decided one for good), so a review on
// such a version still has these answers; wherever it is shown or printed, the question shows the
// profile's figure instead, so no screen or report carries a second, older fee. Small on purpose:
// the renderer reads it without loading a whole template.
import { buildEffortText, feeText, type CostProfile } from '../domain/cost';

/** The profile figure that replaces a question's answer. */
export type ProfileFigure = 'fee' | 'buildEffort';

/**
 * By template id, then question id. infrastructure-provider v1 asked the fee (fixed to EUR a
 * month) and the build-and-run effort; from v2 the profile alone holds them.
 */
const HELD: Readonly<Record<string, Readonly<Record<string, ProfileFigure>>>> = {
  'infrastructure-provider': { cost_monthly_fee: 'fee', cost_build_run_days: 'buildEffort' },
};

/** The profile figure a question of this template stands for; null for an ordinary question. */
export function profileHeldFigure(templateId: string, questionId: string): ProfileFigure | null {
  // hasOwn: a question id such as "constructor" must not find Object.prototype's.
  const held = Object.hasOwn(HELD, templateId) ? HELD[templateId]! : {};
  return Object.hasOwn(held, questionId) ? held[questionId]! : null;
}

/** What is shown in place of the answer: "Kept in the provider profile: 380 EUR per month". */
export function keptInProfileText(figure: ProfileFigure, profile: CostProfile): string {
  const value = figure === 'fee' ? feeText(profile) : buildEffortText(profile);
  return `Kept in the provider profile: ${value ?? 'not recorded'}`;
}
