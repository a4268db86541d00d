// Renders a template as a readable Markdown document (docs/questionnaire.md). Pure: no I/O.
import { plausibleWords } from '../scoring/number-words';
import { questionNumbers } from '../domain/question-numbering';
import type { ChoiceOption, Condition, NumberBand, Question, QuestionKind, Template } from '../domain/template';

const KIND_WORDS: Record<QuestionKind, string> = {
  yesno: 'yes/no',
  single: 'single choice',
  multi: 'multiple choice',
  number: 'number',
  date: 'date',
  text: 'short text',
  longtext: 'long text',
};

/** A table cell: `|` escaped, line breaks kept as <br>. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(header), `|${header.map(() => ' --- |').join('')}`, ...rows.map(row)];
}

function code(text: string): string {
  return `\`${text}\``;
}

function withUnit(n: number, unit: string | undefined): string {
  if (!unit) return String(n);
  return unit.startsWith('%') ? `${n}${unit}` : `${n} ${unit}`;
}

function scoreWords(score: ChoiceOption['score']): string {
  return score === 'na' ? 'N/A (question becomes not applicable)' : String(score);
}

export function bandRange(band: NumberBand, unit?: string): string {
  if (band.min !== undefined && band.max !== undefined) return `≥ ${withUnit(band.min, unit)} and < ${withUnit(band.max, unit)}`;
  if (band.min !== undefined) return `≥ ${withUnit(band.min, unit)}`;
  if (band.max !== undefined) return `< ${withUnit(band.max, unit)}`;
  return 'any number';
}

/** A showWhen condition in words, naming question ids and option labels. */
export function conditionWords(condition: Condition, byId: ReadonlyMap<string, Question>): string {
  // Inside "and"/"or" each part gets brackets, so lists of options cannot be misread.
  const part = (c: Condition, of: readonly Condition[]) => (of.length > 1 ? `(${conditionWords(c, byId)})` : conditionWords(c, byId));
  if ('all' in condition) return condition.all.map((c) => part(c, condition.all)).join(' and ');
  if ('any' in condition) return condition.any.map((c) => part(c, condition.any)).join(' or ');
  if ('not' in condition) return `not (${conditionWords(condition.not, byId)})`;
  const target = byId.get(condition.q);
  if ('answered' in condition) return `${code(condition.q)} is answered`;
  const label = (id: string) => {
    const option = target?.options?.find((o) => o.id === id);
    return option ? `“${option.label}” (${code(id)})` : code(id);
  };
  const labels = condition.is.map(label);
  if (target?.kind === 'multi') {
    return labels.length === 1
      ? `${code(condition.q)} includes ${labels[0]}`
      : `${code(condition.q)} includes any of ${labels.join(', ')}`;
  }
  return labels.length === 1
    ? `${code(condition.q)} is ${labels[0]}`
    : `${code(condition.q)} is one of ${labels.join(', ')}`;
}

function questionLines(question: Question, number: string, byId: ReadonlyMap<string, Question>): string[] {
  const lines: string[] = [`### ${number} ${code(question.id)}`, '', `**${question.text}**`, ''];
  const facts = [
    `Kind: ${KIND_WORDS[question.kind]}`,
    `Weight: ${question.weight}${question.weight === 0 ? ' (informational, not scored)' : ''}`,
    question.optional ? 'Optional' : 'Required',
  ];
  if (question.unit) facts.push(`Unit: ${question.unit}`);
  const plausible = plausibleWords(question);
  if (plausible) facts.push(`Plausible: ${plausible} (an answer outside is warned about, not refused)`);
  lines.push(`- ${facts.join(' · ')}`);
  if (question.showWhen) lines.push(`- Shown when: ${conditionWords(question.showWhen, byId)}`);
  lines.push('');
  if (question.help) lines.push(`Why it matters: ${question.help}`, '');
  if (question.options && question.options.length > 0) {
    lines.push(
      ...table(
        ['Option', 'Id', 'Score', 'Knock-out', 'Why it loses points'],
        question.options.map((o) => [o.label, code(o.id), scoreWords(o.score), o.knockout ?? '', o.why ?? '']),
      ),
      '',
    );
  }
  if (question.bands && question.bands.length > 0) {
    lines.push(
      ...table(
        ['Range', 'Label', 'Score', 'Knock-out'],
        question.bands.map((b) => [bandRange(b, question.unit), b.label ?? '', String(b.score), b.knockout ?? '']),
      ),
      '',
    );
  }
  return lines;
}

/**
 * The whole template as Markdown: an intro, a table of sections, then every question with its
 * help, options, bands and conditions. `source` names the file the template lives in.
 */
export function templateToMarkdown(t: Template, source = 'shared/templates/infrastructure-definition.ts'): string {
  const byId = new Map<string, Question>();
  for (const s of t.sections) for (const q of s.questions) byId.set(q.id, q);
  const questionCount = t.sections.reduce((n, s) => n + s.questions.length, 0);
  const knockouts = t.sections
    .flatMap((s) => s.questions)
    .reduce((n, q) => n + (q.options ?? []).filter((o) => o.knockout).length + (q.bands ?? []).filter((b) => b.knockout).length, 0);

  const lines: string[] = [
    `# ${t.name}`,
    '',
    `> This file is generated by ${code('npm run docs:questionnaire')} from ${code(source)}.`,
    '> Do not edit it by hand: change the template and run the command again. A unit test fails when the two differ.',
    '',
    `Template ${code(t.id)}, version ${t.version}: ${questionCount} questions in ${t.sections.length} sections, ${knockouts} knock-out answers.`,
    '',
  ];
  if (t.description) lines.push(t.description, '');

  lines.push(
    '## How answers are scored',
    '',
    '- Every scored question is worth 0 to 1. A yes/no or single-choice answer scores its option; a multiple-choice answer scores the sum of the chosen options, capped at 1; a number scores the band it falls in (min inclusive, max exclusive).',
    '- An option scored N/A makes the question not applicable: it counts as answered but is left out of the score.',
    '- Questions are weighted inside their section, and sections are weighted in the overall score. Weight 0 means informational: recorded, never scored. Dates and texts are always informational.',
    '- A knock-out answer forces the review\'s risk tier to at least the tier shown, whatever the score.',
    '- A question with a "shown when" condition is hidden until the condition holds; hidden questions are neither scored nor counted for completion. Optional questions do not lower completion when left empty.',
    '',
    '## Sections',
    '',
    ...table(
      ['#', 'Section', 'Id', 'Weight', 'Questions'],
      t.sections.map((s, i) => [String(i + 1), s.title, code(s.id), String(s.weight), String(s.questions.length)]),
    ),
    '',
  );

  const numbers = questionNumbers(t.sections);
  t.sections.forEach((section, si) => {
    lines.push(`## ${si + 1}. ${section.title}`, '', `Id ${code(section.id)} · weight ${section.weight} · ${section.questions.length} question${section.questions.length === 1 ? '' : 's'}`, '');
    if (section.description) lines.push(section.description, '');
    for (const question of section.questions) lines.push(...questionLines(question, numbers.get(question.id)!, byId));
  });

  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
