// `npm run bench`: runs every benchmark once and prints a table of figures against goals. Where a
// benchmark has a floor — the least the same work can cost, measured in the same run (a raw
// upsert, a plain loop, `node -e 0`…) — the row shows it and the ratio, which holds across
// machines and load where milliseconds do not.
import { benchAutosave } from './autosave';
import { benchCliStart } from './cli-start';
import { benchCalendarMonth, calendarRows } from './calendar-month';
import { benchConcentration, concentrationRow } from './concentration';
import { benchImport } from './import';
import { benchIncidents, incidentRows } from './incidents';
import { benchMaintenanceOverlaps, maintenanceRow } from './maintenance-overlaps';
import { benchRenderer, rendererRows } from './renderer';
import { benchReportClick } from './report-click';
import { benchReports } from './reports';
import { benchScoring } from './scoring';
import { fmt } from './stats';
import { benchVendorList } from './vendor-list';

/** Benchmark, measured, floor (same run), ratio to the floor, goal, result. */
const rows: string[][] = [];
/** A row of a benchmark without a floor: [name, measured, goal, result]. */
const plain = ([name, measured, goal, result]: string[]) => [name!, measured!, '—', '—', goal!, result!];
const ratio = (n: number) => `×${fmt(n)}`;

const cli = await benchCliStart();
rows.push([
  `\`vetted list\`, demo register, whole process (${cli.runs.includes('bundle') ? 'bundle' : 'sources through tsx'})`,
  `${fmt(cli.listMs, 0)} ms`,
  `\`node -e 0\` ${fmt(cli.nodeMs, 0)} ms`,
  ratio(cli.listRatio),
  '≤ 3×',
  cli.listRatio <= 3 ? 'met' : 'missed',
]);
rows.push([
  '`vetted serve`, spawn to listening',
  `${fmt(cli.serveMs, 0)} ms`,
  `bare Node HTTP server ${fmt(cli.serveFloorMs, 0)} ms`,
  ratio(cli.serveRatio),
  '≤ 400 ms',
  cli.serveMs <= 400 ? 'met' : 'missed',
]);

const listing = await benchVendorList();
rows.push([
  `vendor.list, ${listing.providers} fully answered providers, warm (median of 9)`,
  `${fmt(listing.warmMs, 0)} ms (after one answer saved ${fmt(listing.afterSaveMs, 0)} ms)`,
  `provider rows read ${fmt(listing.floorMs, 0)} ms`,
  ratio(listing.ratio),
  '≤ 150 ms',
  listing.warmMs <= 150 ? 'met' : 'missed',
]);
// Judged as well: every app start and every `vetted list` (a new process) pays the first listing.
rows.push([
  `vendor.list, ${listing.providers} providers, the first after opening a register listed before (new connection; ${listing.coldFromFile} scores from the file, ${listing.coldComputed} computed)`,
  `${fmt(listing.coldMs, 0)} ms`,
  `provider rows read ${fmt(listing.floorMs, 0)} ms`,
  ratio(listing.coldMs / listing.floorMs),
  '≤ 150 ms',
  listing.coldMs <= 150 ? 'met' : 'missed',
]);
rows.push(
  plain([
    `vendor.list, ${listing.providers} providers, the first ever (every score computed, then stored in the file)`,
    `${fmt(listing.firstEverMs, 0)} ms`,
    '(once per register and version of Vetted)',
    '—',
  ]),
);

const autosave = await benchAutosave();
rows.push([
  `Autosave ${autosave.saves} answers: dispatcher vs raw upsert`,
  `${fmt(autosave.dispatcher.perOpUs, 0)} µs per save; p99 ${fmt(autosave.dispatcher.p99Ms)} ms`,
  `raw upsert ${fmt(autosave.raw.perOpUs, 0)} µs; p99 ${fmt(autosave.raw.p99Ms)} ms`,
  ratio(autosave.ratio),
  '≤ 2×, p99 < 2 ms',
  autosave.ratio <= 2 && autosave.dispatcher.p99Ms < 2 ? 'met' : 'missed',
]);

const imported = await benchImport();
rows.push([
  `Import ${imported.providers} providers × ${imported.answers / imported.providers} answers: register.import`,
  `${fmt(imported.apiMs, 0)} ms`,
  `raw inserts ${fmt(imported.rawMs, 0)} ms`,
  ratio(imported.ratio),
  '≤ 3×',
  imported.ratio <= 3 ? 'met' : 'missed',
]);

const scoring = await benchScoring();
rows.push([
  `Score ${scoring.reviews} reviews × 80 answers with the explanation (score panel, reports, vetted score)`,
  `${fmt(scoring.explainedMs, 0)} ms`,
  `plain summing loop ${fmt(scoring.loopMs, 0)} ms`,
  ratio(scoring.explainedMs / scoring.loopMs),
  '≤ 100 ms, ≤ 5×',
  scoring.explainedMs <= 100 && scoring.explainedMs / scoring.loopMs <= 5 ? 'met' : 'missed',
]);
rows.push([
  `Score ${scoring.reviews} reviews × 80 answers as the register lists them (no explanation)`,
  `${fmt(scoring.scoreMs, 0)} ms`,
  `plain summing loop ${fmt(scoring.loopMs, 0)} ms`,
  ratio(scoring.ratio),
  '≤ 100 ms, ≤ 5×',
  scoring.scoreMs <= 100 && scoring.ratio <= 5 ? 'met' : 'missed',
]);

rows.push(plain(maintenanceRow(benchMaintenanceOverlaps())));
rows.push(concentrationRow(benchConcentration()));

const reports = await benchReports();
rows.push(plain([
  'Vendor review report PDF (warm, median of 7)',
  `${fmt(reports.vendorReportMs.median, 0)} ms (min ${fmt(reports.vendorReportMs.min, 0)} ms)`,
  '≤ 300 ms',
  reports.vendorReportMs.median <= 300 ? 'met' : 'missed',
]));
for (const a of reports.appendix) {
  rows.push(plain([
    `Subprocessor appendix, ${a.providers} providers (${a.listed} listed)`,
    `${fmt(a.ms, 0)} ms, ${fmt(a.perProviderMs, 2)} ms per provider, ${Math.round(a.bytes / 1024)} KB, ${a.pages} pages`,
    a.providers === 300 ? '≤ 35 pages' : '',
    a.providers === 300 ? (a.pages <= 35 ? 'met' : 'missed') : '',
  ]));
}
const click = await benchReportClick();
rows.push([
  'Review report PDF from the app: click to file, warm (browser mode, demo register)',
  `${fmt(click.warmMs, 0)} ms (first export ${fmt(click.firstMs, 0)} ms)`,
  `the same report over HTTP ${fmt(click.serverMs, 0)} ms`,
  ratio(click.ratio),
  '≤ 1 s',
  click.warmMs <= 1000 ? 'met' : 'missed',
]);
const first = reports.appendix[0]!;
const last = reports.appendix[reports.appendix.length - 1]!;
const growth = last.perProviderMs / first.perProviderMs;
rows.push([
  `Appendix per-provider cost, ${last.providers} providers`,
  `${fmt(last.perProviderMs, 2)} ms a provider`,
  `the same at ${first.providers}: ${fmt(first.perProviderMs, 2)} ms`,
  ratio(growth),
  '≤ 1.2×',
  growth <= 1.2 ? 'met' : 'missed',
]);

rows.push(...rendererRows(await benchRenderer()).map(plain));
rows.push(...calendarRows(await benchCalendarMonth()).map(plain));
rows.push(...incidentRows(await benchIncidents()).map(plain));

const header = ['Benchmark', 'Measured', 'Floor (same run)', 'Ratio', 'Goal', 'Result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
