// An 80-question template (8 sections × 10 single-choice questions) and answers for it: the size
// the benchmark goals are stated in.
import { Template, type Template as TemplateT } from '../shared/domain/template';

export const BENCH_TEMPLATE_ID = 'bench-80';

export function template80(): TemplateT {
  return Template.parse({
    id: BENCH_TEMPLATE_ID,
    version: 1,
    name: 'Benchmark template (80 questions)',
    sections: Array.from({ length: 8 }, (_, s) => ({
      id: `s${s}`,
      title: `Section ${s}`,
      weight: 1 + (s % 3),
      questions: Array.from({ length: 10 }, (_, q) => ({
        id: `s${s}_q${q}`,
        kind: 'single',
        text: `Question ${q} of section ${s}?`,
        weight: 1 + (q % 4),
        options: [
          { id: 'good', label: 'Good', score: 1 },
          { id: 'fair', label: 'Fair', score: 0.5, why: 'Only partly in place.' },
          { id: 'poor', label: 'Poor', score: 0, why: 'Not in place.' },
          { id: 'na', label: 'Not applicable', score: 'na' },
        ],
      })),
    })),
  });
}

const OPTIONS = ['good', 'fair', 'poor', 'good', 'na'];

/** A deterministic option for review i, question j. */
export const benchOption = (i: number, j: number): string => OPTIONS[(i * 31 + j * 7) % OPTIONS.length]!;
