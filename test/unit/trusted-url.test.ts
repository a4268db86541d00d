// Adversarial tests for the URLs the Electron shell trusts (electron/app/trusted-url.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// trusted-url.ts imports nothing from Electron; loading it here proves that (require('electron') throws in plain Node).
import { APP_ENTRY_URL, APP_ORIGIN, externalUrlToOpen, isAppUrl, MAX_APP_URL_LENGTH, MAX_EXTERNAL_URL_LENGTH } from '../../electron/app/trusted-url';

describe('isAppUrl', () => {
  it('accepts the app origin, its pages, queries and fragments', () => {
    assert.equal(APP_ORIGIN, 'app://vetted');
    for (const url of [APP_ORIGIN, `${APP_ORIGIN}/`, APP_ENTRY_URL, `${APP_ORIGIN}/index.html#/providers/42`, `${APP_ORIGIN}/?q=x`, `${APP_ORIGIN}#top`, `${APP_ORIGIN}/assets/index-abc.js`]) {
      assert.equal(isAppUrl(url), true, url);
    }
  });

  it('refuses look-alike hosts, user info, ports and other paths to "vetted"', () => {
    for (const url of [
      'app://vetted.evil',
      'app://vetted.evil/index.html',
      'app://evil/vetted',
      'app://vetted@evil',
      'app://vetted@evil/index.html',
      'app://user:pw@vetted',
      'app://user@vetted/',
      'app://:pw@vetted/',
      'app://vetted:8080',
      'app://vetted:8080/index.html',
      'app://vetted:/',
      'app://vetted./',
      'app://vetted%2Eevil/',
      'app://vett%65d/',
      'app:vetted',
      'app:/vetted',
      'app:///vetted',
      'app://',
      'app://evilvetted/',
      'app://vettedevil/',
      'app://vetted\\evil/',
    ]) {
      assert.equal(isAppUrl(url), false, url);
    }
  });

  it('refuses upper-case spellings (APP://VETTED/x): Chromium always hands over the canonical lower-case form', () => {
    // `app` is registered as a standard scheme, so every URL Chromium reports for our frames has a
    // lower-case scheme and host. A mixed-case spelling never names a genuine frame of ours, and
    // Node's WHATWG parser keeps the host's case for non-special schemes, so accepting it would mean
    // re-implementing canonicalization here. Refusing costs nothing.
    assert.equal(isAppUrl('APP://VETTED/x'), false);
    assert.equal(isAppUrl('app://VETTED/x'), false);
    assert.equal(isAppUrl('App://vetted/x'), false);
  });

  it('refuses other schemes', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'http://vetted/',
      'https://vetted/',
      'data:text/html,<script>alert(1)</script>',
      'blob:app://vetted/123',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'chrome://settings',
      'vetted://app/',
    ]) {
      assert.equal(isAppUrl(url), false, url);
    }
  });

  it('refuses whitespace, control characters and non-ASCII anywhere', () => {
    for (const url of [
      ' app://vetted/',
      'app://vetted/ ',
      '\tapp://vetted/',
      'app://vet\nted/',
      'app://vetted/\u0000',
      'app://vetted/\u007f',
      'app://vetted/\u202e',
      'app://vetted/\u200b',
      'app://vеtted/', // Cyrillic е
      '\ufeffapp://vetted/',
    ]) {
      assert.equal(isAppUrl(url), false, JSON.stringify(url));
    }
  });

  it('refuses very long URLs and non-strings', () => {
    assert.equal(isAppUrl(`${APP_ORIGIN}/${'a'.repeat(MAX_APP_URL_LENGTH)}`), false);
    assert.equal(isAppUrl(`${APP_ORIGIN}/${'a'.repeat(1000)}`), true);
    for (const value of ['', undefined, null, 42, {}, ['app://vetted/']]) {
      assert.equal(isAppUrl(value as unknown as string), false, String(value));
    }
  });
});

describe('externalUrlToOpen', () => {
  it('accepts https links and returns them normalized', () => {
    assert.equal(externalUrlToOpen('https://example.com'), 'https://example.com/');
    assert.equal(externalUrlToOpen('https://example.com/status?x=1#y'), 'https://example.com/status?x=1#y');
    assert.equal(externalUrlToOpen('https://EXAMPLE.com/Path'), 'https://example.com/Path');
    assert.equal(externalUrlToOpen('https://example.com:443/'), 'https://example.com/', 'the standard port is fine');
    assert.equal(externalUrlToOpen('https://xn--exmple-cua.com/'), 'https://xn--exmple-cua.com/');
  });

  it('accepts mailto: with an address', () => {
    assert.equal(externalUrlToOpen('mailto:security@example.com'), 'mailto:security@example.com');
    assert.equal(externalUrlToOpen('mailto:a@example.com,b@example.com?subject=Review'), 'mailto:a@example.com,b@example.com?subject=Review');
  });

  it('refuses every other scheme', () => {
    for (const url of [
      'http://example.com',
      'http://example.com:443/',
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'file:///etc/passwd',
      'file://server/share',
      'data:text/html,<script>alert(1)</script>',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'app://vetted/index.html',
      'blob:https://example.com/uuid',
      'ftp://example.com/',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/etc/passwd',
      'about:blank',
      'ws://example.com',
    ]) {
      assert.equal(externalUrlToOpen(url), null, url);
    }
  });

  it('refuses user info, odd ports and malformed authorities', () => {
    for (const url of [
      'https://user:pw@example.com',
      'https://user@example.com/',
      'https://@example.com/',
      'https://example.com@evil.com/',
      'https://example.com:99999',
      'https://example.com:8443/',
      'https://example.com:0/',
      'https://',
      'https:///example.com',
      'https:example.com',
      'https:/example.com',
      'https://example.com\\@evil.com/',
      'https://exa%6Dple.com/',
      'https://example.com:/',
      'mailto:',
      'mailto:?subject=x',
      'mailto:nobody',
      'mailto://evil.com/x@y',
      'mailto:user:pw@example.com@evil.com',
    ]) {
      assert.equal(externalUrlToOpen(url), null, url);
    }
  });

  it('refuses whitespace, control characters and non-ASCII (a canonical URL has none)', () => {
    for (const url of [
      ' https://example.com/',
      'https://example.com/ ',
      'https://exa mple.com/',
      'java\nscript:alert(1)',
      'https://example.com/\r\nSet-Cookie: x',
      'https://example.com/\u0000',
      '\u0001https://example.com/',
      'https://example.com/\u202egnp.exe',
      'https://exämple.com/',
      'https://еxample.com/', // Cyrillic е
      'https://example.com/\u00a0',
    ]) {
      assert.equal(externalUrlToOpen(url), null, JSON.stringify(url));
    }
  });

  it('refuses very long URLs and non-strings', () => {
    const long = `https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`;
    assert.equal(externalUrlToOpen(long), null);
    assert.equal(externalUrlToOpen(`https://example.com/${'a'.repeat(1000)}`), `https://example.com/${'a'.repeat(1000)}`);
    for (const value of ['', undefined, null, 42, {}]) {
      assert.equal(externalUrlToOpen(value as unknown as string), null, String(value));
    }
  });
});
