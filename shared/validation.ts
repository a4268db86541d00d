// Turns zod issues into messages a person can act on: "links.dpa: must be an http:// or https:// address".
import type { z } from 'zod';

export interface FieldProblem {
  path: string;
  message: string;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: friendly(issue),
  }));
}

function friendly(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'is required';
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  return issue.message;
}

/** One line naming the first field at fault, for the CLI and for toasts. */
export function summarizeProblems(problems: readonly FieldProblem[]): string {
  if (problems.length === 0) return 'invalid input';
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${first!.path}: ${first!.message}${more}`;
}
