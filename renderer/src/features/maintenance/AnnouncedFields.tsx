// When the provider announced a maintenance: the notice it gave is measured from here, and held
// against what it promised (mnt_notice_hours) and the minimum in Settings.
import { DateTimeField } from './DateTimeField';
import type { WindowDraft } from './windowDraft';

interface Props {
  draft: WindowDraft;
  errors: Partial<Record<keyof WindowDraft, string>>;
  fid(key: keyof WindowDraft): string;
  set<K extends keyof WindowDraft>(key: K, value: WindowDraft[K]): void;
}

export function AnnouncedFields({ draft, errors, fid, set }: Props) {
  return (
    <DateTimeField
      legend="Announced (optional)"
      date={{ id: fid('announcedDate'), label: 'Announced on', value: draft.announcedDate, error: errors.announcedDate, onChange: (v) => set('announcedDate', v) }}
      time={{ id: fid('announcedTime'), label: 'Announced at', value: draft.announcedTime, error: errors.announcedTime, onChange: (v) => set('announcedTime', v) }}
      hint="When the provider announced it, in the time zone above. The notice it gave is measured from here."
    />
  );
}
