// Read the provider's fourth parties from the status page components the register holds for it
// ("AWS us-east-1", "SendGrid API"): the button asks for the register's dry run and shows what each
// catalogued party found would become, and the components that name none; nothing changes until
// "Import", which writes exactly that.
import { useId, useRef, useState } from 'react';
import type { UpstreamFromStatus } from '../../../../shared/api';
import { api } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { StatusComponentsPreview } from './StatusComponentsPreview';

interface Props {
  vendorId: string;
  vendorName: string;
  onImported(): void;
}

export function FromStatusComponents({ vendorId, vendorName, onImported }: Props) {
  const uid = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [dry, setDry] = useState<UpstreamFromStatus | null>(null);
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const cancel = () => {
    setDry(null);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };

  const preview = async () => {
    setProblem(null);
    setDone(null);
    setBusy('checking');
    const result = await api['upstream.fromStatus']({ vendorId, dryRun: true });
    setBusy(null);
    if (!result.ok) return setProblem(`The components could not be read: ${errorText(result.error)} Nothing was imported.`);
    setDry(result.value);
  };

  const confirm = async () => {
    setBusy('importing');
    const result = await api['upstream.fromStatus']({ vendorId });
    setBusy(null);
    setDry(null);
    if (!result.ok) return setProblem(`The import was refused: ${errorText(result.error)} Nothing was imported.`);
    const r = result.value;
    setDone(`Read from the status page components: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.skipped} skipped.`);
    onImported();
  };

  return (
    <section className="side-panel window-import" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>From status page components</h2>
      <p className="muted side-panel-intro">
        The components of {vendorName}’s status page that its incident record names, such as “AWS us-east-1”: the catalogued parties and
        regions they name. You see what each would become before anything is stored.
      </p>
      <button ref={buttonRef} type="button" className="button button-small" disabled={busy !== null} onClick={() => void preview()} data-testid="from-status">
        Read from status page components
      </button>
      {busy === 'checking' && (
        <p className="muted loading" role="status">
          Reading the components…
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {dry && <StatusComponentsPreview dry={dry} busy={busy} onImport={() => void confirm()} onCancel={cancel} />}
      <p className="save-note save-saved" role="status" data-testid="from-status-done">
        {done}
      </p>
    </section>
  );
}
