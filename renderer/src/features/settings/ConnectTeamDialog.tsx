import { useEffect, useId, useState, type FormEvent } from 'react';
import { teamAddressProblem } from '../../../../shared/domain/register-place';
import { CheckField } from '../../components/CheckField';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { api } from '../../api/client';
import { ModalDialog } from '../workflow/ModalDialog';
import { openTheNewRegister } from './useRegisterConnection';

interface Props {
  open: boolean;
  /** The address to start from (a chosen team register to connect to again). */
  initialUrl?: string;
  /** Where a remembered password is kept, in words (register.where's passwordStore). */
  passwordStore: string | null;
  onClose(): void;
}

const ADDRESS_LABEL = 'Address';

/**
 * Settings → Register → "Connect to a team register": the server's address and the member's
 * password. Nothing changes until the team register is open (signed in, checked, migrated); then
 * the app starts afresh on it. A refusal says why and leaves the open register open.
 */
export function ConnectTeamDialog({ open, initialUrl = '', passwordStore, onClose }: Props) {
  const base = useId();
  const urlId = `${base}-url`;
  const [url, setUrl] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [urlError, setUrlError] = useState<string | undefined>();
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setUrl(initialUrl);
    setPassword('');
    setUrlError(undefined);
    setPasswordError(undefined);
    setFormError(null);
  }, [open, initialUrl]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const problem = teamAddressProblem(url.trim());
    if (problem) {
      setUrlError(problem);
      document.getElementById(urlId)?.focus();
      return;
    }
    setBusy(true);
    const result = await api['register.connect']({ url: url.trim(), ...(password === '' ? {} : { password }), remember: remember && password !== '' });
    setBusy(false);
    if (result.ok) {
      openTheNewRegister();
      return;
    }
    // The server's refusals name the field they are about: the address, or the password.
    const onAddress = result.error.details?.find((d) => d.path === 'url');
    const onPassword = result.error.details?.find((d) => d.path === 'password');
    if (onAddress) {
      setUrlError(onAddress.message);
      document.getElementById(urlId)?.focus();
    } else if (onPassword) {
      setPasswordError(onPassword.message);
      document.getElementById(`${base}-password`)?.focus();
    } else {
      setFormError(`Not connected: ${result.error.message} The register you have open stays open.`);
    }
  };

  return (
    <ModalDialog
      open={open}
      title="Connect to a team register"
      lead="Work on your team’s register on its PostgreSQL server, signed in as yourself. The register on this computer stays as it is; you can go back to it here."
      onClose={onClose}
      onSubmit={submit}
      wide
    >
      <FormError message={formError} />
      <Field
        id={urlId}
        label={ADDRESS_LABEL}
        error={urlError}
        hint="From the register’s owner: postgres://YOU@SERVER:5432/DATABASE, with ?sslmode=verify-full&sslrootcert=… for a verified TLS connection (docs/team.md)."
      >
        {(p) => (
          <input
            {...p}
            className="input"
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              setUrlError(undefined);
            }}
            spellCheck={false}
            autoComplete="off"
            placeholder="postgres://alice@db.internal:5432/vetted?sslmode=verify-full"
            data-autofocus
          />
        )}
      </Field>
      <Field id={`${base}-password`} label="Password" error={passwordError} hint="Leave it empty to sign in with a client certificate, ~/.pgpass or $PGPASSWORD.">
        {(p) => (
          <input
            {...p}
            className="input"
            type="password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setPasswordError(undefined);
            }}
            autoComplete="current-password"
          />
        )}
      </Field>
      <CheckField
        id={`${base}-remember`}
        label="Remember the password on this computer"
        checked={remember}
        disabled={password === ''}
        onChange={setRemember}
        hint={passwordStore ? `Kept in ${passwordStore}, never in the register. Without it, the next start signs in with a certificate, ~/.pgpass or $PGPASSWORD, or you connect again here.` : undefined}
      />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </ModalDialog>
  );
}
