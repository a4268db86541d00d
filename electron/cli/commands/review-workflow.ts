// `vetted review submit|approve|approve-with-conditions|reject|reopen VENDOR` moves the provider's
// current review along the sign-off workflow; `vetted review new VENDOR [--template ID]` starts the
// next review (from the last answers, on the same template) once one was decided, or the first one
// on the template named; `vetted review migrate` is in review.ts.
import type { ReviewStatus } from '../../../shared/domain/review';
import { REVIEW_STATUS_LABELS, labelOf } from '../../../shared/domain/labels';
import { isOpenStatus } from '../../../shared/domain/workflow';
import { parse, shortId } from '../args';
import { inputError, usageError } from '../cli-error';
import { findVendor, must, openSession } from '../session';
import { REVIEW_MIGRATE_USAGE, reviewMigrateCommand } from './review';

/** The verbs a person types, and the status each moves the review to. */
export const REVIEW_STEPS: Readonly<Record<string, ReviewStatus>> = {
  submit: 'in_review',
  approve: 'approved',
  'approve-with-conditions': 'approved_with_conditions',
  reject: 'rejected',
  reopen: 'draft',
};

export const REVIEW_USAGE = [
  'usage: vetted review submit|approve|reopen VENDOR [--by NAME] [--note TEXT]',
  '       vetted review approve-with-conditions|reject VENDOR --note TEXT [--by NAME]',
  '       (approving makes a proposed provider active; --keep-status leaves it proposed)',
  '       vetted review new VENDOR [--template ID]',
  `       ${REVIEW_MIGRATE_USAGE.replace(/^usage: /, '')}`,
].join('\n');

export async function reviewCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'migrate') {
    const { values, positionals } = parse(rest, { 'to-version': { type: 'string' } });
    if (positionals.length !== 1) throw usageError(REVIEW_MIGRATE_USAGE);
    return reviewMigrateCommand(await openSession(values.db), positionals[0], values);
  }
  if (sub === 'new') return reviewNew(rest);
  if (sub !== undefined && Object.prototype.hasOwnProperty.call(REVIEW_STEPS, sub)) return reviewStep(REVIEW_STEPS[sub]!, rest);
  throw usageError(REVIEW_USAGE);
}

async function reviewStep(to: ReviewStatus, args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { by: { type: 'string' }, note: { type: 'string' }, 'keep-status': { type: 'boolean' } });
  if (positionals.length !== 1) throw usageError(REVIEW_USAGE);
  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, positionals[0]!);
  const current = must(await api['review.current']({ vendorId: vendor.id }));
  if (!current) throw inputError(`${vendor.name} has no review yet (answer a question with \`vetted answer\`)`);
  const from = current.review.status;
  const moved = must(
    await api['review.transition']({
      reviewId: current.review.id,
      to,
      by: values.by,
      note: values.note,
      activateProvider: !values['keep-status'],
    }),
  );
  const step = moved.steps.at(-1);
  const out = [
    `${vendor.name}: review ${shortId(moved.review.id)} ${labelOf(REVIEW_STATUS_LABELS, from)} → ${labelOf(REVIEW_STATUS_LABELS, moved.review.status)}` +
      (step ? ` by ${step.by}` : '') + '.',
  ];
  if (!isOpenStatus(moved.review.status)) {
    const after = await findVendor(api, vendor.id);
    const due = after.reassessment;
    out.push(`Answers and score are frozen. ${due.due ? `Next review due ${due.due}.` : 'No next review date: the provider has no approval.'}`);
    if (after.status !== vendor.status) out.push(`${vendor.name} is now ${after.status} (was ${vendor.status}).`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

/**
 * Starts the provider's next review (review.start): on --template when given, else on the latest
 * review's template (from its answers), else on the category's default from Settings, else on the
 * built-in one. An open review on the same template is left as it is; one on another template is
 * a conflict (the API's message names both).
 */
async function reviewNew(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { template: { type: 'string' } });
  if (positionals.length !== 1) throw usageError(REVIEW_USAGE);
  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, positionals[0]!);
  const before = must(await api['review.current']({ vendorId: vendor.id }));
  const started = must(await api['review.start']({ vendorId: vendor.id, templateId: values.template }));
  if (before && started.review.id === before.review.id) {
    process.stdout.write(
      `${vendor.name} already has an open review ${shortId(before.review.id)} (${labelOf(REVIEW_STATUS_LABELS, before.review.status)}): nothing started.\n` +
        `Questionnaire: “${before.template.name}” (${before.template.id} v${before.template.version}).\n`,
    );
    return;
  }
  const sameTemplate = before?.review.templateId === started.review.templateId;
  const carried = sameTemplate
    ? `, with ${started.answers.length} answer${started.answers.length === 1 ? '' : 's'} carried from the last review`
    : before
      ? ', empty: answers carry over only to the same template'
      : '';
  process.stdout.write(
    `Started review ${shortId(started.review.id)} of ${vendor.name} (draft${carried}).\n` +
      `Questionnaire: “${started.template.name}” (${started.template.id} v${started.template.version}).\n`,
  );
}
