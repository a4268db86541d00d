// Exports (PDF, CSV): ask the API for the file, hand it to the browser to save, and say what happened.
// The buttons, the export dialogs and the Export menu command share this state, so an export runs
// once at a time. The review report and the subprocessor list keep an outcome (what the file holds,
// what it left out, its warnings) that their pages show until dismissed; other exports use a toast.
import { api, inElectron } from '../api/client';
import type { GeneratedFile } from '../../../shared/api';
import { localIsoDate } from '../../../shared/domain/dates';
import type { Result } from '../../../shared/result';
import { saveGeneratedFile } from '../lib/saveFile';
import { answersSettled, hasUnsavedAnswers } from './providerSlice';
import type { ExportKey, ExportSlice, SliceCreator, VettedState } from './types';

const ALREADY_RUNNING: Result<never> = {
  ok: false,
  error: { code: 'conflict', message: 'This export is already running.' },
};

/** Hands the file to the browser (or Electron) to save; false, with an error shown, when that failed. */
function handOver(state: VettedState, file: GeneratedFile, fallbackName: string): boolean {
  try {
    saveGeneratedFile(file, fallbackName);
    return true;
  } catch {
    state.pushToast('error', `“${file.fileName}” was generated but could not be handed over for saving. Try again.`);
    return false;
  }
}

/** Says where the file went in a toast, listing the generator's warnings. */
function announce(state: VettedState, file: GeneratedFile): void {
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
  /**
   * Runs one export: `about` names the providers whose answers it shows (all when not given);
   * `delivered` tells the user what the saved file holds (a toast unless given).
   */
  const run = async <F extends GeneratedFile>(
    key: ExportKey,
    fallbackName: string,
    call: () => Promise<Result<F>>,
    options: { about?: readonly string[]; delivered?: (file: F) => void; reportErrors?: boolean } = {},
  ): Promise<Result<F>> => {
    if (get().runningExports.includes(key)) return ALREADY_RUNNING;
    set((s) => ({ runningExports: [...s.runningExports, key] }));
    try {
      // The report must include the answers just typed.
      get().flushAllAnswers();
      await answersSettled();
      if (hasUnsavedAnswers(options.about)) {
        get().pushToast('info', 'Some answers are not saved yet: the export shows what is stored.');
      }
      const result = await call();
      if (result.ok) {
        if (handOver(get(), result.value, fallbackName)) (options.delivered ?? ((file) => announce(get(), file)))(result.value);
      } else if (options.reportErrors !== false) get().reportError(result.error);
      return result;
    } finally {
      set((s) => ({ runningExports: s.runningExports.filter((k) => k !== key) }));
    }
  };

  return {
    runningExports: [],
    exportDialog: null,
    subprocessorOutcome: null,
    reportOutcome: null,

    openExportDialog(dialog) {
      set({ exportDialog: dialog });
    },

    closeExportDialog() {
      set({ exportDialog: null });
    },

    dismissExportOutcome(kind) {
      set(kind === 'subprocessors' ? { subprocessorOutcome: null } : { reportOutcome: null });
    },

    exportVendorReport(vendorId, options = {}) {
      // Confidential comments are left out unless asked for (a report is often shared outside the team).
      const includeConfidential = options.includeConfidential === true;
      const draft = options.draft === true;
      return run(
        `vendor:${vendorId}`,
        'review-report.pdf',
        () => api['report.vendor']({ vendorId, ...(includeConfidential ? { includeConfidential } : {}), ...(draft ? { draft } : {}) }),
        {
          about: [vendorId],
          // The dialog that asked shows the error beside its fields.
          reportErrors: false,
          delivered: (file) =>
            set({ reportOutcome: { vendorId, fileName: file.fileName, draft, includeConfidential, warnings: file.warnings } }),
        },
      );
    },

    exportSubprocessorList(options = {}) {
      const includeProposed = options.includeProposed === true;
      const includeTiers = options.includeTiers === true;
      return run(
        'subprocessors',
        'subprocessors.pdf',
        () =>
          api['report.subprocessors']({
            ...(options.date ? { date: options.date } : {}),
            ...(includeProposed ? { includeProposed } : {}),
            ...(includeTiers ? { includeTiers } : {}),
          }),
        {
          reportErrors: false,
          delivered: (file) =>
            set({
              subprocessorOutcome: {
                fileName: file.fileName,
                date: options.date ?? localIsoDate(new Date()),
                includeProposed,
                includeTiers,
                listed: file.listed,
                leftOut: file.leftOut,
                warnings: file.warnings,
              },
            }),
        },
      );
    },

    exportComparison(ids, format, filter, options = {}) {
      const text = filter.text?.trim() ?? '';
      return run(
        `compare:${format}`,
        `comparison.${format}`,
        () =>
          api['compare.export']({
            vendorIds: [...ids],
            format,
            ...(filter.differencesOnly ? { differencesOnly: true } : {}),
            ...(text ? { text } : {}),
            ...(options.draft ? { draft: true } : {}),
          }),
        { about: ids },
      );
    },

    exportAuditTrail(vendorId) {
      return run(`audit:${vendorId}`, 'audit-trail.csv', () => api['audit.export']({ vendorId }), { about: [vendorId] });
    },

    exportConcentration() {
      // Answers decide the blast radius only once their review is decided, so unsaved ones cannot change it.
      return run('concentration', 'concentration.pdf', () => api['report.concentration']({}), { about: [] });
    },
  };
};

/** True while the given export runs (for its button's busy state). */
export const isExporting = (state: VettedState, key: ExportKey): boolean => state.runningExports.includes(key);
