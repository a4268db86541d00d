// The composed questionnaire page: its CSP matches what it inlines, it references nothing outside
// itself, text from the register cannot break out of the embedded JSON, and it fits the budget.
// Needs the built page script: `npm run -s build:renderer` first.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { composeQuestionnairePage, scriptSafeJson } from '../../electron/core/questionnaire-page';
import { QUESTIONNAIRE_PAGE_BUDGET_BYTES } from '../../shared/domain/vendor-exchange';
import { fullPrefill, vendorPageRequest } from '../helpers/vendor-page';

const sha = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

function parts(html: string) {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1]!, text: m[2]! }));
  return { csp, style, scripts };
}

describe('composeQuestionnairePage', () => {
  const request = vendorPageRequest();
  const html = composeQuestionnairePage(request);

  it('starts as an English HTML5 document in UTF-8 that sends no referrer and names the provider', () => {
    assert.ok(html.startsWith('<!doctype html>\n<html lang="en">'), 'doctype and lang come first');
    assert.ok(html.includes('<meta charset="utf-8">'), 'the charset is declared');
    assert.ok(html.includes('<meta name="referrer" content="no-referrer">'), 'no referrer is sent');
    assert.ok(html.includes('<title>Security questionnaire for Acme Cloud GmbH</title>'), 'the title names the provider');
  });

  it('allows exactly its own inline script and style by hash, and no connection', () => {
    const { csp, style, scripts } = parts(html);
    assert.ok(csp, 'a CSP meta element is there');
    const directives = new Map(csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values.join(' ')] as const;
    }));
    assert.equal(directives.get('default-src'), "'none'");
    assert.equal(directives.get('connect-src'), "'none'");
    assert.equal(directives.get('form-action'), "'none'");
    assert.equal(directives.get('base-uri'), "'none'");
    assert.equal(directives.get('img-src'), 'data:');
    assert.ok(style !== undefined, 'the style is inline');
    assert.equal(directives.get('style-src'), `'${sha(style)}'`, 'the style hash is of the inline style text');
    const executable = scripts.filter((s) => !s.attrs.includes('application/json'));
    assert.equal(executable.length, 1, 'one executable script');
    assert.equal(executable[0]!.attrs, '', 'the script is inline (no src)');
    assert.equal(directives.get('script-src'), `'${sha(executable[0]!.text)}'`, 'the script hash is of the inline script text');
  });

  it('references nothing outside itself', () => {
    const { style, scripts } = parts(html);
    // The markup itself, with the inline script and style texts taken out.
    const markup = html.replace(/<(script|style)([^>]*)>[\s\S]*?<\/\1>/g, '<$1$2></$1>');
    const refs = [...markup.matchAll(/\b(?:src|href|action|srcset|poster|data|manifest)\s*=\s*["']?([^"'\s>]*)/gi)].map((m) => m[1]!);
    assert.deepEqual(refs.filter((r) => !r.startsWith('data:')), [], 'no attribute in the markup points anywhere');
    assert.ok(!/<(link|img|iframe|object|embed|base|form)\b/i.test(markup), 'no element that loads or sends something');
    const urls = [...(style ?? '').matchAll(/url\(\s*["']?([^"')]*)/gi)].map((m) => m[1]!);
    assert.deepEqual(urls.filter((u) => !u.startsWith('data:')), [], 'no url() in the style points anywhere');
    assert.ok(!/@import/i.test(style ?? ''), 'no @import in the style');
    const code = scripts.map((s) => s.text).join('\n');
    // XML namespace names (the SVG and MathML namespaces Preact knows) are names, not addresses.
    const addresses = [...code.matchAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'`)]*/gi)].map((m) => m[0]).filter((u) => !u.startsWith('http://www.w3.org/'));
    assert.deepEqual(addresses, [], 'no address in the script');
    for (const word of ['fetch(', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon', 'eval(', 'new Function', 'import(']) {
      assert.ok(!code.includes(word), `the page's script does not use ${word}`);
    }
  });

  it('embeds the request so that no text in it can close the script element', () => {
    const hostile = '</script><script>alert(1)</script><!-- & \u2028\u2029';
    const page = composeQuestionnairePage(vendorPageRequest({ vendor: { id: 'v1', name: hostile }, contact: hostile, requestedBy: hostile }));
    const json = /<script type="application\/json" id="vetted-request">([\s\S]*?)<\/script>/.exec(page)?.[1];
    assert.ok(json, 'the request element is there');
    assert.ok(!/[<>\u2028\u2029]/.test(json), 'no <, >, U+2028 or U+2029 inside the JSON element');
    assert.ok(!json.includes('&'), 'no & inside the JSON element');
    const back = JSON.parse(json) as { vendor: { name: string }; contact: string };
    assert.equal(back.vendor.name, hostile, 'the name reads back unchanged');
    assert.equal(back.contact, hostile, 'the contact reads back unchanged');
    assert.ok(page.includes('<title>Security questionnaire for &#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;'), 'the title is escaped');
    assert.equal(page.match(/<script/g)?.length, 2, 'only the page\'s own two script elements');
    assert.equal(scriptSafeJson({ a: '<&>' }), '{"a":"\\u003c\\u0026\\u003e"}');
  });

  it('stays within the size budget for the built-in template with a full prefill', () => {
    const full = composeQuestionnairePage(
      vendorPageRequest({
        prefill: fullPrefill(request.template),
        prefilledFrom: { date: '2025-11-03' },
      }),
    );
    const bytes = Buffer.byteLength(full, 'utf8');
    console.log(`questionnaire page, built-in template with full prefill: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB of ${QUESTIONNAIRE_PAGE_BUDGET_BYTES / 1024} KB)`);
    assert.ok(bytes <= QUESTIONNAIRE_PAGE_BUDGET_BYTES, `${bytes} bytes is within ${QUESTIONNAIRE_PAGE_BUDGET_BYTES}`);
  });
});
