// A sibling combinator whose left side names only a tag (`li + li`, `span ~ span`, `* + p`) gives
// Chromium a "universal sibling" invalidation set: every element inserted anywhere restyles the
// elements of that tag under its parent. The register inserts ten rows a scroll step, so such a rule
// restyled every span of the rows already on screen (docs/performance.md, renderer section).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const STYLES = path.join(import.meta.dirname, '../../renderer/src/styles');

/** Every selector in a stylesheet, comments and parenthesised arguments (":nth-child(-n + 9)") left out. */
function selectorsOf(css: string): string[] {
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\{[^{}]*\}/g, '{}');
  return bare
    .split('{}')
    .flatMap((prelude) => prelude.split(','))
    .map((s) => s.replace(/\([^()]*\)/g, '()').trim())
    .filter((s) => s !== '' && !s.startsWith('@'));
}

/** The compound selectors just left of each + or ~ that carry no class, id or attribute. */
function tagOnlySiblingSides(selector: string): string[] {
  const parts = selector.split(/\s*([+~>])\s*|\s+/).filter((p) => p !== undefined && p !== '');
  const found: string[] = [];
  for (let i = 1; i < parts.length; i++) {
    if (parts[i] !== '+' && parts[i] !== '~') continue;
    const left = parts[i - 1]!;
    if (!/[.#[]/.test(left)) found.push(`${left} ${parts[i]}`);
  }
  return found;
}

test('no stylesheet rule has a sibling combinator after a tag-only compound (li + li, * + p)', () => {
  const offenders: string[] = [];
  for (const file of fs.readdirSync(STYLES).filter((f) => f.endsWith('.css'))) {
    for (const selector of selectorsOf(fs.readFileSync(path.join(STYLES, file), 'utf8'))) {
      if (tagOnlySiblingSides(selector).length > 0) offenders.push(`${file}: ${selector}`);
    }
  }
  assert.deepEqual(offenders, [], `rewrite these with :not(:first-child) or a class on the left:\n${offenders.join('\n')}`);
});

test('the check itself finds a tag-only sibling and passes a class on the left', () => {
  assert.deepEqual(tagOnlySiblingSides('.toast-details li + li'), ['li +'], 'li + li is caught');
  assert.deepEqual(tagOnlySiblingSides('.a > span ~ span::before'), ['span ~'], 'span ~ span is caught');
  assert.deepEqual(tagOnlySiblingSides('.cmp-cell + .cmp-cell'), [], 'a class on the left passes');
  assert.deepEqual(tagOnlySiblingSides('.q-legend + *'), [], 'a class on the left passes, whatever follows');
});
