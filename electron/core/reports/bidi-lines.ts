// The hook that puts right-to-left text in visual order line by line, after pdfmake has broken
// the lines (UAX #9 L1–L2; the rules are in shared/reports/bidi.ts, the levels come from
// applyFontRuns in shared/reports/script-runs.ts).
//
// pdfmake has no bidi support and no public hook between line breaking and drawing. Every line
// it lays out (body, tables, headers and footers) goes through ElementWriter.alignLine once it has
// been placed and before it is aligned and drawn, so that is where the line's words are
// reordered. A line may be placed twice (pdfmake tries again on the next page when it does not
// fit), so each line is reordered once. Lines without bidi marks are left alone, so documents
// without right-to-left text come out byte for byte as before. pdfmake is pinned in
// package-lock.json; test/integration/bidi-report.test.ts fails if this hook stops working.
// @ts-expect-error pdfmake ships no type declarations; the slice used here is typed below.
import ElementWriterModule from 'pdfmake/js/ElementWriter.js';
import { orderLine, type LaidOutLine } from '../../../shared/reports/bidi';

interface ElementWriterClass {
  prototype: { alignLine(this: unknown, line: LaidOutLine & { bidiOrdered?: boolean }): void; bidiHooked?: boolean };
}

const ElementWriter = ((ElementWriterModule as { default?: unknown }).default ?? ElementWriterModule) as ElementWriterClass;

/** Installs the hook (once per process; calling it again does nothing). */
export function installBidiLines(): void {
  const proto = ElementWriter.prototype;
  if (proto.bidiHooked) return;
  const alignLine = proto.alignLine;
  proto.alignLine = function (this: unknown, line) {
    if (!line.bidiOrdered) {
      line.bidiOrdered = true;
      orderLine(line);
    }
    alignLine.call(this, line);
  };
  proto.bidiHooked = true;
}
