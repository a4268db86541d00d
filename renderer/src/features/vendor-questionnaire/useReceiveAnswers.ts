// Receiving the provider's answers file the careful way (the pattern of useDryRunImport): read it,
// ask the register for a dry run, show the diff, and take only the answers the reviewer ticks.
// Its own hook because a receipt is taken in part (the ticked questions, whose score is asked for
// as the ticks change) and a refusal names the JSON path at fault, which the import hook words away.
import { useEffect, useRef, useState } from 'react';
import { MAX_ANSWERS_FILE_CHARS, type QuestionnaireReceipt } from '../../../../shared/domain/vendor-exchange';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';
import { useVetted } from '../../store';
import { answersSettled } from '../../store/providerSlice';

export type ReceivePhase =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'preview' | 'accepting'; fileName: string; text: string; moveToCurrent: boolean; dry: QuestionnaireReceipt };

/** A refusal as the dialog shows it: what was refused, then each problem with its field. */
export interface Refusal {
  message: string;
  problems: string[];
  /** The file is for an older version of the review's template: it can be moved to the current one. */
  movable: { fileName: string; text: string } | null;
}

/** The input fields a refusal can name, as the dialog says them ('text' is the file: its message says where in it). */
const FIELD_WORDS: Readonly<Record<string, string>> = { vendorId: 'Provider', accept: 'Answers to accept' };

function problemText(path: string, message: string): string {
  const text = `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return FIELD_WORDS[path] ? `${FIELD_WORDS[path]}: ${text}` : text;
}

function refusalOf(fileName: string, text: string, error: ApiError): Refusal {
  const details = error.details ?? [];
  const lead = `“${fileName}” was refused; nothing was taken.`;
  // The register's one-line message repeats the first problem with its field path in front.
  const problems = details.length > 0 ? details.map((d) => problemText(d.path, d.path === 'text' && details.length === 1 ? stripPrefix(error.message, fileName, d.path) : d.message)) : [stripPrefix(error.message, fileName, '')];
  return { message: lead, problems, movable: details.some((d) => d.path === 'moveToCurrent') ? { fileName, text } : null };
}

/** "answers.json: text: the file was changed…" → "the file was changed…". */
function stripPrefix(message: string, fileName: string, path: string): string {
  let out = message.startsWith(`${fileName}: `) ? message.slice(fileName.length + 2) : message;
  if (path && out.startsWith(`${path}: `)) out = out.slice(path.length + 2);
  return out;
}

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
      return refuse({ message: `“${file.name}” is too large for an answers file (at most ${MAX_ANSWERS_FILE_CHARS / 1024 / 1024} MB). Nothing was taken.`, problems: [], movable: null });
    }
    setPhase({ step: 'checking', fileName: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse({ message: `“${file.name}” could not be read. Nothing was taken.`, problems: [], movable: null });
    }
    await check(file.name, text, false);
  };

  /**
   * The dry run. The provider on screen is always named: a VSAQ file needs it, and the register
   * refuses a Vetted file answered for another provider.
   */
  const check = async (fileName: string, text: string, moveToCurrent: boolean) => {
    if (!vendor) return;
    setRefusal(null);
    setPhase({ step: 'checking', fileName });
    // The diff is against what is stored: answers just typed are stored first.
    flushAllAnswers();
    await answersSettled();
    const result = await api['questionnaire.receive']({ fileName, text, vendorId: vendor.id, moveToCurrent, dryRun: true, accept: 'none' });
    if (!result.ok) return refuse(refusalOf(fileName, text, result.error));
    setSelected(new Set());
    setSelectionScore(result.value.score);
    setPhase({ step: 'preview', fileName, text, moveToCurrent, dry: result.value });
  };

  /** Moves the answers of a file for an older template version to the review's version (the offer of a refusal). */
  const move = async () => {
    if (refusal?.movable) await check(refusal.movable.fileName, refusal.movable.text, true);
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
    void api['questionnaire.receive']({ fileName: preview.fileName, text: preview.text, vendorId: preview.dry.vendor.id, moveToCurrent: preview.moveToCurrent, dryRun: true, accept: [...selected] }).then(
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
    const result = await api['questionnaire.receive']({ fileName: phase.fileName, text: phase.text, vendorId: phase.dry.vendor.id, moveToCurrent: phase.moveToCurrent, accept: [...selected] });
    if (!result.ok) return refuse(refusalOf(phase.fileName, phase.text, result.error));
    reset();
    onAccepted(result.value);
  };

  return {
    fileRef, phase, refusal, selected, setSelected, selectionScore, choose, accept, move,
    reset: () => {
      setRefusal(null);
      reset();
    },
    busy: phase.step === 'checking' || phase.step === 'accepting',
  };
}
