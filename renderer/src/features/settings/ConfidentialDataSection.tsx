// Settings → Confidential data: where this register's key is, whether it is available now, and
// what to do when it is not. The key is set up by the first confidential save, and kept outside the
// register by design (docs/security.md); on a team register it is wrapped for each member, and
// shared from here (TeamKeyFacts).
import { useId, useState } from 'react';
import type { KeyStatus } from '../../../../shared/domain/confidential';
import { LockIcon } from './LockIcon';
import { TeamKeyFacts } from './TeamKeyFacts';
import { useKeyStatus } from './useKeyStatus';
import { useTeamKey } from './useTeamKey';

const KEY_FILE_PREFIX = 'key file ';

/** Where the key is, in words; a key file's path set apart so it can be copied. */
function KeyPlace({ status }: { status: KeyStatus }) {
  if (status.team) {
    const own = status.where.startsWith(KEY_FILE_PREFIX) ? status.where.slice(KEY_FILE_PREFIX.length) : status.where;
    return (
      <>
        Wrapped for each member of the team register (generation {status.team.generation}), to a key only they hold.
        {own && (
          <>
            {' '}
            Yours: <code className="key-path" data-testid="key-file-path">{own}</code>
          </>
        )}
      </>
    );
  }
  switch (status.source) {
    case 'keychain':
      return <>In the operating system’s keychain, for your user account on this computer ({status.where}).</>;
    case 'key-file': {
      const file = status.where.startsWith(KEY_FILE_PREFIX) ? status.where.slice(KEY_FILE_PREFIX.length) : status.where;
      return (
        <>
          In a key file: <code className="key-path" data-testid="key-file-path">{file}</code>
        </>
      );
    }
    case 'passphrase':
      return <>Derived from a passphrase given when Vetted starts (VETTED_PASSPHRASE); nothing is stored.</>;
    default:
      return <>No key source is configured in this mode: confidential data cannot be read or written.</>;
  }
}

/** What to do about a locked key, by where it comes from. */
function remedy({ source, team }: KeyStatus): string {
  if (team) return 'Publish your member key with the button below, if you have not. Then a member who holds the data key shares it with you: the same button in their Settings, or vetted team key share.';
  switch (source) {
    case 'key-file':
      return 'Restore the key file at that path from your backup, or start Vetted with VETTED_KEY_FILE set to where this register’s key file is.';
    case 'passphrase':
      return 'Start Vetted again with VETTED_PASSPHRASE set to this register’s passphrase.';
    case 'keychain':
      return 'Unlock the keychain and sign in as the user who set up this register, then open the register again.';
    default:
      return 'Open this register in the desktop app, or start `vetted serve` with VETTED_KEY_FILE or VETTED_PASSPHRASE.';
  }
}

function stateOf(status: KeyStatus): { label: string; tone: 'ok' | 'locked' | 'none' } {
  if (status.unlocked) return { label: 'Unlocked: confidential data can be read and written', tone: 'ok' };
  if (!status.enabled && !status.problem) return { label: 'Not set up yet: a key is made the first time something is marked confidential', tone: 'none' };
  return { label: 'Locked: confidential comments and files cannot be opened', tone: 'locked' };
}

export function ConfidentialDataSection() {
  const headingId = useId();
  const [refresh, setRefresh] = useState(0);
  const state = useKeyStatus(true, refresh);
  const team = useTeamKey(refresh);

  return (
    <section className="form-section confidential-section" aria-labelledby={headingId} data-testid="confidential-settings">
      <h2 id={headingId} className="confidential-heading">
        <LockIcon />
        Confidential data
      </h2>
      <p className="muted section-hint">
        Comments and evidence files marked confidential are stored encrypted. The key is never stored in the register: a
        copy of the register alone does not open them. Reports leave confidential comments out unless you ask for them
        when exporting.
      </p>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          Checking the key…
        </p>
      )}
      {state.status === 'error' && (
        <p className="form-error" role="alert">
          The key’s status could not be read: {state.message}
        </p>
      )}
      {state.status === 'ready' && <KeyFacts status={state.key} />}
      {team.status === 'error' && (
        <p className="form-error" role="alert">
          The team data key could not be read: {team.message}
        </p>
      )}
      {team.status === 'ready' && team.view && <TeamKeyFacts team={team.view} onShared={() => setRefresh((n) => n + 1)} />}
    </section>
  );
}

function KeyFacts({ status }: { status: KeyStatus }) {
  const { label, tone } = stateOf(status);
  return (
    <>
      <dl className="key-facts">
        <div>
          <dt>Key</dt>
          <dd>
            <KeyPlace status={status} />
          </dd>
        </div>
        <div>
          <dt>Now</dt>
          <dd>
            <span className={`key-state key-state-${tone}`} data-testid="key-state">
              <LockIcon open={tone === 'ok'} />
              {label}
            </span>
          </dd>
        </div>
      </dl>
      {status.problem && (
        <div className="key-problem" data-testid="key-problem">
          <p>
            <strong>Why it is locked:</strong> {status.problem}
          </p>
          <p>
            <strong>What to do:</strong> {remedy(status)}
          </p>
        </div>
      )}
      {status.unlocked && !status.team && (
        <p className="hint">Keep a copy of the key somewhere safe, apart from the register: without it, confidential data cannot be recovered.</p>
      )}
    </>
  );
}
