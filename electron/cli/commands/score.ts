import { questionNumbers } from '../../../shared/domain/question-numbering';
import { percent, score, table } from '../format';
import type { Session } from '../session';
import { findVendor, must } from '../session';

export async function scoreCommand(session: Session, vendorRef: string, json: boolean): Promise<void> {
  const vendor = await findVendor(session.api, vendorRef);
  const result = must(await session.api['score.get']({ vendorId: vendor.id }));
  if (json) {
    process.stdout.write(JSON.stringify({ vendor: { id: vendor.id, name: vendor.name }, score: result }, null, 2) + '\n');
    return;
  }
  if (!result) {
    process.stdout.write(`${vendor.name}: no review started yet (answer a question with \`vetted answer\`).\n`);
    return;
  }
  // Questions by number and id: the blockers name numbers ("2.4"), `vetted answer` takes either.
  const template = must(await session.api['review.current']({ vendorId: vendor.id }))?.template;
  const numbers = template ? questionNumbers(template.sections) : new Map<string, string>();
  const ref = (id: string) => (numbers.has(id) ? `${numbers.get(id)} ${id}` : id);
  const out: string[] = [];
  out.push(`${vendor.name}`);
  out.push(`  Score      ${score(result.overall)}${result.state === 'incomplete' ? ' (provisional: review incomplete)' : ''}`);
  out.push(`  Tier       ${result.tier ?? '-'}   (inherent ${result.inherent}, residual ${result.residual ?? '-'})`);
  out.push(`  Completion ${percent(result.completion)}`);
  out.push(`  Coverage   ${result.coverage === null ? `not recorded (model ${result.model})` : percent(result.coverage)}`);
  out.push(`  Model      ${result.model}`);
  for (const b of result.blockers) out.push(`  No tier    ${b}`);
  for (const k of result.knockouts) out.push(`  Knock-out  ${k.questionText} → ${k.answerLabel} (forces ${k.tier}${k.raised ? ', one higher: critical path' : ''})`);
  for (const c of result.conflicts) out.push(`  Conflict   ${c.message}`);
  out.push('');
  out.push(table(['Section', 'Score', 'Answered'], result.sections.map((s) => [s.title, score(s.score), `${s.answered}/${s.total}`])));
  if (result.explanation.length > 0) {
    out.push('');
    out.push('Why points were lost (biggest first):');
    for (const p of result.explanation) {
      out.push(`  -${p.pointsLost.toFixed(1).padStart(5)}  ${p.questionText} → ${p.answerLabel}${p.knockout ? ` [knock-out: ${p.knockout}]` : ''}`);
      out.push(`          ${p.reason}`);
    }
  }
  if (result.open.length > 0) {
    out.push('');
    out.push('Not answered:');
    for (const q of result.open) out.push(`  ${ref(q.questionId)}${q.mustHave ? ' (must-have)' : ''}${q.naRefused ? ' (marked N/A, not allowed here)' : ''}  ${q.questionText}`);
  }
  if (result.notApplicable.length > 0) {
    out.push('');
    out.push('Not applicable:');
    for (const q of result.notApplicable) out.push(`  ${ref(q.questionId)}  ${q.questionText} → ${q.answerLabel}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}
