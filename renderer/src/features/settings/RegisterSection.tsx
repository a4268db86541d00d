// Settings → Register: which register the app works on (the file on this computer, or a team
// register on a PostgreSQL server), and changing it (issue 22). Not a preference stored in a
// register: the choice is this computer's.
import { useId, useState } from 'react';
import type { RegisterConnection } from '../../../../shared/domain/register-place';
import { FormError } from '../../components/FormError';
import { api } from '../../api/client';
import { ConnectTeamDialog } from './ConnectTeamDialog';
import { openTheNewRegister, useRegisterConnection } from './useRegisterConnection';

/** The sentence with its full stop, whether the server's message brought one or not. */
function withStop(sentence: string): string {
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

function OpenNow({ connection }: { connection: RegisterConnection }) {
  const { open } = connection;
  if (open.kind === 'team') {
    return (
      <p data-testid="register-open">
        A team register on <strong>{open.server}</strong> (<code className="key-path">{open.location}</code>). You are signed in as your own
        database login, which the audit trail records with every change.
      </p>
    );
  }
  return (
    <p data-testid="register-open">
      The register file on this computer: <code className="key-path">{open.location}</code>
    </p>
  );
}

export function RegisterSection() {
  const headingId = useId();
  const { state } = useRegisterConnection();
  const [dialog, setDialog] = useState<{ url: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const useLocalFile = async () => {
    setBusy(true);
    setError(null);
    const result = await api['register.disconnect']({});
    setBusy(false);
    if (result.ok) openTheNewRegister();
    else setError(`The register on this computer was not opened: ${result.error.message} The team register stays open.`);
  };

  return (
    <section className="form-section register-section" aria-labelledby={headingId} data-testid="register-settings">
      <h2 id={headingId}>Register</h2>
      <p className="muted section-hint">Which register Vetted works on. Chosen on this computer, not stored in any register.</p>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          Checking which register is open…
        </p>
      )}
      {state.status === 'error' && (
        <p className="form-error" role="alert">
          Which register is open could not be read: {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          {state.connection.teamProblem && (
            <p className="form-error" role="alert" data-testid="team-problem">
              {withStop(state.connection.teamProblem)} You are working on the register on this computer, not on the team register.
            </p>
          )}
          <OpenNow connection={state.connection} />
          <FormError message={error} />
          {!state.connection.switchable && <p className="muted">{state.connection.fixedBecause}</p>}
          {state.connection.switchable && (
            <div className="register-actions">
              {state.connection.teamProblem && state.connection.savedTeam && (
                <button type="button" className="button button-primary" onClick={() => setDialog({ url: state.connection.savedTeam!.location })}>
                  Connect again…
                </button>
              )}
              <button type="button" className="button" onClick={() => setDialog({ url: '' })}>
                {state.connection.open.kind === 'team' ? 'Connect to another team register…' : 'Connect to a team register…'}
              </button>
              {(state.connection.open.kind === 'team' || state.connection.savedTeam) && (
                <button type="button" className="button" disabled={busy} aria-busy={busy || undefined} onClick={() => void useLocalFile()}>
                  {state.connection.open.kind === 'team' ? 'Use the register on this computer' : 'Forget the team register'}
                </button>
              )}
            </div>
          )}
          <ConnectTeamDialog
            open={dialog !== null}
            initialUrl={dialog?.url ?? ''}
            passwordStore={state.connection.passwordStore}
            onClose={() => setDialog(null)}
          />
        </>
      )}
    </section>
  );
}
