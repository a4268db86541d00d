// A 120-question template (12 sections × 10 questions: single choice, yes/no, multiple choice and
// free text) as a Vetted template file, and answers that differ per provider: the size of the
// "compare 6 providers × 120 questions" goal of issue #8.
import type { AnswerValue } from '../shared/domain/review';
import { Template, type Question } from '../shared/domain/template';
import { exportTemplateJson } from '../shared/templates/format';

export const BENCH_TEMPLATE_120_ID = 'bench-120';

const CHOICES = [
  { id: 'good', label: 'Yes, documented and audited every year', score: 1 },
  { id: 'fair', label: 'Partly: in place for some services or plans', score: 0.5, why: 'Only partly in place.' },
  { id: 'poor', label: 'No, or only on request', score: 0, why: 'Not in place.' },
  { id: 'na', label: 'Not applicable to this service', score: 'na' },
];
const YESNO = [
  { id: 'yes', label: 'Yes', score: 1 },
  { id: 'no', label: 'No', score: 0, why: 'Not in place.' },
];
const MULTI = [
  { id: 'soc2', label: 'SOC 2 Type II', score: 0.7 },
  { id: 'iso', label: 'ISO/IEC 27001', score: 0.7 },
  { id: 'pci', label: 'PCI DSS', score: 0.3 },
  { id: 'none', label: 'None', score: 0 },
];

function question(s: number, q: number): unknown {
  const base = { id: `s${s}_q${q}`, text: `Question ${q + 1} of section ${s + 1}: is the control in place and checked?`, weight: 1 + (q % 3) };
  if (q === 9) return { ...base, kind: 'longtext', weight: 0, optional: true };
  if (q === 8) return { ...base, kind: 'multi', options: MULTI };
  if (q % 4 === 3) return { ...base, kind: 'yesno', options: YESNO };
  return { ...base, kind: 'single', options: CHOICES };
}

export function template120(): Template {
  return Template.parse({
    id: BENCH_TEMPLATE_120_ID,
    version: 1,
    name: 'Benchmark template (120 questions)',
    sections: Array.from({ length: 12 }, (_, s) => ({
      id: `s${s}`,
      title: `Section ${s + 1}`,
      weight: 1 + (s % 3),
      questions: Array.from({ length: 10 }, (_, q) => question(s, q)),
    })),
  });
}

/** The file `template.import` receives. */
export const template120Json = (): string => exportTemplateJson(template120());

/** A deterministic answer of provider p to a question (providers differ, so the grid marks best/worst). */
export function answer120(p: number, q: Question, j: number): AnswerValue {
  const options = q.options ?? [];
  if (q.kind === 'multi') return options.slice(0, 1 + ((p + j) % 3)).map((o) => o.id);
  if (q.kind === 'longtext') return `Provider ${p + 1} explains how question ${j + 1} is handled, with links to its trust centre.`;
  return options[(p * 7 + j * 3) % options.length]!.id;
}
