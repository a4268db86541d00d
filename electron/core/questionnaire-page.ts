// The provider's questionnaire page: the built page script and style (dist/vendor) and the request,
// put together into one self-contained HTML file under a strict Content-Security-Policy.
// The CSP allows exactly the one inline script and the one inline style (by their SHA-256) and no
// connection of any kind, so the page works from file:// with nothing fetched and nothing sent.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { QuestionnaireRequest } from '../../shared/domain/vendor-exchange';
import { VettedError } from '../../shared/result';
import { findShippedRoot } from './asset-search';

const SCRIPT_FILE = path.join('dist', 'vendor', 'questionnaire.js');
const STYLE_FILE = path.join('dist', 'vendor', 'questionnaire.css');

interface PageAssets {
  script: string;
  style: string;
}

let assetsCache: PageAssets | undefined;

/** The built page script and style (found as the report fonts are: asset-search.ts). Read once. */
function pageAssets(): PageAssets {
  if (assetsCache) return assetsCache;
  const root = findShippedRoot([SCRIPT_FILE, STYLE_FILE]);
  if (!root) throw new VettedError('unavailable', 'The questionnaire page is not built: run npm run build:renderer');
  assetsCache = {
    script: fs.readFileSync(path.join(root, SCRIPT_FILE), 'utf8'),
    style: fs.readFileSync(path.join(root, STYLE_FILE), 'utf8'),
  };
  return assetsCache;
}

/** The CSP source for an inline element with exactly this text. */
function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * JSON that can sit inside <script type="application/json">: no "<", ">" or "&" can end the element
 * or open a comment, and U+2028/U+2029 are escaped for older parsers. JSON.parse reads it unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for a raw-text element: "</script" or "</style" inside it would end it early. */
function rawText(text: string, element: 'script' | 'style'): string {
  return text.replace(new RegExp(`</(${element})`, 'gi'), '<\\/$1');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The whole HTML page for one request. Throws a VettedError when the page script is not built. */
export function composeQuestionnairePage(request: QuestionnaireRequest): string {
  const assets = pageAssets();
  // Built code never holds "</script" (checked in the page test); escaping keeps that true anyway.
  const script = rawText(assets.script, 'script');
  const style = rawText(assets.style, 'style');
  const csp = [
    "default-src 'none'",
    `script-src ${hashSource(script)}`,
    `style-src ${hashSource(style)}`,
    'img-src data:',
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Security questionnaire for ${escapeHtml(request.vendor.name)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<noscript><p>This questionnaire needs JavaScript. Open it in a current browser with scripts allowed for local files.</p></noscript>',
    '<div id="app"></div>',
    `<script type="application/json" id="vetted-request">${scriptSafeJson(request)}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
