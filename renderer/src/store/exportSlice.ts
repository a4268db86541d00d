// Exports (PDF, CSV): ask the API for the file, hand it to the browser to save, and say what happened.
// The buttons and the Export menu command share this state, so an export runs once at a time.
import { api, inElectron } from '../api/client';
import type { GeneratedFile } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import { saveGeneratedFile } from '../lib/saveFile';
import { answersSettled, hasUnsavedAnswers } from './providerSlice';
import type { ExportKey, ExportSlice, SliceCreator, VettedState } from './types';

const ALREADY_RUNNING: Result<never> = {
  ok: false,
  error: { code: 'conflict', message: 'This export is already running.' },
};

/** Saves the file and tells the user where it went, listing the generator's warnings. */
function deliver(state: VettedState, file: GeneratedFile, fallbackName: string): void {
  try {
    saveGeneratedFile(file, fallbackName);
  } catch {
    state.pushToast('error', `“${file.fileName}” was generated but could not be handed over for saving. Try again.`);
    return;
  }
  if (file.warnings.length > 0) {
    state.pushToast(
      'warning',
      `“${file.fileName}” was exported with ${file.warnings.length === 1 ? 'a warning' : `${file.warnings.length} warnings`}:`,
      file.warnings,
    );
  } else {
    state.pushToast(
      'success',
      inElectron ? `“${file.fileName}” is ready: choose where to save it.` : `Downloaded “${file.fileName}”.`,
    );
  }
}

export const createExportSlice: SliceCreator<ExportSlice> = (set, get) => {
  /** `about`: the providers whose answers the export shows (all when not given). */
  const run = async (
    key: ExportKey,
    fallbackName: string,
    call: () => Promise<Result<GeneratedFile>>,
    about?: readonly string[],
  ) => {
    if (get().runningExports.includes(key)) return ALREADY_RUNNING;
    set((s) => ({ runningExports: [...s.runningExports, key] }));
    try {
      // The report must include the answers just typed.
      get().flushAllAnswers();
      await answersSettled();
      if (hasUnsavedAnswers(about)) {
        get().pushToast('info', 'Some answers are not saved yet: the export shows what is stored.');
      }
      const result = await call();
      if (result.ok) deliver(get(), result.value, fallbackName);
      else get().reportError(result.error);
      return result;
    } finally {
      set((s) => ({ runningExports: s.runningExports.filter((k) => k !== key) }));
    }
  };

  return {
    runningExports: [],

    exportVendorReport(vendorId, options = {}) {
      // Confidential comments are left out unless asked for (a report is often shared outside the team).
      const include = options.includeConfidential ? { includeConfidential: true } : {};
      return run(`vendor:${vendorId}`, 'review-report.pdf', () => api['report.vendor']({ vendorId, ...include }), [vendorId]);
    },

    exportSubprocessorList() {
      return run('subprocessors', 'subprocessors.pdf', () => api['report.subprocessors']({}));
    },

    exportComparison(ids, format, filter) {
      const text = filter.text?.trim() ?? '';
      return run(`compare:${format}`, `comparison.${format}`, () =>
        api['compare.export']({
          vendorIds: [...ids],
          format,
          ...(filter.differencesOnly ? { differencesOnly: true } : {}),
          ...(text ? { text } : {}),
        }),
        ids,
      );
    },

    exportAuditTrail(vendorId) {
      return run(`audit:${vendorId}`, 'audit-trail.csv', () => api['audit.export']({ vendorId }), [vendorId]);
    },
  };
};

/** True while the given export runs (for its button's busy state). */
export const isExporting = (state: VettedState, key: ExportKey): boolean => state.runningExports.includes(key);
