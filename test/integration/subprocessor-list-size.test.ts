// The subprocessor list at the size of a big register: 300 providers in use, each with every fact
// the list prints and every safeguard the rules know (test/helpers/subprocessor-register.ts), read
// back from the rendered PDF. At most 35 pages (issue 19: it was 88); every provider listed, each
// row whole; the category's heading and the column heads at the top of every page a group runs on.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { before, test } from 'node:test';
import { CATEGORY_LABELS } from '../../shared/domain/labels';
import { pdfInfo, savePdf } from '../helpers/pdf';
import { SUBPROCESSOR_LIST_DATE, providerName, subprocessorRegister } from '../helpers/subprocessor-register';
import { unwrap } from '../helpers/vetted';

const PROVIDERS = 300;
const MAX_PAGES = 35;

let listed = 0;
let pageCount = 0;
let pages: string[] = [];

before(async () => {
  const register = await subprocessorRegister(PROVIDERS);
  try {
    const result = unwrap(await register.vetted.api['report.subprocessors']({ date: SUBPROCESSOR_LIST_DATE }));
    const file = savePdf(Buffer.from(result.base64, 'base64'), 'subprocessors-300.pdf');
    listed = result.listed;
    assert.deepEqual(result.warnings, [], 'the register is complete: nothing to warn about');
    pageCount = Number(pdfInfo(file).Pages);
    // pdftotext separates pages with a form feed.
    pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  } finally {
    register.cleanup();
  }
});

const flat = (s: string) => s.replace(/\s+/g, ' ');

test(`${PROVIDERS} providers fit on at most ${MAX_PAGES} pages, every one of them listed`, () => {
  assert.equal(listed, PROVIDERS, 'every provider is on the list');
  assert.equal(pages.length, pageCount, 'pdftotext read every page');
  assert.ok(pageCount <= MAX_PAGES, `${pageCount} pages for ${PROVIDERS} providers (goal: at most ${MAX_PAGES})`);
  const text = flat(pages.join(' '));
  for (let i = 0; i < PROVIDERS; i++) assert.ok(text.includes(`${providerName(i)} Services GmbH`), `${providerName(i)} is listed`);
  assert.equal(text.match(/Safeguards: /g)?.length, PROVIDERS, 'one safeguards line per provider');
  // Every page carries more than the running header and the footer (no empty page at the end).
  pages.forEach((page, i) => {
    const body = page.replace(/Annex: Subprocessors|As of \d{4}-\d{2}-\d{2} · Vetted|Page \d+ of \d+/g, '').trim();
    assert.ok(body.length > 0, `page ${i + 1} of ${pages.length} is empty`);
  });
});

test('a row says everything it said before the layout changed: entity, name, purpose, data, locations, transfer, DPA and its link, safeguards, decision', () => {
  const text = flat(pages.join(' '));
  const at = text.indexOf('Provider 00001 Services GmbH');
  const row = text.slice(at, text.indexOf('Provider 00006 Services GmbH', at));
  for (const words of [
    'Provider 00001 Services GmbH',
    'Provider 00001 ',
    'Hosted message queue for the shop',
    'Personal data',
    'Germany (Frankfurt), United States',
    'Standard contractual clauses (United States)',
    'Signed',
    'https://provider-00001.example/legal/dpa',
    'Approved 2026-11-01',
  ]) {
    assert.ok(row.includes(words), `the row says "${words}":\n${row}`);
  }
  assert.ok(
    row.includes(
      'Safeguards: Encrypted at rest and in transit; individual accounts with role-based access; access audit log; multi-factor authentication enforced; ' +
        'single sign-on through our identity provider; data processing agreement signed; subprocessors disclosed, with notice before changes; ' +
        'data deleted on exit, with written confirmation; data location chosen by us and fixed in the contract; breach notification within 24 hours.',
    ),
    `every safeguard, in full:\n${row}`,
  );
});

test('every page a group runs on starts with its heading and the column heads', () => {
  const heading = new RegExp(`^(${Object.values(CATEGORY_LABELS).join('|')}) \\d+ providers$`, 'gm');
  let previous: string | null = null;
  let continued = 0;
  pages.forEach((page, i) => {
    const firstRow = page.search(/Provider \d{5} Services GmbH/);
    const groups = [...page.matchAll(heading)].map((m) => m[1]!);
    if (firstRow >= 0) {
      const top = page.slice(0, firstRow);
      const first = [...top.matchAll(heading)].map((m) => m[1]!)[0];
      assert.ok(first, `page ${i + 1}: a group heading above the first row:\n${top}`);
      assert.ok(flat(top).includes('Processor (legal entity)'), `page ${i + 1}: the column heads above the first row`);
      if (first === previous) continued++;
    }
    previous = groups[groups.length - 1] ?? previous;
  });
  // Five groups of 60 over about 30 pages: most pages continue a group begun on an earlier one.
  assert.ok(continued >= pages.length / 2, `pages that continue a group, heading repeated: ${continued} of ${pages.length}`);
});
