// Reading a property's value as plain words, whatever ical.js thinks its type is.
import type ICAL from 'ical.js';

export type Property = InstanceType<typeof ICAL.Property>;

/**
 * A property's first value as text, read from ical.js's parsed form without asking it to decode
 * the value: a text property written with another VALUE type (SUMMARY;VALUE=DATE:…) would make
 * ical.js throw, and such a value is still only words to Vetted. '' when absent.
 */
export function plainText(prop: Property | null): string {
  if (!prop) return '';
  const value = (prop.toJSON() as unknown[])[3];
  return value === undefined || value === null ? '' : (typeof value === 'string' ? value : JSON.stringify(value)).trim();
}
