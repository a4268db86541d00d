import { REPORT_LANGUAGES, canonicalLanguage } from '../../../../shared/domain/report-language';

interface Props {
  idPrefix: string;
  /** The stored tag, or null for the system's language. */
  value: string | null;
  onChange(value: string | null): void;
}

/** The system's language as the app sees it (what reports use while the setting is empty). */
function systemLanguage(): string {
  return canonicalLanguage(navigator.language || 'en') ?? 'en';
}

/**
 * "Reports": the language the register's text is written in. It becomes each PDF's document
 * language, and chooses how Han characters are drawn (Chinese, Japanese and Korean draw many of
 * them differently).
 */
export function ReportLanguageFields({ idPrefix, value, onChange }: Props) {
  const id = `${idPrefix}-report-language`;
  const hintId = `${id}-hint`;
  const system = systemLanguage();
  // A tag stored by the CLI or an import that the list does not offer is still shown and kept.
  const offered = REPORT_LANGUAGES.some((l) => l.tag === value) || value === null ? REPORT_LANGUAGES : [...REPORT_LANGUAGES, { tag: value, label: value }];
  return (
    <fieldset className="form-section">
      <legend>Reports</legend>
      <div className="field">
        <label htmlFor={id}>Language of the register’s text</label>
        <select id={id} className="select" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} aria-describedby={hintId}>
          <option value="">This computer’s language ({system})</option>
          {offered.map((language) => (
            <option key={language.tag} value={language.tag}>
              {language.label}
            </option>
          ))}
        </select>
        <p id={hintId} className="hint">
          The language PDF reports declare, and how names in Chinese characters are drawn: as Simplified or Traditional
          Chinese, Japanese or Korean. A name with kana is always drawn as Japanese, one with hangul as Korean.
        </p>
      </div>
    </fieldset>
  );
}
