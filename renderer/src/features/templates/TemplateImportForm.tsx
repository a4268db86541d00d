import { useId, useRef, useState, type FormEvent } from 'react';
import type { TemplateImport, TemplateSummary } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import { describeTemplateChanges } from '../../../../shared/templates/diff';
import { api } from '../../api/client';

type Outcome = { kind: 'done'; result: TemplateImport } | { kind: 'failed'; error: ApiError } | null;

/**
 * Import template: a Vetted template file or a VSAQ questionnaire (with its extensions), read in
 * the browser and sent as text. On an error nothing is stored and the form says where the problem is.
 */
export function TemplateImportForm({ onImported }: { onImported(summary: TemplateSummary): void }) {
  const id = useId();
  const headingId = `${id}-heading`;
  const fileRef = useRef<HTMLInputElement>(null);
  const extensionsRef = useRef<HTMLInputElement>(null);
  const [templateId, setTemplateId] = useState('');
  const [version, setVersion] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [missingFile, setMissingFile] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setMissingFile(true);
      fileRef.current?.focus();
      return;
    }
    setMissingFile(false);
    setBusy(true);
    setOutcome(null);
    try {
      let text: string;
      let extensions: string[];
      try {
        text = await file.text();
        extensions = await Promise.all(Array.from(extensionsRef.current?.files ?? [], (f) => f.text()));
      } catch {
        setOutcome({ kind: 'failed', error: { code: 'validation', message: 'The file could not be read.' } });
        return;
      }
      const trimmedId = templateId.trim();
      const trimmedVersion = version.trim();
      const result = await api['template.import']({
        text,
        ...(trimmedId ? { id: trimmedId } : {}),
        ...(extensions.length > 0 ? { extensions } : {}),
        ...(trimmedVersion ? { version: Number(trimmedVersion) } : {}),
      });
      if (result.ok) {
        setOutcome({ kind: 'done', result: result.value });
        onImported(result.value.template);
      } else {
        setOutcome({ kind: 'failed', error: result.error });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="template-import" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={headingId}>Import template</h2>
      <p className="muted">
        A Vetted template file (JSON) or a VSAQ questionnaire. A changed template is stored beside the earlier versions
        as the next one, with what changed; reviews keep the version they started on until moved to the new one.
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>Template file</label>
        <input
          id={`${id}-file`}
          ref={fileRef}
          type="file"
          accept=".json"
          className="file-input"
          aria-invalid={missingFile || undefined}
          aria-describedby={missingFile ? `${id}-file-error` : undefined}
          onChange={() => setMissingFile(false)}
        />
        {missingFile && (
          <p id={`${id}-file-error`} className="field-error">
            Choose a template file to import.
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-id`}>Template id (optional)</label>
        <input
          id={`${id}-id`}
          className="input"
          value={templateId}
          onChange={(e) => setTemplateId(e.target.value)}
          aria-describedby={`${id}-id-hint`}
          autoComplete="off"
          spellCheck={false}
        />
        <p id={`${id}-id-hint`} className="hint">
          Required for VSAQ files, which carry no id of their own (letters, digits, “_”, “-” and “.”). For a Vetted file
          it imports the template under this id instead of its own.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-version`}>Version (optional)</label>
        <input
          id={`${id}-version`}
          className="input input-version"
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={version}
          onChange={(e) => setVersion(e.target.value)}
          aria-describedby={`${id}-version-hint`}
          autoComplete="off"
        />
        <p id={`${id}-version-hint`} className="hint">
          The version to store it as, above the latest stored. Left empty, a changed template becomes the next version.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-ext`}>Extension files (optional)</label>
        <input
          id={`${id}-ext`}
          ref={extensionsRef}
          type="file"
          accept=".json"
          multiple
          className="file-input"
          aria-describedby={`${id}-ext-hint`}
        />
        <p id={`${id}-ext-hint`} className="hint">
          VSAQ extensions, applied in the order chosen.
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Importing…' : 'Import template'}
        </button>
      </div>
      {outcome?.kind === 'failed' && (
        <div className="form-error template-import-error" role="alert">
          <p>
            <strong>The template was not imported.</strong> Nothing was changed.
          </p>
          <p className="template-error-message">{outcome.error.message}</p>
          {outcome.error.details && outcome.error.details.length > 0 && (
            <ul className="template-error-details">
              {outcome.error.details.map((d, i) => (
                <li key={i}>
                  <code>{d.path}</code>: {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {outcome?.kind === 'done' && (
        <div className="template-import-result" role="status">
          <p>
            {outcome.result.added
              ? `Added ${outcome.result.template.name} version ${outcome.result.template.version} (${outcome.result.template.sections} sections, ${outcome.result.template.questions} questions).`
              : `${outcome.result.template.name} version ${outcome.result.template.version} is already present, identical: nothing changed.`}
          </p>
          {outcome.result.changes && (
            <>
              <p>Changes from version {outcome.result.changes.fromVersion}:</p>
              <ul className="template-changes" aria-label={`Changes from version ${outcome.result.changes.fromVersion}`}>
                {describeTemplateChanges(outcome.result.changes).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
              <p className="muted">
                New reviews use version {outcome.result.template.version}. Reviews already started keep their version: open
                the provider and choose “Move to version {outcome.result.template.version}” (or run{' '}
                <code>vetted review migrate VENDOR</code>).
              </p>
            </>
          )}
          {outcome.result.warnings.length > 0 && (
            <>
              <p>
                {outcome.result.warnings.length === 1 ? 'One warning' : `${outcome.result.warnings.length} warnings`}:
              </p>
              <ul className="template-warnings">
                {outcome.result.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}
