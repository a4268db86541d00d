// Reading a provider's saved subprocessor list (shared/upstream/): the RFC 4180 reader's edge cases
// (quotes, line breaks inside quotes, BOM, CRLF, other separators), JSON lists, the column mapping
// guessed from headers and overridden, and the per-row plan (add, update, unchanged, skip and why).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Upstream } from '../../shared/domain/upstream';
import { VettedError } from '../../shared/result';
import { readCsv } from '../../shared/upstream/csv-read';
import { mappedRows, readSubprocessorFile, resolveMapping, MAX_SUBPROCESSOR_ROWS } from '../../shared/upstream/subprocessor-file';
import { guessKind, planSubprocessorImport } from '../../shared/upstream/subprocessor-plan';

const cells = (text: string) => readCsv(text).map((r) => r.cells);

test('quoted fields: separators, doubled quotes and line breaks inside; CRLF, LF and CR between records', () => {
  assert.deepEqual(cells('a,b\r\n"x, y","say ""hi"""\r\n'), [['a', 'b'], ['x, y', 'say "hi"']]);
  assert.deepEqual(cells('a,b\n"line one\r\nline two",z\n'), [['a', 'b'], ['line one\nline two', 'z']], 'a CRLF inside quotes reads as one \\n');
  assert.deepEqual(cells('a,b\rc,d'), [['a', 'b'], ['c', 'd']], 'old Mac line ends');
  assert.deepEqual(cells('a,b\n""\n,\n'), [['a', 'b'], [''], ['', '']], 'an empty quoted field is a record; an empty line is not');
  assert.deepEqual(cells('a,b\n\n\nc,d'), [['a', 'b'], ['c', 'd']], 'blank lines are left out');
  assert.deepEqual(cells('a,b\nc,"d"'), [['a', 'b'], ['c', 'd']], 'no line break at the end');
  assert.deepEqual(cells('a,b\nc,'), [['a', 'b'], ['c', '']], 'an empty last field');
});

test('a record that spans lines is named by the line it starts on; a quote never closed is an error naming its line', () => {
  const records = readCsv('h1,h2\n"one\ntwo",x\nthree,y\n');
  assert.deepEqual(records.map((r) => r.line), [1, 2, 4]);
  assert.throws(() => readCsv('h1,h2\nok,ok\n"open,never closed\nmore'), /line 3: a quoted field is never closed/);
  assert.deepEqual(readCsv('a\r\nb\r\n"c\r\nd"\r\ne').map((r) => r.line), [1, 2, 3, 5], 'CRLF is one line break, inside quotes too');
});

test('a byte order mark is not part of the first header; semicolon and tab files are read too', () => {
  const table = readSubprocessorFile('\uFEFFSubprocessor,Purpose\nMailgun,E-mail\n');
  assert.deepEqual(table.headers, ['Subprocessor', 'Purpose']);
  assert.deepEqual(cells('\uFEFF"Name",Country\nA,DE'), [['Name', 'Country'], ['A', 'DE']], 'the reader itself drops it (a quoted first header would otherwise keep it)');
  assert.deepEqual(cells('Name;Country\n"A;B";DE'), [['Name', 'Country'], ['A;B', 'DE']], 'semicolons (a German spreadsheet)');
  assert.deepEqual(cells('Name\tCountry\nA,B\tDE'), [['Name', 'Country'], ['A,B', 'DE']], 'tabs, with a comma kept in the text');
});

test('the mapping is guessed from common headers and can be overridden; no name column is an error naming mapping.name', () => {
  assert.deepEqual(resolveMapping(['Subprocessor', 'Purpose', 'Location']), { name: 'Subprocessor', purpose: 'Purpose', location: 'Location' });
  assert.deepEqual(resolveMapping(['Entity Name', 'Services Provided', 'Country of Processing']), { name: 'Entity Name', purpose: 'Services Provided', location: 'Country of Processing' });
  assert.deepEqual(resolveMapping(['Name', 'Service', 'Country']), { name: 'Name', purpose: 'Service', location: 'Country' });
  assert.deepEqual(resolveMapping(['Vendor', 'Notes']), { name: 'Vendor', purpose: null, location: null }, 'no purpose or location column: none');
  assert.deepEqual(resolveMapping(['Company', 'Legal Entity', 'Why'], { name: 'legal entity', purpose: 'Why' }), { name: 'Legal Entity', purpose: 'Why', location: null }, 'named without case');
  assert.deepEqual(resolveMapping(['Subprocessor', 'Purpose', 'Location'], { location: null }).location, null, 'null: no such column');
  const noName = (() => {
    try {
      resolveMapping(['Purpose', 'Country']);
    } catch (error) {
      return error as VettedError;
    }
    return null;
  })();
  assert.ok(noName instanceof VettedError && noName.details?.[0]?.path === 'mapping.name', 'names mapping.name');
  assert.match(noName.message, /"Purpose", "Country"/, 'and lists the columns there are');
  assert.throws(() => resolveMapping(['Subprocessor'], { purpose: 'Purpose' }), (e: VettedError) => e.details?.[0]?.path === 'mapping.purpose', 'a column the file lacks names its field');
});

test('JSON keys are columns matched without case, as CSV headers are: "Name" in one object and "name" in another are one column', () => {
  const table = readSubprocessorFile('[{"Name": "Cloudflare, Inc.", "Purpose": "CDN"}, {"name": "Stripe", "purpose": "Payments", "Location": "US"}]');
  assert.deepEqual(table.headers, ['Name', 'Purpose', 'Location'], 'one column per key whatever its case, named as first seen');
  assert.deepEqual(
    mappedRows(table, resolveMapping(table.headers)).map((r) => [r.party, r.purpose, r.location]),
    [
      ['Cloudflare, Inc.', 'CDN', ''],
      ['Stripe', 'Payments', 'US'],
    ],
    'both rows keep their name and purpose',
  );
});

test('a JSON array of objects is read by its keys; anything else is an error naming where', () => {
  const table = readSubprocessorFile(' [{"name": "Stripe", "purpose": "Payments", "location": "US"}, {"name": "Twilio", "purpose": "SMS", "extra": {"x": 1}}]');
  assert.equal(table.format, 'json');
  assert.deepEqual(table.headers, ['name', 'purpose', 'location']);
  assert.deepEqual(mappedRows(table, resolveMapping(table.headers)), [
    { line: 1, party: 'Stripe', purpose: 'Payments', location: 'US' },
    { line: 2, party: 'Twilio', purpose: 'SMS', location: '' },
  ]);
  assert.throws(() => readSubprocessorFile('[{"name": "A"}, "B"]'), /\$\[1\]: expected an object/);
  assert.throws(() => readSubprocessorFile('{"name": "A"}', 'json'), /expected a JSON array/);
  assert.throws(() => readSubprocessorFile('[{"name": '), /not valid JSON/);
  assert.throws(() => readSubprocessorFile(''), /the file is empty/);
  const tooMany = 'Name\n' + Array.from({ length: MAX_SUBPROCESSOR_ROWS + 1 }, (_, i) => `P${i}`).join('\n');
  assert.throws(() => readSubprocessorFile(tooMany), new RegExp(`${MAX_SUBPROCESSOR_ROWS + 1} rows`));
  assert.throws(() => readSubprocessorFile('Name,name\nA,B'), /the header "name" is used twice/);
});

const stored = (over: Partial<Upstream>): Upstream => ({
  id: 'u1', vendorId: 'v', party: 'Mailgun', catalogueId: null, kind: 'email', regions: [], purpose: 'E-mail', location: 'US',
  source: 'entered', note: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...over,
});

test('the plan: new parties added with a guessed kind, known ones updated or unchanged, the rest skipped with why', () => {
  const rows = [
    { line: 2, party: 'Amazon Web Services EMEA SARL', purpose: 'Cloud infrastructure', location: 'Ireland' },
    { line: 3, party: 'Mailgun Technologies, Inc.', purpose: 'Transactional e-mail', location: 'US' },
    { line: 4, party: 'Stripe', purpose: 'Payment processing', location: 'US' },
    { line: 5, party: '', purpose: 'orphan', location: '' },
    { line: 6, party: 'AWS', purpose: 'Again', location: '' },
    { line: 7, party: 'Existing Ltd', purpose: 'Same', location: 'DE' },
    { line: 8, party: 'x'.repeat(201), purpose: '', location: '' },
  ];
  const existing = [stored({ id: 'm', party: 'Mailgun Technologies' }), stored({ id: 'e', party: 'Existing', purpose: 'Same', location: 'DE', kind: 'other' })];
  const plan = planSubprocessorImport(rows, existing);
  assert.deepEqual(plan.map((r) => [r.line, r.action]), [[2, 'add'], [3, 'update'], [4, 'add'], [5, 'skip'], [6, 'skip'], [7, 'unchanged'], [8, 'skip']]);
  assert.equal(plan[0]!.catalogueId, 'aws', 'a legal entity the catalogue knows');
  assert.equal(plan[0]!.kind, 'hosting', 'kind from the catalogue');
  assert.equal(plan[1]!.upstreamId, 'm', 'matched by the folded name ("Inc." and the comma ignored)');
  assert.equal(plan[1]!.reason, 'purpose "E-mail" → "Transactional e-mail"', 'says what changes');
  assert.equal(plan[2]!.kind, 'payment', 'kind from the purpose’s words');
  assert.equal(plan[3]!.reason, 'no name in the name column');
  assert.equal(plan[4]!.reason, 'the same party as line 2');
  assert.equal(plan[6]!.reason, 'the party is longer than 200 characters');

  const noLocation = planSubprocessorImport([{ line: 2, party: 'Mailgun Technologies', purpose: 'E-mail', location: '' }], existing, { purpose: true, location: false });
  assert.deepEqual([noLocation[0]!.action, noLocation[0]!.location], ['unchanged', 'US'], 'a file without a location column leaves the stored location');
});

test('rows past the per-provider limit are skipped, and a kind is guessed from words or left as other', () => {
  const existing = Array.from({ length: 199 }, (_, i) => stored({ id: `s${i}`, party: `Party ${i}` }));
  const plan = planSubprocessorImport([{ line: 2, party: 'New A', purpose: '', location: '' }, { line: 3, party: 'New B', purpose: '', location: '' }, { line: 4, party: 'Party 5', purpose: 'E-mail', location: 'US' }], existing);
  assert.deepEqual(plan.map((r) => r.action), ['add', 'skip', 'unchanged']);
  assert.match(plan[1]!.reason, /more than 200 fourth parties/);
  assert.equal(guessKind(null, 'Content delivery network'), 'cdn');
  assert.equal(guessKind(null, 'Managed DNS'), 'dns');
  assert.equal(guessKind(null, 'Single sign-on'), 'identity');
  assert.equal(guessKind(null, 'Customer support ticketing'), 'other');
});
