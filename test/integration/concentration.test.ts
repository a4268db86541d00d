// Concentration on a real register (issue 21): exposure, alerts against the Settings threshold,
// Needs attention, the blast radius with failover from decided reviews only, the signals, and the
// register-wide PDF read back — as of its date (an upstream recorded later is left out and counted).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { concentrationRegister } from '../helpers/concentration-register';
import { dumpAnyRegister } from '../helpers/db-dump';
import { pdfText, savePdf } from '../helpers/pdf';
import { flat } from '../helpers/as-of';
import { freshVetted, unwrap } from '../helpers/vetted';

test('exposure and alerts: AWS and us-east-1 carry 3 of the 4 critical-path providers; eu-west-1 one', async () => {
  const { api } = await concentrationRegister();
  const view = unwrap(await api['concentration.get']({}));
  assert.equal(view.threshold, 0.5, 'the default threshold');
  assert.equal(view.asOf, '2026-12-05', 'today');
  const aws = view.concentration.parties[0]!;
  assert.equal(aws.party, 'Amazon Web Services', 'the most exposed party first');
  assert.deepEqual([aws.criticalProviders, aws.criticalShare], [3, 0.75], 'three of four');
  assert.deepEqual(aws.regions.map((r) => [r.region.code, r.criticalProviders]), [['us-east-1', 3], ['eu-west-1', 1]], 'regions by exposure');
  assert.deepEqual(view.alerts.map((a) => a.region?.code ?? null), [null, 'us-east-1'], 'the party and us-east-1 are above half; eu-west-1 is not');
  assert.equal(view.concentration.providersWithoutUpstreams, 0, 'Mailer records Fastly today');
});

test('the threshold: refused outside 0–1 naming the field (nothing changes); Needs attention lists only shares above it', async () => {
  const { api, file } = await concentrationRegister();
  const attention = unwrap(await api['attention.get']({}));
  assert.deepEqual(
    attention.concentration.map((a) => a.words),
    ['Amazon Web Services carries 3 of your 4 critical-path providers (75 %)', 'Amazon Web Services us-east-1 carries 3 of your 4 critical-path providers (75 %)'],
    'each alert in words',
  );
  const before = await dumpAnyRegister(file);
  for (const bad of [1.5, -0.1]) {
    const refused = await api['settings.update']({ concentrationThreshold: bad });
    assert.ok(!refused.ok && refused.error.code === 'validation', `${bad} is refused`);
    assert.ok(!refused.ok && refused.error.message.includes('concentrationThreshold'), `the message names the field: ${!refused.ok && refused.error.message}`);
  }
  assert.deepEqual(await dumpAnyRegister(file), before, 'a refused threshold changes nothing');

  unwrap(await api['settings.update']({ concentrationThreshold: 0.75 }));
  assert.equal(unwrap(await api['settings.get']({})).concentrationThreshold, 0.75, 'stored');
  assert.deepEqual(unwrap(await api['attention.get']({})).concentration, [], '75 % is not more than 75 %: nothing needs attention');
  unwrap(await api['settings.update']({ concentrationThreshold: 0.2 }));
  assert.deepEqual(
    unwrap(await api['attention.get']({})).concentration.map((a) => a.region?.code ?? a.party),
    ['Amazon Web Services', 'us-east-1', 'eu-west-1', 'Fastly'],
    'above 20 %: eu-west-1 and Fastly (25 % each) too',
  );
});

test('blast radius of AWS us-east-1: multi-region decided survives, one region goes down, an undecided answer cannot be told', async () => {
  const { api } = await concentrationRegister();
  const b = unwrap(await api['concentration.blastRadius']({ party: 'AWS', region: 'US-EAST-1' }));
  assert.deepEqual(
    b.hits.map((h) => [h.name, h.outcome, h.failover.basis]),
    [['Logjam', 'down', 'decided'], ['Queueo', 'unknown', 'open'], ['Acme DB', 'survives', 'decided']],
    'critical path, then down, unknown, survives',
  );
  assert.equal(b.hits[2]!.reason, 'States multi-region failover and runs in eu-west-1 as well');
  assert.match(b.hits[1]!.reason, /not yet decided/, 'the open review never decides');
  assert.equal(b.note, null, 'the region is recorded');
  assert.equal(b.notHit, 1, 'Mailer is not hit');

  const unknown = await api['concentration.blastRadius']({ party: 'Nimbus Cloud' });
  assert.ok(!unknown.ok && unknown.error.code === 'not_found', 'a party nobody records is not found');
  assert.ok(!unknown.ok && unknown.error.message.startsWith('party:'), 'naming the field');

  const elsewhere = unwrap(await api['concentration.blastRadius']({ party: 'Amazon Web Services', region: 'eu-north-1' }));
  assert.deepEqual(elsewhere.hits, [], 'nobody records eu-north-1');
  assert.equal(elsewhere.note, 'No provider records eu-north-1 of Amazon Web Services: nobody is hit.', 'and the answer says so');
});

test('signals: incidents of Acme DB and Logjam in the same hours suggest their shared AWS us-east-1', async () => {
  const { api, acme, logjam } = await concentrationRegister();
  unwrap(await api['incident.add']({ vendorId: acme.id, title: 'Database unreachable', startedAt: '2026-11-20T10:00:00Z', resolvedAt: '2026-11-20T12:00:00Z', impact: 'major', onStatusPage: true }));
  unwrap(await api['incident.add']({ vendorId: logjam.id, title: 'Ingest delayed', startedAt: '2026-11-20T11:00:00Z', resolvedAt: '2026-11-20T13:00:00Z', impact: 'minor', onStatusPage: true }));
  const s = unwrap(await api['concentration.signals']({}));
  assert.equal(s.incidents.total, 1, 'one group');
  const g = s.incidents.groups[0]!;
  assert.deepEqual([g.from, g.to], ['2026-11-20T11:00:00.000Z', '2026-11-20T12:00:00.000Z'], 'when both were open');
  assert.deepEqual(g.shared.map((u) => [u.party, u.regions.map((r) => r.region.code)]), [['Amazon Web Services', ['us-east-1']]], 'the shared upstream');
  assert.equal(unwrap(await api['concentration.signals']({ since: '2026-11-21' })).incidents.total, 0, 'since leaves earlier incidents out');
});

test('the register-wide PDF as of 2026-11-15: exposure, blast radius, left out; Fastly recorded on 2026-12-01 is not part of it', async () => {
  const { api } = await concentrationRegister();
  const file = unwrap(await api['report.concentration']({ date: '2026-11-15' }));
  assert.equal(file.fileName, 'vetted-concentration-2026-11-15.pdf');
  const pdf = savePdf(Buffer.from(file.base64, 'base64'), 'concentration.pdf');
  const text = flat(pdfText(pdf));
  assert.ok(text.includes('Concentration of fourth parties'), 'the title');
  assert.ok(text.includes('us-east-1 (US East (N. Virginia))'), 'regions with their names');
  assert.ok(text.includes('Hosting'), 'the kind');
  assert.ok(text.includes('us-east-1 (US East (N. Virginia)) 3 3 75 % Above threshold'), 'the region row, marked');
  assert.ok(text.includes('eu-west-1 (Europe (Ireland)) 1 1 25 %') && !text.includes('25 % Above'), 'eu-west-1 below the threshold, not marked');
  assert.ok(/Amazon Web Services (Hosting )?3 3 75 % Above threshold/.test(text), `the party row, marked: ${text.slice(0, 1500)}`);
  assert.ok(text.includes('Amazon Web Services us-east-1 (US East (N. Virginia)) down'), 'the blast radius of the most exposed region');
  for (const words of ['Goes down', 'Cannot be told', 'Survives', 'States multi-region failover and runs in eu-west-1 as well']) assert.ok(text.includes(words), `the blast radius shows "${words}"`);
  assert.ok(text.includes('1 fourth party recorded after 2026-11-15 is not part of this report.'), 'Fastly, recorded later, left out and counted');
  assert.ok(!text.includes('Fastly'), 'and not named');
  assert.ok(text.includes('1 provider records no fourth party: Mailer.'), 'Mailer had none on 2026-11-15');

  const refused = await api['report.concentration']({ date: '2099-01-01' });
  assert.ok(!refused.ok && refused.error.message.startsWith('date:'), 'a later date is refused naming the field');
});

test('the comparison marks the upstreams the compared providers share: compare.get, the PDF and the CSV', async () => {
  const { api, acme, logjam, mailer } = await concentrationRegister();
  const c = unwrap(await api['compare.get']({ vendorIds: [acme.id, logjam.id, mailer.id] }));
  assert.deepEqual(c.upstreams?.lines, ['Amazon Web Services us-east-1 — Acme DB, Logjam'], 'the shared region, with who shares it');
  const pdf = unwrap(await api['compare.export']({ vendorIds: [acme.id, logjam.id], format: 'pdf' }));
  const text = flat(pdfText(savePdf(Buffer.from(pdf.base64, 'base64'), 'compare.pdf')));
  assert.ok(text.includes('Shared upstreams: Amazon Web Services us-east-1 — Acme DB, Logjam'), 'named in the PDF');
  const csv = Buffer.from(unwrap(await api['compare.export']({ vendorIds: [acme.id, logjam.id], format: 'csv' })).base64, 'base64').toString('utf8');
  assert.ok(csv.includes('Shared upstreams: Amazon Web Services us-east-1 — Acme DB, Logjam'), 'named in the CSV');
  // Dated before Mailer's Fastly was recorded: left out and said.
  const early = Buffer.from(unwrap(await api['compare.export']({ vendorIds: [acme.id, mailer.id], format: 'csv', date: '2026-11-15' })).base64, 'base64').toString('utf8');
  assert.ok(early.includes('None recorded on or before 2026-11-15'), 'nothing shared');
  assert.ok(early.includes('1 fourth party recorded after 2026-11-15 left out'), 'the later record counted');
});

test("the review report's Concentration part: upstreams, who shares them, each region's loss; a later upstream left out and counted", async () => {
  const { api, acme, logjam } = await concentrationRegister();
  unwrap(await api['upstream.add']({ vendorId: acme.id, party: 'Cloudflare', kind: 'cdn' }));
  const report = async (vendorId: string) => {
    const file = unwrap(await api['report.vendor']({ vendorId, date: '2026-11-15' }));
    const text = flat(pdfText(savePdf(Buffer.from(file.base64, 'base64'), 'review.pdf')));
    return text.slice(text.lastIndexOf('Concentration '));
  };
  const part = await report(acme.id);
  // pdftotext reads a wrapped cell's lines in turn with its neighbours': each piece is looked for.
  for (const piece of ['Amazon Web Services Hosting us-east-1 (US East (N.', 'Entered Logjam (critical path),', 'Queueo (critical path)', 'eu-west-1 (Europe (Ireland))']) {
    assert.ok(part.includes(piece), `the upstream row has "${piece}": ${part.slice(0, 1200)}`);
  }
  const outages = part.slice(part.indexOf('If a region goes down'));
  // Wrapped cells interleave: the outage's first words, then its outcome and reason.
  assert.match(outages, /^If a region goes down Outage This provider Why Amazon Web Services us-east-1 .{0,20}Survives States multi-region failover and runs in eu-west-1 as/, `the loss of us-east-1: ${outages.slice(0, 400)}`);
  assert.match(outages.slice(0, 400), /eu-west-1 \(Europe .*Survives States multi-region failover and runs in us-east-1 as/, 'the loss of eu-west-1');
  assert.ok(part.includes('1 fourth party recorded after 2026-11-15 is not part of this report.'), 'Cloudflare, recorded later, counted');
  assert.ok(!part.includes('Cloudflare'), 'and not named');
  const logjamPart = await report(logjam.id);
  assert.match(logjamPart, /If a region goes down Outage This provider Why Amazon Web Services us-east-1 .{0,20}Goes down One region, several zones: a regional outage takes/, 'Logjam goes down with us-east-1');
});

test('a whole cloud down reaches providers that record only its company\'s other services (Amazon SES for AWS); a region of it does not', async () => {
  const { api } = await freshVetted();
  const mailer = unwrap(await api['vendor.create']({ name: 'Mailer', category: 'other', criticalPath: true }));
  unwrap(await api['upstream.add']({ vendorId: mailer.id, party: 'Amazon SES', kind: 'email' }));
  const whole = unwrap(await api['concentration.blastRadius']({ party: 'AWS' }));
  assert.deepEqual(
    whole.hits.map((h) => [h.name, h.outcome]),
    [['Mailer', 'unknown']],
    'Mailer is listed, its outcome not decided by answers about where it runs',
  );
  assert.match(whole.hits[0]!.reason, /Another service of the same company: it records Amazon SES/, 'the reason says why it is listed');
  const region = await api['concentration.blastRadius']({ party: 'AWS', region: 'us-east-1' });
  assert.ok(!region.ok && region.error.code === 'not_found', 'a region outage stays with the party that records it: nobody records AWS');
});

test('the company link runs one way: a register recording only AWS has nobody to show for "Amazon SES down" (not found, as for any party nobody records)', async () => {
  const { api } = await freshVetted();
  const db = unwrap(await api['vendor.create']({ name: 'Hosted DB', category: 'database', criticalPath: true }));
  unwrap(await api['upstream.add']({ vendorId: db.id, party: 'AWS', kind: 'hosting' }));
  const ses = await api['concentration.blastRadius']({ party: 'Amazon SES' });
  assert.ok(!ses.ok && ses.error.code === 'not_found', `an e-mail service's outage does not reach its company's cloud (${JSON.stringify(ses)})`);
  assert.deepEqual(unwrap(await api['concentration.blastRadius']({ party: 'AWS' })).hits.map((h) => h.name), ['Hosted DB']);
});
