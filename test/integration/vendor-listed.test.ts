// The register table's lean read of providers (repositories/vendors.ts listed(), issue 20) must say
// of every provider exactly what the full read says, for the columns it reads, in the same order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshVetted, unwrap } from '../helpers/vetted';

test('listed() gives the same providers, in the same order and with the same shown fields, as list()', async () => {
  const vetted = await freshVetted();
  const { api } = vetted;
  unwrap(await api['vendor.create']({ name: 'zeta queue', service: 'Queue', category: 'message-queue' }));
  unwrap(
    await api['vendor.create']({
      name: 'Alpha "DB"',
      service: 'Hosted Postgres',
      category: 'database',
      criticalPath: true,
      businessImpact: 'high',
      dataCategories: ['personal-data', 'credentials-secrets'],
      dataLocations: ['Germany'],
      notes: 'Not read by the table.',
    }),
  );
  const retired = unwrap(await api['vendor.create']({ name: 'Mid Logs', category: 'logging', dataCategories: ['logs-telemetry'] }));
  unwrap(await api['vendor.update']({ id: retired.id, patch: { status: 'retired' } }));

  const full = await vetted.ctx.vendors.list();
  const lean = await vetted.ctx.vendors.listed();
  assert.deepEqual(
    lean,
    full.map(({ id, name, service, category, status, criticalPath, businessImpact, dataCategories }) => ({
      id,
      name,
      service,
      category,
      status,
      criticalPath,
      businessImpact,
      dataCategories,
    })),
  );
  assert.deepEqual(
    lean.map((v) => v.name),
    ['Alpha "DB"', 'Mid Logs', 'zeta queue'],
  );
  assert.deepEqual(lean[0]!.dataCategories, ['personal-data', 'credentials-secrets']);
  assert.deepEqual(lean[2]!.dataCategories, []);

  // And the register built on it shows the profile's inherent tier and status as the full read would.
  const rows = unwrap(await api['vendor.list']({}));
  assert.deepEqual(
    rows.map((r) => [r.name, r.status, r.criticalPath, r.inherentTier]),
    [
      ['Alpha "DB"', 'proposed', true, 'critical'],
      ['Mid Logs', 'retired', false, 'low'],
      ['zeta queue', 'proposed', false, 'low'],
    ],
  );
  // Each row's schedule is the contract's Reassessment, nothing more: the provider's id, name and
  // status are the row's own (they were repeated inside it, a sixth of the listing's bytes).
  for (const row of rows) {
    assert.deepEqual(Object.keys(row.reassessment).sort(), ['approvedOn', 'decision', 'due', 'reviewId', 'source', 'state', 'tier']);
  }
});

test("the register's finding columns count what the findings list says is open and overdue, provider by provider", async () => {
  const vetted = await freshVetted();
  const { api } = vetted;
  unwrap(await api['demo.load']({}));
  const rows = unwrap(await api['vendor.list']({}));
  let open = 0;
  for (const row of rows) {
    const listed = unwrap(await api['finding.list']({ vendorId: row.id, open: true }));
    assert.deepEqual([row.openFindings, row.overdueFindings], [listed.length, listed.filter((f) => f.overdue).length], row.name);
    open += listed.length;
  }
  const all = unwrap(await api['finding.list']({}));
  assert.ok(open > 0 && all.length > open, `the demo has open findings and others (accepted or fixed): ${open} of ${all.length}`);
});
