// Receiving the provider's answers file the careful way (the pattern of useDryRunImport): read it,
// ask the register for a dry run, show the diff, and take only the answers the reviewer ticks.
// Its own hook because a receipt is taken in part (the ticked questions, whose score is asked for
// as the ticks change) and a refusal names the JSON path at fault, which the import hook words away.
import { useEffect, useRef, useState } from 'react';
import { ANSWERS_FORMAT, MAX_ANSWERS_FILE_CHARS, type QuestionnaireReceipt } from '../../../../shared/domain/vendor-exchange';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';
import { useVetted } from '../../store';
import { answersSettled } from '../../store/providerSlice';

export type ReceivePhase =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'preview' | 'accepting'; fileName: string; text: string; vendorId: string | undefined; dry: QuestionnaireReceipt };

/** A refusal as the dialog shows it: the register's sentence, then each problem with its field. */
export interface Refusal {
  message: string;
  problems: { path: string; message: string }[];
}

/** A VSAQ answers file names no provider: it is received for the provider on screen. */
function isVettedAnswersFile(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === ANSWERS_FORMAT;
  } catch {
    return true; // not JSON at all: the register says where, whatever the provider
  }
}

const refusalOf = (fileName: string, error: ApiError): Refusal => ({
  message: `“${fileName}” was refused: ${error.message.replace(/[.!?]?$/, '.')} Nothing was taken.`,
  problems: error.details ?? [],
});

export function useReceiveAnswers(onAccepted: (receipt: QuestionnaireReceipt) => void) {
  const vendor = useVetted((s) => s.vendor);
  const flushAllAnswers = useVetted((s) => s.flushAllAnswers);
  const fileRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<ReceivePhase>({ step: 'idle' });
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [selectionScore, setSelectionScore] = useState<QuestionnaireReceipt['score']>(null);

  const reset = () => {
    setPhase({ step: 'idle' });
    setSelected(new Set());
    setSelectionScore(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  const refuse = (next: Refusal) => {
    setRefusal(next);
    reset();
    requestAnimationFrame(() => fileRef.current?.focus());
  };

  const choose = async () => {
    setRefusal(null);
    const file = fileRef.current?.files?.[0];
    if (!file || !vendor) return reset();
    // A file this many bytes long cannot be under the character limit: refused unread.
    if (file.size > MAX_ANSWERS_FILE_CHARS * 4) {
      return refuse({ message: `“${file.name}” is too large for an answers file (at most ${MAX_ANSWERS_FILE_CHARS / 1024 / 1024} MB). Nothing was taken.`, problems: [] });
    }
    setPhase({ step: 'checking', fileName: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse({ message: `“${file.name}” could not be read. Nothing was taken.`, problems: [] });
    }
    // The diff is against what is stored: answers just typed are stored first.
    flushAllAnswers();
    await answersSettled();
    const vendorId = isVettedAnswersFile(text) ? undefined : vendor.id;
    const result = await api['questionnaire.receive']({ fileName: file.name, text, vendorId, dryRun: true, accept: 'none' });
    if (!result.ok) return refuse(refusalOf(file.name, result.error));
    if (result.value.vendor.id !== vendor.id) {
      return refuse({ message: `“${file.name}” holds the answers of ${result.value.vendor.name}, not of ${vendor.name}: open ${result.value.vendor.name} to receive it. Nothing was taken.`, problems: [] });
    }
    setSelected(new Set());
    setSelectionScore(result.value.score);
    setPhase({ step: 'preview', fileName: file.name, text, vendorId, dry: result.value });
  };

  // The score with the ticked answers, asked of the register as the ticks change (a dry run).
  const preview = phase.step === 'preview' ? phase : null;
  useEffect(() => {
    if (!preview) return;
    if (selected.size === 0) {
      setSelectionScore(preview.dry.score ? { before: preview.dry.score.before, after: preview.dry.score.before } : null);
      return;
    }
    let current = true;
    void api['questionnaire.receive']({ fileName: preview.fileName, text: preview.text, vendorId: preview.vendorId, dryRun: true, accept: [...selected] }).then(
      (result) => {
        if (current && result.ok) setSelectionScore(result.value.score);
      },
    );
    return () => {
      current = false;
    };
  }, [preview, selected]);

  const accept = async () => {
    if (phase.step !== 'preview' || selected.size === 0) return;
    setPhase({ ...phase, step: 'accepting' });
    flushAllAnswers();
    await answersSettled();
    const result = await api['questionnaire.receive']({ fileName: phase.fileName, text: phase.text, vendorId: phase.vendorId, accept: [...selected] });
    if (!result.ok) return refuse(refusalOf(phase.fileName, result.error));
    reset();
    onAccepted(result.value);
  };

  return {
    fileRef, phase, refusal, selected, setSelected, selectionScore, choose, accept,
    reset: () => {
      setRefusal(null);
      reset();
    },
    busy: phase.step === 'checking' || phase.step === 'accepting',
  };
}
