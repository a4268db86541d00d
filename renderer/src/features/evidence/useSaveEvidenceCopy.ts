// "Save a copy": the stored file (checked against its SHA-256 by the API) handed to the browser
// or Electron to save, the same way exports are (lib/saveFile.ts).
import { useState } from 'react';
import type { EvidenceView } from '../../../../shared/api';
import { api, inElectron } from '../../api/client';
import { saveGeneratedFile } from '../../lib/saveFile';
import { useVetted } from '../../store';

export function useSaveEvidenceCopy() {
  const pushToast = useVetted((s) => s.pushToast);
  const [busy, setBusy] = useState(false);

  /** Resolves to what went wrong, in words, or null when the file was handed over. */
  const save = async (item: EvidenceView): Promise<string | null> => {
    setBusy(true);
    try {
      const result = await api['evidence.file']({ id: item.id });
      if (!result.ok) return `No copy of “${item.fileName}” was saved: ${result.error.message}`;
      try {
        saveGeneratedFile(result.value, item.fileName);
      } catch {
        return `“${item.fileName}” was read but could not be handed over for saving. Try again.`;
      }
      pushToast('success', inElectron ? `“${result.value.fileName}” is ready: choose where to save it.` : `Downloaded “${result.value.fileName}”.`);
      return null;
    } finally {
      setBusy(false);
    }
  };

  return { busy, save };
}
