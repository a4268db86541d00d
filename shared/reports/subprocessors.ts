// The "Subprocessors" annex of a privacy statement: every active provider that processes
// personal data, grouped by category, with what it does, where the data is, which safeguards its
// latest review confirmed, when it was reviewed and its tier. Pure, like every report layout.
import type { Answer, Review } from '../domain/review';
import type { Template } from '../domain/template';
import type { Tier } from '../domain/tier';
import type { DataCategory, Vendor, VendorCategory } from '../domain/vendor';
import type { ScoreResult } from '../scoring';
import { dataTable, dateOnly, heading, keepWithNext, pageFooter, paragraph, plain, reportDocument, runningHeader, tierBadge } from './blocks';
import type { Cell } from './blocks';
import { CATEGORY_LABELS, dataCategoryList, labelOf } from '../domain/labels';
import { describeSafeguards, safeguardSentence } from './safeguards';
import type { DocDefinition, DocNode } from './types';

export interface SubprocessorProvider {
  vendor: Vendor;
  /** The latest review, or null when none was started. */
  review: Review | null;
  template: Template | null;
  answers: Answer[];
  score: ScoreResult | null;
}

export interface SubprocessorAppendixData {
  providers: SubprocessorProvider[];
  /** The user's own introduction, printed as plain text. */
  intro: string;
  generatedAt: string;
  organisation?: string;
}

export interface SubprocessorGroup {
  category: VendorCategory;
  /** The category in words: the group's heading. */
  label: string;
  providers: SubprocessorProvider[];
}

export const NOT_ASSESSED = 'Safeguards not yet assessed';
export const NONE_CONFIRMED = 'No safeguards confirmed by the review yet';

/** Names sort the way a reader expects: "a" and "Ä" next to "A", numbers by value, before "Z". */
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Processes personal data: holds personal data or special category personal data. */
/** Payment data (card holders, account holders) is personal data too, so it belongs in the annex. */
const PERSONAL_DATA_CATEGORIES: readonly DataCategory[] = ['personal-data', 'special-personal-data', 'payment-data'];

export function processesPersonalData(vendor: Vendor): boolean {
  return vendor.dataCategories.some((c) => PERSONAL_DATA_CATEGORIES.includes(c));
}

/**
 * The annex's providers: active ones that process personal data, grouped by category (groups in
 * alphabetical order of their label, "Other" last) and sorted by name within a group.
 */
export function selectSubprocessors(providers: readonly SubprocessorProvider[]): SubprocessorGroup[] {
  const groups = new Map<VendorCategory, SubprocessorProvider[]>();
  for (const p of providers) {
    if (p.vendor.status !== 'active' || !processesPersonalData(p.vendor)) continue;
    const list = groups.get(p.vendor.category) ?? [];
    list.push(p);
    groups.set(p.vendor.category, list);
  }
  return [...groups.entries()]
    .map(([category, list]) => ({
      category,
      label: labelOf(CATEGORY_LABELS, category),
      providers: [...list].sort(
        (a, b) => compareText(a.vendor.name, b.vendor.name) || compareText(a.vendor.id, b.vendor.id),
      ),
    }))
    .sort((a, b) => Number(a.category === 'other') - Number(b.category === 'other') || compareText(a.label, b.label));
}

/** The safeguards of one provider as a sentence, or why there are none to show. */
export function subprocessorSafeguards(p: SubprocessorProvider): string {
  if (!p.review || !p.template) return NOT_ASSESSED;
  const statements = describeSafeguards(p.template, p.answers);
  if (statements.length > 0) return safeguardSentence(statements);
  return p.answers.length === 0 ? NOT_ASSESSED : NONE_CONFIRMED;
}

function lastReviewDate(review: Review | null): string | null {
  return review ? dateOnly(review.completedAt ?? review.updatedAt) : null;
}

function providerRow(p: SubprocessorProvider): Cell[] {
  const { vendor } = p;
  const service = plain(vendor.service).trim();
  const locations = vendor.dataLocations.map((l) => plain(l).trim()).filter((l) => l !== '');
  const date = lastReviewDate(p.review);
  const tier: Tier | null = p.score?.tier ?? null;
  return [
    [{ text: plain(vendor.name), bold: true }, ...(service ? [{ text: service }] : [])],
    dataCategoryList(vendor.dataCategories),
    locations.length ? locations.join(', ') : 'Not recorded',
    subprocessorSafeguards(p),
    [
      { text: date ? `Reviewed ${date}` : 'Not reviewed' },
      { text: [{ text: 'Tier: ', style: 'label' }, tierBadge(tier, { none: 'Not rated' })] },
    ],
  ];
}

/** The annex as a pdfmake document definition (A4, portrait). */
export function buildSubprocessorAppendix(data: SubprocessorAppendixData): DocDefinition {
  const organisation = plain(data.organisation ?? '').trim();
  const date = dateOnly(data.generatedAt);
  const groups = selectSubprocessors(data.providers);
  const content: DocNode[] = [
    { text: 'Annex to the privacy statement', style: ['small', 'muted'] },
    heading('Subprocessors', 1),
  ];
  const asOf = [organisation ? `Organisation: ${organisation}` : '', date ? `As of ${date}` : ''].filter(Boolean).join('. ');
  if (asOf) content.push(paragraph(`${asOf}.`, ['small', 'muted']));

  const intro = plain(data.intro).trim();
  for (const part of intro.split(/\n\s*\n/)) {
    if (part.trim()) content.push(paragraph(part.trim()));
  }

  if (groups.length === 0) {
    content.push(paragraph('No active provider processes personal data.'));
  }
  for (const group of groups) {
    const table = dataTable(
      ['Provider and purpose', 'Data categories', 'Location', 'Safeguards', 'Last review'],
      group.providers.map(providerRow),
      [105, 82, 72, '*', 76],
    );
    content.push(...keepWithNext(heading(group.label, 2), [table]));
  }
  if (groups.length > 0) {
    content.push(
      paragraph(
        `Safeguards are those the latest review of each provider confirmed. "${NOT_ASSESSED}" means the provider has not been reviewed yet.`,
        ['small', 'muted'],
      ),
    );
  }

  return reportDocument({
    title: 'Subprocessors',
    content,
    header: runningHeader('Annex: Subprocessors', organisation, { skipFirstPage: false }),
    footer: pageFooter(data.generatedAt),
    orientation: 'portrait',
  });
}
