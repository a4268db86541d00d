// The review report's cover with a provider name at the profile's length limit (200 characters,
// shared/domain/vendor.ts), with spaces and without: read back from page 1 alone (pdftotext -f 1
// -l 1), the whole name, the score, the tier and the dates are there, and the title is not split
// over two pages. The service and the organisation are at their limits too (200 each).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';
import { VendorPatch } from '../../shared/domain/vendor';
import { savePdf } from '../helpers/pdf';
import { freshVetted, unwrap } from '../helpers/vetted';

const NAME_LIMIT = 200;

const spaced = Array.from({ length: 40 }, (_, i) => `Word${String(i).padStart(2, '0')}`).join(' ').slice(0, NAME_LIMIT);
const solid = Array.from({ length: NAME_LIMIT }, (_, i) => 'WMQXABCDEFG'[i % 11]).join('');
/** 200 ideographs and kana: each a whole em wide, so the fewest to a line. */
const japanese = Array.from({ length: NAME_LIMIT }, (_, i) => '東京メッセージ配信基盤'[i % 11]).join('');
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const service = 'Hosted service and purpose '.repeat(10).slice(0, 200);

/** Page `n` of the PDF as pdftotext reads it, with every space, line break and zero-width space taken out. */
function pageText(file: string, n: number): string {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
const squeeze = (s: string) => s.replace(/[\s\u200B]+/g, '');

async function coverOf(name: string, organisation: string): Promise<{ page1: string; page2: string }> {
  const { api } = await freshVetted({ now: () => new Date('2026-11-20T10:00:00Z') });
  unwrap(await api['settings.update']({ organisation }));
  const vendor = unwrap(await api['vendor.create']({ name, service, status: 'active', dataCategories: ['personal-data'] }));
  const { review, template } = unwrap(await api['review.start']({ vendorId: vendor.id }));
  const q = template.sections[0]!.questions[0]!;
  unwrap(await api['answer.save']({ reviewId: review.id, questionId: q.id, value: q.options![0]!.id }));
  const file = savePdf(Buffer.from(unwrap(await api['report.vendor']({ vendorId: vendor.id, draft: true, date: '2026-11-20' })).base64, 'base64'));
  return { page1: pageText(file, 1), page2: pageText(file, 2) };
}

test('the name limit the test relies on is the profile\'s', () => {
  assert.equal(VendorPatch.safeParse({ name: 'n'.repeat(NAME_LIMIT) }).success, true, 'the profile takes a name at the limit');
  assert.equal(VendorPatch.safeParse({ name: 'n'.repeat(NAME_LIMIT + 1) }).success, false, 'and no longer one: the limit is the one tested');
  assert.equal(spaced.length, NAME_LIMIT, 'the spaced name is at the limit');
  assert.ok(!/\s/.test(solid), 'the solid name has no space to break at');
});

for (const [kind, name] of [['with spaces', spaced], ['without a space', solid], ['in Japanese', japanese]] as const) {
  test(`a ${name.length}-character name ${kind}: page 1 holds the whole name, the score, the tier and the dates`, async (t) => {
    if (name === japanese && !fs.existsSync(CJK_FONT)) {
      t.skip('skipped: fonts-noto-cjk is not installed (CI installs it)');
      return;
    }
    const { page1, page2 } = await coverOf(name, `Organisation ${'O'.repeat(187)}`);
    assert.ok(squeeze(page1).includes(squeeze(name)), `the whole name on page 1:\n${page1}`);
    for (const label of ['Overall score', 'Tier', 'As of', 'Review started', '2026-11-20', 'Standing on 2026-11-20']) {
      assert.ok(page1.includes(label), `"${label}" on page 1:\n${page1}`);
    }
    assert.ok(!/Overall score|Review started/.test(page2), `nothing of the cover spills onto page 2:\n${page2.slice(0, 600)}`);
    // The footer's page label stays whole beside a long organisation name (which wraps instead).
    assert.match(page1, /Page 1 of \d+/, `the page label on one line:\n${page1.slice(-400)}`);
  });
}
