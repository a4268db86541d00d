import { hrefs } from '../../app/router';
import { useVetted } from '../../store';
import { ExportOutcomePanel } from './ExportOutcomePanel';
import { listedSentence, providers } from './exportText';

/** After the subprocessor list was exported: how many providers it lists, who it left out and why. */
export function SubprocessorOutcomePanel() {
  const outcome = useVetted((s) => s.subprocessorOutcome);
  const dismiss = useVetted((s) => s.dismissExportOutcome);
  if (!outcome) return null;
  return (
    <ExportOutcomePanel
      title="Subprocessor list exported"
      fileName={outcome.fileName}
      warnings={outcome.warnings}
      onDismiss={() => dismiss('subprocessors')}
      testId="subprocessor-outcome"
    >
      <p data-testid="subprocessor-listed">{listedSentence(outcome)}</p>
      {outcome.leftOut.length === 0 ? (
        <p>No provider in the register was left out.</p>
      ) : (
        <div className="export-left-out">
          <p>{providers(outcome.leftOut.length)} left out:</p>
          <ul aria-label="Providers left out of the list">
            {outcome.leftOut.map((omission) => (
              <li key={omission.vendorId}>
                <a href={hrefs.provider(omission.vendorId)}>{omission.name}</a>: {omission.words}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ExportOutcomePanel>
  );
}
