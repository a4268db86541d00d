// The add-and-edit flow of a dialog built around the recurrence builder (a provider's maintenance
// window, the company's blackout period). The form opens on the record's draft or a new one, and
// a submit checks the draft on its fields before the API is asked. An edit sends only what
// changed, and one that changed nothing just closes. When the register refuses, what was typed
// stays and the fields it names are marked. Each dialog brings its own draft, checks and API calls.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Result } from '../../../../shared/result';
import type { FieldProblem } from '../../../../shared/validation';
import { errorText } from '../../lib/errorText';
import type { ScheduleDraft } from './scheduleDraft';
import { useScheduleForm } from './useScheduleForm';

export interface ScheduleDialogSpec<T, D extends ScheduleDraft, F, P extends object> {
  /** The record edited, 'new' for a new one, null when closed. */
  target: T | 'new' | null;
  labels: Readonly<Record<keyof D, string>>;
  /** The draft a new record starts from. */
  emptyDraft(): D;
  draftOf(item: T): D;
  /** The fields to send, or every problem with the draft on its field. */
  check(draft: D): { ok: true; fields: F } | { ok: false; problems: readonly FieldProblem[] };
  add(fields: F): Promise<Result<T>>;
  /**
   * The edit's patch: only what differs from `item`. `opened` is the draft the form opened with
   * (null only before it first opened), so what the user did not touch can be left out.
   */
  patchOf(item: T, fields: F, opened: D | null, draft: D): P;
  update(item: T, patch: P): Promise<Result<T>>;
  /** The API's validation details on the form's fields. */
  problemsOf(details: readonly FieldProblem[], draft: D): readonly FieldProblem[];
  /** What the "not saved" message calls the record ("window": "The window was not saved: …"). */
  noun: string;
  onClose(): void;
  onSaved(saved: T, added: boolean): void;
}

export function useScheduleDialog<T, D extends ScheduleDraft, F, P extends object>(spec: ScheduleDialogSpec<T, D, F, P>) {
  const { target } = spec;
  const form = useScheduleForm<D>(spec.emptyDraft(), spec.labels);
  const { draft, setDraft, setErrors, showProblems } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isNew = target === 'new';
  const opened = useRef<D | null>(null);

  // Each opening starts clean: the record's draft (or a new one), no marks, no message.
  useEffect(() => {
    if (target === null) return;
    opened.current = target === 'new' ? spec.emptyDraft() : spec.draftOf(target);
    setDraft(opened.current);
    setErrors({});
    setFormError(null);
  }, [target]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (target === null || busy) return;
    setFormError(null);
    const check = spec.check(draft);
    if (!check.ok) {
      showProblems(check.problems);
      return;
    }
    let result;
    setBusy(true);
    if (target === 'new') {
      result = await spec.add(check.fields);
    } else {
      const patch = spec.patchOf(target, check.fields, opened.current, draft);
      if (Object.keys(patch).length === 0) {
        setBusy(false);
        spec.onClose();
        return;
      }
      result = await spec.update(target, patch);
    }
    setBusy(false);
    if (!result.ok) {
      const named = showProblems(spec.problemsOf(result.error.details ?? [], draft));
      const notSaved = `The ${spec.noun} was not saved`;
      setFormError(named ? `${notSaved}: fix the fields marked below.` : `${notSaved}: ${errorText(result.error)}`);
      return;
    }
    spec.onSaved(result.value, isNew);
  };

  return { ...form, open: target !== null, isNew, busy, formError, submit };
}
