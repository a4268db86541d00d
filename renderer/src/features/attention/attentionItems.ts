// The attention list as groups of lines, each a link to where the thing can be dealt with.
import type { Attention } from '../../../../shared/api';
import { EVIDENCE_KIND_LABELS, labelOf } from '../../../../shared/domain/labels';
import { hrefs } from '../../app/router';
import { formatDay, relativeDay } from './dates';
import { incidentLines } from './incidentLines';
import { maintenanceLines } from './maintenanceLines';
import { concentrationLines } from './concentrationLines';

export type Tone = 'danger' | 'warning';

export interface AttentionLine {
  key: string;
  href: string;
  vendorName: string;
  /** What is wrong, after the provider's name. */
  text: string;
  /** When, in words ("overdue since 3 Mar 2026 (12 days ago)"). */
  when: string;
  tone: Tone;
  /** A second provider the line is about (two providers' maintenance overlapping), with its own link. */
  partner?: { vendorName: string; href: string };
}

export interface AttentionGroup {
  id: 'reviews' | 'findings' | 'evidence' | 'acceptances' | 'incidents' | 'maintenance' | 'concentration';
  title: string;
  lines: AttentionLine[];
  /** The counts when the lines are only the first ones (maintenance on a large register). */
  counts?: { danger: number; warning: number };
  /** Items not listed here, and where they all are. */
  more?: { count: number; href: string; label: string };
}

const since = (date: string, today: string) => `${formatDay(date)} (${relativeDay(date, today)})`;

export function attentionGroups(a: Attention): AttentionGroup[] {
  const groups: AttentionGroup[] = [
    {
      id: 'reviews',
      title: 'Reviews due',
      lines: a.reviews.map((r) => {
        const overdue = r.state === 'overdue';
        return {
          key: `review-${r.vendorId}`,
          href: hrefs.provider(r.vendorId),
          vendorName: r.vendorName,
          text: overdue ? 'Review overdue' : 'Review due soon',
          when: `${overdue ? 'was due' : 'due'} ${since(r.due ?? a.today, a.today)}`,
          tone: overdue ? 'danger' : 'warning',
        };
      }),
    },
    {
      id: 'findings',
      title: 'Findings',
      lines: a.findings.map((f) => {
        // An accepted finding whose acceptance ran out is open again; otherwise it is past due.
        const acceptanceLapsed = f.status === 'accepted' && f.acceptance?.state === 'expired';
        return {
          key: `finding-${f.id}`,
          href: hrefs.findings(f.vendorId),
          vendorName: f.vendorName,
          text: f.title,
          when: acceptanceLapsed
            ? `acceptance expired ${since(f.acceptance!.expiresOn, a.today)}`
            : f.dueDate
              ? `was due ${since(f.dueDate, a.today)}`
              : 'overdue',
          tone: 'danger',
        };
      }),
    },
    {
      id: 'evidence',
      title: 'Evidence',
      lines: a.evidence.map((e) => {
        const expired = e.state === 'expired';
        return {
          key: `evidence-${e.id}`,
          href: hrefs.evidence(e.vendorId),
          vendorName: e.vendorName,
          text: e.title || `${labelOf(EVIDENCE_KIND_LABELS, e.kind)} (${e.fileName})`,
          when: `${expired ? 'expired' : 'expires'} ${since(e.expiresOn ?? a.today, a.today)}`,
          tone: expired ? 'danger' : 'warning',
        };
      }),
    },
    {
      id: 'acceptances',
      title: 'Expired risk acceptances',
      lines: a.acceptances.map((acc) => ({
        key: `acceptance-${acc.id}`,
        href: hrefs.provider(acc.vendorId),
        vendorName: acc.vendorName,
        text: `Acceptance of ${acc.subject}`,
        when: `expired ${since(acc.expiresOn, a.today)}`,
        tone: 'danger',
      })),
    },
    {
      id: 'incidents',
      title: 'Incidents',
      lines: incidentLines(a.incidents),
    },
    maintenanceGroup(a),
    {
      id: 'concentration',
      title: 'Concentration on fourth parties',
      // Absent in an answer from a register older than the concentration view.
      lines: concentrationLines(a.concentration ?? []),
    },
  ];
  return groups.filter((g) => g.lines.length > 0);
}

/**
 * The maintenance group: the service sends the first warnings of each kind (critical first) and
 * the totals, so the chips count them all and a last line says how many more the calendar lists.
 */
function maintenanceGroup(a: Attention): AttentionGroup {
  const m = a.maintenance;
  const lines = maintenanceLines(m);
  const total = m.totals.overlaps + m.totals.blackouts + m.totals.shortNotice;
  const group: AttentionGroup = { id: 'maintenance', title: 'Maintenance in the next 90 days', lines };
  if (total === lines.length) return group;
  const count = total - lines.length;
  return {
    ...group,
    counts: { danger: m.totals.critical, warning: total - m.totals.critical },
    more: { count, href: hrefs.calendar, label: `${count} more ${count === 1 ? 'warning' : 'warnings'}: see them all in the maintenance calendar` },
  };
}
