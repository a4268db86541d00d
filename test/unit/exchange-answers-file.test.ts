// Reading an answers file that came back (shared/exchange/answers-file.ts): the page's file round
// trip with its digest, every refusal naming its JSON path, VSAQ's flat map, and a fuzz test that
// the parser only ever returns a file that re-validates or throws AnswersFileError.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { ProviderAnswer, QuestionnaireRequest } from '../../shared/domain/vendor-exchange';
import { AnswersFile, MAX_ANSWERS_FILE_CHARS, MAX_FILE_ANSWERS, REQUEST_FORMAT } from '../../shared/domain/vendor-exchange';
import { buildAnswersFile } from '../../shared/exchange/answers-builder';
import { AnswersFileError, MAX_VSAQ_ITEMS, parseAnswersText, type ParsedAnswers } from '../../shared/exchange/answers-file';
import { sha256Hex, templateHash } from '../../shared/exchange/digest';
import { scanJson } from '../../shared/exchange/json-scan';
import { toSentTemplate } from '../../shared/exchange/sent-template';
import { BUILT_IN_TEMPLATES } from '../../shared/templates/index';

const TEMPLATE = BUILT_IN_TEMPLATES[0]!;

const REQUEST: QuestionnaireRequest = {
  format: REQUEST_FORMAT,
  requestId: 'req-2026-0001',
  vendor: { id: 'v-acme', name: 'Acme Hosting' },
  requestedBy: 'Dana Reviewer',
  contact: 'Sam Provider <sam@acme.example>',
  due: '2027-01-15',
  sentAt: '2026-12-05T09:00:00.000Z',
  template: toSentTemplate(TEMPLATE),
  templateHash: templateHash(TEMPLATE),
  prefill: [],
  prefilledFrom: null,
};

const ANSWERS: ProviderAnswer[] = [
  { questionId: 'sec_encryption_at_rest', value: 'yes', na: false, comment: 'AES-256, keys in an HSM.' },
  { questionId: 'sec_certifications', value: ['iso27001', 'soc2_type2'], na: false, comment: '' },
  { questionId: 'sec_breach_notification_hours', value: 24, na: false, comment: '' },
  { questionId: 'sec_cert_report_date', value: null, na: true, comment: 'Reports are shared under NDA only — ask us.' },
  { questionId: 'sec_incident_details', value: 'Line one\nLine two «ünïcødé» 🚀', na: false, comment: '' },
  { questionId: 'acc_sso', value: null, na: false, comment: 'Planned for Q3.' },
];

const FILE = buildAnswersFile(REQUEST, ANSWERS, '  Sam Provider ', '2026-12-06T10:00:00+01:00');

/** The same JSON with every object's keys in reverse order (JSON has no key order to rely on). */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
  }
  return value;
}

/** The AnswersFileError parseAnswersText throws for the text (fails the test when it returns). */
function refusal(text: string): AnswersFileError {
  try {
    parseAnswersText(text);
  } catch (error) {
    assert.ok(error instanceof AnswersFileError, `an AnswersFileError, not ${String(error)}`);
    return error;
  }
  assert.fail(`expected a refusal for ${text.slice(0, 80)}`);
}

/** The file as JSON with one change made to a copy of it. */
function edited(change: (file: Record<string, unknown> & { answers: Record<string, unknown>[] }) => void): string {
  const copy = structuredClone(FILE) as unknown as Record<string, unknown> & { answers: Record<string, unknown>[] };
  change(copy);
  return JSON.stringify(copy, null, 2);
}

function vetted(parsed: ParsedAnswers): Extract<ParsedAnswers, { format: 'vetted' }> {
  assert.equal(parsed.format, 'vetted', 'read as a Vetted answers file');
  return parsed as Extract<ParsedAnswers, { format: 'vetted' }>;
}

describe('a Vetted answers file', () => {
  test('round trip: pretty-printed, keys in any order, a BOM and CRLF line ends: the same file and its own digest', () => {
    assert.equal(FILE.respondent, 'Sam Provider', 'the builder trims the respondent');
    const texts = [
      JSON.stringify(FILE),
      JSON.stringify(FILE, null, 2),
      JSON.stringify(reversedKeys(FILE), null, '\t'),
      `\uFEFF${JSON.stringify(FILE, null, 2).replace(/\n/g, '\r\n')}\r\n`,
    ];
    for (const text of texts) {
      const parsed = vetted(parseAnswersText(text));
      assert.deepEqual(parsed.file, FILE);
      assert.equal(parsed.computedSha256, FILE.sha256, 'the digest computed here is the one the page wrote');
    }
  });

  test('a value changed after saving: the stated digest stays, the computed one differs (the service refuses that)', () => {
    const tampered = edited((f) => {
      f.answers[0]!.value = 'no';
    });
    const parsed = vetted(parseAnswersText(tampered));
    assert.equal(parsed.file.sha256, FILE.sha256, 'the file still states the old digest');
    assert.notEqual(parsed.computedSha256, FILE.sha256, 'the content no longer has it');
    // A comment changed, or an answer dropped, as well.
    const comment = vetted(parseAnswersText(edited((f) => void (f.answers[3]!.comment = 'We are not certified.'))));
    assert.notEqual(comment.computedSha256, FILE.sha256, 'a changed comment changes the digest');
    const dropped = vetted(parseAnswersText(edited((f) => void f.answers.pop())));
    assert.notEqual(dropped.computedSha256, FILE.sha256, 'a dropped answer changes the digest');
  });

  test('an empty answers list is a file (the service says there is nothing to take)', () => {
    const empty = buildAnswersFile(REQUEST, [], '', '');
    const parsed = vetted(parseAnswersText(JSON.stringify(empty)));
    assert.deepEqual(parsed.file.answers, []);
    assert.equal(parsed.computedSha256, empty.sha256, 'the digest of an empty file checks too');
  });

  test('wrong types and values name their JSON path', () => {
    const cases: [string, string, RegExp][] = [
      [edited((f) => void (f.requestId = 5)), '$.requestId', /expected a string, found a number \(5\)/],
      [edited((f) => void delete f.requestId), '$.requestId', /is required/],
      [edited((f) => void (f.answers[3]!.value = { a: 1 })), '$.answers[3].value', /expected an answer: .*found an object/],
      [edited((f) => void (f.answers[1]!.na = 'yes')), '$.answers[1].na', /expected true or false, found a string \("yes"\)/],
      [edited((f) => void (f.answers[2]!.value = [1, 2])), '$.answers[2].value[0]', /expected a string, found a number \(1\)/],
      [edited((f) => void (f.answers[4]!.value = 'x'.repeat(20001))), '$.answers[4].value', /longer than 20000 characters \(found 20001\)/],
      [edited((f) => void (f.answers[1]!.value = Array.from({ length: 201 }, (_, i) => `o${i}`))), '$.answers[1].value', /more than 200 entries \(found 201\)/],
      [edited((f) => void (f.answers[2]!.value = true)), '$.answers[2].value', /expected an answer: .*found boolean \(true\)/],
      [edited((f) => void (f.answers[0]!.comment = 'x'.repeat(5001))), '$.answers[0].comment', /longer than 5000 characters \(found 5001\)/],
      [edited((f) => void (f.answers[0]!.questionId = '')), '$.answers[0].questionId', /is empty/],
      [edited((f) => void ((f.template as { version: number }).version = 0)), '$.template.version', /at least 1/],
      [edited((f) => void ((f.template as { version: number }).version = 1.5)), '$.template.version', /whole number/],
      [edited((f) => void (f.sha256 = 'ABC')), '$.sha256', /SHA-256 digest \(64 lowercase hex digits\)/],
      [edited((f) => void (f.vendor = 'Acme')), '$.vendor', /expected an object, found a string/],
      [edited((f) => void ((f as Record<string, unknown>).answers = {})), '$.answers', /expected a list, found an object/],
    ];
    for (const [text, path, message] of cases) {
      const error = refusal(text);
      assert.equal(error.path, path, `${error.path}: ${error.message}`);
      assert.match(error.message, message);
    }
  });

  test('unknown keys are errors, at any depth, "__proto__" and "constructor" included', () => {
    const top = refusal(edited((f) => void (f.signature = 'trust me')));
    assert.equal(top.path, '$.signature');
    assert.match(top.message, /unknown field "signature"/);
    const deep = refusal(edited((f) => void (f.answers[4]!.colour = 'blue')));
    assert.equal(deep.path, '$.answers[4].colour');
    const vendor = refusal(edited((f) => void ((f.vendor as Record<string, unknown>).email = 'x@y')));
    assert.equal(vendor.path, '$.vendor.email');
    // JSON.parse makes "__proto__" an own key: it must be refused like any other, not vanish.
    const proto = refusal(JSON.stringify(FILE).replace(/^\{/, '{"__proto__": {"polluted": true},'));
    assert.equal(proto.path, '$.__proto__');
    assert.match(proto.message, /unknown field "__proto__"/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'nothing reached Object.prototype');
    const ctor = refusal(JSON.stringify(FILE).replace('"questionId"', '"constructor": "x", "questionId"'));
    assert.equal(ctor.path, '$.answers[0].constructor');
  });

  test('a question answered twice names the second answer', () => {
    const error = refusal(
      edited((f) => {
        f.answers.push({ ...f.answers[1]!, value: ['pci_dss'] });
      }),
    );
    assert.equal(error.path, '$.answers[6].questionId');
    assert.match(error.message, /"sec_certifications" is answered twice \(first at \$\.answers\[1\]\)/);
  });

  test(`more than ${MAX_FILE_ANSWERS} answers is refused at $.answers`, () => {
    const many = Array.from({ length: MAX_FILE_ANSWERS + 1 }, (_, i) => ({ questionId: `q${i}`, value: null, na: false, comment: '' }));
    const error = refusal(edited((f) => void (f.answers = many)));
    assert.equal(error.path, '$.answers');
    assert.match(error.message, new RegExp(`more than ${MAX_FILE_ANSWERS} entries \\(found ${MAX_FILE_ANSWERS + 1}\\)`));
    const exactly = vetted(parseAnswersText(edited((f) => void (f.answers = many.slice(0, MAX_FILE_ANSWERS)))));
    assert.equal(exactly.file.answers.length, MAX_FILE_ANSWERS, `${MAX_FILE_ANSWERS} answers are read`);
  });

  test('a key given twice in one object is refused (JSON.parse would keep the last without a word)', () => {
    const text = JSON.stringify(FILE, null, 2).replace('"value": "yes",', '"value": "yes",\n      "value": "no",');
    const error = refusal(text);
    assert.equal(error.path, '$.answers[0].value');
    assert.match(error.message, /the key "value" is given twice/);
  });
});

describe('not an answers file', () => {
  test('not JSON: the line and column of the first fault', () => {
    const plain = refusal('Dear reviewer, please find our answers attached.');
    assert.equal(plain.path, '$');
    assert.match(plain.message, /^not valid JSON: unexpected "Dear reviewe" at line 1, column 1$/);
    // Line 4 of the pretty file is `  "vendor": {`: single quotes, as a hand edit might leave.
    const quoted = refusal(JSON.stringify(FILE, null, 2).replace(/"vendor"/, "'vendor'"));
    assert.match(quoted.message, /unexpected "'vendor': {" at line 4, column 3$/);
    const comma = refusal(JSON.stringify(FILE, null, 2).replace(/"savedAt": "([^"]*)",/, '"savedAt": "$1",,'));
    assert.match(comma.message, /unexpected "," at line 14, column 42$/); // the second comma
    const single = refusal("{'a': 'b'}");
    assert.match(single.message, /unexpected "'a': 'b'}" at line 1, column 2/);
    assert.match(refusal('').message, /the file is empty/);
    assert.match(refusal('   \n ').message, /the file is empty/);
    assert.match(refusal('{"a": "b"} {"c": "d"}').message, /unexpected "\{\\"c\\": \\"d\\"}" at line 1, column 12/);
  });

  test('truncated JSON (a file cut off in the mail): "ends too early" with where', () => {
    const text = JSON.stringify(FILE, null, 2);
    const cut = refusal(text.slice(0, Math.floor(text.length / 2)));
    assert.equal(cut.path, '$');
    assert.match(cut.message, /^not valid JSON: the file ends too early, at line \d+, column \d+ \(was it cut off\?\)$/);
    assert.match(refusal(text.slice(0, -1)).message, /ends too early/);
    assert.match(refusal('{"a": "unterminated').message, /ends too early/);
  });

  test('the questionnaire page, its request, a register export or a template given by mistake get a helpful word', () => {
    const request = refusal(JSON.stringify(REQUEST));
    assert.equal(request.path, '$.format');
    assert.match(request.message, /this is the questionnaire, not the answers saved from it/);
    const page = refusal('<!DOCTYPE html>\n<html lang="en"><head><title>Questionnaire</title></head></html>');
    assert.equal(page.path, '$');
    assert.match(page.message, /a web page \(HTML\), not an answers file/);
    const register = refusal(JSON.stringify({ format: 'vetted-register', formatVersion: 1, vendors: [] }));
    assert.match(register.message, /an exported Vetted register, not an answers file/);
    const template = refusal(JSON.stringify({ $schema: 'vetted-template/1', ...TEMPLATE }));
    assert.match(template.message, /a Vetted template, not an answers file/);
    const vsaqTemplate = refusal(JSON.stringify({ version: 1, questionnaire: [{ type: 'block', items: [] }] }));
    assert.match(vsaqTemplate.message, /a VSAQ questionnaire template, not the answers saved from it/);
    const newer = refusal(JSON.stringify({ ...FILE, format: 'vetted.answers/2' }));
    assert.match(newer.message, /format "vetted\.answers\/2", which this Vetted does not read \(it reads vetted\.answers\/1\)/);
    const other = refusal(JSON.stringify({ format: 'csv', rows: [] }));
    assert.equal(other.path, '$.format');
    assert.equal(other.message, 'not a Vetted answers file: format is "csv" (expected vetted.answers/1)');
    const typed = refusal(JSON.stringify({ ...FILE, format: 1 }));
    assert.match(typed.message, /expected "vetted\.answers\/1", found a number \(1\)/);
    const { format: _format, ...unnamed } = FILE;
    const missing = refusal(JSON.stringify(unnamed));
    assert.equal(missing.path, '$.format');
    assert.match(missing.message, /is required/);
  });

  test('JSON that is not an object, and a file too large to be one the page wrote', () => {
    for (const [text, found] of [
      ['[]', 'a list'],
      ['null', 'null'],
      ['42', 'a number (42)'],
      ['"answers"', 'a string ("answers")'],
    ] as const) {
      const error = refusal(text);
      assert.equal(error.path, '$');
      assert.equal(error.message, `expected a JSON object (an answers file), found ${found}`);
    }
    const huge = refusal(`{"a": "${'x'.repeat(MAX_ANSWERS_FILE_CHARS)}"}`);
    assert.match(huge.message, /more than an answers file may/);
  });
});

describe("VSAQ's answers map", () => {
  test('a flat map of strings: the items as given, the digest of the text as received', () => {
    const text = '{\n  "standard_1": "checked",\n  "data_warning": "",\n  "mycompany:company_specific": "ISO 27001, SOC 2"\n}\n';
    const parsed = parseAnswersText(text);
    assert.equal(parsed.format, 'vsaq');
    if (parsed.format !== 'vsaq') return;
    assert.deepEqual({ ...parsed.items }, { standard_1: 'checked', data_warning: '', 'mycompany:company_specific': 'ISO 27001, SOC 2' });
    assert.equal(parsed.computedSha256, sha256Hex(text));
    // With a BOM, the digest is of the text as given (the BOM is part of the file's bytes).
    const bom = parseAnswersText(`\uFEFF${text}`);
    assert.equal(bom.computedSha256, sha256Hex(`\uFEFF${text}`));
    assert.notEqual(bom.computedSha256, parsed.computedSha256, 'another text, another digest');
  });

  test('"__proto__" and "constructor" are ordinary item ids', () => {
    const parsed = parseAnswersText('{"__proto__": "checked", "constructor": "yes", "toString": ""}');
    assert.equal(parsed.format, 'vsaq');
    if (parsed.format !== 'vsaq') return;
    assert.deepEqual(Object.entries(parsed.items), [
      ['__proto__', 'checked'],
      ['constructor', 'yes'],
      ['toString', ''],
    ]);
    assert.equal(Object.getPrototypeOf(parsed.items), null, 'the map has no prototype to reach');
  });

  test('refusals: a value that is not a string (with its path), an empty map, too many items, an absurd id', () => {
    const number = refusal('{"standard_1": "checked", "data_warning": true}');
    assert.equal(number.path, '$.data_warning');
    assert.match(number.message, /^expected a string, found boolean \(true\)/);
    const odd = refusal('{"my item": ["a"]}');
    assert.equal(odd.path, '$["my item"]');
    assert.match(odd.message, /found a list/);
    const nested = refusal('{"a": "checked", "b": {"c": "d"}}');
    assert.equal(nested.path, '$.b');
    const empty = refusal('{}');
    assert.equal(empty.path, '$');
    assert.match(empty.message, /the file holds no answers/);
    const many = Object.fromEntries(Array.from({ length: MAX_VSAQ_ITEMS + 1 }, (_, i) => [`item_${i}`, '']));
    assert.match(refusal(JSON.stringify(many)).message, new RegExp(`${MAX_VSAQ_ITEMS + 1} items, more than an answers file may \\(${MAX_VSAQ_ITEMS}\\)`));
    assert.match(refusal(JSON.stringify({ ['k'.repeat(1001)]: 'checked' })).message, /an item id is 1001 characters long/);
  });
});

describe('scanJson agrees with JSON.parse', () => {
  test('on arbitrary JSON and on arbitrary text', () => {
    const agree = (text: string) => {
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      const scan = scanJson(text);
      assert.equal(scan.ok, parses, `scanJson and JSON.parse disagree on ${JSON.stringify(text).slice(0, 200)}`);
    };
    fc.assert(fc.property(fc.json(), (text) => agree(text)), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => agree(text)), { numRuns: 300 });
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', ',', '{', '}', '[', ']', '"', ':', '\\', '1', '-', '.', 'e', 'tru', ' ', '\u0000'), (json, at, insert) => {
        const i = at % (json.length + 1);
        agree(json.slice(0, i) + insert + json.slice(i + 1));
      }),
      { numRuns: 500 },
    );
    for (const text of ['-', '01', '1.', '.5', '1e', '"\\x"', '"\\u12"', '"\t"', '[1,]', '{"a"}', '{"a":}', 'nul', 'true false', '1 2', '\u00a01']) agree(text);
  });

  test('a million nested lists is an answer, not a stack overflow', () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    assert.deepEqual(scanJson(deep), { ok: true, duplicateKey: null });
  });
});

describe('fuzz: parseAnswersText returns a file that re-validates, or throws AnswersFileError', () => {
  /** The property every input must keep. */
  function check(text: string): void {
    let parsed: ParsedAnswers;
    try {
      parsed = parseAnswersText(text);
    } catch (error) {
      assert.ok(error instanceof AnswersFileError, `only AnswersFileError escapes, not ${String(error)} for ${JSON.stringify(text).slice(0, 200)}`);
      assert.ok(error.path.startsWith('$'), `a JSON path, not ${error.path}`);
      assert.ok(error.message.length > 0 && error.message.length < 600, `a message a person can read: ${error.message.slice(0, 100)}`);
      return;
    }
    assert.match(parsed.computedSha256, /^[0-9a-f]{64}$/, 'a digest');
    if (parsed.format === 'vetted') {
      assert.deepEqual(AnswersFile.parse(parsed.file), parsed.file);
      const ids = parsed.file.answers.map((a) => a.questionId);
      assert.equal(new Set(ids).size, ids.length, 'no question answered twice');
    } else {
      const entries = Object.entries(parsed.items);
      assert.ok(entries.length > 0 && entries.length <= MAX_VSAQ_ITEMS, `between 1 and ${MAX_VSAQ_ITEMS} items, not ${entries.length}`);
      assert.ok(entries.every(([, v]) => typeof v === 'string'), 'every item a string');
    }
  }

  test('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', 'a', '1', ' ', '\\', 'format') }), check), { numRuns: 500 });
  });

  test('arbitrary JSON', () => {
    fc.assert(fc.property(fc.json(), check), { numRuns: 500 });
    fc.assert(fc.property(fc.jsonValue(), (value) => check(JSON.stringify(value))), { numRuns: 500 });
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.jsonValue())), (value) => check(JSON.stringify(value))), { numRuns: 300 });
  });

  type Path = (string | number)[];
  function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
    out.push(at);
    if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
    return out;
  }
  const keyArb = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'format', 'answers', 'sha256', 'questionId', 'value', 'na', 'comment'));
  const valueArb = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom('x'.repeat(25_000), 'y'.repeat(1_000_001), 'vetted.answers/1', REQUEST_FORMAT, 'checked', '', null, [], {}, -0, 1e308, 0.1),
  );
  const mutationArb = fc.record({ kind: fc.constantFrom('drop', 'insert', 'rename', 'retype', 'duplicate'), at: fc.nat(), key: keyArb, value: valueArb });
  type Mutation = { kind: string; at: number; key: string; value: unknown };

  function mutate(mutations: Mutation[]): unknown {
    const copy = structuredClone(FILE) as unknown;
    for (const m of mutations) {
      const all = paths(copy).filter((p) => p.length > 0);
      if (all.length === 0) break;
      const target = all[m.at % all.length]!;
      const parent = target.slice(0, -1).reduce<Record<string | number, unknown>>((v, k) => v[k] as Record<string | number, unknown>, copy as Record<string, unknown>);
      const key = target[target.length - 1]!;
      const define = (object: Record<string | number, unknown>, k: string | number, v: unknown) =>
        Object.defineProperty(object, k, { value: v, enumerable: true, writable: true, configurable: true });
      switch (m.kind) {
        case 'drop':
          if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete parent[key];
          break;
        case 'insert':
          if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(m.value));
          else define(parent, m.key, structuredClone(m.value));
          break;
        case 'rename':
          if (!Array.isArray(parent)) {
            const v = parent[key];
            delete parent[key];
            define(parent, m.key, v);
          }
          break;
        case 'retype':
          define(parent, key, structuredClone(m.value));
          break;
        case 'duplicate':
          if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
          break;
      }
    }
    return copy;
  }

  test('mutations of a valid file: keys dropped, inserted and renamed, types changed, huge strings', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), fc.boolean(), (mutations, pretty) => {
        check(JSON.stringify(mutate(mutations), null, pretty ? 2 : undefined));
      }),
      { numRuns: 600 },
    );
  });

  test('mangled text of a valid file', () => {
    const text = JSON.stringify(FILE, null, 2);
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 8 }), (at, remove, insert) => {
        const i = at % (text.length + 1);
        check(text.slice(0, i) + insert + text.slice(i + remove));
      }),
      { numRuns: 400 },
    );
  });
});
