import { useEffect } from 'react';
import { useFocusHeading } from '../../components/useFocusHeading';
import { useVetted } from '../../store';
import { AuditTrailSection } from './AuditTrailSection';
import { BlackoutSection } from './BlackoutSection';
import { ConfidentialDataSection } from './ConfidentialDataSection';
import { RegisterSection } from './RegisterSection';
import { SettingsForm } from './SettingsForm';

/** #/settings: which register is open, and the preferences stored in it (Preferences… in the Electron menu). */
export function SettingsPage() {
  const settings = useVetted((s) => s.settings);
  const status = useVetted((s) => s.settingsStatus);
  const error = useVetted((s) => s.settingsError);
  const loadSettings = useVetted((s) => s.loadSettings);
  const loaded = settings !== null;
  const heading = useFocusHeading<HTMLHeadingElement>(`settings/${loaded}`);

  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  useEffect(() => {
    document.title = 'Settings — Vetted';
  }, []);

  return (
    <div className="page page-narrow settings-page">
      <div className="page-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Settings
          </h1>
          <p className="page-subtitle muted">Which register Vetted opens, and the preferences stored in it (they travel with the register).</p>
        </div>
      </div>
      {/* This computer's choice, read on its own: it shows even when the register's settings cannot be read. */}
      <RegisterSection />
      {!loaded && status === 'error' && (
        <div className="empty-state">
          <h2>The settings could not be loaded</h2>
          <p className="muted">{error?.message}</p>
          <button type="button" className="button" onClick={() => void loadSettings()}>
            Try again
          </button>
        </div>
      )}
      {!loaded && status !== 'error' && (
        <p className="muted loading" role="status">
          Loading settings…
        </p>
      )}
      {/* Mounted once the stored settings arrive; a later reload does not overwrite what is typed. */}
      {settings && <SettingsForm stored={settings} />}
      {/* Saved one by one, not with the form: the company's blackout periods. */}
      {settings && <BlackoutSection />}
      {/* Not a stored preference: the key's status in this session, read on its own. */}
      <ConfidentialDataSection />
      {/* Not a preference either: whether the audit trail's hash chain verifies, checked on the spot. */}
      <AuditTrailSection />
    </div>
  );
}
