// The language reports are written for: the register's setting, else this computer's.
import { reportLanguage } from '../../../shared/domain/report-language';
import type { Context } from '../context';

/** The system's language as Intl sees it (Electron sets it from the OS; Node from LANG and friends). */
export function systemLocale(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return undefined;
  }
}

/** The report language: Settings' "Language of reports", else the system's, else English. */
export async function reportLanguageOf(ctx: Context): Promise<string> {
  return reportLanguage((await ctx.settings.get()).reportLanguage, systemLocale());
}
