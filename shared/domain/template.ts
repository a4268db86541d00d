// Questionnaire templates: sections of questions, each question knows how it is scored.
// Objects are strict: a misspelt key ("showwhen", "knockOut") is an error, never silently dropped.
import { z } from 'zod';
import { Tier } from './tier';

export const QUESTION_KINDS = [
  'yesno', // yes / partial / no (the option list says what each is worth)
  'single', // one of several options
  'multi', // any of several options
  'number', // scored by bands
  'date', // informational
  'text', // short text, informational
  'longtext', // long text, informational
] as const;
export const QuestionKind = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKind>;

const Id = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9_.-]+$/, 'may contain only letters, digits, "_", "-" and "."');

/** An option's worth: 0..1, or 'na' when choosing it makes the question not applicable. */
export const OptionScore = z.union([z.number().min(0).max(1), z.literal('na')]);
export type OptionScore = z.infer<typeof OptionScore>;

export const ChoiceOption = z.object({
  id: Id,
  label: z.string().min(1).max(500),
  score: OptionScore,
  /** Choosing this option forces the review's tier to at least this (a knock-out). */
  knockout: Tier.optional(),
  /** Plain words for the explanation and the report when this option loses points. */
  why: z.string().max(1000).optional(),
  /** Multi only: this option is chosen alone ("None"); a selection with it and another is refused. */
  exclusive: z.boolean().optional(),
  /**
   * What choosing this option says about the provider's profile. Scoring (model 2) compares it
   * with the profile and reports a conflict where they disagree (docs/scoring.md, "Profile and answers").
   */
  implies: z
    .object({
      criticalPath: z.boolean().optional(),
      personalData: z.boolean().optional(),
      locationsKnown: z.boolean().optional(),
    })
    .strict()
    .optional(),
}).strict();
export type ChoiceOption = z.infer<typeof ChoiceOption>;

/** A number band: min inclusive, max exclusive; a missing bound is open. */
export const NumberBand = z.object({
  min: z.number().optional(),
  max: z.number().optional(),
  score: z.number().min(0).max(1),
  label: z.string().max(200).optional(),
  knockout: Tier.optional(),
}).strict();
export type NumberBand = z.infer<typeof NumberBand>;

/**
 * The numbers a real answer can take (a percentage above 100, a negative number of hours): a value
 * outside is kept, since the register records what was said, but the app and the CLI warn that it
 * is probably a typing slip. Both bounds inclusive; a missing bound is open.
 */
export const PlausibleRange = z.object({
  min: z.number().optional(),
  max: z.number().optional(),
}).strict();
export type PlausibleRange = z.infer<typeof PlausibleRange>;

/**
 * When a question is shown. Hidden questions are neither scored nor counted for completion.
 * `is` holds when a choice answer is one of the ids (a multi answer: contains any of them).
 */
export type Condition =
  | { q: string; is: string[] }
  | { q: string; answered: true }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ q: Id, is: z.array(Id).min(1) }).strict(),
    z.object({ q: Id, answered: z.literal(true) }).strict(),
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
  ]),
);

export const Question = z.object({
  id: Id,
  kind: QuestionKind,
  text: z.string().min(1).max(1000),
  /** Why the question matters; shown on demand in the app and in docs/questionnaire.md. */
  help: z.string().max(4000).default(''),
  /** Relative weight inside its section; 0 makes the question informational. */
  weight: z.number().min(0).max(100).default(1),
  options: z.array(ChoiceOption).optional(),
  bands: z.array(NumberBand).optional(),
  unit: z.string().max(40).optional(),
  /** Number only: the plausible answers; one outside gets a warning, never a refusal. */
  plausible: PlausibleRange.optional(),
  /** Optional questions do not lower completion when left empty. */
  optional: z.boolean().default(false),
  /**
   * A must-have control (model 2): while it is shown and not answered, the review gets no tier.
   * Never optional, never N/A.
   */
  mustHave: z.boolean().optional(),
  /** The "Not applicable" mark is allowed here (with a reason in the comment). Model 2 reads N/A elsewhere as unanswered. */
  allowNa: z.boolean().optional(),
  /** Multi only: 'sum' (default) adds the chosen options' scores up to 1; 'max' takes the best one (attestations). */
  combine: z.enum(['sum', 'max']).optional(),
  showWhen: Condition.optional(),
  /** Hints shown under the question, each only while its condition holds (an imported VSAQ tip, for instance). */
  tips: z.array(z.object({ text: z.string().min(1).max(4000), when: Condition.optional() }).strict()).optional(),
}).strict();
export type Question = z.infer<typeof Question>;

/** How bad a risk flag is when it fires; its weight in the section is RISK_FLAG_WEIGHTS[severity]. */
export const RISK_FLAG_SEVERITIES = ['medium', 'high', 'critical'] as const;
export const RiskFlagSeverity = z.enum(RISK_FLAG_SEVERITIES);
export type RiskFlagSeverity = z.infer<typeof RiskFlagSeverity>;

/**
 * A risk flag: a finding that fires when its condition holds for the answers (an imported VSAQ
 * "tip" with a warning, for instance). It is scored as an implicit item of its section; a firing
 * `critical` flag is a knock-out. See docs/scoring.md, "Risk flags".
 */
export const RiskFlag = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  when: Condition,
  severity: RiskFlagSeverity,
  /** Plain words for the explanation and the report when the flag fires. */
  why: z.string().max(4000).optional(),
  /** What the provider should do about it. */
  todo: z.string().max(4000).optional(),
}).strict();
export type RiskFlag = z.infer<typeof RiskFlag>;

export const Section = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  description: z.string().max(2000).default(''),
  weight: z.number().min(0).max(100).default(1),
  questions: z.array(Question).min(1),
  flags: z.array(RiskFlag).optional(),
}).strict();
export type Section = z.infer<typeof Section>;

export const Template = z.object({
  id: Id,
  version: z.number().int().min(1),
  name: z.string().min(1).max(200),
  description: z.string().max(4000).default(''),
  sections: z.array(Section).min(1),
}).strict();
export type Template = z.infer<typeof Template>;
export type TemplateInput = z.input<typeof Template>;

export type QuestionIndex = ReadonlyMap<string, { question: Question; section: Section }>;
const indexes = new WeakMap<Template, QuestionIndex>();

/** Finds every question of a template by id (built once per template object). */
export function questionIndex(template: Template): QuestionIndex {
  let index = indexes.get(template);
  if (!index) {
    const map = new Map<string, { question: Question; section: Section }>();
    for (const section of template.sections) {
      for (const question of section.questions) map.set(question.id, { question, section });
    }
    indexes.set(template, (index = map));
  }
  return index;
}

/** True for kinds that carry a score. */
export function isScoredKind(kind: QuestionKind): boolean {
  return kind === 'yesno' || kind === 'single' || kind === 'multi' || kind === 'number';
}
