// The token → cookie exchange of browser mode (electron/serve/browser-session.ts) with a stand-in
// clock: launch codes expire after a minute and work once; the redirect keeps the rest of the address;
// every exchange mints a session of its own.
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { createBrowserSession, LAUNCH_CODE_TTL_MS, MAX_SESSIONS } from '../../electron/serve/browser-session';

const TOKEN = 'test-token-0123456789abcdef';
const request = (cookie?: string) => ({ headers: cookie ? { cookie } : {} }) as IncomingMessage;
const at = (query: string) => new URL(`http://127.0.0.1:4000/${query}`);

test('the printed token is exchanged for the cookie and dropped from the address, the rest kept', () => {
  const session = createBrowserSession({ token: TOKEN, port: 4000 });
  const answer = session.exchange(request(), at(`?token=${TOKEN}&view=month`));
  assert.ok(answer?.status === 303, 'a redirect');
  assert.equal(answer.location, '/?view=month');
  assert.match(answer.setCookie ?? '', /^vetted_session_4000=[A-Za-z0-9_-]{40,}; HttpOnly; SameSite=Strict; Path=\/$/);
  const cookie = answer.setCookie!.split(';')[0]!;
  assert.equal(session.hasCookie(request(cookie)), true, 'the cookie it set lets the browser in');
  assert.equal(session.hasCookie(request(`vetted_session_4000=${TOKEN}`)), false, 'the token is not a cookie value');
  assert.equal(session.exchange(request(), at('?view=month')), null, 'an address without a credential is a plain page');
  assert.equal(session.exchange(request(), at('?token=wrong-token-0123456789abcd'))?.status, 401);
});

test('a launch code works once, and not after a minute', () => {
  let clock = 1_000_000;
  const session = createBrowserSession({ token: TOKEN, port: 4000, now: () => clock });
  const code = session.mintLaunchCode();
  const first = session.exchange(request(), at(`?launch=${code}`));
  // A page that moves on by itself rather than a redirect: the launch arrives cross-site (guards.ts).
  assert.ok(first?.status === 200 && first.setCookie, `the first use signs in: ${JSON.stringify(first)}`);
  assert.equal(first.location, '/');
  assert.equal(session.exchange(request(), at(`?launch=${code}`))?.status, 401, 'the second use is refused');

  const late = session.mintLaunchCode();
  clock += LAUNCH_CODE_TTL_MS;
  assert.equal(session.exchange(request(), at(`?launch=${late}`))?.status, 401, 'an expired code is refused');

  const ontime = session.mintLaunchCode();
  clock += LAUNCH_CODE_TTL_MS - 1;
  assert.equal(session.exchange(request(), at(`?launch=${ontime}`))?.status, 200, 'a code used within the minute works');

  // A reload of a tab that is already signed in: the spent code is just dropped, no new cookie.
  const again = session.exchange(request(first.setCookie.split(';')[0]), at(`?launch=${code}`));
  assert.deepEqual(again, { status: 303, location: '/', setCookie: null });
});

/** The `name=value` part of a Set-Cookie the exchange answered with. */
function signIn(session: Awaited<ReturnType<typeof createBrowserSession>>, query = `?token=${TOKEN}`): string {
  const answer = session.exchange(request(), at(query));
  assert.ok(answer && answer.status !== 401 && answer.setCookie, `signed in: ${JSON.stringify(answer)}`);
  return answer.setCookie.split(';')[0]!;
}

test('every exchange mints its own session; each works, a made-up one does not', () => {
  const session = createBrowserSession({ token: TOKEN, port: 4000 });
  const first = signIn(session);
  const second = signIn(session);
  const launched = signIn(session, `?launch=${session.mintLaunchCode()}`);
  assert.equal(new Set([first, second, launched]).size, 3, `three different cookies: ${first} ${second} ${launched}`);
  for (const cookie of [first, second, launched]) assert.equal(session.hasCookie(request(cookie)), true, `${cookie} lets its browser in`);
  assert.equal(session.hasCookie(request(`vetted_session_4000=${'A'.repeat(43)}`)), false, 'a made-up value is refused');
  assert.equal(session.hasCookie(request(`vetted_session_4000=${first.split('=')[1]!.slice(0, -1)}`)), false, 'a cut-short value is refused');
  assert.equal(session.hasCookie(request(first.replace('4000', '4001'))), false, 'the value under another port\'s name is not ours');

  // Cookies are not port-isolated: another local server can plant one under our name, sent first.
  assert.equal(session.hasCookie(request(`vetted_session_4000=${'P'.repeat(43)}; ${first}`)), true, 'a planted cookie of the same name does not lock our browser out');

  const other = createBrowserSession({ token: TOKEN, port: 4000 });
  assert.equal(other.hasCookie(request(first)), false, 'a session of an earlier server (same token, same port) is not kept by a new one');
});

test(`at most ${MAX_SESSIONS} sessions are kept, the oldest forgotten first`, () => {
  const session = createBrowserSession({ token: TOKEN, port: 4000 });
  const cookies = Array.from({ length: MAX_SESSIONS + 1 }, () => signIn(session));
  assert.equal(session.hasCookie(request(cookies[0])), false, 'the oldest is forgotten');
  assert.equal(session.hasCookie(request(cookies[1])), true, 'the next oldest is still kept');
  assert.equal(session.hasCookie(request(cookies.at(-1))), true, 'the newest is kept');
});

test('the clean address never leaves this server', () => {
  const session = createBrowserSession({ token: TOKEN, port: 4000 });
  // `/\evil.example/` arrives as '//evil.example/': as a Location, a protocol-relative address.
  const answer = session.exchange(request(), new URL(`http://127.0.0.1:4000//evil.example/?token=${TOKEN}`));
  assert.ok(answer?.status === 303, 'a redirect');
  assert.equal(answer.location, '/evil.example/');
});
