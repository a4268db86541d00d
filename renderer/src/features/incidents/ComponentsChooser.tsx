// "Components you use": the component names in the provider's record, ticked for those your
// service depends on. Availability is then estimated from the incidents on those alone (none
// ticked: every incident counts). Saved with status.settings.
import { useEffect, useId, useMemo, useState } from 'react';
import type { Transparency } from '../../../../shared/api';
import { api } from '../../api/client';
import { errorText } from '../../lib/errorText';

interface Props {
  vendorId: string;
  transparency: Transparency | null;
  onSaved(): void;
}

const EMPTY: readonly string[] = [];

export function ComponentsChooser({ vendorId, transparency, onSaved }: Props) {
  const headingId = useId();
  const uid = useId();
  const stored = transparency?.settings.componentsUsed ?? EMPTY;
  const [chosen, setChosen] = useState<readonly string[]>(stored);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  // What is stored, once it arrives or after a save.
  useEffect(() => setChosen(stored), [stored]);

  // Every name in the record, and any stored one the record no longer holds (so it can be unticked).
  const names = useMemo(() => {
    const all = [...(transparency?.components ?? EMPTY)];
    for (const s of stored) if (!all.includes(s)) all.push(s);
    return all;
  }, [transparency, stored]);
  const changed = chosen.length !== stored.length || chosen.some((c) => !stored.includes(c));

  const toggle = (name: string, on: boolean) => {
    setMessage(null);
    setChosen((c) => (on ? [...c, name] : c.filter((n) => n !== name)));
  };

  const save = async () => {
    setBusy(true);
    setMessage(null);
    const result = await api['status.settings']({ vendorId, patch: { componentsUsed: [...chosen] } });
    setBusy(false);
    if (!result.ok) {
      setMessage({ ok: false, text: `Not saved: ${errorText(result.error)}` });
      return;
    }
    setMessage({
      ok: true,
      text: result.value.componentsUsed.length === 0 ? 'Saved: availability now counts every incident.' : `Saved: availability now counts ${result.value.componentsUsed.join(', ')}.`,
    });
    onSaved();
  };

  return (
    <section className="side-panel" aria-labelledby={headingId} data-testid="components-used">
      <h2 id={headingId}>Components you use</h2>
      {names.length === 0 ? (
        <p className="muted side-panel-intro">
          No component names on record yet: they come with imported incidents, or with those you add. Until then availability counts
          every incident.
        </p>
      ) : (
        <>
          <p className="muted side-panel-intro">Availability is estimated from the incidents on the components you tick; none ticked, every incident counts.</p>
          <fieldset className="components-choice" aria-labelledby={headingId}>
            {names.map((name, i) => (
              <div key={name} className="field-check components-check">
                <input id={`${uid}-${i}`} type="checkbox" checked={chosen.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
                <label htmlFor={`${uid}-${i}`}>{name}</label>
              </div>
            ))}
          </fieldset>
          <div className="button-row">
            <button type="button" className="button button-small" disabled={!changed || busy} aria-busy={busy || undefined} onClick={() => void save()}>
              {busy ? 'Saving…' : 'Save components'}
            </button>
          </div>
        </>
      )}
      {message && (
        <p className={message.ok ? 'save-note save-saved' : 'field-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
