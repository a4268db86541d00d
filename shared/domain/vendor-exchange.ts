// The provider answers the questionnaire itself: one self-contained HTML page goes out (it carries
// a QuestionnaireRequest), one answers file comes back (an AnswersFile, or VSAQ's flat answers map).
// These schemas are the one description both sides use: the page that writes the file and the
// service that reads it. See docs/vendor-questionnaire.md.
import { z } from 'zod';
import { AnswerValue } from './review';
import type { SentTemplate } from '../exchange/sent-template';

/** What the page's embedded request says it is. */
export const REQUEST_FORMAT = 'vetted.questionnaire/1';
/** What an answers file written by the page says it is. */
export const ANSWERS_FORMAT = 'vetted.answers/1';

/** An answers file larger than this is not one the page wrote: refused before it is read. */
export const MAX_ANSWERS_FILE_CHARS = 2 * 1024 * 1024;
/** How long the provider's comment on one answer may be. */
export const MAX_PROVIDER_COMMENT_CHARS = 5000;
/** At most this many answers in one file (the largest template has far fewer questions). */
export const MAX_FILE_ANSWERS = 2000;
/** The page for the built-in template must stay below this (checked in a test). */
export const QUESTIONNAIRE_PAGE_BUDGET_BYTES = 300 * 1024;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 digest (64 lowercase hex digits)');

/** One answer already held, sent with the page (--prefill) and shown to the provider as such. */
export interface PrefilledAnswer {
  questionId: string;
  value: AnswerValue;
  na: boolean;
  /** The provider's own earlier comment on it; a reviewer's comment is never sent. */
  comment: string;
}

/** Everything the page knows: embedded in it as JSON, read by the page's script. */
export interface QuestionnaireRequest {
  format: typeof REQUEST_FORMAT;
  requestId: string;
  vendor: { id: string; name: string };
  /** Who asked (the user name in Settings). */
  requestedBy: string;
  /** The provider's contact it was sent to ("Name <email>"), if given. */
  contact: string | null;
  /** Answer by (YYYY-MM-DD), if given. */
  due: string | null;
  /** ISO instant the page was made. */
  sentAt: string;
  /**
   * The questions as asked (toSentTemplate): never the option scores, knock-outs, weights or risk
   * flags — a provider who sees what each answer is worth can answer to the score.
   */
  template: SentTemplate;
  /** templateHash() of the FULL stored template: the answers file names it, so they go to the same questions. */
  templateHash: string;
  /** Answers already held (empty unless prefilled), with where they came from. */
  prefill: PrefilledAnswer[];
  /** The date of the review the prefill is from (nothing else about it: not its id, not its state). */
  prefilledFrom: { date: string } | null;
}

/** One answer as the provider gave it. */
export const ProviderAnswer = z
  .object({
    questionId: z.string().min(1).max(120),
    value: AnswerValue,
    na: z.boolean(),
    comment: z.string().max(MAX_PROVIDER_COMMENT_CHARS),
  })
  .strict();
export type ProviderAnswer = z.infer<typeof ProviderAnswer>;

/**
 * The file the page saves. `sha256` is answersDigest() of everything else in it: the page shows
 * it to the provider to quote in their e-mail, and receiving checks it.
 */
export const AnswersFile = z
  .object({
    format: z.literal(ANSWERS_FORMAT),
    requestId: z.string().min(1).max(100),
    vendor: z.object({ id: z.string().min(1).max(100), name: z.string().max(200) }).strict(),
    template: z
      .object({ id: z.string().min(1).max(120), version: z.number().int().min(1), hash: Sha256Hex })
      .strict(),
    /** Who filled it in, as they typed it on the page (may be empty). */
    respondent: z.string().max(200),
    /** When the page saved it, by the provider's clock (informational). */
    savedAt: z.string().max(40),
    answers: z.array(ProviderAnswer).max(MAX_FILE_ANSWERS),
    sha256: Sha256Hex,
  })
  .strict();
export type AnswersFile = z.infer<typeof AnswersFile>;
export type AnswersFileBody = Omit<AnswersFile, 'sha256'>;

/** Where an accepted answer came from: kept with the answer and in the audit trail. */
export interface AnsweredBy {
  /** 'vetted': an answers file from our page; 'vsaq': VSAQ's flat answers map. */
  format: 'vetted' | 'vsaq';
  /** The request the file answered (null for a VSAQ file: it names none). */
  requestId: string | null;
  /** The provider's contact the request was sent to. */
  contact: string | null;
  /** Who filled it in, as they typed it. */
  respondent: string | null;
  /** SHA-256 of the file as received (for a Vetted file: the digest it states and that was checked). */
  fileSha256: string;
  /** ISO instant it was received here. */
  receivedAt: string;
}

/** A sent questionnaire, as the register keeps it. */
export interface QuestionnaireRequestView {
  id: string;
  vendorId: string;
  vendorName: string;
  templateId: string;
  templateVersion: number;
  templateHash: string;
  contact: string | null;
  due: string | null;
  /** How many answers were sent prefilled (0 without --prefill). */
  prefilled: number;
  sentAt: string;
  sentBy: string;
  /** The last time answers for it were received with something accepted, and that file's digest. */
  receivedAt: string | null;
  receivedSha256: string | null;
}

/** How an answer in the file compares with what the review holds. */
export const RECEIVE_CHANGES = ['new', 'changed', 'unchanged', 'empty'] as const;
export type ReceiveChange = (typeof RECEIVE_CHANGES)[number];

export interface ReceiveSide {
  value: AnswerValue;
  na: boolean;
  /** As a person reads it (answerLabel). */
  label: string;
}

export interface ReceiveRow {
  questionId: string;
  sectionTitle: string;
  questionText: string;
  /**
   * new: the review has no answer and the provider gave one; changed: both answered, differently;
   * unchanged: the same; empty: the provider left it unanswered.
   */
  change: ReceiveChange;
  /** What the review holds now; null when it has no answer. */
  held: ReceiveSide | null;
  /** What the provider gave. */
  given: ReceiveSide;
  /** The provider's comment ('' when none). */
  comment: string;
  /** The provider's comment differs from the provider comment the review holds. */
  commentChanged: boolean;
  /** There is something to take: a new or changed answer, or a new provider comment. */
  acceptable: boolean;
  /** Taken into the review by this call (never in a dry run). */
  accepted: boolean;
}

/** An answer in the file that was left out, and why (unknown question, a value that does not fit…). */
export interface ReceiveRejection {
  /** The question id (or for a VSAQ file, the item id) the file gave. */
  questionId: string;
  /** The value as the file gave it, shortened for display. */
  given: string;
  reason: string;
}

export interface ScoreBrief {
  overall: number | null;
  residual: string | null;
  completion: number;
}

/** What receiving a file found, and (unless a dry run or nothing accepted) what it took. */
export interface QuestionnaireReceipt {
  format: 'vetted' | 'vsaq';
  dryRun: boolean;
  fileName: string;
  request: QuestionnaireRequestView | null;
  vendor: { id: string; name: string };
  contact: string | null;
  respondent: string | null;
  /** The digest the file states (null for VSAQ) and the one computed here; a mismatch is refused. */
  digest: { stated: string | null; computed: string };
  /** The review the answers go to; `starts` when there is no open review and one is (to be) started. */
  review: { id: string | null; templateId: string; templateVersion: number; starts: boolean };
  /** The file was for an older template version and was moved to the review's (moveToCurrent). */
  moved: { fromVersion: number; toVersion: number } | null;
  /** Template order. */
  rows: ReceiveRow[];
  rejected: ReceiveRejection[];
  counts: Record<ReceiveChange, number> & { rejected: number; accepted: number };
  /** Question ids taken into the review. */
  accepted: string[];
  /** The review's score now, and with the accepted answers (for a dry run: with every acceptable one, or those named). */
  score: { before: ScoreBrief; after: ScoreBrief } | null;
}
