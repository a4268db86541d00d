// The time zones the zone field offers: the platform's own list (the same ICU data the schedule
// check and the expansion use, so nothing offered can be refused), plus UTC, which some
// platforms leave out of supportedValuesOf although every one of them accepts it.

let zones: readonly string[] | null = null;

/** Every IANA zone name the platform knows, sorted, UTC included. */
export function timeZoneNames(): readonly string[] {
  if (zones) return zones;
  let names: string[];
  try {
    names = Intl.supportedValuesOf('timeZone');
  } catch {
    names = []; // an older engine: the field still takes any name typed, and the check still applies
  }
  zones = [...new Set([...names, 'UTC'])].sort();
  return zones;
}

/** The zone the browser runs in (the default for a new schedule); UTC when it cannot say. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
