// User preferences stored in the register (so they travel with it).
import { z } from 'zod';
import { DayRate } from './cost';
import { DEFAULT_TEMPLATE_ID } from '../templates/ids';
import { DEFAULT_REASSESSMENT_MONTHS, ReassessmentMonths } from './reassessment';
import { VendorCategory } from './vendor';
import { canonicalLanguage } from './report-language';

/**
 * The questionnaire a new review of a provider starts on, by the provider's category: template ids
 * (each must be stored in the register; its newest version is used). A category left out uses the
 * built-in template. The map is one setting: saving it replaces the whole map.
 */
export const DefaultTemplates = z.partialRecord(VendorCategory, z.string().trim().min(1, 'choose a template').max(120));
export type DefaultTemplates = Partial<Record<VendorCategory, string>>;

/** More than half of the critical path on one fourth party (or region) needs attention. */
export const DEFAULT_CONCENTRATION_THRESHOLD = 0.5;

export const SettingsPatch = z
  .object({
    /** The organisation named in reports ("… subprocessors of Example Ltd"). */
    organisation: z.string().trim().max(200),
    /** Intro paragraph of the privacy-statement appendix. */
    subprocessorIntro: z.string().trim().max(5000),
    /** Who is using Vetted: recorded as the reviewer of new reviews. */
    userName: z.string().trim().max(200),
    /** Months from an approval to the next review, by the tier the approval found. */
    reassessmentMonths: ReassessmentMonths,
    /**
     * What one engineer-day costs, for the buy-vs-build line; null = not set. Amount and currency
     * are one setting, so an import or a save never pairs one's amount with another's currency.
     */
    dayRate: DayRate.nullable(),
    /** The template a new review starts on, per provider category; empty: the built-in template. */
    defaultTemplates: DefaultTemplates,
    /**
     * The least notice (hours) any provider must give before a scheduled maintenance, whatever it
     * promised; null = none (only each provider's own promise is held against it).
     */
    minimumNoticeHours: z.number().int('a whole number of hours').min(0).max(24 * 90).nullable(),
    /** Separation of duties: the person who submits a review for approval cannot approve it. */
    separationOfDuties: z.boolean(),
    /**
     * The language the register's text is written in (a BCP 47 tag: "en", "zh-Hans", "ja" …): the
     * reports' document language (/Lang) and the face Han characters are drawn in. null = the
     * system's language.
     */
    reportLanguage: z
      .string()
      .trim()
      .max(35)
      .refine((tag) => canonicalLanguage(tag) !== null, 'a language tag such as en, de, zh-Hans, zh-Hant, ja or ko')
      .transform((tag) => canonicalLanguage(tag)!)
      .nullable(),
    /**
     * Needs attention lists a fourth party, or one of its regions, that carries more than this
     * share of the critical path (a fraction: 0.5 means more than half). The app shows a percentage.
     */
    concentrationThreshold: z
      .number({ error: 'a fraction between 0 and 1 (0.5 means more than half)' })
      .min(0, 'a fraction between 0 and 1 (0.5 means more than half)')
      .max(1, 'a fraction between 0 and 1 (0.5 means more than half)'),
  })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof SettingsPatch>;

export interface Settings {
  organisation: string;
  subprocessorIntro: string;
  userName: string;
  reassessmentMonths: ReassessmentMonths;
  dayRate: DayRate | null;
  defaultTemplates: DefaultTemplates;
  minimumNoticeHours: number | null;
  separationOfDuties: boolean;
  reportLanguage: string | null;
  concentrationThreshold: number;
}

export const DEFAULT_SETTINGS: Settings = {
  organisation: '',
  // Claims nothing a row could contradict: each row states its own DPA and transfer mechanism.
  subprocessorIntro:
    'The service providers listed below (subprocessors) process personal data on our behalf to run our ' +
    'infrastructure. For each we name the legal entity, what it does for us, the personal data involved, ' +
    'where that data is processed, how transfers outside the EEA and the UK are safeguarded, and the state of ' +
    'the data processing agreement, as established in our latest decided review of the provider.',
  userName: '',
  reassessmentMonths: DEFAULT_REASSESSMENT_MONTHS,
  dayRate: null,
  defaultTemplates: {},
  minimumNoticeHours: null,
  separationOfDuties: false,
  reportLanguage: null,
  concentrationThreshold: DEFAULT_CONCENTRATION_THRESHOLD,
};

/** Whether two people's names are the same person's, as the register records them (case and spaces aside). */
export function samePerson(a: string, b: string): boolean {
  // NFKC and no format characters (zero-width spaces, direction marks): "Ana\u200B Auditor" is Ana.
  const norm = (name: string) => name.normalize('NFKC').replace(/\p{Cf}/gu, '').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * The template a new review of a provider in `category` starts on when nobody chooses one: the
 * category's default from Settings, else the built-in template. The whole rule (a template chosen
 * explicitly wins; a reassessment keeps the previous review's template) is templateForNewReview in
 * electron/core/services/template-choice.ts; the app uses this part to preselect its choice.
 */
export function categoryTemplateId(settings: Pick<Settings, 'defaultTemplates'>, category: VendorCategory): string {
  return settings.defaultTemplates[category] ?? DEFAULT_TEMPLATE_ID;
}
