// The review report's last lines: the audit trail's chain head as it stood at the end of the
// report's date, so a later rewrite of the trail contradicts the paper (docs/security.md), and the
// same register and date still give the same bytes when entries are written afterwards. A document states only what
// the register holds: when the chain does not verify, no head is printed, and the report says
// where the trail failed instead.
import type { AuditChainCheck } from '../domain/audit';
import type { DocNode } from './types';
import { heading, keepWithNext, paragraph } from './blocks';

/** The trail as it stood at the end of `asOf` (entries written later are not part of it). */
export interface ReportAuditChain {
  check: AuditChainCheck;
  asOf: string;
}

/** Entries inside the stated part but dated after its day: said, never hidden in the count. */
function datedLaterWords(check: AuditChainCheck, asOf: string): string {
  const n = check.datedLater ?? 0;
  if (n === 0) return '';
  const which = n === 1 ? '1 of these entries is' : `${n} of these entries are`;
  return ` ${which} dated after ${asOf}: an import appends the entries it carries, with the dates they were first written, after the register's own.`;
}

export function auditChainPart({ check, asOf }: ReportAuditChain): DocNode[] {
  const entries = `${check.rows} ${check.rows === 1 ? 'entry' : 'entries'}`;
  let body: DocNode[];
  if (check.ok && check.head) {
    body = [
      // The hash as one unbroken word (plain() would put a zero-width space in it every 40
      // characters), so it is read and copied from the PDF exactly; it wraps whole when it must.
      { text: [`Audit trail up to ${asOf}: ${entries}, chain head `, { text: check.head.hash, noWrap: true }], style: 'paragraph' },
      paragraph(
        `Every entry up to the last one dated on or before ${asOf} (UTC), which is the head, entry ${check.head.id}; verified when this report was made. Each entry's hash covers the one before it: a trail rewritten after this report would not pass through this head.${datedLaterWords(check, asOf)}`,
        ['small', 'muted'],
      ),
    ];
  } else if (check.ok) {
    body = [paragraph(`Audit trail: no entries dated on or before ${asOf}.`)];
  } else {
    const broken = check.firstBroken!;
    body = [
      { text: `The audit trail failed verification at entry ${broken.id} (written ${broken.at}): ${broken.reason}.`, style: 'paragraph', bold: true },
      paragraph(`No chain head is printed: the ${entries} of the trail up to ${asOf} cannot be vouched for past that entry. Run \`vetted audit verify\` for details.`, ['small', 'muted']),
    ];
  }
  return keepWithNext(heading('Audit trail', 3), body);
}
