import { EVIDENCE_KINDS, type EvidenceKind } from '../../../../shared/domain/evidence';
import { EVIDENCE_KIND_LABELS } from '../../../../shared/domain/labels';
import { Field } from '../../components/Field';
import { FIELD_LABELS, type DraftErrors, type DraftKey, type EvidenceDraft } from './evidenceDraft';

interface Props {
  /** Prefix of the controls' ids (one per form). */
  idPrefix: string;
  draft: EvidenceDraft;
  errors: DraftErrors;
  onChange(key: DraftKey, value: string): void;
  /** Focus the first field when shown (the edit form replaces what the user clicked). */
  autoFocus?: boolean;
  /** Confidential notes without the key: said instead of an empty box (and left as they are). */
  notesLocked?: string;
}

/** Kind, title, issue and expiry dates, notes: what the attach and edit forms share. */
export function EvidenceFields({ idPrefix, draft, errors, onChange, autoFocus = false, notesLocked }: Props) {
  const id = (key: DraftKey) => `${idPrefix}-${key}`;
  return (
    <>
      <div className="evidence-form-row">
        <Field id={id('kind')} label={FIELD_LABELS.kind} error={errors.kind}>
          {(p) => (
            <select {...p} className="select" autoFocus={autoFocus} value={draft.kind} onChange={(e) => onChange('kind', e.target.value as EvidenceKind)}>
              {EVIDENCE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {EVIDENCE_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('title')} label={`${FIELD_LABELS.title} (optional)`} error={errors.title}>
          {(p) => (
            <input
              {...p}
              className="input"
              value={draft.title}
              maxLength={200}
              onChange={(e) => onChange('title', e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="evidence-form-row">
        <Field id={id('issuedOn')} label={FIELD_LABELS.issuedOn} error={errors.issuedOn}>
          {(p) => <input {...p} type="date" className="input" value={draft.issuedOn} onChange={(e) => onChange('issuedOn', e.target.value)} />}
        </Field>
        <Field id={id('expiresOn')} label={FIELD_LABELS.expiresOn} error={errors.expiresOn}>
          {(p) => <input {...p} type="date" className="input" value={draft.expiresOn} onChange={(e) => onChange('expiresOn', e.target.value)} />}
        </Field>
      </div>
      {notesLocked ? (
        <div className="field">
          <span className="field-legend">{FIELD_LABELS.notes}</span>
          <p className="confidential-locked">{notesLocked}</p>
        </div>
      ) : (
        <Field id={id('notes')} label={FIELD_LABELS.notes} error={errors.notes}>
          {(p) => (
            <textarea {...p} className="textarea" rows={2} maxLength={5000} value={draft.notes} onChange={(e) => onChange('notes', e.target.value)} />
          )}
        </Field>
      )}
    </>
  );
}
