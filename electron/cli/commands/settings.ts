// `vetted settings`: the register's settings; `vetted settings set KEY VALUE` changes one.
import { dayRateText, type DayRate } from '../../../shared/domain/cost';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../shared/domain/settings';
import type { Result } from '../../../shared/result';
import { parse } from '../args';
import { inputError, usageError } from '../cli-error';
import { table } from '../format';
import { must, openSession } from '../session';

export const SETTINGS_USAGE =
  'usage: vetted settings [--json] | vetted settings set KEY VALUE   (KEY as listed, e.g. report-language zh-Hans or day-rate "640 EUR"; "system" or "none" clears a setting that may be empty)';

/** "reportLanguage" ↔ "report-language". */
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

const DAY_RATE_FORM = 'day-rate: give an amount and an ISO 4217 currency code, e.g. "640 EUR" (or none to clear it)';

/**
 * The day rate as a person says it, "640 EUR" (the currency's case aside), or as the JSON the
 * settings hold ({"amount":640,"currency":"EUR"}); anything else is refused showing the form. The
 * API checks the amount and that the code is ISO 4217.
 */
function dayRateOf(raw: string): unknown {
  const spoken = /^\s*(\d+(?:\.\d+)?)\s+([A-Za-z]{3})\s*$/.exec(raw);
  if (spoken) return { amount: Number(spoken[1]), currency: spoken[2]!.toUpperCase() };
  if (raw.trim().startsWith('{')) {
    try {
      return JSON.parse(raw);
    } catch {
      throw inputError(DAY_RATE_FORM);
    }
  }
  throw inputError(`${DAY_RATE_FORM}; got "${raw}"`);
}

/** A setting's value as typed: text for text settings, "system"/"none" for an empty one, else JSON. */
function valueOf(key: keyof Settings, raw: string): unknown {
  const nullable = key === 'reportLanguage' || key === 'dayRate' || key === 'minimumNoticeHours';
  // A word clears, never an empty value (an unset shell variable must not wipe a setting).
  if (nullable && ['system', 'none', 'null'].includes(raw.trim().toLowerCase())) return null;
  const text = typeof DEFAULT_SETTINGS[key] === 'string' && key !== 'reportLanguage';
  if (raw.trim() === '' && !text) throw inputError(`${kebab(key)}: give a value${nullable ? ' ("none" clears it)' : ''}`);
  if (key === 'dayRate') return dayRateOf(raw);
  if (typeof DEFAULT_SETTINGS[key] === 'string' || key === 'reportLanguage') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw inputError(`${kebab(key)}: the value must be JSON (e.g. ${JSON.stringify(DEFAULT_SETTINGS[key] ?? null)})`);
  }
}

function shown(key: keyof Settings, value: unknown): string {
  if (key === 'reportLanguage' && value === null) return 'system (this computer’s language)';
  if (value === null) return 'none';
  if (key === 'dayRate') return dayRateText(value as DayRate);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 70 ? `${text.slice(0, 69)}…` : text;
}

/**
 * Unwraps settings.update, or throws its problem in the words typed: "day-rate currency: must be an
 * ISO 4217 …", not "dayRate.currency: …".
 */
function mustNamingSetting(result: Result<Settings>, key: keyof Settings): Settings {
  if (result.ok) return result.value;
  const problem = result.error.code === 'validation' ? result.error.details?.[0] : undefined;
  if (!problem || !problem.path.startsWith(key)) return must(result);
  const part = problem.path.slice(key.length).replace(/^\./, ' ');
  throw inputError(`${kebab(key)}${part}: ${problem.message}${key === 'dayRate' ? ` (the form: "640 EUR")` : ''}`);
}

export async function settingsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const api = (await openSession(values.db)).api;
  if (positionals.length === 0) {
    const settings = must(await api['settings.get']({}));
    if (values.json) {
      process.stdout.write(JSON.stringify(settings, null, 2) + '\n');
      return;
    }
    process.stdout.write(table(['Setting', 'Value'], KEYS.map((key) => [kebab(key), shown(key, settings[key])])) + '\n');
    return;
  }
  const [sub, name, raw, ...extra] = positionals;
  if (sub !== 'set' || name === undefined || raw === undefined || extra.length > 0) throw usageError(SETTINGS_USAGE);
  const key = KEYS.find((k) => k === name || kebab(k) === name);
  if (!key) throw inputError(`no setting called "${name}"; the settings are: ${KEYS.map(kebab).join(', ')}`);
  const patch = { [key]: valueOf(key, raw) } as SettingsPatch;
  const settings = mustNamingSetting(await api['settings.update'](patch), key);
  if (values.json) process.stdout.write(JSON.stringify(settings, null, 2) + '\n');
  else process.stdout.write(`${kebab(key)}: ${shown(key, settings[key])}\n`);
}
