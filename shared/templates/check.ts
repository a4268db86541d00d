// Semantic checks on a questionnaire template: everything the zod schema cannot say on its own
// (ids unique across the template, options fitting the kind, bands that do not overlap,
// showWhen conditions that point at real questions and options and do not go round in circles,
// risk flags with unique ids whose conditions point at real questions and options, tips whose
// conditions do too).
import { conditionRefs } from '../domain/conditions';
import type { Condition, NumberBand, Question, QuestionKind, RiskFlag, Template } from '../domain/template';

export interface TemplateProblem {
  /** Where, e.g. `sections[2].questions[4].showWhen`. */
  path: string;
  /** Plain words naming the ids involved. */
  message: string;
}

const CHOICE_KINDS: readonly QuestionKind[] = ['yesno', 'single', 'multi'];
const YESNO_IDS: readonly string[] = ['yes', 'partial', 'no'];

function isChoiceKind(kind: QuestionKind): boolean {
  return CHOICE_KINDS.includes(kind);
}

interface Located {
  question: Question;
  path: string;
}

/** Every problem found, in template order; an empty list means the template is sound. */
export function checkTemplate(t: Template): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  // Ids: sections unique, questions unique across the whole template (first one wins).
  const sectionIds = new Set<string>();
  const byId = new Map<string, Located>();
  t.sections.forEach((section, si) => {
    if (sectionIds.has(section.id)) report(`sections[${si}].id`, `Section id "${section.id}" is used by more than one section.`);
    sectionIds.add(section.id);
    section.questions.forEach((question, qi) => {
      const path = `sections[${si}].questions[${qi}]`;
      const first = byId.get(question.id);
      if (first) report(`${path}.id`, `Question id "${question.id}" is used more than once (first at ${first.path}).`);
      else byId.set(question.id, { question, path });
    });
  });

  // Each question on its own: options, bands, stray knock-outs, condition references.
  t.sections.forEach((section, si) => {
    section.questions.forEach((question, qi) => {
      const path = `sections[${si}].questions[${qi}]`;
      checkOptions(question, path, report);
      checkBands(question, path, report);
      checkStrayKnockout(question, path, report);
      checkModelFields(question, path, report);
      if (question.showWhen) checkCondition(question, question.showWhen, `${path}.showWhen`, byId, report);
      (question.tips ?? []).forEach((tip, ti) => {
        if (tip.when) checkReadCondition(`A tip of question "${question.id}" is shown`, tip.when, `${path}.tips[${ti}].when`, byId, report);
      });
    });
  });

  // Risk flags: ids unique across the template, conditions naming real questions and options.
  const flagIds = new Map<string, string>();
  t.sections.forEach((section, si) => {
    (section.flags ?? []).forEach((flag, fi) => {
      const path = `sections[${si}].flags[${fi}]`;
      const first = flagIds.get(flag.id);
      if (first) report(`${path}.id`, `Risk flag id "${flag.id}" is used more than once (first at ${first}).`);
      else flagIds.set(flag.id, path);
      checkFlagCondition(flag, `${path}.when`, byId, report);
    });
  });

  checkCycles(t, byId, report);
  return problems;
}

type Report = (path: string, message: string) => void;

function checkOptions(question: Question, path: string, report: Report): void {
  const options = question.options ?? [];
  if (!isChoiceKind(question.kind)) {
    if (question.options !== undefined) {
      report(`${path}.options`, `Question "${question.id}" is a ${question.kind} question, so it cannot have options.`);
    }
    return;
  }
  if (options.length < 2) {
    report(`${path}.options`, `Question "${question.id}" is a ${question.kind} question and needs at least 2 options (it has ${options.length}).`);
  }
  const seen = new Set<string>();
  options.forEach((option, oi) => {
    const optionPath = `${path}.options[${oi}].id`;
    if (seen.has(option.id)) report(optionPath, `Question "${question.id}" lists option "${option.id}" more than once.`);
    seen.add(option.id);
    if (question.kind === 'yesno' && !YESNO_IDS.includes(option.id)) {
      report(optionPath, `Question "${question.id}" is a yes/no question, so option "${option.id}" must be one of: yes, partial, no.`);
    }
  });
}

function bandBounds(band: NumberBand): [number, number] {
  return [band.min ?? -Infinity, band.max ?? Infinity];
}

function describeBand(band: NumberBand): string {
  if (band.min !== undefined && band.max !== undefined) return `from ${band.min} up to (not including) ${band.max}`;
  if (band.min !== undefined) return `${band.min} or more`;
  if (band.max !== undefined) return `below ${band.max}`;
  return 'any number';
}

/** Scoring model 2's question fields (docs/scoring.md): each only where it means something. */
function checkModelFields(question: Question, path: string, report: Report): void {
  if (question.mustHave === true && question.optional) {
    report(`${path}.mustHave`, `Question "${question.id}" is a must-have, so it cannot be optional.`);
  }
  if (question.mustHave === true && question.allowNa === true) {
    report(`${path}.allowNa`, `Question "${question.id}" is a must-have, so it cannot be marked not applicable (give it an option worth "na" if it truly may not apply).`);
  }
  if (question.combine !== undefined && question.kind !== 'multi') {
    report(`${path}.combine`, `Question "${question.id}" is a ${question.kind} question; only multi-choice answers are combined.`);
  }
  (question.options ?? []).forEach((option, oi) => {
    if (option.exclusive === true && question.kind !== 'multi') {
      report(`${path}.options[${oi}].exclusive`, `Question "${question.id}" is a ${question.kind} question; only a multi-choice option can be exclusive.`);
    }
  });
}

function checkBands(question: Question, path: string, report: Report): void {
  if (question.kind !== 'number') {
    if (question.bands !== undefined) {
      report(`${path}.bands`, `Question "${question.id}" is a ${question.kind} question; only number questions can have bands.`);
    }
    if (question.plausible !== undefined) {
      report(`${path}.plausible`, `Question "${question.id}" is a ${question.kind} question; only number questions have a plausible range.`);
    }
    return;
  }
  const { min, max } = question.plausible ?? {};
  if (min !== undefined && max !== undefined && !(min <= max)) {
    report(`${path}.plausible`, `Question "${question.id}": the plausible range's min ${min} is above its max ${max}, so every answer would be implausible.`);
  } else if (question.plausible) {
    // A band no plausible answer falls in would warn on every answer that reaches it (a knock-out band included).
    (question.bands ?? []).forEach((band, bi) => {
      const reachable = (band.min ?? -Infinity) <= (max ?? Infinity) && (band.max ?? Infinity) > (min ?? -Infinity);
      if (!reachable) report(`${path}.bands[${bi}]`, `Question "${question.id}": band ${bi + 1} (${describeBand(band)}) lies wholly outside the plausible range, so every answer in it would be warned about.`);
    });
  }
  const bands = question.bands ?? [];
  if (bands.length === 0 && question.weight > 0) {
    report(`${path}.bands`, `Question "${question.id}" is a number question with weight ${question.weight} but no bands, so its answer can never score; add bands or set its weight to 0.`);
  }
  const sound: { band: NumberBand; index: number }[] = [];
  bands.forEach((band, bi) => {
    if (band.min !== undefined && band.max !== undefined && !(band.min < band.max)) {
      report(`${path}.bands[${bi}]`, `Question "${question.id}": band ${bi + 1} has min ${band.min} not below its max ${band.max}, so no number falls in it.`);
      return;
    }
    for (const other of sound) {
      const [aLo, aHi] = bandBounds(other.band);
      const [bLo, bHi] = bandBounds(band);
      if (aLo < bHi && bLo < aHi) {
        report(
          `${path}.bands[${bi}]`,
          `Question "${question.id}": band ${bi + 1} (${describeBand(band)}) overlaps band ${other.index + 1} (${describeBand(other.band)}), so some numbers would get two scores.`,
        );
      }
    }
    sound.push({ band, index: bi });
  });
}

/** Knock-outs live on options and bands only; a parsed template cannot carry one elsewhere, raw JSON can. */
function checkStrayKnockout(question: Question, path: string, report: Report): void {
  if ((question as unknown as Record<string, unknown>)['knockout'] !== undefined) {
    report(`${path}.knockout`, `Question "${question.id}" has a knock-out on the question itself; put knock-outs on options or bands.`);
  }
}

function walkCondition(condition: Condition, path: string, visit: (leaf: Extract<Condition, { q: string }>, path: string) => void): void {
  if ('all' in condition) condition.all.forEach((c, i) => walkCondition(c, `${path}.all[${i}]`, visit));
  else if ('any' in condition) condition.any.forEach((c, i) => walkCondition(c, `${path}.any[${i}]`, visit));
  else if ('not' in condition) walkCondition(condition.not, `${path}.not`, visit);
  else visit(condition, path);
}

function checkCondition(owner: Question, condition: Condition, path: string, byId: ReadonlyMap<string, Located>, report: Report): void {
  walkCondition(condition, path, (leaf, leafPath) => {
    if (leaf.q === owner.id) {
      report(leafPath, `Question "${owner.id}" is shown depending on its own answer, so it could never be shown.`);
      return;
    }
    const target = byId.get(leaf.q)?.question;
    if (!target) {
      report(leafPath, `Question "${owner.id}" is shown depending on question "${leaf.q}", which does not exist.`);
      return;
    }
    if (!('is' in leaf)) return; // `answered` works for every kind
    if (!isChoiceKind(target.kind)) {
      report(leafPath, `Question "${owner.id}" is shown when "${leaf.q}" is one of some options, but "${leaf.q}" is a ${target.kind} question without options (use "answered" instead).`);
      return;
    }
    const optionIds = new Set((target.options ?? []).map((o) => o.id));
    for (const id of leaf.is) {
      if (!optionIds.has(id)) {
        report(leafPath, `Question "${owner.id}" is shown when "${leaf.q}" is "${id}", but "${leaf.q}" has no option "${id}" (it has: ${[...optionIds].join(', ')}).`);
      }
    }
  });
}

function checkFlagCondition(flag: RiskFlag, path: string, byId: ReadonlyMap<string, Located>, report: Report): void {
  walkCondition(flag.when, path, (leaf, leafPath) => {
    const target = byId.get(leaf.q)?.question;
    if (!target) {
      report(leafPath, `Risk flag "${flag.id}" fires depending on question "${leaf.q}", which does not exist.`);
      return;
    }
    if (!('is' in leaf)) return;
    if (!isChoiceKind(target.kind)) {
      report(leafPath, `Risk flag "${flag.id}" fires when "${leaf.q}" is one of some options, but "${leaf.q}" is a ${target.kind} question without options (use "answered" instead).`);
      return;
    }
    const optionIds = new Set((target.options ?? []).map((o) => o.id));
    for (const id of leaf.is) {
      if (!optionIds.has(id)) {
        report(leafPath, `Risk flag "${flag.id}" fires when "${leaf.q}" is "${id}", but "${leaf.q}" has no option "${id}" (it has: ${[...optionIds].join(', ')}).`);
      }
    }
  });
}

/** A condition that only reads answers (a tip's): the questions and options it names must exist. */
function checkReadCondition(what: string, condition: Condition, path: string, byId: ReadonlyMap<string, Located>, report: Report): void {
  walkCondition(condition, path, (leaf, leafPath) => {
    const target = byId.get(leaf.q)?.question;
    if (!target) {
      report(leafPath, `${what} depending on question "${leaf.q}", which does not exist.`);
      return;
    }
    if (!('is' in leaf)) return;
    if (!isChoiceKind(target.kind)) {
      report(leafPath, `${what} when "${leaf.q}" is one of some options, but "${leaf.q}" is a ${target.kind} question without options (use "answered" instead).`);
      return;
    }
    const optionIds = new Set((target.options ?? []).map((o) => o.id));
    for (const id of leaf.is) {
      if (!optionIds.has(id)) report(leafPath, `${what} when "${leaf.q}" is "${id}", but "${leaf.q}" has no option "${id}" (it has: ${[...optionIds].join(', ')}).`);
    }
  });
}

/** Finds showWhen cycles of two or more questions (self-references are reported on their own). */
function checkCycles(t: Template, byId: ReadonlyMap<string, Located>, report: Report): void {
  const edges = new Map<string, string[]>();
  for (const [id, { question }] of byId) {
    if (!question.showWhen) continue;
    const refs = [...new Set(conditionRefs(question.showWhen))].filter((r) => r !== id && byId.has(r));
    edges.set(id, refs);
  }

  const order = new Map<string, number>();
  let n = 0;
  for (const s of t.sections) for (const q of s.questions) if (!order.has(q.id)) order.set(q.id, n++);

  const reported = new Set<string>();
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();

  const visit = (id: string): void => {
    stack.push(id);
    onStack.add(id);
    for (const next of edges.get(id) ?? []) {
      if (onStack.has(next)) {
        const cycle = stack.slice(stack.indexOf(next));
        // Start the cycle at the question that comes first in the template, so each is reported once.
        let start = 0;
        cycle.forEach((c, i) => {
          if ((order.get(c) ?? 0) < (order.get(cycle[start]!) ?? 0)) start = i;
        });
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        const key = rotated.join('\u0000');
        if (!reported.has(key)) {
          reported.add(key);
          const first = rotated[0]!;
          const words = [...rotated, first].map((c) => `"${c}"`).join(' → ');
          report(
            `${byId.get(first)!.path}.showWhen`,
            `Questions ${rotated.map((c) => `"${c}"`).join(', ')} are shown depending on each other in a circle (${words}), so none of them could ever be shown.`,
          );
        }
      } else if (!done.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    onStack.delete(id);
    done.add(id);
  };

  for (const id of edges.keys()) if (!done.has(id)) visit(id);
}
