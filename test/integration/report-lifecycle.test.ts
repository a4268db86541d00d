// The review report's lifecycle sections, rendered for real and read back with pdftotext: sign-off
// with its workflow steps, findings, accepted risks and evidence.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/cli';
import { pdfText, qpdfCheck, savePdf } from '../helpers/pdf';
import { freshVetted, unwrap } from '../helpers/vetted';

const NOW = new Date('2026-11-20T10:00:00Z');
/** The register's clock: set forward to report as of a later day (a report can never be dated ahead of it). */
const clock = { now: NOW };
const flat = (s: string) => s.replace(/\s+/g, ' ');
const EVIDENCE_BYTES = Buffer.from('%PDF-1.4\nA SOC 2 Type II report, abridged for the test.\n');

/** A demo register where Gaugeworks went through the whole lifecycle. */
async function lifecycleRegister() {
  clock.now = NOW;
  const vetted = await freshVetted({ now: () => clock.now });
  const { api } = vetted;
  unwrap(await api['demo.load']({}));
  unwrap(await api['settings.update']({ userName: 'Dana Whitfield' }));
  const vendors = unwrap(await api['vendor.list']({}));
  const id = (name: string) => vendors.find((v) => v.name === name)!.id;
  const vendorId = id('Gaugeworks');
  const current = unwrap(await api['review.current']({ vendorId }))!;
  unwrap(await api['review.transition']({ reviewId: current.review.id, to: 'in_review' }));
  unwrap(
    await api['review.transition']({
      reviewId: current.review.id,
      to: 'approved_with_conditions',
      by: 'Chief Risk Officer',
      note: 'Enable single sign-on by March.',
    }),
  );
  unwrap(await api['finding.create']({ vendorId, title: 'Backups never restored in a test', severity: 'high', owner: 'Ops team', dueDate: '2026-11-10' }));
  unwrap(await api['finding.create']({ vendorId, title: 'Retention longer than policy', severity: 'low', dueDate: '2027-02-01' }));
  const mfa = unwrap(await api['finding.create']({ vendorId, title: 'No MFA on the admin console', severity: 'medium' }));
  unwrap(
    await api['acceptance.create']({
      findingId: mfa.id,
      justification: 'Console reachable only through the VPN.',
      expiresOn: '2026-12-01',
      acceptedBy: 'CISO Maria Keller',
    }),
  );
  unwrap(
    await api['acceptance.create']({
      reviewId: current.review.id,
      justification: 'Move to a dedicated tenancy is planned for Q3.',
      expiresOn: '2027-06-30',
    }),
  );
  const evidence = unwrap(
    await api['evidence.add']({
      vendorId,
      kind: 'soc2',
      fileName: 'soc2-2026.pdf',
      base64: EVIDENCE_BYTES.toString('base64'),
      title: 'SOC 2 Type II 2026',
      issuedOn: '2026-03-01',
      expiresOn: '2026-12-10',
    }),
  );
  return { ...vetted, id, vendorId, evidence };
}

async function reportText(api: Awaited<ReturnType<typeof lifecycleRegister>>['api'], vendorId: string, date: string, keepAs?: string, draft = false) {
  const file = unwrap(await api['report.vendor']({ vendorId, date, draft }));
  assert.deepEqual(file.warnings, []);
  const pdf = savePdf(Buffer.from(file.base64, 'base64'));
  const check = qpdfCheck(pdf);
  assert.ok(check.ok, check.output);
  if (keepAs) {
    // Kept for a person to look at (pdftoppm -png -r 60), like the e2e screenshots.
    const dir = path.join(REPO_ROOT, 'test-results', 'reports');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(pdf, path.join(dir, keepAs));
  }
  return { text: flat(pdfText(pdf)), layout: pdfText(pdf, true), base64: file.base64 };
}

/** The layout text from a heading line to the next heading given (headings stand alone on their line). */
function part(layout: string, from: string, to: string | null): string {
  const lines = layout.split('\n');
  const start = lines.findIndex((l) => l.trim() === from);
  assert.ok(start >= 0, `no "${from}" heading in the report`);
  const end = to === null ? -1 : lines.findIndex((l, i) => i > start && l.trim() === to);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** The line (a table row's first line) holding `key`, with the line after it (a wrapped second line). */
function row(text: string, key: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(key));
  assert.ok(i >= 0, `no row with "${key}" in:\n${text}`);
  return `${lines[i]}\n${lines[i + 1] ?? ''}`.replace(/\s+/g, ' ');
}

const includesAll = (text: string, parts: string[]) => {
  for (const p of parts) assert.ok(text.includes(p), `"${p}" missing from: ${text}`);
};

test('the report signs off the approved review with its steps, and lists findings, accepted risks and evidence', async () => {
  const { api, vendorId, evidence } = await lifecycleRegister();
  const { text, layout } = await reportText(api, vendorId, '2026-11-20', 'report-lifecycle.pdf');

  const signOff = part(layout, 'Sign-off', 'Workflow steps');
  includesAll(row(signOff, 'Approval status'), ['Approved with conditions']);
  includesAll(row(signOff, 'Decided by'), ['Chief Risk Officer']);
  includesAll(row(signOff, 'Decided on'), ['2026-11-20 10:00']);
  includesAll(row(signOff, 'Conditions'), ['Enable single sign-on by March.']);
  assert.ok(!signOff.includes('Not yet approved'));
  const steps = part(layout, 'Workflow steps', null);
  includesAll(row(steps, 'Draft → In review'), ['2026-11-20 10:00', 'Dana Whitfield', '—', 'UTC']);
  includesAll(row(steps, 'In review → Approved with conditions'), ['Chief Risk Officer', 'Enable single sign-on by March.']);

  const findings = part(layout, 'Findings', 'Accepted risks');
  includesAll(row(findings, 'Backups never restored in a test'), ['High', 'Open', 'Ops team', '2026-11-10', 'Overdue']);
  includesAll(row(findings, 'Retention longer than policy'), ['Low', 'Open', 'Not assigned', '2027-02-01']);
  assert.ok(!row(findings, 'Retention longer than policy').includes('Overdue'));
  assert.ok(findings.indexOf('Backups never restored') < findings.indexOf('Retention longer'), 'most severe first');
  assert.ok(!findings.includes('No MFA on the admin console'), 'an accepted finding is not an open one');

  const accepted = part(layout, 'Accepted risks', 'Evidence');
  includesAll(row(accepted, 'No MFA on the admin console'), [
    'Console reachable only through the', 'CISO Maria Keller', '2026-12-01', 'Finding, medium severity', '2026-11-20', 'Expires within 30',
  ]);
  includesAll(row(accepted, 'Move to a dedicated tenancy'), ['The whole review started', 'Dana Whitfield', '2027-06-30', 'Active']);

  const sha = createHash('sha256').update(EVIDENCE_BYTES).digest('hex');
  assert.equal(evidence.sha256, sha);
  includesAll(row(part(layout, 'Evidence', 'Answers'), 'SOC 2 Type II 2026'), [
    'SOC 2 report', 'soc2-2026.pdf', '2026-03-01', '2026-12-10', 'Expires within', sha.slice(0, 12),
  ]);
  assert.ok(!text.includes(sha.slice(0, 13)), 'a short SHA-256 only');

  assert.match(text, /Open findings 2 \(1 overdue\)/);
  assert.match(text, /Answers and score as they were signed off on 2026-11-20\./);
});

test('as of a later date the acceptance and the evidence read expired, and the finding is open again', async () => {
  const { api, vendorId } = await lifecycleRegister();
  clock.now = new Date('2026-12-20T10:00:00Z');
  const { text, layout } = await reportText(api, vendorId, '2026-12-15');
  includesAll(row(part(layout, 'Findings', 'Accepted risks'), 'No MFA on the admin console'), ['Medium', 'Open', '(acceptance expired)']);
  includesAll(row(part(layout, 'Accepted risks', 'Evidence'), 'No MFA on the admin console'), ['2026-12-01', 'Expired']);
  includesAll(row(part(layout, 'Evidence', 'Answers'), 'SOC 2 Type II 2026'), ['2026-12-10', 'Expired']);
  const again = await reportText(api, vendorId, '2026-12-15');
  assert.equal(again.base64, (await reportText(api, vendorId, '2026-12-15')).base64, 'same register and date, same bytes');
  assert.equal(again.text, text);
});

test('an open review reads "Not yet approved"; a provider with no records says so section by section', async () => {
  const { api, id } = await lifecycleRegister();
  const { text, layout } = await reportText(api, id('Burrow MQ'), '2026-11-20', undefined, true);
  const signOff = part(layout, 'Sign-off', null);
  assert.match(flat(signOff), /Not yet approved\. This review is draft: nobody has signed the provider off yet\./);
  includesAll(row(signOff, 'Approval status'), ['Not yet submitted for approval (draft)']);
  includesAll(signOff, ['No workflow step recorded', 'Approved by', 'Date']);
  for (const line of ['No open findings.', 'No risk has been accepted.', 'No evidence was stored on or before 2026-11-20.']) assert.ok(text.includes(line), line);
});
