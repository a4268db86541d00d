// The report language, the Han face per paragraph, metadata text and file names, without a PDF.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonicalLanguage, hanVariantFor, hanVariantOf, metadataText, reportLanguage } from '../../shared/domain/report-language';
import { SettingsPatch } from '../../shared/domain/settings';
import { assignHanFaces } from '../../shared/reports/han-faces';
import { providerSlug } from '../../electron/core/services/generated-file';
import { xmlText, xmpDescriptions } from '../../electron/core/reports/xmp';

describe('report language', () => {
  test('the setting wins, then the system, then English; tags are canonical', () => {
    assert.equal(reportLanguage('zh-hant', 'de-DE'), 'zh-Hant');
    assert.equal(reportLanguage(null, 'ja-JP'), 'ja-JP');
    assert.equal(reportLanguage(null, 'und'), 'en', '"undetermined" is no language');
    assert.equal(reportLanguage(undefined, undefined), 'en');
    assert.equal(canonicalLanguage('not a tag'), null);
    assert.equal(canonicalLanguage('EN-gb'), 'en-GB');
  });

  test('the Han variant of a language', () => {
    const cases: [string, string][] = [
      ['ja', 'ja'], ['ja-JP', 'ja'], ['ko-KR', 'ko'], ['zh', 'zh-Hans'], ['zh-CN', 'zh-Hans'], ['zh-Hans-HK', 'zh-Hans'],
      ['zh-TW', 'zh-Hant'], ['zh-HK', 'zh-Hant'], ['zh-Hant', 'zh-Hant'], ['yue', 'zh-Hant'], ['en', 'zh-Hans'], ['de-CH', 'zh-Hans'],
    ];
    for (const [tag, variant] of cases) assert.equal(hanVariantOf(tag), variant, tag);
  });

  test('kana make text Japanese and hangul Korean, whatever the report says', () => {
    assert.equal(hanVariantFor('東京ガス', 'zh-Hant'), 'ja');
    assert.equal(hanVariantFor('ｶﾞｽ 東京', 'zh-Hans'), 'ja', 'half-width katakana');
    assert.equal(hanVariantFor('삼성 三星', 'ja'), 'ko');
    assert.equal(hanVariantFor('阿里云', 'zh-Hant'), 'zh-Hant', 'Han alone: the report decides');
  });

  test('the setting accepts a language tag and rejects anything else', () => {
    assert.deepEqual(SettingsPatch.parse({ reportLanguage: ' zh-hans ' }), { reportLanguage: 'zh-Hans' });
    assert.deepEqual(SettingsPatch.parse({ reportLanguage: null }), { reportLanguage: null });
    assert.equal(SettingsPatch.safeParse({ reportLanguage: 'Chinese please' }).success, false);
    assert.equal(SettingsPatch.safeParse({ reportLanguage: '../etc' }).success, false);
  });
});

describe('metadata text', () => {
  test('bidi controls go, other controls become spaces', () => {
    assert.equal(metadataText('Vendor review: \u202Egpj.exe\u202C'), 'Vendor review: gpj.exe');
    assert.equal(metadataText('a\u2066b\u2069\u200E\u200F\u061Cc'), 'abc');
    assert.equal(metadataText('line\none\ttwo\u0000'), 'line one two');
    assert.equal(metadataText('שלום עולם'), 'שלום עולם', 'right-to-left letters stay');
  });

  test('XMP text is escaped and the packet says what /Info says', () => {
    assert.equal(xmlText('A&B <x> "q"\u0001'), 'A&amp;B &lt;x&gt; &quot;q&quot;');
    const day = new Date(Date.UTC(2026, 10, 20));
    const xml = xmpDescriptions({ Title: 'T & <U>', Creator: 'Vetted', Producer: 'Vetted', CreationDate: day, ModDate: day }, 'zh-Hant');
    assert.match(xml, /<dc:title><rdf:Alt><rdf:li xml:lang="x-default">T &amp; &lt;U&gt;<\/rdf:li>/);
    assert.match(xml, /<xmp:ModifyDate>2026-11-20T00:00:00Z<\/xmp:ModifyDate>/);
    assert.match(xml, /<dc:language><rdf:Bag><rdf:li>zh-Hant<\/rdf:li><\/rdf:Bag><\/dc:language>/);
    assert.doesNotMatch(xml, /dc:creator|dc:description|pdf:Keywords/, 'nothing /Info does not have');
  });
});

describe('Han faces per paragraph', () => {
  const SLOT = 'Fallback-CJK';
  const options = (reportVariant: 'zh-Hans' | 'ja', lacking: number[] = []) => ({
    slot: SLOT,
    reportVariant,
    familyOf: (variant: string) => `Face-${variant}`,
    covers: (_family: string, codePoint: number) => !lacking.includes(codePoint),
  });

  test('a paragraph with kana moves all its Han runs to the Japanese face; others follow the report', () => {
    const doc = {
      content: [
        { text: [{ text: '東京', font: SLOT }, { text: ' Gas ' }, { text: 'ガス', font: SLOT }] },
        { table: { body: [[{ text: [{ text: '阿里云', font: SLOT }] }, 'plain']] } },
      ],
      footer: () => ({ text: [{ text: '腾讯', font: SLOT }] }),
    };
    const { doc: out, used } = assignHanFaces(doc, options('zh-Hans'));
    const first = (out.content[0] as { text: { font?: string }[] }).text;
    assert.deepEqual(first.map((run) => run.font), ['Face-ja', undefined, 'Face-ja']);
    const cell = (out.content[1] as { table: { body: { text: { font: string }[] }[][] } }).table.body[0]![0]!;
    assert.equal(cell.text[0]!.font, 'Face-zh-Hans');
    const footer = (out.footer as () => { text: { font: string }[] })();
    assert.equal(footer.text[0]!.font, 'Face-zh-Hans', 'header and footer functions are wrapped');
    assert.deepEqual([...used].sort(), ['Face-ja', 'Face-zh-Hans']);
    assert.equal((doc.content[0] as { text: { font?: string }[] }).text[0]!.font, SLOT, 'the input is not modified');
  });

  test('a list of names is judged name by name: a run spanning two is split', () => {
    const runs = [{ text: '中華電信, 東京ガス', font: SLOT, bold: true, id: 'title' }, { text: ' and ' }, { text: '삼성 ', font: 'Fallback-Hangul' }, { text: '三星', font: SLOT }];
    const { doc: out } = assignHanFaces({ content: [{ text: runs }] }, options('zh-Hans'));
    const pieces = (out.content[0] as { text: { text: string; font?: string; bold?: boolean; id?: string }[] }).text;
    assert.deepEqual(
      pieces.map((p) => [p.text, p.font]),
      [['中華電信, ', 'Face-zh-Hans'], ['東京ガス', 'Face-ja'], [' and ', undefined], ['삼성 ', 'Fallback-Hangul'], ['三星', 'Face-ko']],
    );
    assert.ok(pieces[1]!.bold && pieces[0]!.id === 'title' && pieces[1]!.id === undefined, 'the style is kept; an id stays on the first piece');
  });

  test('a run the regional face cannot draw stays in the slot', () => {
    const { doc: out, used } = assignHanFaces({ content: { text: [{ text: '𠀋', font: SLOT }] } }, options('ja', [0x2000b]));
    assert.equal((out.content as { text: { font: string }[] }).text[0]!.font, SLOT);
    assert.deepEqual([...used], [SLOT]);
  });
});

describe('provider file names', () => {
  test('Latin names keep their slug; names ASCII cannot hold and shared slugs get the id', () => {
    const acme = { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'Acme, Inc.' };
    const acme2 = { id: 'ffee0011-0000-4000-8000-000000000002', name: 'Acme Inc' };
    assert.equal(providerSlug({ id: 'x', name: 'Straße Ærø Łódź' }), 'strasse-aero-lodz');
    assert.equal(providerSlug(acme, [acme]), 'acme-inc', 'alone with its slug');
    assert.equal(providerSlug(acme, [acme, acme2]), 'acme-inc-a1b2c3d40000');
    assert.equal(providerSlug(acme2, [acme, acme2]), 'acme-inc-ffee00110000');
    assert.equal(providerSlug({ id: 'id-1', name: '阿里云' }), 'provider-id1');
    assert.equal(providerSlug({ id: 'id-2', name: 'Acme 云' }), 'acme-id2', 'letters lost: the id tells it from "Acme"');
    assert.equal(providerSlug({ id: 'id-3', name: 'Acme (EU) — GmbH' }), 'acme-eu-gmbh', 'punctuation alone loses nothing');
  });
});

test('comparison file names: two comparisons that differ only past the length cut never share a name', async () => {
  const { comparisonSlug } = await import('../../electron/core/services/compare');
  const long = ['a'.repeat(50) + '-a1b2c3d4e5f6', 'b'.repeat(50) + '-0f9e8d7c6b5a'];
  const one = comparisonSlug([...long, 'google-cloud']);
  const other = comparisonSlug([...long, 'microsoft-azure']);
  assert.notEqual(one, other, `${one} vs ${other}`);
  assert.ok(one.length <= 120, `kept short: ${one.length}`);
  assert.doesNotMatch(one, /--/, 'no doubled dash at the cut');
  assert.equal(comparisonSlug(['acme', 'contoso']), 'acme-vs-contoso', 'a short one is left as it is');
});
