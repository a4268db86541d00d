// Settings → Confidential data on a team register: the team data key's generation, each member's
// published key and whether they hold the current generation, and "Share the data key", which
// publishes your member key and wraps the key you hold for members who lack it (issue 22;
// electron/core/services/team-keys.ts). A register file has one user: none of this is shown there.
import { useState } from 'react';
import type { TeamKeyShare, TeamKeyView } from '../../../../shared/domain/confidential';
import { FormError } from '../../components/FormError';
import { api } from '../../api/client';

function shareSummary(share: TeamKeyShare): string {
  const parts = [share.published ? `Published your member key (fingerprint ${share.fingerprint}).` : `Your member key: fingerprint ${share.fingerprint}.`];
  if (share.wrappedFor.length) parts.push(`Wrapped the data key for ${share.wrappedFor.join(', ')}.`);
  parts.push(share.holds ? `You hold the data key (generation ${share.generation}).` : (share.problem ?? 'You do not hold the data key yet.'));
  if (share.waiting.length) parts.push(`The current key is not wrapped for ${share.waiting.join(', ')} yet.`);
  if (share.unusable.length) parts.push(`Not usable (a published key that is not a public key): ${share.unusable.join(', ')}.`);
  return parts.join(' ');
}

function holding(member: TeamKeyView['members'][number]): string {
  if (!member.member) return 'No longer a member';
  return member.wrappedCurrent ? 'Current key wrapped for them' : 'Waiting for the current key';
}

export function TeamKeyFacts({ team, onShared }: { team: TeamKeyView; onShared: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const share = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await api['security.shareTeamKey']({});
    setBusy(false);
    if (!result.ok) {
      setError(`Nothing was shared: ${result.error.message}`);
      return;
    }
    setDone(shareSummary(result.value));
    onShared();
  };

  return (
    <div className="team-key" data-testid="team-key">
      <h3>Team data key</h3>
      <p className="muted section-hint">
        On a team register the data key is wrapped for each member, to a key only their own key source opens. A member who holds it
        shares it with those who have published a member key; removing a member makes a new key for those who remain.
      </p>
      <p data-testid="team-key-you">
        Generation {team.generation}.{' '}
        {team.you.fingerprint === null ? (
          <>You ({team.you.role}) have not published a member key yet.</>
        ) : (
          <>
            Your member key ({team.you.role}): fingerprint <code className="key-path">{team.you.fingerprint}</code>
          </>
        )}
      </p>
      {team.members.length > 0 && (
        <table className="team-key-members" data-testid="team-key-members">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Fingerprint</th>
              <th scope="col">Data key</th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((m) => (
              <tr key={m.role}>
                <td>{m.role}</td>
                <td>
                  <code className="key-path">{m.fingerprint}</code>
                </td>
                <td>{holding(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormError message={error} />
      {done && (
        <p className="hint" role="status" data-testid="team-key-shared">
          {done}
        </p>
      )}
      <button type="button" className="button" disabled={busy} onClick={() => void share()}>
        {busy ? 'Sharing…' : team.you.fingerprint === null ? 'Publish my member key and share' : 'Share the data key'}
      </button>
    </div>
  );
}
