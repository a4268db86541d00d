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
import { orderLine, type LaidOutLine } from '../../../shared/reports/bidi';
import { loadOnUse } from './load-on-use';

interface ElementWriterClass {
  prototype: { alignLine(this: unknown, line: LaidOutLine & { bidiOrdered?: boolean }): void; bidiHooked?: boolean };
}


/** Installs the hook (once per process; calling it again does nothing). */
export function installBidiLines(): void {
  // pdfmake's own copy (no type declarations; typed above), loaded with pdfmake by the first render.
  const ElementWriterModule = loadOnUse<{ default?: unknown }>('pdfmake/js/ElementWriter.js');
  const ElementWriter = (ElementWriterModule.default ?? ElementWriterModule) as ElementWriterClass;
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
