// `vetted upstream add|list|remove|import` run as a user would, on real temp registers (the bundle
// when built): output in words, --json as the API returns it, the import's dry run as the preview,
// and bad flags that name the flag, exit 2 and store nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { UpstreamView } from '../../shared/api';
import { cliRegister } from '../helpers/cli';
import { dumpRegister } from '../helpers/db-dump';

const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+/, `no stack trace:\n${s}`);

function oneProvider() {
  const r = cliRegister('vetted-cli-upstreams-');
  r.ok('vendor', 'add', 'Hosted DB', '--category', 'database', '--critical-path');
  return r;
}

test('add with regions and uses, list in words and as JSON, remove by a short id', () => {
  const { ok } = oneProvider();
  const added = ok('upstream', 'add', 'hosted db', '--party', 'Amazon Web Services', '--kind', 'hosting', '--regions', 'us-east-1,eu-west-1', '--uses', 'EU customers', '--purpose', 'Hosting');
  assert.match(
    added,
    /^Added to Hosted DB: Amazon Web Services \(hosting; catalogue aws; regions us-east-1 US East \(N\. Virginia\) \[EU customers\], eu-west-1 Europe \(Ireland\) \[EU customers\]\); id ([0-9a-f]{8})\.\n$/,
    'the party, its catalogue id and regions by name',
  );
  ok('upstream', 'add', 'Hosted DB', '--party', 'Internal relay', '--kind', 'email');
  const list = ok('upstream', 'list');
  assert.match(list, /^Provider\s+Fourth party\s+Kind\s+Regions\s+Purpose\s+Location\s+Source\s+ID\n/);
  assert.match(list, /Hosted DB\s+Amazon Web Services\s+Hosting\s+us-east-1, eu-west-1\s+Hosting\s+Entered\s+[0-9a-f]{8}/);
  const json = JSON.parse(ok('upstream', 'list', 'Hosted DB', '--json')) as UpstreamView[];
  assert.deepEqual(json.map((u) => [u.party, u.catalogueId, u.regions.map((r) => r.uses)]), [['Amazon Web Services', 'aws', ['EU customers', 'EU customers']], ['Internal relay', null, []]]);
  const removed = ok('upstream', 'remove', json[1]!.id.slice(0, 8));
  assert.match(removed, /^Removed from Hosted DB: Internal relay \(e-mail; not in the catalogue\); id [0-9a-f]{8}\.\n$/);
  assert.equal(ok('upstream', 'list', 'Hosted DB').includes('Internal relay'), false);
});

test('a region the catalogue does not list for the cloud is kept, with a note naming the code it probably means; a purpose on two lines stays on one table line', () => {
  const { ok } = oneProvider();
  const added = ok('upstream', 'add', 'Hosted DB', '--party', 'AWS', '--kind', 'hosting', '--regions', 'eu-central1,us-east-1', '--purpose', 'Hosting\nand backups');
  assert.match(added, /\nNote: eu-central1 is not a region of Amazon Web Services in Vetted's catalogue \(did you mean eu-central-1\?\); kept as typed/, 'the typo is named');
  assert.doesNotMatch(added, /Note: us-east-1/, 'a listed region gets no note');
  const list = ok('upstream', 'list').trimEnd().split('\n');
  assert.equal(list.length, 3, `header, rule and one row:\n${list.join('\n')}`);
  assert.match(list[2]!, /Hosting and backups/, 'the line break became a space');
});

test('bad flags name the flag, exit 2 and store nothing', () => {
  const { ok, vetted, db } = oneProvider();
  ok('upstream', 'add', 'Hosted DB', '--party', 'AWS', '--kind', 'hosting');
  const before = dumpRegister(db);
  const cases: [string[], number, RegExp][] = [
    [['upstream', 'add', 'Hosted DB', '--party', 'X', '--kind', 'mainframe'], 2, /^vetted: --kind: expected one of hosting, cdn, dns, email, payment, identity, other, got "mainframe"\n$/],
    [['upstream', 'add', 'Hosted DB', '--party', 'X', '--kind', 'cdn', '--regions', 'us-east-1,US-EAST-1'], 2, /^vetted: --regions: lists a region twice\n$/],
    [['upstream', 'add', 'Hosted DB', '--party', 'X', '--kind', 'cdn', '--regions', '*bad'], 2, /^vetted: --regions: must be a region code such as us-east-1 or a place name \("\*bad"\)\n$/],
    [['upstream', 'add', 'Hosted DB', '--party', 'X', '--kind', 'cdn', '--uses', 'EU'], 2, /^vetted: --uses: give --regions too/],
    [['upstream', 'add', 'Hosted DB', '--party', 'X', '--kind', 'cdn', '--regions', ','], 2, /^vetted: --regions: an empty region in ","/],
    [['upstream', 'add', 'Hosted DB', '--party', 'X', '--kind', 'cdn', '--regions', 'us-east-1,,eu-west-1'], 2, /^vetted: --regions: an empty region/],
    [['upstream', 'add', 'Hosted DB', '--party', 'X', '--kind', 'cdn', '--catalogue', 'nope'], 2, /^vetted: --catalogue: "nope" is not in the catalogue of fourth parties\n$/],
    [['upstream', 'add', 'Hosted DB', '--party', 'Amazon Web Services, Inc.', '--kind', 'hosting'], 2, /^vetted: --party: the provider already records "AWS"/],
    [['upstream', 'add', 'Hosted DB', '--kind', 'hosting'], 1, /--party is required/],
    [['upstream', 'add', 'Nobody', '--party', 'X', '--kind', 'cdn'], 2, /no provider named or with id "Nobody"/],
    [['upstream', 'import', 'Hosted DB', 'list.csv', '--map', 'owner=Name'], 2, /^vetted: --map: expected field=column pairs/],
    [['upstream', 'remove', 'ffffffff'], 2, /no fourth party with id "ffffffff" \(see: vetted upstream list\)/],
    [['upstream'], 1, /usage: vetted upstream add VENDOR/],
  ];
  for (const [args, status, message] of cases) {
    const run = vetted(...args);
    assert.equal(run.status, status, `vetted ${args.join(' ')} exits ${status}:\n${run.stderr}`);
    assert.match(run.stderr, message, `vetted ${args.join(' ')}`);
    noStack(run.stderr);
  }
  assert.deepEqual(dumpRegister(db), before, 'nothing was stored');
});

test('import: the dry run prints the preview and writes nothing; --map names the columns; the import writes it', () => {
  const { ok, vetted, db, dir } = oneProvider();
  const file = path.join(dir, 'subprocessors.csv');
  fs.writeFileSync(file, '\uFEFFEntity;Nature of processing;Place\r\nAmazon Web Services EMEA SARL;Cloud hosting;Ireland\r\n"Stripe; Inc.";Payments;US\r\n;Nothing;\r\n');
  const before = dumpRegister(db);
  const preview = ok('upstream', 'import', 'Hosted DB', file, '--map', 'location=Place', '--dry-run');
  assert.deepEqual(dumpRegister(db), before, 'the dry run wrote nothing');
  assert.match(preview, /^Dry run: nothing was written\. Importing subprocessors\.csv for Hosted DB would give: 2 added, 0 updated, 0 unchanged, 1 skipped\.\n/);
  assert.match(preview, /\nColumns: name from "Entity", purpose from "Nature of processing", location from "Place"/);
  assert.match(preview, /\n2\s+add\s+Amazon Web Services EMEA SARL\s+Hosting\s+aws\s+Cloud hosting\s+Ireland\n/);
  assert.match(preview, /\n3\s+add\s+Stripe; Inc\.\s+Payment\s+Payments\s+US\n/);
  assert.match(preview, /\n4\s+skip\s+Other\s+Nothing\s+no name in the name column\n/);

  const missing = vetted('upstream', 'import', 'Hosted DB', file, '--map', 'name=Subprocessor');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^vetted: --map name: the file has no column "Subprocessor" \(its columns: "Entity", "Nature of processing", "Place"\)\n$/);
  const broken = path.join(dir, 'broken.csv');
  fs.writeFileSync(broken, 'Name\n"never closed\n');
  const bad = vetted('upstream', 'import', 'Hosted DB', broken);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /broken\.csv: line 2: a quoted field is never closed/);
  assert.deepEqual(dumpRegister(db), before, 'refused files store nothing');

  const done = ok('upstream', 'import', 'Hosted DB', file, '--map', 'location=Place');
  assert.match(done, /^Imported subprocessors\.csv for Hosted DB: 2 added, 0 updated, 0 unchanged, 1 skipped\./);
  const list = ok('upstream', 'list', 'Hosted DB');
  assert.match(list, /Amazon Web Services EMEA SARL\s+Hosting\s+Cloud hosting\s+Ireland\s+Subprocessor list/);
});
