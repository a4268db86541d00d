// Compare providers in the real renderer, against `vetted serve --demo`: from the register's
// selection and from a provider page, the URL state, best/worst marks, the filters, the keyboard,
// virtualised rows, and the CSV and PDF exports read back from the downloads.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Download, Page } from 'playwright-core';
import type { Comparison } from '../../shared/compare';
import { scoreText } from '../../shared/format';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { tempDir } from '../helpers/tmp';
import { callApi, openApp, screenshot, startServe, type Served } from './harness';

const SECTION_TITLES = INFRASTRUCTURE_TEMPLATE.sections.map((s) => s.title);
const TOTAL_QUESTIONS = INFRASTRUCTURE_TEMPLATE.sections.reduce((n, s) => n + s.questions.length, 0);

async function vendorIds(served: Served): Promise<Map<string, string>> {
  const vendors = await callApi<{ id: string; name: string }[]>(served, 'vendor.list', {});
  return new Map(vendors.map((v) => [v.name, v.id]));
}

/** Waits until the browser has painted what the last change rendered. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

/** The count line over the grid: "62 questions" or "Showing 20 of 62 questions". */
async function shownQuestions(page: Page): Promise<number> {
  const text = (await page.getByTestId('compare-count').textContent()) ?? '';
  const match = /^(?:Showing (\d+) of \d+|(\d+)) questions?$/.exec(text.trim());
  assert.ok(match, `a question count, got "${text}"`);
  return Number(match[1] ?? match[2]);
}

interface SeenRow {
  id: string;
  text: string;
  differs: boolean;
  marks: string[];
}

/**
 * Every question row of the grid, scrolling it from top to bottom: rows are virtualised, so only
 * those in view are in the DOM at a time.
 */
async function collectQuestionRows(page: Page): Promise<{ rows: Map<string, SeenRow>; maxInDom: number }> {
  const scroller = page.getByTestId('compare-scroll');
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await settle(page);
  const rows = new Map<string, SeenRow>();
  let maxInDom = 0;
  for (let step = 0; step < 500; step++) {
    const batch = await page.$$eval('[role=grid] [role=row]', (elements) =>
      elements.map((el) => ({
        kind: (el as HTMLElement).dataset.kind ?? 'header',
        id: (el as HTMLElement).dataset.questionId ?? '',
        text: el.querySelector('.cmp-question-text')?.textContent ?? '',
        differs: (el as HTMLElement).dataset.differs === 'true',
        marks: Array.from(el.querySelectorAll('[data-mark]'), (m) => m.textContent ?? ''),
      })),
    );
    maxInDom = Math.max(maxInDom, batch.filter((r) => r.kind !== 'header').length);
    for (const row of batch) if (row.kind === 'question') rows.set(row.id, row);
    const atEnd = await scroller.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop += Math.max(100, el.clientHeight * 0.7);
      return el.scrollTop === before;
    });
    await settle(page);
    if (atEnd) break;
  }
  return { rows, maxInDom };
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF between records). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      assert.equal(field, '', `a quote opens a field only at its start (record ${records.length + 1})`);
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      assert.notEqual(c, '\n', 'no bare LF between records');
      assert.notEqual(c, '\r', 'no bare CR between records');
      field += c;
    }
  }
  assert.equal(quoted, false, 'every quoted field is closed');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Clicks an export button and returns the file it downloads, saved to a temp folder. */
async function download(page: Page, buttonName: string): Promise<{ fileName: string; bytes: Buffer; file: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  return save(file);
}

async function save(file: Download): Promise<{ fileName: string; bytes: Buffer; file: string }> {
  const fileName = file.suggestedFilename();
  const target = path.join(tempDir('vetted-compare-'), fileName);
  await file.saveAs(target);
  return { fileName, bytes: fs.readFileSync(target), file: target };
}

const THREE = ['Tidewater Postgres', 'Burrow MQ', 'Gaugeworks'];

test('three providers from the register: side by side, kept in the address, marked, filtered and exported', async () => {
  const served = await startServe({ demo: true });
  const ids = await vendorIds(served);
  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres' }).waitFor();

  // Compare is off, and says why, until 2 to 6 providers are selected.
  const compare = page.getByRole('button', { name: 'Compare', exact: true });
  assert.equal(await compare.isDisabled(), true, 'nothing selected: Compare is off');
  await page.getByText('Select 2 to 6 providers to compare them.').waitFor();
  assert.match((await compare.getAttribute('aria-describedby')) ?? '', /\S/, 'the reason describes the button');
  await page.getByRole('checkbox', { name: `Select ${THREE[0]}` }).check();
  assert.equal(await compare.isDisabled(), true, 'one selected: still off');
  for (const name of THREE.slice(1)) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  assert.equal(await compare.isEnabled(), true, 'three selected: on');
  await compare.click();

  const heading = page.getByRole('heading', { name: 'Compare providers', level: 1 });
  await heading.waitFor();
  const expectedHash = `#/compare?ids=${THREE.map((n) => ids.get(n)).join(',')}`;
  assert.equal(new URL(page.url()).hash, expectedHash, 'the selection is in the address, in the order picked');
  const grid = page.getByRole('grid');
  const headerNames = async () =>
    (await grid.getByRole('columnheader').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  const expectHeaders = async () => {
    for (const name of THREE) await grid.getByRole('columnheader', { name: new RegExp(`^${name}\\b`) }).waitFor();
    const names = await headerNames();
    assert.equal(names.length, 4, 'the question column and one column per provider');
    THREE.forEach((name, i) => assert.ok(names[i + 1]!.startsWith(name), `column ${i + 2} is ${name}: ${names[i + 1]}`));
  };
  await expectHeaders();
  await grid.getByRole('columnheader', { name: /^Tidewater Postgres/ }).getByRole('link', { name: 'Tidewater Postgres' }).waitFor();

  // A reload shows the same comparison.
  await page.reload();
  await heading.waitFor();
  await expectHeaders();
  assert.equal(new URL(page.url()).hash, expectedHash);

  // Sections show scores; a section opens to its questions, with Best and Worst marks.
  const comparison = await callApi<Comparison>(served, 'compare.get', { vendorIds: THREE.map((n) => ids.get(n)) });
  const security = comparison.sections.find((s) => s.sectionId === 'security')!;
  const expand = page.getByRole('button', { name: `Expand ${security.title}` });
  assert.equal(await expand.getAttribute('aria-expanded'), 'false');
  await expand.click();
  const collapse = page.getByRole('button', { name: `Collapse ${security.title}` });
  await collapse.waitFor();
  assert.equal(await collapse.getAttribute('aria-expanded'), 'true');
  const marked = security.questions.find((q) => q.best.length > 0 && q.worst.length > 0);
  assert.ok(marked, 'the demo has a security question with a best and a worst answer');
  const markedRow = grid.locator(`[role=row][data-question-id="${marked.questionId}"]`);
  await markedRow.getByRole('rowheader', { name: new RegExp(marked.text.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
  await markedRow.getByText('▲ Best').first().waitFor();
  await markedRow.getByText('▼ Worst').first().waitFor();
  const cells = markedRow.getByRole('gridcell');
  for (const [i, column] of comparison.columns.entries()) {
    const text = (await cells.nth(i).textContent()) ?? '';
    assert.equal(text.includes('Best'), marked.best.includes(column.id), `${column.name}: Best as the API says`);
    assert.equal(text.includes('Worst'), marked.worst.includes(column.id), `${column.name}: Worst as the API says`);
  }
  await page.mouse.move(0, 0);
  await settle(page);
  await screenshot(page, 'compare');
  // Grey-scale (as printed, or for colour-blind readers): the marks still read as words.
  await page.evaluate(() => (document.documentElement.style.filter = 'grayscale(1)'));
  await screenshot(page, 'compare-grayscale');
  await page.evaluate(() => (document.documentElement.style.filter = ''));

  // Export comparison PDF (no filters): decided reviews only unless asked; these are drafts, so ask.
  await page.getByTestId('export-compare-draft').check();
  const pdf = await download(page, 'Export comparison PDF');
  assert.match(pdf.fileName, /\.pdf$/);
  assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const name of THREE) assert.ok(pdfText.includes(name), `the PDF names ${name}`);
  for (const title of SECTION_TITLES) assert.ok(pdfText.includes(title), `the PDF has the section ${title}`);
  assert.ok(pdfText.includes('DRAFT: not a decided review'), 'every page says DRAFT');
  await page.getByRole('status').filter({ hasText: pdf.fileName }).waitFor();

  // Expand all: every question is listed (rows are virtualised: fewer are in the DOM at a time).
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.getByRole('button', { name: 'Collapse all' }).waitFor();
  assert.equal(await shownQuestions(page), TOTAL_QUESTIONS);
  const all = await collectQuestionRows(page);
  assert.equal(all.rows.size, TOTAL_QUESTIONS, 'scrolling shows every question');
  assert.ok(all.maxInDom < TOTAL_QUESTIONS + SECTION_TITLES.length, `only rows in view are in the DOM (${all.maxInDom})`);
  for (const q of comparison.sections.flatMap((s) => s.questions)) {
    const marks = all.rows.get(q.questionId)!.marks;
    assert.equal(marks.filter((m) => m === '▲ Best').length, q.best.length, `${q.questionId}: one Best per best provider`);
    assert.equal(marks.filter((m) => m === '▼ Worst').length, q.worst.length, `${q.questionId}: one Worst per worst provider`);
  }

  // Differences only: fewer (or as many) rows, and every one differs.
  await page.getByRole('checkbox', { name: 'Differences only' }).check();
  await page.waitForFunction(() => /diff=1/.test(location.hash));
  const differing = comparison.sections.flatMap((s) => s.questions).filter((q) => q.differs);
  await page.getByTestId('compare-count').filter({ hasText: `Showing ${differing.length} of ${TOTAL_QUESTIONS} questions` }).waitFor();
  const diffRows = await collectQuestionRows(page);
  assert.ok(diffRows.rows.size <= all.rows.size);
  assert.equal(diffRows.rows.size, differing.length);
  for (const row of diffRows.rows.values()) assert.equal(row.differs, true, `${row.id} differs`);

  // CSV with Differences only: BOM, CRLF, one column per provider, parseable quotes, the same rows.
  const csv = await download(page, 'Export CSV');
  assert.match(csv.fileName, /\.csv$/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM');
  const csvText = csv.bytes.subarray(3).toString('utf8');
  assert.ok(csvText.includes('\r\n'), 'CRLF line endings');
  const records = parseCsv(csvText);
  const header = records[0]!;
  for (const name of THREE) assert.ok(header.includes(name), `a column for ${name}: ${header.join(' | ')}`);
  assert.ok(records.every((r) => r.length === header.length), 'every record has as many fields as the header');
  const idColumn = header.indexOf('Question ID');
  assert.ok(idColumn >= 0, 'a Question ID column');
  const csvQuestions = records.slice(1).map((r) => r[idColumn]!).filter((id) => id !== '');
  assert.deepEqual(new Set(csvQuestions), new Set(differing.map((q) => q.questionId)), 'the CSV has the rows shown');

  // Filter questions: only rows whose text or id has the words; kept in the address with the toggle.
  await page.getByRole('checkbox', { name: 'Differences only' }).uncheck();
  const box = page.getByRole('textbox', { name: 'Filter questions' });
  await box.pressSequentially('encypt');
  for (let i = 0; i < 3; i++) await box.press('ArrowLeft');
  await box.press('r'); // typing in the middle keeps the caret where it is
  assert.equal(await box.inputValue(), 'encrypt');
  await page.waitForFunction(() => /q=encrypt/.test(location.hash));
  const matching = comparison.sections.flatMap((s) => s.questions).filter((q) => /encrypt/i.test(`${q.text} ${q.questionId}`));
  assert.ok(matching.length > 0);
  await page.getByTestId('compare-count').filter({ hasText: `Showing ${matching.length} of ${TOTAL_QUESTIONS} questions` }).waitFor();
  const filtered = await collectQuestionRows(page);
  assert.equal(filtered.rows.size, matching.length);
  for (const row of filtered.rows.values()) assert.match(`${row.text} ${row.id}`, /encrypt/i);
  const filteredCsv = parseCsv((await download(page, 'Export CSV')).bytes.subarray(3).toString('utf8'));
  assert.deepEqual(
    new Set(filteredCsv.slice(1).map((r) => r[idColumn]!).filter((id) => id !== '')),
    new Set(matching.map((q) => q.questionId)),
    'the export has the filter text too',
  );

  await page.getByRole('checkbox', { name: 'Differences only' }).check();
  await page.reload();
  await heading.waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Filter questions' }).inputValue(), 'encrypt', 'the filter survives a reload');
  assert.equal(await page.getByRole('checkbox', { name: 'Differences only' }).isChecked(), true, 'so does Differences only');
  const both = matching.filter((q) => q.differs).length;
  await page.getByTestId('compare-count').filter({ hasText: `Showing ${both} of ${TOTAL_QUESTIONS} questions` }).waitFor();
  await page.getByRole('textbox', { name: 'Filter questions' }).fill('no question has this text');
  await page.getByText('No questions match these filters.').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByTestId('compare-count').filter({ hasText: `${TOTAL_QUESTIONS} questions` }).waitFor();
  assert.equal(new URL(page.url()).hash, expectedHash, 'no filters: the plain address');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('a section answered too little reads "Too little answered": no score, never Best or Worst', async () => {
  const served = await startServe({ demo: true });
  const ids = await vendorIds(served);
  // Forgeline CI is barely reviewed (43 % answered); the other two are complete.
  const picked = ['Forgeline CI', 'Gaugeworks', 'Burrow MQ'].map((n) => ids.get(n)!);
  const { page, problems } = await openApp(served, { path: `#/compare?ids=${picked.join(',')}` });
  await page.getByRole('heading', { name: 'Compare providers', level: 1 }).waitFor();
  const comparison = await callApi<Comparison>(served, 'compare.get', { vendorIds: picked });
  const tooLittle = comparison.sections.filter((s) => s.cells[0]!.tooLittleAnswered);
  assert.ok(tooLittle.length > 0 && tooLittle.some((s) => s.best.length > 0), 'the demo has sections where the others are marked');

  for (const section of comparison.sections) {
    const row = page.getByRole('grid').locator(`[role=row][data-row-key="section:${section.sectionId}"]`);
    await row.scrollIntoViewIfNeeded();
    for (const [i, cell] of section.cells.entries()) {
      const text = (await row.getByRole('gridcell').nth(i).textContent()) ?? '';
      const where = `${section.title}, ${comparison.columns[i]!.name}: "${text}"`;
      if (cell.tooLittleAnswered) {
        assert.ok(text.includes(`Too little answered${cell.covers.answered} of ${cell.covers.total} answered`), where);
        // A 42 % review is too little answered as a whole: the cell says so, with the share.
        if (cell.reviewTooLittleAnswered) assert.ok(text.includes(`; review ${Math.floor(comparison.columns[i]!.completion! * 100)}%`), `${where}: the review's share`);
        assert.ok(!text.includes(scoreText(cell.score, 'no score')), `${where}: no score`);
      } else {
        assert.ok(text.includes(scoreText(cell.score, '—')), where);
      }
      assert.equal(text.includes('▲ Best'), section.best.includes(cell.providerId), `${where}: Best as the API says`);
      assert.equal(text.includes('▼ Worst'), section.worst.includes(cell.providerId), `${where}: Worst as the API says`);
    }
  }
  await page.getByRole('grid').locator('[role=row][data-row-key="section:security"]').scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await settle(page);
  await screenshot(page, 'compare-too-little-answered');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('"Compare with…" on a provider page picks the others; the column heads link back to each provider', async () => {
  const served = await startServe({ demo: true });
  const ids = await vendorIds(served);
  const { page, problems } = await openApp(served, { path: `#/vendor/${ids.get('Burrow MQ')}` });
  await page.getByRole('heading', { name: 'Burrow MQ', level: 1 }).waitFor();

  await page.getByRole('button', { name: 'Compare with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare Burrow MQ with…' });
  await dialog.waitFor();
  await dialog.getByRole('checkbox', { name: 'Gaugeworks' }).waitFor();
  assert.equal(await dialog.getByRole('checkbox', { name: 'Burrow MQ' }).count(), 0, 'not offered to compare with itself');
  const go = dialog.getByRole('button', { name: 'Compare', exact: true });
  assert.equal(await go.isDisabled(), true, 'nothing picked yet');

  // At most five others: the rest are off once five are picked.
  const others = [...ids.keys()].filter((n) => n !== 'Burrow MQ').sort();
  for (const name of others.slice(0, 5)) await dialog.getByRole('checkbox', { name }).check();
  await dialog.getByText('That is the most: 6 providers in all.').waitFor();
  for (const name of others.slice(5)) assert.equal(await dialog.getByRole('checkbox', { name }).isDisabled(), true, `${name} is off`);
  await screenshot(page, 'compare-with');
  for (const name of others.slice(0, 5)) await dialog.getByRole('checkbox', { name }).uncheck();

  // The filter box narrows the list; picks are kept in the order made.
  await dialog.getByRole('textbox', { name: 'Find a provider' }).fill('gauge');
  assert.equal(await dialog.getByRole('checkbox').count(), 1);
  await dialog.getByRole('checkbox', { name: 'Gaugeworks' }).check();
  await dialog.getByRole('textbox', { name: 'Find a provider' }).fill('');
  await dialog.getByRole('checkbox', { name: 'Logjam Cloud' }).check();
  await dialog.getByText('2 picked: Gaugeworks, Logjam Cloud.').waitFor();
  await go.click();

  await page.getByRole('heading', { name: 'Compare providers', level: 1 }).waitFor();
  const order = ['Burrow MQ', 'Gaugeworks', 'Logjam Cloud'];
  assert.equal(new URL(page.url()).hash, `#/compare?ids=${order.map((n) => ids.get(n)).join(',')}`);
  // The heading shows before the grid has loaded its columns: wait for the last one first.
  await page.getByRole('grid').getByRole('columnheader', { name: /^Logjam Cloud/ }).waitFor();
  const heads = (await page.getByRole('grid').getByRole('columnheader').allTextContents()).slice(1);
  assert.equal(heads.length, order.length, `one column per provider: ${heads.join(' | ')}`);
  order.forEach((name, i) => assert.ok(heads[i]!.startsWith(name), `column ${i + 2}: ${name}`));

  // A column head's link opens the provider; Back returns to the same comparison.
  await page.getByRole('columnheader', { name: /^Gaugeworks/ }).getByRole('link', { name: 'Gaugeworks' }).click();
  await page.getByRole('heading', { name: 'Gaugeworks', level: 1 }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: 'Compare providers', level: 1 }).waitFor();
  await page.getByRole('columnheader', { name: /^Logjam Cloud/ }).waitFor();
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('a link with removed or unknown providers, or the wrong number of them, says so and offers a way on', async () => {
  const served = await startServe({ demo: true });
  const ids = await vendorIds(served);
  const id = (name: string) => ids.get(name)!;
  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres' }).waitFor();
  const go = (hash: string) => page.evaluate((h) => (location.hash = h), hash);
  const heading = page.getByRole('heading', { name: 'Compare providers', level: 1 });

  // Seven selected: too many, and the register says so.
  for (const name of [...ids.keys()].slice(0, 7)) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  assert.equal(await page.getByRole('button', { name: 'Compare', exact: true }).isDisabled(), true);
  await page.getByText('Compare at most 6 providers at a time: 7 are selected.').waitFor();

  // One id only.
  await go(`#/compare?ids=${id('Gaugeworks')}`);
  await heading.waitFor();
  await page.getByRole('alert').filter({ hasText: 'A comparison needs 2 to 6 providers; this link names 1.' }).waitFor();
  await page.getByRole('link', { name: 'Choose providers on the register' }).waitFor();

  // An id nobody has.
  await go(`#/compare?ids=${id('Gaugeworks')},no-such-provider`);
  await page.getByRole('alert').filter({ hasText: '1 of the 2 providers in this link is not in the register.' }).waitFor();
  await page.getByText('no-such-provider').waitFor();
  assert.equal(await page.getByRole('link', { name: /^Compare / }).count(), 0, 'one left: nothing to compare it with');

  // A provider deleted since the link was made: compare the others.
  await callApi(served, 'vendor.delete', { id: id('StatusHarbor') });
  await go(`#/compare?ids=${id('Gaugeworks')},${id('StatusHarbor')},${id('Logjam Cloud')}`);
  await page.getByRole('alert').filter({ hasText: '1 of the 3 providers in this link is not in the register.' }).waitFor();
  await screenshot(page, 'compare-missing');
  await page.getByRole('link', { name: 'Compare Gaugeworks and Logjam Cloud' }).click();
  await page.getByRole('columnheader', { name: /^Logjam Cloud/ }).waitFor();
  assert.equal(new URL(page.url()).hash, `#/compare?ids=${id('Gaugeworks')},${id('Logjam Cloud')}`);

  // The same provider twice is compared once.
  await go(`#/compare?ids=${id('Gaugeworks')},${id('Gaugeworks')},${id('Burrow MQ')}`);
  await page.waitForFunction((h) => location.hash === h, `#/compare?ids=${id('Gaugeworks')},${id('Burrow MQ')}`);
  await page.getByRole('columnheader', { name: /^Burrow MQ/ }).waitFor();
  assert.equal(await page.getByRole('grid').getByRole('columnheader').count(), 3);

  // A provider with no review: every section "—" (not "Not asked": nothing was asked), and the head says there is no review.
  const fresh = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Nimbus Cache', category: 'other' });
  await go(`#/compare?ids=${id('Gaugeworks')},${fresh.id}`);
  await page.getByRole('columnheader', { name: /^Nimbus Cache/ }).getByText('No review yet').waitFor();
  const firstSection = page.locator('[role=row][data-kind=section]').first();
  assert.equal(await firstSection.getByRole('gridcell').nth(1).textContent(), '—');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('six providers with 200-character names: the names under the title wrap inside a 1400 px window', async () => {
  const served = await startServe({ demo: true });
  // Long words and long names with spaces: neither may push the page wider than the window.
  const names = Array.from({ length: 6 }, (_, i) =>
    i % 2 === 0 ? `${'Unbroken'.repeat(24)}${i}`.slice(0, 200) : `Provider ${i} ${'with a long trading name '.repeat(8)}`.slice(0, 200),
  );
  const created = [];
  for (const name of names) created.push(await callApi<{ id: string }>(served, 'vendor.create', { name, category: 'other' }));
  const { page, context, problems } = await openApp(served, { path: `#/compare?ids=${created.map((v) => v.id).join(',')}` });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.getByRole('heading', { name: 'Compare providers', level: 1 }).waitFor();
  const subtitle = page.locator('.compare-page .page-subtitle');
  await subtitle.waitFor();
  await settle(page);
  const box = await subtitle.evaluate((el) => ({
    right: el.getBoundingClientRect().right,
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
    window: document.documentElement.clientWidth,
    pageScroll: document.documentElement.scrollWidth,
  }));
  assert.ok(box.right <= box.window, `the names end inside the window: ${JSON.stringify(box)}`);
  assert.ok(box.scrollWidth <= box.clientWidth, `nothing overflows the paragraph: ${JSON.stringify(box)}`);
  assert.ok(box.pageScroll <= box.window, `the page is no wider than the window: ${JSON.stringify(box)}`);
  const text = (await subtitle.textContent()) ?? '';
  for (const name of names) assert.ok(text.includes(name), `every name is there in full: ${name.slice(0, 20)}…`);
  const actions = await page.locator('.compare-page .page-actions').evaluate((el) => el.getBoundingClientRect().right);
  assert.ok(actions <= box.window, `the export buttons stay in the window (right edge ${actions})`);
  await screenshot(page, 'compare-long-names');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
  await context.close();
});

test('the grid by keyboard: one tab stop, arrow keys between cells, Enter and Space open sections; six providers, dark', async () => {
  const served = await startServe({ demo: true });
  const ids = await vendorIds(served);
  const six = ['Tidewater Postgres', 'Burrow MQ', 'Logjam Cloud', 'Gaugeworks', 'PagerPigeon', 'Forgeline CI'];
  const { page, problems } = await openApp(served, { colorScheme: 'dark', path: `#/compare?ids=${six.map((n) => ids.get(n)).join(',')}` });
  await page.getByRole('heading', { name: 'Compare providers', level: 1 }).waitFor();
  await page.getByRole('columnheader', { name: /^Forgeline CI/ }).waitFor();

  /** Where the focus is: its row, its column (data-col of the cell), and what it is. */
  const focus = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const cell = el?.closest<HTMLElement>('[data-col]');
      const row = el?.closest<HTMLElement>('[role=row]');
      const scroller = document.querySelector('[data-testid=compare-scroll]')!.getBoundingClientRect();
      const box = (cell ?? el)?.getBoundingClientRect();
      return {
        inGrid: Boolean(el?.closest('[role=grid]')),
        row: row?.dataset.rowKey ?? null,
        col: cell ? Number(cell.dataset.col) : null,
        role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? null,
        name: el?.getAttribute('aria-label') ?? null,
        expanded: el?.getAttribute('aria-expanded') ?? null,
        visible: box ? box.top >= scroller.top - 1 && box.bottom <= scroller.bottom + 1 && box.left >= scroller.left - 1 && box.right <= scroller.right + 1 : false,
      };
    });

  // One tab stop: Tab from "Expand all" enters the grid, the next Tab leaves it.
  await page.getByRole('button', { name: 'Expand all' }).focus();
  await page.keyboard.press('Tab');
  let at = await focus();
  assert.equal(at.inGrid, true, 'Tab reaches the grid');
  assert.deepEqual([at.row, at.col, at.role], ['header', 0, 'columnheader']);
  await page.keyboard.press('Tab');
  assert.equal((await focus()).inGrid, false, 'the next Tab leaves it');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focus()).inGrid, true);

  // Down to the first section: its toggle button has the focus; Enter opens it.
  await page.keyboard.press('ArrowDown');
  at = await focus();
  assert.deepEqual([at.row, at.col, at.name, at.expanded], ['section:security', 0, 'Expand Security', 'false']);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Collapse Security' }).waitFor();
  at = await focus();
  assert.deepEqual([at.name, at.expanded], ['Collapse Security', 'true'], 'the focus stays on the toggle');

  // Into the questions, across the providers and back.
  await page.keyboard.press('ArrowDown');
  at = await focus();
  assert.deepEqual([at.row, at.col, at.role], [`question:${INFRASTRUCTURE_TEMPLATE.sections[0]!.questions[0]!.id}`, 0, 'rowheader']);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  at = await focus();
  assert.deepEqual([at.col, at.role], [2, 'gridcell']);
  await page.keyboard.press('End');
  at = await focus();
  assert.equal(at.col, six.length, 'End: the last provider');
  assert.equal(at.visible, true, 'scrolled into view sideways');
  await screenshot(page, 'compare-keyboard');
  await page.keyboard.press('Home');
  assert.equal((await focus()).col, 0);

  // Ctrl+End: the last row, far below (virtualised rows are rendered when the focus gets there).
  await page.keyboard.press('Control+End');
  await settle(page);
  at = await focus();
  assert.equal(at.row, `section:${INFRASTRUCTURE_TEMPLATE.sections.at(-1)!.id}`);
  assert.equal(at.col, six.length);
  assert.equal(at.visible, true, 'the last row is scrolled into view');
  await page.keyboard.press('Control+Home');
  at = await focus();
  assert.deepEqual([at.row, at.col], ['header', 0]);

  // Space on a section's score cell closes the section; Enter opens it again.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  at = await focus();
  assert.deepEqual([at.row, at.col], ['section:security', 1]);
  await page.keyboard.press(' ');
  await page.getByRole('button', { name: 'Expand Security' }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Collapse Security' }).waitFor();

  // Six providers, every section open: only the rows in view are in the DOM.
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.getByRole('button', { name: 'Collapse all' }).waitFor();
  const { rows, maxInDom } = await collectQuestionRows(page);
  assert.equal(rows.size, TOTAL_QUESTIONS);
  assert.ok(maxInDom < 40, `virtualised: at most ${maxInDom} rows in the DOM of ${TOTAL_QUESTIONS + SECTION_TITLES.length}`);
  assert.equal(await page.getByRole('grid').getAttribute('aria-rowcount'), String(TOTAL_QUESTIONS + SECTION_TITLES.length + 1));

  // Scrolled down and sideways: the header row and the question column stay put.
  const scroller = page.getByTestId('compare-scroll');
  await scroller.evaluate((el) => {
    el.scrollTop = 900;
    el.scrollLeft = 400;
  });
  await settle(page);
  const stuck = await page.evaluate(() => {
    const scroller = document.querySelector('[data-testid=compare-scroll]')!.getBoundingClientRect();
    const head = document.querySelector('[role=grid] [role=columnheader]')!.getBoundingClientRect();
    const pinned = Array.from(document.querySelectorAll('[role=grid] [role=rowheader]'), (e) => e.getBoundingClientRect().left);
    return { headTop: head.top - scroller.top, headLeft: head.left - scroller.left, pinnedLeft: pinned.map((l) => l - scroller.left) };
  });
  assert.ok(Math.abs(stuck.headTop) <= 2 && Math.abs(stuck.headLeft) <= 2, `the corner header cell stays at the top left: ${JSON.stringify(stuck)}`);
  assert.ok(stuck.pinnedLeft.every((l) => Math.abs(l) <= 2), 'the question column stays at the left');
  await page.mouse.move(0, 0);
  await screenshot(page, 'compare-dark');

  // Enter on a provider's column head opens that provider.
  await page.getByRole('button', { name: 'Collapse all' }).focus();
  await page.keyboard.press('Tab');
  assert.equal((await focus()).inGrid, true);
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Tidewater Postgres', level: 1 }).waitFor();
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('six providers × 150 questions: every section open, only the rows in view are in the DOM, scrolling stays quick', async () => {
  const served = await startServe({ demo: true });
  const ids = await vendorIds(served);
  const six = ['Tidewater Postgres', 'Burrow MQ', 'Logjam Cloud', 'Gaugeworks', 'PagerPigeon', 'Keystone Config'];
  const { page, problems } = await openApp(served);
  // A larger questionnaire than the built-in one: each section's questions repeated (new ids).
  const REPEAT = 3;
  await page.route('**/api/compare.get', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value: Comparison };
    for (const section of body.value.sections) {
      section.questions = Array.from({ length: REPEAT }, (_, copy) =>
        section.questions.map((q) => (copy === 0 ? q : { ...q, questionId: `${q.questionId}_${copy + 1}`, text: `${q.text} (${copy + 1})` })),
      ).flat();
    }
    await route.fulfill({ response, json: body });
  });
  await page.evaluate((h) => (location.hash = h), `#/compare?ids=${six.map((n) => ids.get(n)).join(',')}`);
  await page.getByRole('columnheader', { name: /^Keystone Config/ }).waitFor();
  const total = TOTAL_QUESTIONS * REPEAT;
  assert.ok(total >= 150);
  await page.getByTestId('compare-count').filter({ hasText: `${total} questions` }).waitFor();

  const started = Date.now();
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.getByRole('button', { name: 'Collapse all' }).waitFor();
  const expandMs = Date.now() - started;

  // Scroll through the whole grid, timing each step from scroll to painted rows.
  // No named functions inside: tsx would wrap them in a helper the page lacks.
  const timings = await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('[data-testid=compare-scroll]')!;
    const steps: number[] = [];
    let maxRows = 0;
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
      const t0 = performance.now();
      scroller.scrollTop += scroller.clientHeight / 2;
      // Two frames: the scroll event renders the new rows, the next frame paints them.
      await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      steps.push(performance.now() - t0);
      maxRows = Math.max(maxRows, scroller.querySelectorAll('[role=row]').length);
    }
    steps.sort((a, b) => a - b);
    return { steps: steps.length, median: steps[Math.floor(steps.length / 2)]!, worst: steps.at(-1)!, maxRows };
  });
  console.log(`${total} questions × 6 providers: expand all ${expandMs} ms; scroll ${JSON.stringify(timings)}`);
  assert.ok(timings.steps > 10, 'a long grid to scroll through');
  assert.ok(timings.maxRows < 45, `only rows in view (and a few beyond) are in the DOM: ${timings.maxRows} of ${total + SECTION_TITLES.length + 1}`);
  assert.ok(expandMs < 3000, `Expand all is quick: ${expandMs} ms`);
  assert.ok(timings.median < 100, `scrolling is smooth: median ${timings.median.toFixed(0)} ms per step`);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
