// `vetted review migrate VENDOR [--to-version N]`: moves the provider's open review to a newer
// version of its template (review.migrate); answers that no longer fit are listed.
import { inputError, usageError } from '../cli-error';
import type { Session } from '../session';
import { findVendor, must } from '../session';

export const REVIEW_MIGRATE_USAGE = 'usage: vetted review migrate VENDOR [--to-version N] [--db FILE]';

export async function reviewMigrateCommand(session: Session, vendorRef: string | undefined, flags: { 'to-version'?: string }): Promise<void> {
  if (!vendorRef) throw usageError(REVIEW_MIGRATE_USAGE);
  let toVersion: number | undefined;
  if (flags['to-version'] !== undefined) {
    toVersion = Number(flags['to-version']);
    if (!/^\d+$/.test(flags['to-version']) || !Number.isSafeInteger(toVersion) || toVersion < 1) {
      throw inputError(`--to-version: expected a whole number from 1, got "${flags['to-version']}"`);
    }
  }
  const { api } = session;
  const vendor = await findVendor(api, vendorRef);
  const current = must(await api['review.current']({ vendorId: vendor.id }));
  if (!current) throw inputError(`${vendor.name} has no review to move (start one with \`vetted answer\`)`);
  const result = must(await api['review.migrate']({ reviewId: current.review.id, toVersion }));
  const { review } = result.review;
  const out = [
    `Moved ${vendor.name} from ${current.review.templateId} v${current.review.templateVersion} to v${review.templateVersion} (new draft review ${review.id}).`,
    `Carried ${result.carried.length} answer${result.carried.length === 1 ? '' : 's'}; ${result.unmatched.length} unmatched.`,
    ...result.unmatched.map((u) => `  ${u.questionId}: ${u.reason}`),
  ];
  process.stdout.write(out.join('\n') + '\n');
}
