// useDraftFields for a form that holds a schedule: a change also clears the errors it answers
// elsewhere in the builder (see errorsClearedBy), so no stale message stays beside a fixed field.
import { useDraftFields } from '../../components/useDraftFields';
import { errorsClearedBy, type ScheduleDraft } from './scheduleDraft';

export function useScheduleForm<D extends ScheduleDraft>(initial: D, labels: Readonly<Record<keyof D, string>>) {
  const fields = useDraftFields<D>(initial, labels);
  const { errors, set, setErrors } = fields;
  const change = <K extends keyof D>(key: K, value: D[K]) => {
    set(key, value);
    const stale = errorsClearedBy(String(key)).filter((k) => errors[k as keyof D] !== undefined);
    if (stale.length === 0) return;
    setErrors((e) => {
      const rest = { ...e };
      for (const k of stale) delete rest[k as keyof D];
      return rest;
    });
  };
  return { ...fields, set: change };
}
