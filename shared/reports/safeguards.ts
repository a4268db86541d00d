// Safeguards in plain language, read from a review's answers: what a privacy statement can say
// about a provider ("Encrypted at rest and in transit", "Data processing agreement signed").
// Only positive statements, only from good answers to visible questions, always in the order of
// the table below. The table is data: to add a safeguard, add a row; to support another template,
// add its id with its own rows.
import type { Answer } from '../domain/review';
import { toAnswerMap } from '../domain/review';
import { checkAnswerValue } from '../domain/answers';
import { visibleQuestionIds } from '../domain/conditions';
import type { Template } from '../domain/template';
import { questionIndex } from '../domain/template';

/**
 * What an answer must be. Choice questions: the chosen option is one of `is` (multi: one of the
 * selected options is). Number questions: the value lies in [min, max] (a missing bound is open).
 */
export type SafeguardRequirement =
  | { q: string; is: readonly string[] }
  | { q: string; min?: number; max?: number };

export interface SafeguardRule {
  /**
   * Tried in order; the first variant whose requirements all hold gives the statement. In `text`,
   * `{question_id}` is replaced by that question's number answer and `{question_id|unit}` by the
   * number with the unit ("24 hours", "1 hour").
   */
  variants: ReadonlyArray<{ when: readonly SafeguardRequirement[]; text: string }>;
}

/** The built-in template's id (shared/templates/infrastructure-definition.ts). */
export const INFRASTRUCTURE_TEMPLATE_ID = 'infrastructure-provider';

/** Safeguard rules by template id. */
export const SAFEGUARD_RULES: ReadonlyMap<string, readonly SafeguardRule[]> = new Map([
  [
    INFRASTRUCTURE_TEMPLATE_ID,
    [
      {
        variants: [
          {
            when: [
              { q: 'sec_encryption_at_rest', is: ['yes'] },
              { q: 'sec_encryption_in_transit', is: ['yes'] },
            ],
            text: 'Encrypted at rest and in transit',
          },
          { when: [{ q: 'sec_encryption_at_rest', is: ['yes'] }], text: 'Encrypted at rest' },
          { when: [{ q: 'sec_encryption_in_transit', is: ['yes'] }], text: 'Encrypted in transit' },
        ],
      },
      {
        variants: [
          {
            when: [
              { q: 'acc_individual_accounts', is: ['individual'] },
              { q: 'acc_roles', is: ['fine_grained', 'fixed_roles'] },
            ],
            text: 'Individual accounts with role-based access',
          },
          { when: [{ q: 'acc_individual_accounts', is: ['individual'] }], text: 'Individual accounts for every person' },
        ],
      },
      { variants: [{ when: [{ q: 'acc_audit_log', is: ['full'] }], text: 'Access audit log' }] },
      { variants: [{ when: [{ q: 'acc_mfa', is: ['yes'] }], text: 'Multi-factor authentication enforced' }] },
      { variants: [{ when: [{ q: 'acc_sso', is: ['yes'] }], text: 'Single sign-on through our identity provider' }] },
      { variants: [{ when: [{ q: 'prv_dpa', is: ['yes'] }], text: 'Data processing agreement signed' }] },
      {
        variants: [
          { when: [{ q: 'prv_subprocessors', is: ['listed_notified'] }], text: 'Subprocessors disclosed, with notice before changes' },
          { when: [{ q: 'prv_subprocessors', is: ['listed'] }], text: 'Subprocessors disclosed' },
        ],
      },
      {
        variants: [
          { when: [{ q: 'prv_deletion_on_exit', is: ['confirmed'] }], text: 'Data deleted on exit, with written confirmation' },
        ],
      },
      {
        variants: [
          { when: [{ q: 'prv_data_location', is: ['choosable'] }], text: 'Data location chosen by us and fixed in the contract' },
        ],
      },
      {
        variants: [
          {
            when: [{ q: 'sec_breach_notification_hours', min: 0, max: 72 }],
            text: 'Breach notification within {sec_breach_notification_hours|hour}',
          },
        ],
      },
    ],
  ],
]);

type AnswerLookup = (questionId: string) => Answer['value'] | undefined;

function holds(requirement: SafeguardRequirement, valueOf: AnswerLookup): boolean {
  const value = valueOf(requirement.q);
  if (value === undefined || value === null) return false;
  if ('is' in requirement) {
    if (Array.isArray(value)) return value.some((v) => requirement.is.includes(v));
    return typeof value === 'string' && requirement.is.includes(value);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  return (requirement.min === undefined || value >= requirement.min) && (requirement.max === undefined || value <= requirement.max);
}

function fill(text: string, valueOf: AnswerLookup): string | null {
  let missing = false;
  const filled = text.replace(/\{([A-Za-z0-9_.-]+)(?:\|([^}]+))?\}/g, (_all, id: string, unit: string | undefined) => {
    const value = valueOf(id);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      missing = true;
      return '';
    }
    const n = String(Number(value.toFixed(2)));
    return unit ? `${n} ${value === 1 ? unit : `${unit}s`}` : n;
  });
  return missing ? null : filled;
}

/**
 * Plain-language safeguards from a review's answers, in the fixed order of SAFEGUARD_RULES.
 * Only visible, applicable, valid answers count; an answer left behind on a hidden question does
 * not. Empty for a template without rules.
 */
export function describeSafeguards(template: Template, answers: readonly Answer[]): string[] {
  const rules = SAFEGUARD_RULES.get(template.id);
  if (!rules) return [];
  const map = toAnswerMap(answers);
  const visible = visibleQuestionIds(template, map);
  const index = questionIndex(template);
  const valueOf: AnswerLookup = (id) => {
    const entry = index.get(id);
    const answer = map[id];
    if (!entry || !answer || answer.na || !visible.has(id)) return undefined;
    if (checkAnswerValue(entry.question, answer.value) !== null) return undefined;
    return answer.value;
  };
  const statements: string[] = [];
  for (const rule of rules) {
    for (const variant of rule.variants) {
      if (!variant.when.every((r) => holds(r, valueOf))) continue;
      const text = fill(variant.text, valueOf);
      if (text !== null) {
        statements.push(text);
        break;
      }
    }
  }
  return statements;
}

/**
 * Statements as one sentence: "Encrypted at rest and in transit; access audit log." The first
 * letter of later statements is lowered unless the word is an abbreviation ("TLS …").
 */
export function safeguardSentence(statements: readonly string[]): string {
  if (statements.length === 0) return '';
  const parts = statements.map((s, i) => {
    if (i === 0) return s;
    const [first, second] = Array.from(s);
    return first && second && second === second.toLowerCase() ? first.toLowerCase() + s.slice(first.length) : s;
  });
  return `${parts.join('; ')}.`;
}
