// What `vetted receive` prints: where the file says it comes from and its digest, the diff against
// the open review grouped by kind, what was left out and why, the score before → after, and what
// was taken (or that nothing was).
import { providerWho } from '../../../shared/audit/provider-source';
import type { QuestionnaireReceipt, ReceiveRow, ScoreBrief } from '../../../shared/domain/vendor-exchange';
import { percent, score } from '../format';

const FORMAT_WORDS: Record<QuestionnaireReceipt['format'], string> = {
  vetted: 'Vetted answers file (from the questionnaire page)',
  vsaq: 'VSAQ answers (a flat map of item id → value)',
};

/** A value or comment as one short line. */
function oneLine(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function rowLines(row: ReceiveRow, show: 'given' | 'both'): string[] {
  const out = [`  ${row.questionId}  ${oneLine(row.questionText)}${row.accepted ? '  [accepted]' : ''}`];
  out.push(show === 'both' && row.held ? `      ${oneLine(row.held.label, 60)} → ${oneLine(row.given.label, 60)}` : `      → ${oneLine(row.given.label)}`);
  if (row.comment !== '') out.push(`      Provider's comment${row.commentChanged ? '' : ' (as held)'}: "${oneLine(row.comment)}"`);
  return out;
}

function scoreWords(s: ScoreBrief): string {
  return `${score(s.overall)} (${s.residual === null ? 'no residual tier yet' : `residual ${s.residual}`}, ${percent(s.completion)} answered)`;
}

export function receiptLines(receipt: QuestionnaireReceipt, file: string, options: { verbose: boolean; reviewer: string }): string[] {
  const out: string[] = [];
  const { rows, rejected, counts } = receipt;
  out.push(`${receipt.dryRun ? 'Dry run: nothing was written. ' : ''}Answers file ${file}`);
  out.push(`  Format      ${FORMAT_WORDS[receipt.format]}`);
  out.push(`  Request     ${receipt.request?.id ?? '(none: a VSAQ file names no request)'}`);
  out.push(`  Provider    ${receipt.vendor.name}`);
  out.push(`  Contact     ${receipt.contact ?? '(not given)'}`);
  out.push(`  Respondent  ${receipt.respondent === null || receipt.respondent === '' ? '(not given)' : receipt.respondent}`);
  if (receipt.digest.stated !== null) {
    out.push(`  SHA-256     ${receipt.digest.stated} stated by the file, and computed here the same`);
    out.push("              compare it with the digest in the provider's e-mail, or ask the provider to confirm it:");
    out.push('              only that shows this is the file they saved (--expect-sha256 HEX checks it for you)');
  } else {
    out.push(`  SHA-256     ${receipt.digest.computed} computed here (the file states none)`);
  }
  out.push(
    `  Review      ${receipt.review.starts ? 'a new draft review will be started' : `the open review ${receipt.review.id?.slice(0, 8) ?? ''}`} (${receipt.review.templateId} v${receipt.review.templateVersion})`,
  );
  if (receipt.moved) out.push(`  Moved       the answers were for template v${receipt.moved.fromVersion} and were moved to v${receipt.moved.toVersion}`);

  const of = (change: ReceiveRow['change']) => rows.filter((r) => r.change === change);
  const newRows = of('new');
  const changedRows = of('changed');
  out.push('', `New (${counts.new}):`);
  if (newRows.length === 0) out.push('  none');
  for (const row of newRows) out.push(...rowLines(row, 'given'));
  out.push('', `Changed (${counts.changed}):`);
  if (changedRows.length === 0) out.push('  none');
  for (const row of changedRows) out.push(...rowLines(row, 'both'));
  // Unchanged answers with a new provider comment are something to take: listed, not just counted.
  const unchangedWithComment = of('unchanged').filter((r) => r.acceptable);
  out.push('', `Unchanged: ${counts.unchanged}${counts.unchanged > 0 && !options.verbose ? ' (--verbose lists them)' : ''}`);
  for (const row of options.verbose ? of('unchanged') : unchangedWithComment) out.push(...rowLines(row, 'given'));
  const empty = of('empty');
  out.push('', `Left empty by the provider: ${counts.empty}`);
  // One left empty with a new comment brings that comment: listed, so --accept all takes nothing unseen.
  for (const row of empty) {
    if (row.acceptable) out.push(`  ${row.questionId}  ${oneLine(row.questionText)}`, `      no answer; Provider's comment: "${oneLine(row.comment)}"`);
    else if (options.verbose) out.push(`  ${row.questionId}  ${oneLine(row.questionText)}`);
  }
  out.push('', `Rejected (${counts.rejected}): ${counts.rejected === 0 ? 'none' : 'left out, the rest can still be taken'}`);
  for (const r of rejected) out.push(`  ${r.questionId}  given ${oneLine(r.given, 60)}: ${r.reason}`);

  if (receipt.score) {
    const line =
      receipt.accepted.length > 0
        ? `Score: ${scoreWords(receipt.score.before)} before → ${scoreWords(receipt.score.after)} now`
        : `Score if accepted: ${scoreWords(receipt.score.before)} now → ${scoreWords(receipt.score.after)} with them`;
    out.push('', line);
  }
  out.push('');
  const who = providerWho(receipt);
  if (receipt.accepted.length > 0) {
    out.push(
      `Accepted ${plural(receipt.accepted.length, 'answer')} into the review of ${receipt.vendor.name} as answered by the provider${who ? ` (${who})` : ''}; ` +
        `accepted by ${options.reviewer || '(no user name set)'}.`,
    );
  } else {
    const acceptable = rows.filter((r) => r.acceptable).length;
    out.push(
      acceptable > 0
        ? `Nothing was taken (${plural(acceptable, 'answer')} could be); run again with --accept all or --accept ID,ID…`
        : counts.rejected > 0
          ? 'Nothing could be taken: every answer that differs from the review was left out (see Rejected).'
          : 'Nothing could be taken: the file holds nothing the review does not already have.',
    );
  }
  return out;
}
