// `npm run bench`: runs every benchmark once and prints a table of figures against goals.
import { benchAutosave } from './autosave';
import { benchCalendarMonth, calendarRows } from './calendar-month';
import { benchImport } from './import';
import { benchIncidents, incidentRows } from './incidents';
import { benchMaintenanceOverlaps, maintenanceRow } from './maintenance-overlaps';
import { benchRenderer, rendererRows } from './renderer';
import { benchReports } from './reports';
import { benchScoring } from './scoring';
import { fmt } from './stats';

const rows: string[][] = [];
const autosave = await benchAutosave();
rows.push([
  `Autosave ${autosave.saves} answers: dispatcher vs raw upsert`,
  `${fmt(autosave.dispatcher.perOpUs, 0)} µs vs ${fmt(autosave.raw.perOpUs, 0)} µs per save (×${fmt(autosave.ratio)}); p99 ${fmt(autosave.dispatcher.p99Ms)} ms vs ${fmt(autosave.raw.p99Ms)} ms`,
  '≤ 2×, p99 < 2 ms',
  autosave.ratio <= 2 && autosave.dispatcher.p99Ms < 2 ? 'met' : 'missed',
]);

const imported = await benchImport();
rows.push([
  `Import ${imported.providers} providers × ${imported.answers / imported.providers} answers: register.import vs raw inserts`,
  `${fmt(imported.apiMs, 0)} ms vs ${fmt(imported.rawMs, 0)} ms (×${fmt(imported.ratio)})`,
  '≤ 3×',
  imported.ratio <= 3 ? 'met' : 'missed',
]);

const scoring = benchScoring();
rows.push([
  `Score ${scoring.reviews} reviews × 80 answers vs a plain summing loop`,
  `${fmt(scoring.scoreMs, 0)} ms vs ${fmt(scoring.loopMs, 0)} ms (×${fmt(scoring.ratio)})`,
  '≤ 100 ms, ≤ 5×',
  scoring.scoreMs <= 100 && scoring.ratio <= 5 ? 'met' : 'missed',
]);

rows.push(maintenanceRow(benchMaintenanceOverlaps()));

const reports = await benchReports();
rows.push([
  'Vendor review report PDF (warm, median of 7)',
  `${fmt(reports.vendorReportMs.median, 0)} ms (min ${fmt(reports.vendorReportMs.min, 0)} ms)`,
  '≤ 300 ms',
  reports.vendorReportMs.median <= 300 ? 'met' : 'missed',
]);
for (const a of reports.appendix) {
  rows.push([
    `Subprocessor appendix, ${a.providers} providers (${a.listed} listed)`,
    `${fmt(a.ms, 0)} ms, ${fmt(a.perProviderMs, 2)} ms per provider, ${Math.round(a.bytes / 1024)} KB, ${a.pages} pages`,
    a.providers === 300 ? '≤ 35 pages' : '',
    a.providers === 300 ? (a.pages <= 35 ? 'met' : 'missed') : '',
  ]);
}
const first = reports.appendix[0]!;
const last = reports.appendix[reports.appendix.length - 1]!;
const growth = last.perProviderMs / first.perProviderMs;
rows.push([
  `Appendix per-provider cost, ${last.providers} vs ${first.providers}`,
  `×${fmt(growth)}`,
  '≤ 1.2×',
  growth <= 1.2 ? 'met' : 'missed',
]);

rows.push(...rendererRows(await benchRenderer()));
rows.push(...calendarRows(await benchCalendarMonth()));
rows.push(...incidentRows(await benchIncidents()));

const header = ['Benchmark', 'Measured', 'Goal', 'Result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
