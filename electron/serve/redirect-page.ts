// A tiny page whose only job is to send the browser on: a meta refresh (no script, so the renderer's
// CSP applies unchanged) with a plain link as fallback, and no Referer for where it goes. Used for
// the launch page `--open` writes to disk and for the sign-in hop the server answers a launch with.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function redirectPage(target: string): string {
  const url = escapeHtml(target);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${url}">`,
    '<title>Opening Vetted…</title></head>',
    `<body><p>Opening Vetted… If nothing happens, <a href="${url}" rel="noreferrer">continue</a>.</p></body></html>`,
    '',
  ].join('\n');
}
