// A VEVENT as ical.js reads it, paired with its lines in the file (ical-lines.ts), so every
// message about it can name the file, the line and the property.
import type ICAL from 'ical.js';
import { EventProblem } from './imported';
import { rawValue, type ComponentLines } from './ical-lines';
import { readTime, TimeProblem, type IcalTime } from './ical-time';
import { RuleProblem } from './ical-rrule';
import { plainText, type Property } from './ical-text';

export type Component = InstanceType<typeof ICAL.Component>;
export type { Property };

/** A VEVENT with its lines, and the helpers that name a place in the file. */
export class Located {
  private readonly properties: Property[];
  readonly label: string;

  constructor(
    readonly fileName: string,
    readonly component: Component,
    readonly lines: ComponentLines,
  ) {
    this.properties = component.getAllProperties();
    const uid = this.text('uid');
    const summary = this.text('summary');
    this.label = `VEVENT${summary ? ` "${summary}"` : ''} (${uid ? `UID ${uid}` : 'no UID'})`;
  }

  /** The file line of a property (the BEGIN:VEVENT line when it is absent). */
  lineOf(prop: Property | null): number {
    if (!prop) return this.lines.line;
    return this.lines.properties[this.properties.indexOf(prop)]?.line ?? this.lines.line;
  }

  /** A property's value as the file writes it (after the first unquoted colon). */
  written(prop: Property): string {
    const line = this.lines.properties[this.properties.indexOf(prop)];
    return line ? rawValue(line.text) : plainText(prop);
  }

  prop(name: string): Property | null {
    return this.component.getFirstProperty(name);
  }

  all(name: string): Property[] {
    return this.component.getAllProperties(name);
  }

  /** A text property's value, trimmed; '' when absent. */
  text(name: string): string {
    return plainText(this.component.getFirstProperty(name));
  }

  /** "ical1.ics line 4: VEVENT "…" (UID 42) has no DTSTART", or "… line 9: RRULE of VEVENT "…" (UID 42): …". */
  where(prop: Property | null, what: string): string {
    return prop
      ? `${this.fileName} line ${this.lineOf(prop)}: ${prop.name.toUpperCase()} of ${this.label}: ${what}`
      : `${this.fileName} line ${this.lines.line}: ${this.label} ${what}`;
  }

  fail(prop: Property | null, what: string): never {
    throw new EventProblem(this.where(prop, what));
  }

  /** Reads a property's values as times; a bad value fails naming the property. */
  times(prop: Property): IcalTime[] {
    const [, params, type, ...values] = prop.toJSON() as [string, Record<string, unknown>, string, ...unknown[]];
    const tzid = typeof params.tzid === 'string' ? params.tzid : undefined;
    try {
      if (values.length === 0) throw new TimeProblem('has no value');
      return values.map((v) => readTime(v, type, tzid, this.written(prop)));
    } catch (error) {
      return this.fail(prop, error instanceof Error ? error.message : String(error));
    }
  }

  time(prop: Property): IcalTime {
    const [first, ...rest] = this.times(prop);
    if (rest.length > 0) this.fail(prop, 'has several values; it takes one');
    return first!;
  }
}

/** Runs `read`, turning a zone or time problem into a failure that names the property. */
export function about<T>(ev: Located, prop: Property | null, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof TimeProblem || error instanceof RuleProblem) ev.fail(prop, error.message);
    throw error;
  }
}

