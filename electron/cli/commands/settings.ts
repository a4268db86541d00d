// `vetted settings`: the register's settings; `vetted settings set KEY VALUE` changes one.
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../shared/domain/settings';
import { parse } from '../args';
import { inputError, usageError } from '../cli-error';
import { table } from '../format';
import { must, openSession } from '../session';

export const SETTINGS_USAGE =
  'usage: vetted settings [--json] | vetted settings set KEY VALUE   (KEY as listed, e.g. report-language zh-Hans; "system" or "none" clears a setting that may be empty)';

/** "reportLanguage" ↔ "report-language". */
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** A setting's value as typed: text for text settings, "system"/"none" for an empty one, else JSON. */
function valueOf(key: keyof Settings, raw: string): unknown {
  const nullable = key === 'reportLanguage' || key === 'dayRate' || key === 'minimumNoticeHours';
  if (nullable && ['system', 'none', 'null', ''].includes(raw.trim().toLowerCase())) return null;
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
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 70 ? `${text.slice(0, 69)}…` : text;
}

export async function settingsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const api = openSession(values.db).api;
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
  const settings = must(await api['settings.update'](patch));
  if (values.json) process.stdout.write(JSON.stringify(settings, null, 2) + '\n');
  else process.stdout.write(`${kebab(key)}: ${shown(key, settings[key])}\n`);
}
