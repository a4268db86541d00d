// A provider's status page file, whichever format it is in: the content says which (never the file
// name, which a browser's "Save as" or a mail client may have changed), and the format's reader
// turns it into Vetted's own incidents and maintenances. Nothing past this module sees the format.
import { refusal } from './imported';
import { isObject, parseJson } from './json-fields';
import { parseInstatus } from './instatus';
import { parseStatusFeed } from './status-feed';
import type { ParsedStatusFile } from './status-imported';
import { parseStatuspageIncidents } from './statuspage-incidents';

export type { ImportedIncident, ParsedStatusFile } from './status-imported';

const WHAT_FITS =
  "Statuspage's incidents.json, summary.json or scheduled-maintenances.json (/api/v2/…), the page's Atom or RSS history feed (history.atom, history.rss), or an Instatus summary.json";

/** The first characters after the XML declaration, comments and processing instructions: where the root (or a DOCTYPE) begins. */
function afterProlog(text: string): string {
  const skip = /\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->/y;
  let at = 0;
  for (;;) {
    skip.lastIndex = at;
    if (!skip.test(text)) return text.slice(at, at + 200);
    at = skip.lastIndex;
  }
}

function detectXml(fileName: string, text: string): 'atom' | 'rss' {
  const root = afterProlog(text);
  const opening = root.slice(0, 40).split(/\r?\n/, 1)[0]!;
  if (/^<!DOCTYPE\s+html\b/i.test(root) || /^<html[\s>]/i.test(root)) {
    throw refusal([`${fileName}: a web page (it begins "${opening}"), not the page's data: the status page itself was saved. Save its data instead: ${WHAT_FITS}`]);
  }
  // A feed never needs a DOCTYPE, and a DOCTYPE is how XML defines entities that expand without
  // bound or reach outside the file: refused before any parser sees it.
  if (/^<!DOCTYPE/i.test(root)) throw refusal([`${fileName}: the file declares a DOCTYPE (it begins "${opening}"); Atom and RSS feeds have none, and Vetted does not read them`]);
  if (/^<(?:[\w.-]+:)?feed[\s>/]/.test(root)) return 'atom';
  if (/^<rss[\s>/]/.test(root)) return 'rss';
  const name = /^<([\w.:-]+)/.exec(root)?.[1];
  const hint = name === 'rdf:RDF' ? ' (RSS 1.0, which Vetted does not read: use the Atom feed)' : '';
  throw refusal([`${fileName}: an XML file whose root is <${name ?? '?'}>${hint}, not an Atom <feed> or an RSS <rss>; expected ${WHAT_FITS}`]);
}

/** Reads the file or throws a validation error naming the line, JSON path or element at fault. */
export function parseStatusFile(fileName: string, text: string): ParsedStatusFile {
  // A byte-order mark and blank lines before the content are common in files saved on Windows.
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (start === '') throw refusal([`${fileName}: the file is empty; expected ${WHAT_FITS}`]);
  if (start.startsWith('<')) {
    const format = detectXml(fileName, start);
    return parseStatusFeed(fileName, body, format);
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    const root = parseJson(fileName, body);
    if (!isObject(root)) throw refusal([`${fileName}: $: a JSON ${Array.isArray(root) ? 'array' : 'value'}, not an object; expected ${WHAT_FITS}`]);
    if (Object.hasOwn(root, 'incidents') || Object.hasOwn(root, 'scheduled_maintenances')) return parseStatuspageIncidents(fileName, root);
    if (Object.hasOwn(root, 'activeIncidents') || Object.hasOwn(root, 'activeMaintenances')) return parseInstatus(fileName, root);
    const keys = Object.keys(root).slice(0, 8);
    // status.json and components.json come from the same API and carry no incidents.
    const hint = Object.hasOwn(root, 'status') || Object.hasOwn(root, 'components') ? "; Statuspage's status.json and components.json carry no incidents: save /api/v2/incidents.json" : '';
    throw refusal([
      `${fileName}: $: has no incidents or scheduled_maintenances array (Statuspage) and no activeIncidents or activeMaintenances (Instatus)${keys.length > 0 ? `; its keys are ${keys.join(', ')}` : ''}${hint}`,
    ]);
  }
  const opening = start.split(/\r?\n/, 1)[0]!.slice(0, 40);
  throw refusal([`${fileName}: neither JSON nor XML (it begins "${opening}"); expected ${WHAT_FITS}`]);
}
