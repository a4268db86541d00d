// A form's draft with per-field errors: set a field (clearing its error), and show the problems an
// input check or the API named, focusing the first field at fault.
import { useId, useState } from 'react';
import { fieldMessage } from './FieldError';

type Problems = readonly { path: string; message: string }[];

export function useDraftFields<D extends object>(initial: D, labels: Readonly<Record<keyof D, string>>) {
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof D, string>>>({});
  const uid = useId();
  const fid = (name: keyof D) => `${uid}-${String(name)}`;

  const set = <K extends keyof D>(key: K, value: D[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key]) {
      setErrors((e) => {
        const rest = { ...e };
        delete rest[key];
        return rest;
      });
    }
  };

  /** Shows the problems on their fields; true when at least one named a field of this form. */
  const showProblems = (problems: Problems): boolean => {
    const found: Partial<Record<keyof D, string>> = {};
    for (const problem of problems) {
      const field = problem.path.split('.')[0] as keyof D;
      if (field in labels) found[field] ??= fieldMessage(labels[field], problem.message);
    }
    setErrors(found);
    const first = Object.keys(found)[0] as keyof D | undefined;
    if (first !== undefined) document.getElementById(fid(first))?.focus();
    return first !== undefined;
  };

  return { draft, setDraft, errors, setErrors, fid, set, showProblems };
}
