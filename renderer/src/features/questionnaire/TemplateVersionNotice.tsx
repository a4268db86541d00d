import { isOpenStatus } from '../../../../shared/domain/workflow';
import { useVetted } from '../../store';

/**
 * A newer version of the review's template: offers to move the review to it, then lists the
 * answers that could not be carried over (until dismissed).
 */
export function TemplateVersionNotice() {
  const review = useVetted((s) => s.review);
  const template = useVetted((s) => s.template);
  const latestVersion = useVetted((s) => s.latestVersion);
  const migration = useVetted((s) => s.migration);
  const migrating = useVetted((s) => s.migrating);
  const migrateReview = useVetted((s) => s.migrateReview);
  const dismissMigration = useVetted((s) => s.dismissMigration);
  // Only an open review moves; a decided one is carried to the newest version by starting a new review.
  const newer = review && isOpenStatus(review.status) && template && latestVersion !== null && latestVersion > template.version ? latestVersion : null;

  return (
    <>
      {newer !== null && template && (
        <div className="notice template-version-notice" role="region" aria-label="Newer template version">
          <p>
            This review uses {template.name} version {template.version}; version {newer} is available. Moving carries
            over the answers whose questions still match.
          </p>
          <button
            type="button"
            className="button"
            onClick={() => void migrateReview()}
            disabled={migrating}
            aria-busy={migrating || undefined}
          >
            {migrating ? 'Moving…' : `Move to version ${newer}`}
          </button>
        </div>
      )}
      {migration && (
        <div className="notice migration-result" role="region" aria-label="Template version change">
          <p role="status">
            Moved to version {migration.toVersion}: {migration.carried} {migration.carried === 1 ? 'answer' : 'answers'}{' '}
            carried over
            {migration.unmatched.length === 0 ? ', none left behind.' : '.'}
          </p>
          {migration.unmatched.length > 0 && (
            <>
              <p>These answers could not be carried over (their questions changed or are gone):</p>
              <ul className="migration-unmatched" aria-label="Answers not carried over">
                {migration.unmatched.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="button button-small" onClick={dismissMigration}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
