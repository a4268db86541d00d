// "Attach evidence": a file read in the browser and stored in the register with its SHA-256.
// Nothing typed is lost when the file or the API refuses: the fields keep their values.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { EvidenceView } from '../../../../shared/api';
import { MAX_EVIDENCE_BYTES } from '../../../../shared/domain/evidence';
import { api } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { EvidenceFields } from './EvidenceFields';
import { EMPTY_DRAFT, apiFieldErrors, draftErrors, type DraftErrors, type DraftKey, type EvidenceDraft } from './evidenceDraft';
import { LockIcon } from '../settings/LockIcon';
import { readEvidenceFile, sizeProblem } from './readEvidenceFile';
import type { ReviewQuestions } from './useReviewQuestions';
import { FormError } from '../../components/FormError';

interface Props {
  vendorId: string;
  review: ReviewQuestions;
  onAttached(item: EvidenceView): void;
}

export function AttachEvidenceForm({ vendorId, review, onAttached }: Props) {
  const uid = useId();
  const headingId = `${uid}-heading`;
  const fileId = `${uid}-file`;
  const questionFieldId = `${uid}-question`;
  const form = useRef<HTMLFormElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<EvidenceDraft>(EMPTY_DRAFT);
  const [questionId, setQuestionId] = useState('');
  // Fixed when attached: the file is sealed on the way in, or never.
  const [confidential, setConfidential] = useState(false);
  const confidentialId = `${uid}-confidential`;
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (key: DraftKey, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setDone(null);
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const chooseFile = () => {
    setDone(null);
    setFormError(null);
    // Too large is said at once, before anything is read.
    const file = fileRef.current?.files?.[0];
    const problem = file ? sizeProblem(file) : null;
    setErrors(({ file: _gone, ...rest }) => (problem ? { ...rest, file: problem } : rest));
  };

  const showErrors = (found: DraftErrors) => {
    setErrors(found);
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    setDone(null);
    const file = fileRef.current?.files?.[0];
    const found: DraftErrors = { ...draftErrors(draft) };
    if (!file) found.file = 'Choose a file to attach.';
    else if (sizeProblem(file)) found.file = sizeProblem(file)!;
    if (!file || Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setBusy(true);
    try {
      const read = await readEvidenceFile(file);
      if (!read.ok) {
        showErrors({ file: read.message });
        return;
      }
      const result = await api['evidence.add']({
        vendorId,
        kind: draft.kind,
        fileName: file.name,
        base64: read.base64,
        ...(file.type ? { mediaType: file.type } : {}),
        ...(draft.title.trim() ? { title: draft.title.trim() } : {}),
        ...(draft.issuedOn ? { issuedOn: draft.issuedOn } : {}),
        ...(draft.expiresOn ? { expiresOn: draft.expiresOn } : {}),
        ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
        ...(questionId && review.reviewId ? { reviewId: review.reviewId, questionId } : {}),
        ...(confidential ? { confidential: true } : {}),
      });
      if (!result.ok) {
        setFormError(`The evidence was not attached: ${result.error.message}`);
        showErrors(apiFieldErrors(result.error));
        return;
      }
      setDraft(EMPTY_DRAFT);
      setQuestionId('');
      setConfidential(false);
      setErrors({});
      if (fileRef.current) fileRef.current.value = '';
      setDone(`Attached “${result.value.title || result.value.fileName}”.`);
      onAttached(result.value);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="evidence-attach" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={headingId}>Attach evidence</h2>
      <p className="muted evidence-attach-intro">
        The file is stored inside the register with its SHA-256, so a copy can be checked later. At most{' '}
        {MAX_EVIDENCE_BYTES / 1024 / 1024} MB.
      </p>
      <FormError message={formError} />
      <div className="field">
        <label htmlFor={fileId}>File</label>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          className="file-input"
          onChange={chooseFile}
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={errors.file ? `${fileId}-error` : undefined}
        />
        <FieldError id={`${fileId}-error`} message={errors.file} />
      </div>
      <EvidenceFields idPrefix={uid} draft={draft} errors={errors} onChange={change} />
      <div className="field">
        <label htmlFor={questionFieldId}>Backs question (optional)</label>
        <select
          id={questionFieldId}
          className="select"
          value={questionId}
          onChange={(e) => setQuestionId(e.target.value)}
          disabled={review.reviewId === null}
          aria-invalid={errors.questionId ? true : undefined}
          aria-describedby={`${questionFieldId}-hint${errors.questionId ? ` ${questionFieldId}-error` : ''}`}
        >
          <option value="">No particular question</option>
          {groupBySection(review.questions).map(([section, questions]) => (
            <optgroup key={section} label={section}>
              {questions.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.text}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p id={`${questionFieldId}-hint`} className="hint">
          {review.reviewId === null
            ? 'Start the review to link evidence to one of its questions.'
            : 'A question of the current review this document supports.'}
        </p>
        <FieldError id={`${questionFieldId}-error`} message={errors.questionId} />
      </div>
      <div className="field confidential-field">
        <label className="check confidential-toggle" htmlFor={confidentialId}>
          <input
            id={confidentialId}
            type="checkbox"
            checked={confidential}
            onChange={(e) => {
              setConfidential(e.target.checked);
              setDone(null);
            }}
            aria-describedby={`${confidentialId}-hint`}
          />
          <LockIcon />
          Confidential (stored encrypted)
        </label>
        <p id={`${confidentialId}-hint`} className="hint">
          The file and its notes are stored encrypted with a key kept outside the register; without that key they cannot be
          opened. Chosen now: it cannot be changed later.
        </p>
      </div>
      <div className="evidence-attach-actions">
        <p className="save-note save-saved" role="status">
          {done}
        </p>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Attaching…' : 'Attach evidence'}
        </button>
      </div>
    </form>
  );
}

function groupBySection<Q extends { section: string }>(questions: readonly Q[]): [string, Q[]][] {
  const groups = new Map<string, Q[]>();
  for (const q of questions) groups.set(q.section, [...(groups.get(q.section) ?? []), q]);
  return [...groups];
}
