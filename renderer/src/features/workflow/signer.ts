// Who signs a sign-off step: the user's name from Settings. Every step records it, so the app asks
// for the name before the first step instead of letting the register refuse the step.
import type { ReviewStatus } from '../../../../shared/domain/review';
import { isDecision } from '../../../../shared/domain/workflow';
import type { ApiError } from '../../../../shared/result';
import { useVetted } from '../../store';
import { ACTION_LABELS } from './workflowText';

/** The name in Settings (read first when not loaded yet); '' when it is not set or cannot be read. */
export async function storedUserName(): Promise<string> {
  if (useVetted.getState().settings === null) await useVetted.getState().loadSettings();
  return useVetted.getState().settings?.userName.trim() ?? '';
}

/** True when the register refused a step because nobody was named as signing it. */
export function isMissingSigner(error: ApiError): boolean {
  return error.code === 'validation' && (error.details ?? []).some((d) => d.path === 'by');
}

/** The name dialog's button: it saves the name, then carries on with the step asked for. */
export function saveAndContinueLabel(step: ReviewStatus): string {
  // A decision opens its own dialog next (note, conditions), so the name only lets it continue.
  if (isDecision(step)) return 'Save and continue';
  const action = ACTION_LABELS[step];
  return `Save and ${action.charAt(0).toLowerCase()}${action.slice(1)}`;
}
