// Reading an answers file that came back: a Vetted answers file (vetted.answers/1) or VSAQ's flat
// map of item id → value. Pure: text in, a typed file or an AnswersFileError naming the JSON path.
//
// The order of the checks is the order a person fixing the file needs them: is it JSON at all,
// is it an answers file (or some other file of ours picked by mistake), then field by field.
import type { z } from 'zod';
import {
  ANSWERS_FORMAT,
  AnswersFile,
  MAX_ANSWERS_FILE_CHARS,
  MAX_FILE_ANSWERS,
  REQUEST_FORMAT,
  type AnswersFileBody,
} from '../domain/vendor-exchange';
import { jsonPath, toJsonPath } from '../templates/import-error';
import { answersDigest, sha256Hex } from './digest';
import { scanJson } from './json-scan';

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
  /**
   * computedSha256: sha256Hex() of the text as received. `items` has no prototype, so an item id
   * such as "__proto__" or "constructor" is an ordinary key (read it with Object.entries/hasOwn).
   */
  | { format: 'vsaq'; items: Record<string, string>; computedSha256: string };

/** At most this many items in a VSAQ answers map (each choice of a group is an item of its own). */
export const MAX_VSAQ_ITEMS = MAX_FILE_ANSWERS * 4;
/** VSAQ ids are short names; a key longer than this is not one. */
const MAX_VSAQ_ID_CHARS = 1000;
/** The register export's format name (shared/register/format.ts), named here only to say "wrong file". */
const REGISTER_FORMAT = 'vetted-register';
const TEMPLATE_MARKER = 'vetted-template/1';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasOwn = (object: JsonObject, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
const quote = (text: string, max = 60): string => JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string (${quote(value, 40)})`;
  if (typeof value === 'number') return `a number (${String(value).slice(0, 40)})`;
  return `${typeof value} (${String(value)})`;
}

export function parseAnswersText(text: string): ParsedAnswers {
  if (text.length > MAX_ANSWERS_FILE_CHARS) {
    throw new AnswersFileError('$', `the file holds ${text.length} characters, more than an answers file may (${MAX_ANSWERS_FILE_CHARS})`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const json = readJson(body);
  if (!isObject(json)) throw new AnswersFileError('$', `expected a JSON object (an answers file), found ${describe(json)}`);
  // Every file of ours names its format; VSAQ's map never has that key (no VSAQ template has an
  // item "format"), so a file with one is ours, or one given by mistake.
  if (hasOwn(json, 'format')) return readVettedFile(json);
  return readVsaqAnswers(json, text);
}

function readJson(body: string): unknown {
  if (body.trim() === '') throw new AnswersFileError('$', 'the file is empty');
  if (/^\s*</.test(body)) {
    throw new AnswersFileError(
      '$',
      'this is a web page (HTML), not an answers file: if it is the questionnaire, open it in a browser, answer, and send back the file "Save answers" writes',
    );
  }
  const scan = scanJson(body);
  if (!scan.ok) {
    const at = `line ${scan.line}, column ${scan.column}`;
    if (scan.found === null) throw new AnswersFileError('$', `not valid JSON: the file ends too early, at ${at} (was it cut off?)`);
    throw new AnswersFileError('$', `not valid JSON: unexpected ${scan.found} at ${at}`);
  }
  if (scan.duplicateKey) {
    throw new AnswersFileError(scan.duplicateKey.path, `the key ${quote(scan.duplicateKey.key)} is given twice in one object, so the file does not read one way only`);
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    // The scan accepted it, so this is not expected; still the one kind of error for the caller.
    throw new AnswersFileError('$', `not valid JSON (${(error as Error).message})`);
  }
}

// ---------------------------------------------------------------------------------------------
// vetted.answers/1
// ---------------------------------------------------------------------------------------------

function readVettedFile(json: JsonObject): ParsedAnswers {
  refuseOtherFormats(json.format);
  const parsed = AnswersFile.safeParse(json);
  if (!parsed.success) {
    const { path, message } = describeIssue(parsed.error.issues[0]!, json);
    throw new AnswersFileError(path, message);
  }
  const file = parsed.data;
  const first = new Map<string, number>();
  file.answers.forEach((answer, index) => {
    const earlier = first.get(answer.questionId);
    if (earlier !== undefined) {
      throw new AnswersFileError(
        `$.answers[${index}].questionId`,
        `question ${quote(answer.questionId)} is answered twice (first at $.answers[${earlier}])`,
      );
    }
    first.set(answer.questionId, index);
  });
  const { sha256: _stated, ...rest } = file;
  const body: AnswersFileBody = rest;
  return { format: 'vetted', file, computedSha256: answersDigest(body) };
}

/** A file with a `format` that is not ours to read here: say which file it looks like. */
function refuseOtherFormats(format: unknown): void {
  if (format === ANSWERS_FORMAT) return;
  if (typeof format !== 'string') {
    throw new AnswersFileError('$.format', `expected ${quote(ANSWERS_FORMAT)}, found ${describe(format)}`);
  }
  if (format === REQUEST_FORMAT) {
    throw new AnswersFileError('$.format', 'this is the questionnaire, not the answers saved from it: the provider answers it in the page and sends back the file "Save answers" writes');
  }
  if (format === REGISTER_FORMAT) {
    throw new AnswersFileError('$.format', 'this is an exported Vetted register, not an answers file');
  }
  if (format.startsWith('vetted.answers/')) {
    throw new AnswersFileError('$.format', `the answers file is in format ${quote(format)}, which this Vetted does not read (it reads ${ANSWERS_FORMAT})`);
  }
  throw new AnswersFileError('$.format', `not a Vetted answers file: format is ${quote(format)} (expected ${ANSWERS_FORMAT})`);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
  int: 'a whole number',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** One zod issue as a JSON path and words: what was expected there, and what was found. */
function describeIssue(issue: z.core.$ZodIssue, root: unknown): { path: string; message: string } {
  const path = toJsonPath(issue.path);
  const found = valueAt(root, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return { path, message: `is required (expected ${TYPE_WORDS[issue.expected] ?? issue.expected})` };
      return { path, message: `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, found ${describe(found)}` };
    case 'unrecognized_keys':
      return {
        path: jsonPath(path, issue.keys[0]!),
        message: `unknown field${issue.keys.length > 1 ? `s: ${issue.keys.map((k) => quote(k, 40)).join(', ')}` : ` ${quote(issue.keys[0]!, 40)}`} (an answers file holds only what the page writes)`,
      };
    case 'invalid_value':
      return { path, message: `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${describe(found)}` };
    case 'invalid_union': {
      // An answer value is one of several forms: the form of the value found says what is wrong
      // with it (a text too long, a list holding a number), when one does.
      const near = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.code !== 'invalid_type' || i.path.length > 0));
      if (near) return describeIssue({ ...near[0]!, path: [...issue.path, ...near[0]!.path] } as z.core.$ZodIssue, root);
      return { path, message: `expected an answer: a text, a number, a list of option ids or null; found ${describe(found)}` };
    }
    case 'too_big':
      if (issue.origin === 'array') return { path, message: `more than ${String(issue.maximum)} entries (found ${(found as unknown[]).length})` };
      if (issue.origin === 'string') return { path, message: `longer than ${String(issue.maximum)} characters (found ${(found as string).length})` };
      return { path, message: `at most ${String(issue.maximum)} (found ${describe(found)})` };
    case 'too_small':
      if (issue.origin === 'string') return { path, message: 'is empty' };
      return { path, message: `at least ${String(issue.minimum)} (found ${describe(found)})` };
    default:
      return { path, message: issue.message };
  }
}

// ---------------------------------------------------------------------------------------------
// VSAQ's answers: { "item_id": "value", … }
// ---------------------------------------------------------------------------------------------

function readVsaqAnswers(json: JsonObject, text: string): ParsedAnswers {
  const keys = Object.keys(json);
  if (keys.length === 0) throw new AnswersFileError('$', 'the file holds no answers (an empty object)');
  const nonString = keys.find((k) => typeof json[k] !== 'string');
  if (nonString !== undefined) refuseNotVsaq(json, nonString);
  if (keys.length > MAX_VSAQ_ITEMS) {
    throw new AnswersFileError('$', `the file holds ${keys.length} items, more than an answers file may (${MAX_VSAQ_ITEMS})`);
  }
  const long = keys.find((k) => k.length > MAX_VSAQ_ID_CHARS);
  if (long !== undefined) {
    throw new AnswersFileError('$', `an item id is ${long.length} characters long (${quote(long, 40)}): not an id a VSAQ questionnaire has`);
  }
  // No prototype: "__proto__" read by JSON.parse is an own key, and must stay one here.
  const items = Object.create(null) as Record<string, string>;
  for (const key of keys) items[key] = json[key] as string;
  return { format: 'vsaq', items, computedSha256: sha256Hex(text) };
}

/** An object without `format` that is not a flat map of strings: say what it looks like. */
function refuseNotVsaq(json: JsonObject, nonString: string): never {
  if (json.$schema === TEMPLATE_MARKER || hasOwn(json, 'sections')) {
    throw new AnswersFileError('$', 'this is a Vetted template, not an answers file');
  }
  if (hasOwn(json, 'questionnaire') || hasOwn(json, 'extensions')) {
    throw new AnswersFileError('$', 'this is a VSAQ questionnaire template, not the answers saved from it');
  }
  if (['answers', 'requestId', 'sha256'].some((k) => hasOwn(json, k))) {
    throw new AnswersFileError('$.format', `is required (expected ${quote(ANSWERS_FORMAT)})`);
  }
  throw new AnswersFileError(
    jsonPath('$', nonString),
    `expected a string, found ${describe(json[nonString])}: VSAQ's answers map each item id to a string, and a Vetted answers file names its format`,
  );
}
