// "Export .ics": every occurrence in the range shown (with the filter) as one iCalendar file, for a
// team calendar. The API's range is whole UTC days, so the file covers the view and, by up to a
// day, its edges. Errors and the saved file are told in a toast, as other exports do.
import { useRef, useState } from 'react';
import type { DateRange } from '../../../../shared/domain/maintenance';
import { api, inElectron } from '../../api/client';
import { saveGeneratedFile } from '../../lib/saveFile';
import { useVetted } from '../../store';

export function useIcsExport(): { busy: boolean; exportIcs(range: DateRange, criticalOnly: boolean): Promise<void> } {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const pushToast = useVetted((s) => s.pushToast);
  const reportError = useVetted((s) => s.reportError);

  const exportIcs = async (range: DateRange, criticalOnly: boolean) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      const result = await api['maintenance.calendar']({ range, ...(criticalOnly ? { criticalOnly } : {}) });
      if (!result.ok) {
        reportError(result.error);
        return;
      }
      const file = result.value;
      try {
        saveGeneratedFile(file, 'maintenance.ics');
      } catch {
        pushToast('error', `“${file.fileName}” was generated but could not be handed over for saving. Try again.`);
        return;
      }
      pushToast('success', inElectron ? `“${file.fileName}” is ready: choose where to save it.` : `Downloaded “${file.fileName}”.`);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, exportIcs };
}
