// Reading an answers file that came back: a Vetted answers file (vetted.answers/1) or VSAQ's flat
// map of item id → value. Pure: text in, a typed file or an AnswersFileError naming the JSON path.
import type { AnswersFile } from '../domain/vendor-exchange';

/** The file cannot be read as an answers file; `path` names where ("$.answers[3].value"). */
export class AnswersFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'AnswersFileError';
  }
}

export type ParsedAnswers =
  /** computedSha256: answersDigest() of the file's content without its `sha256`. */
  | { format: 'vetted'; file: AnswersFile; computedSha256: string }
  /** computedSha256: sha256Hex() of the text as received. */
  | { format: 'vsaq'; items: Record<string, string>; computedSha256: string };

export function parseAnswersText(text: string): ParsedAnswers {
  void text;
  throw new AnswersFileError('$', 'not implemented yet');
}
