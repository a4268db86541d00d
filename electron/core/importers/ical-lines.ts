// Where things are in an iCalendar file. ical.js parses the file but keeps no line numbers, and a
// person fixing a provider's file needs them. This module reads the same content lines ical.js
// reads (RFC 5545 3.1: a line that starts with a space or tab continues the one before, so one
// property may span several lines of the file) and remembers the file line each begins on, as a
// tree of components that mirrors the one ical.js builds: the n-th property of a component here
// is the n-th property of the same component there.
//
// ical.js is then given exactly these lines (unfolded, BEGIN and END written plainly), so the two
// trees cannot disagree.
//
// It also finds what ical.js would only report without a place: a BEGIN without its END, an END
// that closes the wrong component, a line that is no property. Each property line is handed to
// ical.js on its own, so a value it cannot read (a bad RRULE) is reported with its line too.
import ICAL from 'ical.js';

/** One content line (unfolded) and the file line it begins on (1-based). */
export interface ContentLine {
  line: number;
  text: string;
}

/** A property's content line and its upper-case name (DTSTART). */
export interface PropertyLine extends ContentLine {
  name: string;
}

/** A component (VCALENDAR, VEVENT, VTIMEZONE …): its BEGIN line, properties and children in file order. */
export interface ComponentLines {
  name: string;
  line: number;
  properties: PropertyLine[];
  children: ComponentLines[];
}

export interface LineProblem {
  line: number;
  message: string;
}

/** At most this many problems are collected: past that, the file is plainly not iCalendar. */
const MAX_PROBLEMS = 50;

/**
 * The content lines as ical.js's parser reads them: split at LF (an optional CR before it
 * dropped), continuation lines appended without their first character, empty lines skipped.
 */
export function contentLines(text: string): ContentLine[] {
  const out: ContentLine[] = [];
  const physical = text.split('\n');
  let current: ContentLine | null = null;
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i]!;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if ((line.startsWith(' ') || line.startsWith('\t')) && current) {
      current.text += line.slice(1);
      continue;
    }
    if (current) out.push(current);
    current = line.trim().length > 0 ? { line: i + 1, text: line.trimStart() } : null;
  }
  if (current) out.push(current);
  for (const c of out) c.text = c.text.trimEnd();
  return out.filter((c) => c.text.length > 0);
}

/** The property name of a content line: everything before the first ";" or ":" (upper case). */
export function lineName(text: string): string {
  const end = text.search(/[;:]/);
  return (end === -1 ? text : text.slice(0, end)).toUpperCase();
}

/** The value part of a content line: after the first ":" that is not inside a quoted parameter. */
export function rawValue(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return text.slice(i + 1);
  }
  return '';
}

function propertyProblem(text: string): string | null {
  const name = lineName(text);
  if (!/[;:]/.test(text)) return `"${shorten(text)}" is not a property: a content line is NAME:value`;
  try {
    ICAL.parse.property(text);
    return null;
  } catch (error) {
    return `${name} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export interface LineIndex {
  roots: ComponentLines[];
  problems: LineProblem[];
  /** The content lines joined with CRLF, for ical.js to parse. */
  unfolded: string;
}

/** The component tree of the file with line numbers, and every structural or syntax problem found. */
export function indexLines(text: string): LineIndex {
  const roots: ComponentLines[] = [];
  const unfolded: string[] = [];
  const problems: LineProblem[] = [];
  const stack: ComponentLines[] = [];
  const problem = (line: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, message });
  };
  for (const { line, text: content } of contentLines(text)) {
    const name = lineName(content);
    if (name === 'BEGIN' || name === 'END') {
      const component = rawValue(content).trim().toUpperCase();
      if (!content.slice(name.length).startsWith(':') || component === '') {
        problem(line, `"${shorten(content)}" names no component (write ${name}:VEVENT, ${name}:VCALENDAR …)`);
        continue;
      }
      unfolded.push(`${name}:${component}`);
      if (name === 'BEGIN') {
        const node: ComponentLines = { name: component, line, properties: [], children: [] };
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(node);
        else roots.push(node);
        stack.push(node);
        continue;
      }
      const open = stack.pop();
      if (!open) problem(line, `END:${component} closes nothing (no BEGIN:${component} before it)`);
      else if (open.name !== component) problem(line, `END:${component} closes BEGIN:${open.name} of line ${open.line}`);
      continue;
    }
    const owner = stack[stack.length - 1];
    if (!owner) {
      problem(line, `${name} stands outside BEGIN:VCALENDAR … END:VCALENDAR`);
      continue;
    }
    const bad = propertyProblem(content);
    if (bad) problem(line, bad);
    owner.properties.push({ line, text: content, name });
    unfolded.push(content);
  }
  for (const open of stack.reverse()) problem(open.line, `BEGIN:${open.name} is never closed (no END:${open.name})`);
  problems.sort((a, b) => a.line - b.line);
  return { roots, problems, unfolded: unfolded.join('\r\n') };
}
