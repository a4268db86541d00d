// What of a template goes to the provider: the questions as they are asked, never how they are
// scored. Option scores, knock-outs, weights, "why" texts, profile implications, number bands and
// risk flags stay here: a provider who sees what each answer is worth can answer to the score.
import type { ChoiceOption, Condition, Question, Template } from '../domain/template';

export interface SentOption {
  id: ChoiceOption['id'];
  label: string;
  /** Multi only: chosen alone ("None of these"). */
  exclusive?: boolean;
}

export interface SentQuestion {
  id: string;
  kind: Question['kind'];
  text: string;
  help: string;
  unit?: string;
  optional: boolean;
  /** Must be answered (never optional, never N/A). */
  mustHave?: boolean;
  allowNa?: boolean;
  options?: SentOption[];
  showWhen?: Condition;
  tips?: Question['tips'];
}

export interface SentTemplate {
  id: string;
  version: number;
  name: string;
  description: string;
  sections: { id: string; title: string; description: string; questions: SentQuestion[] }[];
}

/** The template without anything that tells how answers are scored. */
export function toSentTemplate(template: Template): SentTemplate {
  return {
    id: template.id,
    version: template.version,
    name: template.name,
    description: template.description,
    sections: template.sections.map((s) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      questions: s.questions.map(toSentQuestion),
    })),
  };
}

function toSentQuestion(q: Question): SentQuestion {
  const sent: SentQuestion = { id: q.id, kind: q.kind, text: q.text, help: q.help, optional: q.optional };
  if (q.unit !== undefined) sent.unit = q.unit;
  if (q.mustHave) sent.mustHave = true;
  if (q.allowNa) sent.allowNa = true;
  if (q.options) sent.options = q.options.map((o) => (o.exclusive ? { id: o.id, label: o.label, exclusive: true } : { id: o.id, label: o.label }));
  if (q.showWhen) sent.showWhen = q.showWhen;
  if (q.tips) sent.tips = q.tips;
  return sent;
}
