// A file imported the careful way: read it, ask the register for a dry run, show what it would
// change, and only then import it. The register takes all of a file or none of it; a refused file
// is named with its problem and the field is emptied, so the same file can be chosen once fixed.
import { useRef, useState } from 'react';
import type { Result } from '../../../shared/result';
import { errorText } from '../lib/errorText';

export type ImportPhase<R> =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'preview'; fileName: string; text: string; dry: R }
  | { step: 'importing'; fileName: string; text: string; dry: R };

interface Options<R> {
  /** The import operation: a dry run, or the real one. */
  run(fileName: string, text: string, dryRun: boolean): Promise<Result<R>>;
  /** The register's limit on the file, in characters. */
  maxChars: number;
  /** What the file is, for "too large for a …" ("maintenance feed", "status page file"). */
  what: string;
  /** The sentence after "Imported “name”: ". */
  summary(result: R): string;
  onImported(): void;
}

/** The register's message as a sentence, whatever punctuation it came with. */
const asSentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

export function useDryRunImport<R>({ run, maxChars, what, summary, onImported }: Options<R>) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<ImportPhase<R>>({ step: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const reset = () => {
    setPhase({ step: 'idle' });
    if (fileRef.current) fileRef.current.value = '';
  };

  const refuse = (message: string) => {
    setProblem(message);
    reset();
    requestAnimationFrame(() => fileRef.current?.focus());
  };

  const refused = (fileName: string, error: Parameters<typeof errorText>[0]) =>
    refuse(`“${fileName}” was refused: ${asSentence(errorText(error))} Nothing was imported.`);

  const choose = async () => {
    setProblem(null);
    setDone(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setPhase({ step: 'idle' });
      return;
    }
    // A file this many bytes long cannot be under the character limit: refused unread.
    if (file.size > maxChars * 4) {
      refuse(`“${file.name}” is too large for a ${what} (at most ${maxChars / 1024 / 1024} MB). Nothing was imported.`);
      return;
    }
    setPhase({ step: 'checking', fileName: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch {
      refuse(`“${file.name}” could not be read. Nothing was imported.`);
      return;
    }
    const result = await run(file.name, text, true);
    if (!result.ok) return refused(file.name, result.error);
    setPhase({ step: 'preview', fileName: file.name, text, dry: result.value });
  };

  const confirm = async () => {
    if (phase.step !== 'preview') return;
    setPhase({ ...phase, step: 'importing' });
    const result = await run(phase.fileName, phase.text, false);
    if (!result.ok) return refused(phase.fileName, result.error);
    setDone(`Imported “${phase.fileName}”: ${summary(result.value)}`);
    reset();
    onImported();
  };

  return { fileRef, phase, problem, done, reset, choose, confirm, busy: phase.step === 'checking' || phase.step === 'importing' };
}
