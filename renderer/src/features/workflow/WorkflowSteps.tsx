import type { ReviewStep } from '../../../../shared/domain/workflow';
import { formatInstant } from './formatWhen';
import { STEP_LABELS } from './workflowText';

/** Who moved the review, when, and what they wrote: one line each, oldest first. */
export function WorkflowSteps({ steps }: { steps: readonly ReviewStep[] }) {
  return (
    <ol className="workflow-steps" aria-label="Workflow steps">
      {steps.map((step, i) => (
        <li key={`${step.at}-${i}`} className={`workflow-step step-${step.to}`}>
          <span className="workflow-step-what">{STEP_LABELS[step.to]}</span>
          <span className="workflow-step-who">by {step.by || 'someone unnamed'}</span>
          <time className="workflow-step-when muted" dateTime={step.at}>
            {formatInstant(step.at)}
          </time>
          {step.note && <span className="workflow-step-note">“{step.note}”</span>}
        </li>
      ))}
    </ol>
  );
}
