// `vetted due [--within DAYS]`: when each provider's next review is due, soonest first.
import { DUE_STATE_LABELS, labelOf } from '../../../shared/domain/labels';
import { parse, wholeNumberFlag } from '../args';
import { usageError } from '../cli-error';
import { alertWords } from '../../../shared/reports/concentration-words';
import { table } from '../format';
import { must, openSession } from '../session';

export const DUE_USAGE = 'usage: vetted due [--within DAYS] [--json]';

export async function dueCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { within: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw usageError(DUE_USAGE);
  const withinDays = wholeNumberFlag('within', values.within, 0, 3660);
  const session = await openSession(values.db);
  const entries = must(await session.api['reassessment.list']({ withinDays }));
  if (values.json) {
    process.stdout.write(JSON.stringify(entries, null, 2) + '\n');
    return;
  }
  if (entries.length === 0) {
    process.stdout.write(withinDays === undefined ? 'The register is empty.\n' : `No review is due within ${withinDays} days.\n`);
  } else {
    process.stdout.write(
      table(
        ['Provider', 'Tier', 'Approved on', 'Next review', 'State'],
        entries.map((e) => [
          e.vendorName,
          e.tier ?? '-',
          e.approvedOn ?? '-',
          e.due ? `${e.due}${e.source === 'manual' ? ' (set by hand)' : ''}` : '-',
          labelOf(DUE_STATE_LABELS, e.state).toLowerCase(),
        ]),
      ) + '\n',
    );
  }
  // Needs attention's concentration items: a fourth party carrying more of the critical path than Settings allow.
  const { alerts } = must(await session.api['concentration.get']({}));
  if (alerts.length > 0) {
    process.stdout.write(['', `Concentration above the threshold (${alerts.length}; see vetted concentration):`, ...alerts.map((a) => `  ${alertWords(a)}`)].join('\n') + '\n');
  }
}
