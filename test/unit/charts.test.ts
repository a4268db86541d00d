// The section bar chart (shared/charts/section-bars.ts): escaping, n/a, proportions, determinism.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SECTION_BARS_LAYOUT, barWidth, escapeXml, sectionBarsSvg } from '../../shared/charts/section-bars';
import type { SectionScore } from '../../shared/scoring';

const section = (title: string, score: number | null, id = title): SectionScore => ({
  sectionId: id,
  title,
  weight: 1,
  score,
  answered: 1,
  total: 2,
  coverage: 0.5,
});

/** The widths of the coloured bars (the rects after each track), in drawing order. */
function barWidths(svg: string): number[] {
  const rects = [...svg.matchAll(/<rect x="[^"]*" y="([^"]*)" width="([^"]*)" height="10"[^>]*fill="([^"]*)"\/>/g)];
  // Every section draws a track; sections with a score > 0 draw a bar on the same y right after it.
  const widths: number[] = [];
  for (let i = 0; i < rects.length; i++) {
    const next = rects[i + 1];
    if (next && next[1] === rects[i]![1]) {
      widths.push(Number(next[2]));
      i++;
    } else {
      widths.push(0);
    }
  }
  return widths;
}

function textContents(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

describe('escapeXml', () => {
  test('replaces the five special characters', () => {
    assert.equal(escapeXml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  test('drops characters XML cannot hold', () => {
    assert.equal(escapeXml('a\u0000b\u0007c\u001Fd\uFFFEe'), 'abcde');
    assert.equal(escapeXml('x\uD800y'), 'xy');
    assert.equal(escapeXml('keeps tabs\tand\nnewlines and 😀'), 'keeps tabs\tand\nnewlines and 😀');
  });
});

describe('sectionBarsSvg', () => {
  test('escapes hostile labels and titles', () => {
    const svg = sectionBarsSvg(
      [section('<script>alert(1)</script>', 50), section(`"&'`, 70), section(']]><x/>', 90)],
      { title: '</title><script>bad()</script>' },
    );
    assert.ok(!svg.includes('<script'), 'no raw <script');
    assert.ok(!svg.includes(']]>'), 'no raw CDATA terminator');
    assert.ok(!svg.includes('<x/>'), 'no injected element');
    assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(svg.includes('&quot;&amp;&apos;'));
    assert.ok(svg.includes(']]&gt;&lt;x/&gt;'));
    assert.ok(svg.includes('<title>&lt;/title&gt;&lt;script&gt;bad()&lt;/script&gt;</title>'));
    // Only the elements the chart itself writes.
    const tags = new Set([...svg.matchAll(/<([a-z]+)/g)].map((m) => m[1]));
    assert.deepEqual([...tags].sort(), ['g', 'rect', 'svg', 'text', 'title']);
  });

  test('draws "n/a" and no bar for a null score', () => {
    const svg = sectionBarsSvg([section('Security', null), section('Cost', 40)]);
    const texts = textContents(svg);
    assert.deepEqual(texts, ['Security', 'n/a', 'Cost', '40.0']);
    assert.deepEqual(barWidths(svg), [0, barWidth(40, 320 - 2 * SECTION_BARS_LAYOUT.padding)]);
  });

  test('non-finite scores count as n/a; out-of-range scores are clamped', () => {
    const svg = sectionBarsSvg([section('A', Number.NaN), section('B', 150), section('C', -5)]);
    assert.deepEqual(textContents(svg), ['A', 'n/a', 'B', '100.0', 'C', '0.0']);
    const track = 320 - 2 * SECTION_BARS_LAYOUT.padding;
    assert.deepEqual(barWidths(svg), [0, track, 0]);
  });

  test('bar widths are proportional to the scores', () => {
    const width = 408; // track of 392 px
    const track = width - 2 * SECTION_BARS_LAYOUT.padding;
    const svg = sectionBarsSvg([section('A', 100), section('B', 50), section('C', 25), section('D', 12.5)], { width });
    const widths = barWidths(svg);
    assert.deepEqual(widths, [track, track / 2, track / 4, track / 8]);
    const scores = [100, 50, 25, 12.5];
    widths.forEach((w, i) => assert.ok(Math.abs(w / track - scores[i]! / 100) < 1e-9));
  });

  test('the same input gives the same string', () => {
    const sections = [section('Security', 81.23456), section('Access granularity', null), section('Cost', 0)];
    const a = sectionBarsSvg(sections, { dark: true, width: 300 });
    const b = sectionBarsSvg(sections.map((s) => ({ ...s })), { dark: true, width: 300 });
    assert.equal(a, b);
    assert.notEqual(a, sectionBarsSvg(sections, { dark: false, width: 300 }), 'the dark palette differs');
  });

  test('is a standalone SVG document with an accessible name', () => {
    const svg = sectionBarsSvg([section('Security', 70)]);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="320" height="\d+" viewBox="0 0 320 \d+" role="img" aria-label="Section scores">/);
    assert.match(svg, /<\/svg>$/);
    const heights = sectionBarsSvg([section('A', 1), section('B', 2)]).match(/height="(\d+)"/)![1];
    assert.ok(Number(heights) > Number(svg.match(/height="(\d+)"/)![1]), 'grows with the number of sections');
  });

  test('shortens labels that cannot fit, without splitting characters', () => {
    const long = '😀'.repeat(200);
    const svg = sectionBarsSvg([section(long, 10)]);
    const [label] = textContents(svg);
    assert.ok(label!.endsWith('…'));
    assert.ok(Array.from(label!).length < 60);
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(label!), 'no lone surrogate');
  });
});
