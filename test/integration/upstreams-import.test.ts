// A provider's published subprocessor list imported into its fourth parties on a real register:
// the dry run is the preview and writes nothing; the import writes exactly what the preview said,
// all in one transaction, audited; a bad file or mapping is refused naming the field and stores nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dumpAnyRegister } from '../helpers/db-dump';
import { freshVetted, unwrap } from '../helpers/vetted';

// As saved from a provider's page by a spreadsheet: a BOM, CRLF, quotes around a comma and a line break.
const LIST = [
  '\uFEFFSubprocessor,Service Provided,Country,Website',
  'Amazon Web Services EMEA SARL,Cloud hosting,Ireland,https://aws.amazon.com',
  '"Mailgun Technologies, Inc.",Transactional e-mail,United States,',
  '"Stripe, Inc.","Payment processing',
  'and invoicing",United States,',
  ',Orphan row,,',
  'AWS,Backups,United States,',
  '',
].join('\r\n');

async function register() {
  let t = Date.parse('2026-12-04T10:00:00Z');
  const vetted = await freshVetted({ now: () => new Date((t += 1000)) });
  const vendor = unwrap(await vetted.api['vendor.create']({ name: 'Billing SaaS', category: 'other', criticalPath: true }));
  return { ...vetted, vendor };
}

test('the dry run previews every row and writes nothing; the import then writes exactly that', async () => {
  const { api, vendor, file } = await register();
  const mailgun = unwrap(await api['upstream.add']({ vendorId: vendor.id, party: 'Mailgun Technologies', kind: 'email', purpose: 'E-mail', location: 'United States', note: 'Checked' }));
  const before = await dumpAnyRegister(file);

  const preview = unwrap(await api['upstream.import']({ vendorId: vendor.id, content: LIST, dryRun: true }));
  assert.deepEqual(await dumpAnyRegister(file), before, 'a dry run writes nothing');
  assert.equal(preview.dryRun, true);
  assert.equal(preview.format, 'csv');
  assert.deepEqual(preview.headers, ['Subprocessor', 'Service Provided', 'Country', 'Website']);
  assert.deepEqual(preview.mapping, { name: 'Subprocessor', purpose: 'Service Provided', location: 'Country' }, 'guessed from the headers');
  assert.deepEqual(
    preview.rows.map((r) => [r.line, r.action, r.party, r.kind]),
    [
      [2, 'add', 'Amazon Web Services EMEA SARL', 'hosting'],
      [3, 'update', 'Mailgun Technologies', 'email'],
      [4, 'add', 'Stripe, Inc.', 'payment'],
      [6, 'skip', '', 'other'],
      [7, 'skip', 'AWS', 'hosting'],
    ],
    'each row with what it would become (lines as in the file: the quoted line break spans 4–5)',
  );
  assert.equal(preview.rows[0]!.catalogueId, 'aws');
  assert.equal(preview.rows[1]!.upstreamId, mailgun.id, 'the party already recorded is updated, not added');
  assert.equal(preview.rows[2]!.purpose, 'Payment processing\nand invoicing');
  assert.equal(preview.rows[3]!.reason, 'no name in the name column');
  assert.equal(preview.rows[4]!.reason, 'the same party as line 2');
  assert.deepEqual([preview.added, preview.updated, preview.unchanged, preview.skipped], [2, 1, 0, 2]);
  assert.equal(preview.upstreams.length, 3, 'the upstreams as they would be');

  const done = unwrap(await api['upstream.import']({ vendorId: vendor.id, content: LIST }));
  assert.deepEqual({ ...done, dryRun: true, upstreams: null }, { ...preview, upstreams: null }, 'the import did what the preview said');
  const stored = unwrap(await api['upstream.list']({ vendorId: vendor.id }));
  assert.deepEqual(stored.map((u) => [u.party, u.source, u.purpose, u.location]), [
    ['Mailgun Technologies', 'entered', 'Transactional e-mail', 'United States'],
    ['Amazon Web Services EMEA SARL', 'subprocessor_list', 'Cloud hosting', 'Ireland'],
    ['Stripe, Inc.', 'subprocessor_list', 'Payment processing\nand invoicing', 'United States'],
  ], 'in the order recorded; those of one import by name');
  assert.equal(stored[0]!.note, 'Checked', 'what was entered here (kind, note) stays');
  const trail = unwrap(await api['audit.list']({ vendorId: vendor.id })).filter((e) => e.entity === 'upstream');
  assert.deepEqual(trail.map((e) => e.action).sort(), ['create', 'create', 'create', 'update'], 'audited: the hand entry, two added, one updated');

  const again = unwrap(await api['upstream.import']({ vendorId: vendor.id, content: LIST }));
  assert.deepEqual([again.added, again.updated, again.unchanged, again.skipped], [0, 0, 3, 2], 'the same list again changes nothing');
});

test('a JSON list, a mapping given by hand, and bad files or mappings refused naming the field', async () => {
  const { api, vendor, file } = await register();
  const json = JSON.stringify([{ entity: 'Cloudflare, Inc.', function: 'CDN', hq: 'US' }, { entity: 'Okta', function: 'Single sign-on', hq: 'US' }]);
  const preview = unwrap(await api['upstream.import']({ vendorId: vendor.id, content: json, mapping: { name: 'Entity', location: 'HQ' }, dryRun: true }));
  assert.equal(preview.format, 'json');
  assert.deepEqual(preview.mapping, { name: 'entity', purpose: 'function', location: 'hq' });
  assert.deepEqual(preview.rows.map((r) => [r.party, r.kind, r.location]), [['Cloudflare, Inc.', 'cdn', 'US'], ['Okta', 'identity', 'US']]);

  const before = await dumpAnyRegister(file);
  const cases: [string, Parameters<(typeof api)['upstream.import']>[0], string][] = [
    ['a column the file lacks', { vendorId: vendor.id, content: 'Name,Purpose\nA,B', mapping: { name: 'Subprocessor' } }, 'mapping.name'],
    ['no column for the name', { vendorId: vendor.id, content: 'Purpose,Country\nA,B' }, 'mapping.name'],
    ['a quote never closed', { vendorId: vendor.id, content: 'Name\n"Open' }, 'content'],
    ['JSON that is not a list', { vendorId: vendor.id, content: '{"name": "A"}', format: 'json' }, 'content'],
    ['a file too large', { vendorId: vendor.id, content: 'x'.repeat(2 * 1024 * 1024 + 1) }, 'content'],
  ];
  for (const [what, input, path] of cases) {
    const result = await api['upstream.import'](input);
    assert.ok(!result.ok && result.error.code === 'validation', `${what}: a validation error`);
    assert.ok(result.error.details?.some((d) => d.path === path), `${what}: names ${path} (got ${JSON.stringify(result.error.details)})`);
  }
  const missing = await api['upstream.import']({ vendorId: 'no-such-provider', content: 'Name\nA' });
  assert.ok(!missing.ok && missing.error.code === 'not_found', 'an unknown provider: not found');
  assert.deepEqual(await dumpAnyRegister(file), before, 'nothing was stored');
});

test('the catalogue operation lists the built-in parties for the pick list', async () => {
  const { api } = await register();
  const catalogue = unwrap(await api['upstream.catalogue']({}));
  const aws = catalogue.find((p) => p.id === 'aws');
  assert.ok(aws && aws.regions.some((r) => r.code === 'us-east-1'), 'AWS with its regions');
});
