// `vetted send|receive|requests` run as a user would, on real temp registers: the page written with
// its CSP and request, an answers file built from the request the page carries, a dry run that shows
// the diff and writes nothing, --accept all that takes the answers as the provider's, and refusals
// (a broken digest, an unknown id to accept) that exit 2 with the register unchanged.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openVetted } from '../../electron/core/vetted';
import type { SentQuestion as Question } from '../../shared/exchange/sent-template';
import type { AnswersFile, ProviderAnswer, QuestionnaireRequest } from '../../shared/domain/vendor-exchange';
import { buildAnswersFile } from '../../shared/exchange/answers-builder';
import { cliRegister, REPO_ROOT } from '../helpers/cli';
import { dumpRegister } from '../helpers/db-dump';

const CONTACT = 'Jane Doe <jane@acme.example>';
const VENDOR_PAGE_SCRIPT = path.join(REPO_ROOT, 'dist/vendor/questionnaire.js');

/** A temp register with one provider, and the CLI bound to it. */
function register() {
  const r = cliRegister('vetted-cli-questionnaire-');
  r.ok('vendor', 'add', 'Acme Cloud', '--category', 'hosting');
  return r;
}

/**
 * The page needs the provider's page script, built by `npm run build:renderer` into dist/vendor.
 * Without it `send` cannot work: say so plainly rather than report a confusing failure (or skip).
 */
function requirePageBuilt(): void {
  assert.ok(fs.existsSync(VENDOR_PAGE_SCRIPT), `precondition: ${VENDOR_PAGE_SCRIPT} is missing; run \`npm run -s build:renderer\` first (it builds the provider's page)`);
}

/** The request the page carries, read back the way the page's own script reads it. */
function requestInPage(html: string): QuestionnaireRequest {
  const match = /<script type="application\/json" id="vetted-request">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(match, 'the page embeds its request as <script type="application/json" id="vetted-request">');
  return JSON.parse(match[1]!) as QuestionnaireRequest;
}

/** The first `n` unconditional yes/no questions of the request's template. */
function yesNoQuestions(request: QuestionnaireRequest, n: number): Question[] {
  const found = request.template.sections.flatMap((s) => s.questions).filter((q) => q.kind === 'yesno' && !q.showWhen);
  assert.ok(found.length >= n, `the template has at least ${n} unconditional yes/no questions (has ${found.length})`);
  return found.slice(0, n);
}

const answer = (questionId: string, value: ProviderAnswer['value'], comment = ''): ProviderAnswer => ({ questionId, value, na: false, comment });

/** Sends a questionnaire, holds one answer, and writes the provider's answers file beside the page. */
function sentAndAnswered() {
  requirePageBuilt();
  const r = register();
  const page = path.join(r.dir, 'questionnaire.html');
  const sent = r.ok('send', 'Acme Cloud', '--out', page, '--contact', CONTACT, '--due', '2099-01-15');
  const html = fs.readFileSync(page, 'utf8');
  const request = requestInPage(html);
  const [changed, fresh, commented, misfit, empty] = yesNoQuestions(request, 5) as [Question, Question, Question, Question, Question];
  // Held before the answers come back, so the provider's differing answer is a change.
  r.ok('answer', 'Acme Cloud', changed.id, 'yes');
  const file = buildAnswersFile(
    request,
    [
      answer(changed.id, 'partial', 'Backups are encrypted from March.'),
      answer(fresh.id, 'yes'),
      answer(commented.id, 'yes', 'Enforced for every account since 2024.'),
      answer(misfit.id, 'maybe'),
      answer(empty.id, null),
    ],
    'John Smith, security officer',
    '2026-12-05T10:00:00Z',
  );
  const answersPath = path.join(r.dir, 'answers.json');
  fs.writeFileSync(answersPath, JSON.stringify(file, null, 2));
  return { ...r, page, html, sent, request, file, answersPath, q: { changed, fresh, commented, misfit, empty } };
}

/** The register's API in this process, closed again before the next CLI run. */
async function currentReview(db: string) {
  const vetted = await openVetted(db, { logError: () => {} });
  try {
    const vendors = await vetted.api['vendor.list']({});
    assert.ok(vendors.ok, 'vendor.list works');
    const current = await vetted.api['review.current']({ vendorId: vendors.value[0]!.id });
    assert.ok(current.ok && current.value, 'the provider has an open review');
    return current.value;
  } finally {
    vetted.close();
  }
}

const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+/, `no stack trace:\n${s}`);

test('send: writes one page with its CSP and request id, says what it sent, and requests lists it', () => {
  const { html, sent, request, page, ok } = sentAndAnswered();
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*default-src 'none'/, 'the page carries a strict CSP');
  assert.ok(html.includes(request.requestId), 'the page names its request id');
  assert.equal(request.contact, CONTACT);
  assert.equal(request.due, '2099-01-15');
  assert.equal(request.vendor.name, 'Acme Cloud');
  assert.match(sent, new RegExp(`^Wrote ${page.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ KB\\)\\n`), sent);
  assert.match(sent, new RegExp(`\\n {2}Request {3}${request.requestId}\\n`), sent);
  assert.match(sent, new RegExp(`\\n {2}Template {2}.+ \\(${request.template.id} v${request.template.version}\\)\\n`), sent);
  assert.match(sent, /\n {2}Contact {3}Jane Doe <jane@acme\.example>\n {2}Due {7}2099-01-15\n {2}Prefilled none\n/, sent);
  assert.match(sent, /Send questionnaire\.html to the provider[\s\S]*vetted receive FILE\.json/, sent);

  const listed = ok('requests', 'Acme Cloud');
  assert.match(listed, /^Request +Provider +Sent +By +Contact +Due +Received\n/, listed);
  assert.match(listed, new RegExp(`\\n${request.requestId} +Acme Cloud +\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC +.+Jane Doe <jane@acme\\.example> +2099-01-15 +not yet\\n`), listed);
});

test('receive --dry-run shows the diff grouped by kind and the rejection, and writes nothing', () => {
  const { db, answersPath, file, q, request, ok } = sentAndAnswered();
  const before = dumpRegister(db);
  const out = ok('receive', answersPath, '--dry-run', '--verbose');
  assert.match(out, /^Dry run: nothing was written\. Answers file /, out);
  assert.match(out, /\n {2}Format {6}Vetted answers file/, out);
  assert.match(out, new RegExp(`\\n {2}Request {5}${request.requestId}\\n`), out);
  assert.match(out, /\n {2}Provider {4}Acme Cloud\n {2}Contact {5}Jane Doe <jane@acme\.example>\n {2}Respondent {2}John Smith, security officer\n/, out);
  assert.ok(out.includes(`SHA-256     ${file.sha256} stated by the file`), `the digest stated and checked is shown:\n${out}`);
  assert.match(out, /ask the provider to confirm it/, out);
  assert.match(out, /--expect-sha256/, out);
  assert.match(out, /\n {2}Review {6}the open review [0-9a-f-]{8} /, out);

  const section = (title: RegExp) => {
    const start = out.search(title);
    assert.ok(start >= 0, `a ${title} group:\n${out}`);
    const rest = out.slice(start);
    const end = rest.indexOf('\n\n');
    return end < 0 ? rest : rest.slice(0, end);
  };
  const fresh = section(/^New \(2\):/m);
  assert.ok(fresh.includes(q.fresh.id) && fresh.includes(q.commented.id), `both new answers listed:\n${fresh}`);
  assert.match(fresh, /Provider's comment: "Enforced for every account since 2024\."/, fresh);
  const changed = section(/^Changed \(1\):/m);
  assert.ok(changed.includes(q.changed.id), `the changed answer listed:\n${changed}`);
  const label = (question: Question, id: string) => question.options!.find((o) => o.id === id)!.label;
  assert.ok(changed.includes(`${label(q.changed, 'yes')} → ${label(q.changed, 'partial')}`), `old → new, in words:\n${changed}`);
  assert.ok(section(/^Left empty by the provider: 1/m).includes(q.empty.id), 'the question left empty, with --verbose');
  const rejected = section(/^Rejected \(1\):/m);
  assert.ok(rejected.includes(q.misfit.id) && rejected.includes('maybe'), `the value that does not fit, with what was given:\n${rejected}`);
  assert.match(out, /\nScore if accepted: .+ → .+\n/, out);
  assert.match(out, /\nNothing was taken \(3 answers could be\); run again with --accept all or --accept ID,ID…\n$/, out);
  assert.deepEqual(dumpRegister(db), before, 'a dry run writes nothing');
});

test('receive --accept all takes the answers as the provider\'s, and the score changes', async () => {
  const { db, answersPath, q, ok } = sentAndAnswered();
  const scoreBefore = ok('score', 'Acme Cloud');
  const out = ok('receive', answersPath, '--accept', 'all');
  assert.doesNotMatch(out, /^Dry run/, out);
  assert.match(out, /\nAccepted 3 answers into the review of Acme Cloud as answered by the provider \(Jane Doe <jane@acme\.example>; filled in by John Smith, security officer\); accepted by .+\.\n$/, out);
  assert.match(out, /\nScore: .+ → .+\n/, out);

  const review = await currentReview(db);
  const held = new Map(review.answers.map((a) => [a.questionId, a]));
  assert.equal(held.get(q.changed.id)?.value, 'partial', 'the changed answer taken');
  assert.equal(held.get(q.fresh.id)?.value, 'yes', 'a new answer taken');
  assert.equal(held.get(q.commented.id)?.providerComment, 'Enforced for every account since 2024.', "the provider's comment kept as theirs");
  assert.equal(held.get(q.commented.id)?.comment, '', "the reviewer's comment is not the provider's");
  assert.equal(held.get(q.fresh.id)?.answeredBy?.contact, CONTACT, 'answered by the provider, naming the contact');
  assert.equal(held.get(q.fresh.id)?.answeredBy?.respondent, 'John Smith, security officer');
  assert.equal(held.has(q.misfit.id), false, 'the value that does not fit was left out');
  assert.equal(held.has(q.empty.id), false, 'an answer left empty takes nothing');
  assert.notEqual(ok('score', 'Acme Cloud'), scoreBefore, 'the score output changed');
  assert.match(ok('requests'), /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(SHA-256 [0-9a-f]{12}…\)\n$/, 'the request is marked received');
  const audit = ok('history', 'Acme Cloud', '--audit');
  assert.equal(audit.match(/ Answer \S+ (created|updated): answered by the provider \(Jane Doe <jane@acme\.example>; filled in by John Smith, security officer\), accepted by /g)?.length, 3, `every accepted answer audited as the provider's:\n${audit}`);
  assert.doesNotMatch(audit, /answered_by:/, 'who answered is said in words, not as stored JSON');
});

test('receive --accept ID,ID takes only those; the same file again has nothing new', async () => {
  const { db, answersPath, q, ok } = sentAndAnswered();
  const out = ok('receive', answersPath, '--accept', `${q.fresh.id}, ${q.changed.id}`);
  assert.match(out, /\nAccepted 2 answers into the review of Acme Cloud/, out);
  const held = new Map((await currentReview(db)).answers.map((a) => [a.questionId, a]));
  assert.equal(held.get(q.fresh.id)?.value, 'yes');
  assert.equal(held.has(q.commented.id), false, 'an answer not named is not taken');
  const again = ok('receive', answersPath, '--dry-run');
  assert.match(again, /^New \(1\):/m, `only the one not taken is still new:\n${again}`);
});

test('refused: a broken digest, an unknown id to accept, a file too big or missing, bad flags: exit 2 or 1, register unchanged', () => {
  const { db, dir, answersPath, file, q, vetted } = sentAndAnswered();
  const before = dumpRegister(db);

  const tampered: AnswersFile = { ...file, answers: file.answers.map((a) => (a.questionId === q.changed.id ? { ...a, value: 'yes' } : a)) };
  const tamperedPath = path.join(dir, 'tampered.json');
  fs.writeFileSync(tamperedPath, JSON.stringify(tampered));
  const huge = path.join(dir, 'huge.json');
  fs.writeFileSync(huge, ' '.repeat(2 * 1024 * 1024 + 1));

  const refusals: [string[], number, RegExp][] = [
    [['receive', tamperedPath, '--accept', 'all'], 2, /^vetted: .*tampered\.json: .*(changed|digest)/],
    [['receive', answersPath, '--accept', 'no-such-question'], 2, /^vetted: --accept: cannot accept .*no-such-question/],
    [['receive', answersPath, '--accept', ','], 2, /^vetted: --accept: expected all, none or question ids/],
    [['receive', huge], 2, /^vetted: .*huge\.json: the file is 2\.0 MB; an answers file is at most 2 MB\n$/],
    [['receive', path.join(dir, 'missing.json')], 2, /^vetted: .*missing\.json: no such file\n$/],
    [['receive', answersPath, '--provider', 'Nobody'], 2, /^vetted: no provider named or with id "Nobody"/],
    [['receive'], 1, /^vetted: usage: vetted receive FILE\.json/],
    [['send', 'Acme Cloud'], 1, /^vetted: --out is required\nusage: vetted send/],
    [['send', 'Acme Cloud', '--out', path.join(dir, 'q2.html'), '--due', '2099-02-30'], 2, /^vetted: --due: expected a date written YYYY-MM-DD, got "2099-02-30"\n$/],
    [['send', 'Acme Cloud', '--out', path.join(dir, 'q2.html'), '--contact', 'x'.repeat(201)], 2, /^vetted: --contact: /],
    [['send', 'Nobody', '--out', path.join(dir, 'q2.html')], 2, /^vetted: no provider named or with id "Nobody"/],
  ];
  for (const [args, status, message] of refusals) {
    const run = vetted(...args);
    assert.equal(run.status, status, `vetted ${args.join(' ')} exits ${status}:\n${run.stdout}${run.stderr}`);
    assert.match(run.stderr, message, `vetted ${args.join(' ')}`);
    noStack(run.stderr);
    assert.equal(run.stdout, '', `vetted ${args.join(' ')} prints no diff when refused`);
  }
  assert.deepEqual(dumpRegister(db), before, 'nothing was taken or stored by a refused command');
  assert.equal(fs.existsSync(path.join(dir, 'q2.html')), false, 'a refused send writes no page');
});

test('receive --expect-sha256: the digest the provider quoted is checked; another one refuses the file (exit 2, nothing taken)', () => {
  const { db, answersPath, file, vetted, ok } = sentAndAnswered();
  const before = dumpRegister(db);
  const wrong = vetted('receive', answersPath, '--accept', 'all', '--expect-sha256', 'f'.repeat(64));
  assert.equal(wrong.status, 2, `a digest other than the one quoted exits 2:\n${wrong.stdout}${wrong.stderr}`);
  assert.match(wrong.stderr, /--expect-sha256: .*is not the one the provider quoted/, wrong.stderr);
  assert.deepEqual(dumpRegister(db), before, 'nothing was taken');
  const right = ok('receive', answersPath, '--accept', 'all', '--expect-sha256', file.sha256.toUpperCase());
  assert.match(right, /Accepted \d+ answers?/, right);
});
