// The register-wide concentration PDF dated in the past (issue 21) states what the register held
// on its date: a fourth party deleted since is rebuilt from the audit trail, a provider retired
// since keeps its failover, maintenance windows recorded since are counted, and a review open on
// the date is said to be undecided. Real register, PDF read back with pdftotext.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Schedule } from '../../shared/domain/maintenance';
import { flat, timedRegister } from '../helpers/as-of';
import { concentrationRegister } from '../helpers/concentration-register';
import { pdfText, savePdf } from '../helpers/pdf';
import { unwrap } from '../helpers/vetted';

const weekly: Schedule = {
  kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:00', durationMinutes: 120,
  timeZone: 'Europe/Berlin', from: '2026-01-04', until: null, count: null, exDates: [],
};

async function concentrationText(api: Awaited<ReturnType<typeof concentrationRegister>>['api'], date: string, name = 'concentration-as-of.pdf') {
  const file = unwrap(await api['report.concentration']({ date }));
  return flat(pdfText(savePdf(Buffer.from(file.base64, 'base64'), name)));
}

test('dated 2026-11-15: Logjam\'s AWS deleted on 12-02 is still there, Acme retired on 12-03 still survives, a window recorded on 12-04 is counted', async () => {
  const r = await concentrationRegister();
  const { api, acme, logjam } = r;
  r.on('2026-12-02');
  const logjamAws = unwrap(await api['upstream.list']({ vendorId: logjam.id }))[0]!;
  unwrap(await api['upstream.delete']({ id: logjamAws.id }));
  r.on('2026-12-03');
  unwrap(await api['vendor.update']({ id: acme.id, patch: { status: 'retired' } }));
  r.on('2026-12-04');
  unwrap(await api['window.add']({ vendorId: acme.id, title: 'Patching', schedule: weekly }));
  unwrap(await api['window.add']({ vendorId: logjam.id, title: 'Upgrades', schedule: weekly }));
  r.on('2026-12-05');

  const text = await concentrationText(api, '2026-11-15');
  assert.ok(text.includes('us-east-1 (US East (N. Virginia)) 3 3 75 % Above threshold'), `Logjam, deleted after the date, still counted on us-east-1: ${text.slice(0, 1500)}`);
  assert.ok(!text.includes('removed after'), 'the deleted upstream is rebuilt, so nothing is said missing');
  assert.ok(/Logjam Critical path Goes down One region, several zones/.test(text), 'Logjam in the blast radius, as on the date');
  assert.ok(text.includes('Acme DB Critical path Survives States multi-region failover and runs in eu-west-1 as well'), `Acme, retired after the date, keeps its failover: ${text.slice(text.indexOf('Blast radius'), text.indexOf('Blast radius') + 900)}`);
  assert.ok(!text.includes('retired provider on 2026-11-15'), 'Acme was not retired on the date');
  assert.ok(text.includes('2 maintenance windows recorded after 2026-11-15 are not part of this report.'), 'the later windows counted');
  assert.ok(text.includes('3 providers hit (3 on the critical path): 1 goes down, 1 cannot be told, 1 survives.'), 'the counts agree with their verbs');

  const today = await concentrationText(api, '2026-12-05', 'concentration-today.pdf');
  assert.ok(today.includes('3 providers counted, 3 on the critical path; 0 exposures above the threshold'), `today Acme is retired and Logjam's AWS deleted: ${today.slice(0, 800)}`);
  assert.ok(today.includes(': 0 go down, 1 cannot be told, 0 survive.'), `none is plural: ${today.slice(today.indexOf('Blast radius'), today.indexOf('Blast radius') + 700)}`);
});

test('a fourth party deleted after the date whose creation the trail does not hold is counted, not guessed', async () => {
  const r = await concentrationRegister();
  const { api, ctx, mailer } = r;
  // As a register imported without its trail: an upstream of 2026-11-10 whose creation row is not there.
  await ctx.write((ctx) =>
    ctx.audit.withTriggersMuted(async () => {
      ctx.db
        .prepare("INSERT INTO upstreams (id, vendor_id, party, kind, source, created_at, updated_at) VALUES ('u-imported', ?, 'Cloudflare', 'cdn', 'entered', '2026-11-10T09:00:00.000Z', '2026-11-10T09:00:00.000Z')")
        .run(mailer.id);
    }),
  );
  r.on('2026-12-03');
  unwrap(await api['upstream.delete']({ id: 'u-imported' }));
  r.on('2026-12-05');
  const text = await concentrationText(api, '2026-12-02');
  assert.ok(text.includes('1 fourth party removed after 2026-12-02 is not shown'), `counted: ${text.slice(text.indexOf('Left out'))}`);
});

test('a provider whose review was open on the date, answered only later: its review was not decided by then', async () => {
  const r = await concentrationRegister();
  const { api } = r;
  r.on('2026-12-06');
  const late = unwrap(await api['vendor.create']({ name: 'Latecomer', category: 'database', criticalPath: true }));
  const review = unwrap(await api['review.start']({ vendorId: late.id }));
  unwrap(await api['upstream.add']({ vendorId: late.id, party: 'Amazon Web Services', catalogueId: 'aws', kind: 'hosting', regions: [{ code: 'us-east-1' }] }));
  r.on('2026-12-08');
  unwrap(await api['answer.save']({ reviewId: review.review.id, questionId: 'ten_regions', value: 'multi_region' }));
  const text = await concentrationText(api, '2026-12-07');
  assert.ok(text.includes('Latecomer Critical path Cannot be told Review not decided by 2026-12-07; no answer on regional failover by then'), `the reason: ${text.slice(text.indexOf('Blast radius'), text.indexOf('Blast radius') + 1200)}`);
  assert.ok(!/Latecomer.{0,60}multi-region/.test(text), "today's answer of the open review is not printed");
});

test('the exposure table never parts a party from its regions at a page break', async () => {
  const r = await timedRegister('2026-11-02');
  const { api } = r;
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) ids.push(unwrap(await api['vendor.create']({ name: `P${i}`, category: 'database', criticalPath: true })).id);
  // Fourteen parties of three or four lines each: the table runs over several pages.
  for (let j = 0; j < 14; j++) {
    for (let i = 0; i < 4; i++) {
      if ((i + j) % 2 !== 0 && i !== 0) continue;
      const regions = [`r${j}-a`, `r${j}-b`, `r${j}-c`].slice(0, 1 + (i % 3)).map((code) => ({ code }));
      unwrap(await api['upstream.add']({ vendorId: ids[i]!, party: `Party ${j}`, kind: 'other', regions }));
    }
  }
  const file = unwrap(await api['report.concentration']({ date: '2026-11-02' }));
  const pages = pdfText(savePdf(Buffer.from(file.base64, 'base64'), 'many.pdf'), true).split('\f');
  const continued = pages.filter((p) => p.includes('Fourth party / region'));
  assert.ok(continued.length >= 2, `the table runs over pages: ${continued.length}`);
  for (const [n, page] of continued.entries()) {
    const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
    const header = lines.findIndex((l) => l.startsWith('Fourth party / region'));
    const first = lines.slice(header + 1).find((l) => l !== 'path')!;
    assert.ok(first.startsWith('Party '), `page ${n + 1} of the table starts with a party, not a region: "${first}"`);
  }
});
