// Conditions read with three values (true, false, unknown = null): Kleene's logic, shared by risk
// flags and by the undecided questions of coverage (docs/scoring.md, sections 1 and 7a).
import type { Condition } from '../domain/template';

export type Truth = boolean | null;

/** `all` is false as soon as one part is false, `any` true as soon as one is true, `not` of unknown is unknown. */
export function kleene(condition: Condition, leaf: (leaf: Extract<Condition, { q: string }>) => Truth): Truth {
  const truth = (c: Condition): Truth => {
    if ('all' in c) {
      const values = c.all.map(truth);
      return values.includes(false) ? false : values.includes(null) ? null : true;
    }
    if ('any' in c) {
      const values = c.any.map(truth);
      return values.includes(true) ? true : values.includes(null) ? null : false;
    }
    if ('not' in c) {
      const value = truth(c.not);
      return value === null ? null : !value;
    }
    return leaf(c);
  };
  return truth(condition);
}
