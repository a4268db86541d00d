import { useEffect, useState } from 'react';
import { useVetted } from '../../store';
import { UserNameDialog } from './UserNameDialog';

/**
 * Whether the welcome already asked in this session (answered or put off): kept outside the
 * component, so leaving the register and coming back does not ask again. A reload asks again
 * while the name is still empty.
 */
let askedThisSession = false;

/**
 * First launch: a fresh (empty) register and no name in Settings. Asks who is using Vetted before
 * anything is signed; "Not now" puts it off, and the first sign-off step asks again.
 */
export function FirstLaunchNamePrompt() {
  const settings = useVetted((s) => s.settings);
  const settingsStatus = useVetted((s) => s.settingsStatus);
  const loadSettings = useVetted((s) => s.loadSettings);
  const pushToast = useVetted((s) => s.pushToast);
  const [asked, setAsked] = useState(askedThisSession);

  useEffect(() => {
    if (settingsStatus === 'idle') void loadSettings();
  }, [settingsStatus, loadSettings]);

  const open = !asked && settings !== null && settings.userName.trim() === '';
  const close = () => {
    askedThisSession = true;
    setAsked(true);
  };

  return (
    <UserNameDialog
      open={open}
      title="Welcome to Vetted"
      lead="Who is reviewing? Every sign-off step (submit, approve, reject) and the audit trail record your name."
      submitLabel="Save my name"
      cancelLabel="Not now"
      onSaved={(name) => {
        close();
        pushToast('success', `Saved: sign-off steps will be recorded as made by ${name}.`);
      }}
      onClose={close}
    />
  );
}
