import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_SETTINGS, SettingsPatch, type Settings } from '../../../../shared/domain/settings';
import { describeIssues } from '../../../../shared/validation';
import { inElectron } from '../../api/client';
import { hrefs } from '../../app/router';
import { Field } from '../../components/Field';
import { FieldError, fieldMessage } from '../../components/FieldError';
import { TIER_LABELS } from '../../lib/labels';
import type { Tier } from '../../../../shared/domain/tier';
import { useVetted } from '../../store';
import { DayRateFields } from './DayRateFields';
import { DefaultTemplatesFields } from './DefaultTemplatesFields';
import {
  defaultTemplatesDraftOf,
  defaultTemplatesOf,
  sameDefaultTemplates,
  type DefaultTemplatesDraft,
  type DefaultTemplatesErrors,
} from './defaultTemplatesDraft';
import { CATEGORY_LABELS } from '../../lib/labels';
import { VENDOR_CATEGORIES, type VendorCategory } from '../../../../shared/domain/vendor';
import { checkDayRate, dayRateDraftOf, DAY_RATE_LABELS, sameDayRate, type DayRateDraft, type DayRateErrors } from './dayRateDraft';
import { ReassessmentFields } from './ReassessmentFields';
import { MONTH_TIERS, checkMonths, monthsDraftOf, sameMonths, type MonthsDraft, type MonthsErrors } from './reassessmentDraft';
import { FormError } from '../../components/FormError';
import { MaintenanceNoticeFields } from './MaintenanceNoticeFields';
import { checkNotice, NOTICE_LABEL, noticeDraftOf, sameNotice } from './noticeDraft';
import { ConcentrationThresholdFields } from './ConcentrationThresholdFields';
import { checkThreshold, sameThreshold, THRESHOLD_LABEL, thresholdDraftOf } from './thresholdDraft';
import { SignOffFields } from './SignOffFields';
import { useRegisterConnection } from './useRegisterConnection';
import { ReportLanguageFields } from './ReportLanguageFields';

/** The text settings; the months per tier, the day rate, the questionnaire per category, the minimum notice, separation of duties and the report language have their own drafts. */
type Key = Exclude<keyof Settings, 'reassessmentMonths' | 'dayRate' | 'defaultTemplates' | 'minimumNoticeHours' | 'separationOfDuties' | 'reportLanguage' | 'concentrationThreshold'>;
type TextDraft = Pick<Settings, Key>;
type SaveState = 'idle' | 'saving' | 'saved' | 'unchanged' | 'failed';

const LABELS: Record<Key, string> = {
  organisation: 'Organisation',
  userName: 'Your name',
  subprocessorIntro: 'Subprocessor list introduction',
};
const KEYS = Object.keys(LABELS) as Key[];
const INTRO_MAX = 5000;

/** Issues of the SettingsPatch schema, one message per field, in words. */
function fieldErrors(error: { issues: Parameters<typeof describeIssues>[0] }): Partial<Record<Key, string>> {
  const found: Partial<Record<Key, string>> = {};
  const described = describeIssues(error.issues);
  error.issues.forEach((issue, i) => {
    const key = String(issue.path[0] ?? '') as Key;
    if (!(key in LABELS) || found[key]) return;
    found[key] =
      issue.code === 'too_big'
        ? `${LABELS[key]} can be at most ${Number(issue.maximum).toLocaleString()} characters.`
        : fieldMessage(LABELS[key], described[i]!.message);
  });
  return found;
}

/** The fields that differ from what is stored (compared as they will be stored: trimmed). */
function changes(parsed: SettingsPatch, stored: Settings): SettingsPatch {
  const out: SettingsPatch = {};
  for (const key of KEYS) {
    const value = parsed[key];
    if (value !== undefined && value !== stored[key]) out[key] = value;
  }
  return out;
}

const textOf = (settings: Settings): TextDraft => ({
  organisation: settings.organisation,
  subprocessorIntro: settings.subprocessorIntro,
  userName: settings.userName,
});

const FILE_NAME_HINT = 'Recorded on every sign-off step, in the audit trail and as the reviewer of reviews you start. Change it here at any time.';
const TEAM_NAME_HINT =
  'Yours alone on this team register: each member sets their own. Recorded on your sign-off steps and changes, beside the database login the server records.';

export function SettingsForm({ stored }: { stored: Settings }) {
  const saveSettings = useVetted((s) => s.saveSettings);
  // On a team register "Your name" is each member's own (migration 016), and the trail also records the login.
  const where = useRegisterConnection().state;
  const onTeamRegister = where.status === 'ready' && where.connection.open.kind === 'team';
  const [draft, setDraft] = useState<TextDraft>(() => textOf(stored));
  const [months, setMonths] = useState<MonthsDraft>(() => monthsDraftOf(stored.reassessmentMonths));
  const [dayRate, setDayRate] = useState<DayRateDraft>(() => dayRateDraftOf(stored.dayRate));
  const [templates, setTemplates] = useState<DefaultTemplatesDraft>(() => defaultTemplatesDraftOf(stored.defaultTemplates));
  const [notice, setNotice] = useState<string>(() => noticeDraftOf(stored.minimumNoticeHours));
  const [threshold, setThreshold] = useState<string>(() => thresholdDraftOf(stored.concentrationThreshold));
  const [duties, setDuties] = useState<boolean>(stored.separationOfDuties);
  const [language, setLanguage] = useState<string | null>(stored.reportLanguage);
  const [base, setBase] = useState<Settings>(stored);
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [monthErrors, setMonthErrors] = useState<MonthsErrors>({});
  const [dayRateErrors, setDayRateErrors] = useState<DayRateErrors>({});
  const [templateErrors, setTemplateErrors] = useState<DefaultTemplatesErrors>({});
  const [noticeError, setNoticeError] = useState<string | undefined>(undefined);
  const [thresholdError, setThresholdError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const form = useRef<HTMLFormElement>(null);
  const uid = useId();
  const fid = (key: Key) => `${uid}-${key}`;

  // Fresher settings arrived (the page reloads them on every visit): take them unless the user typed.
  if (base !== stored) {
    setBase(stored);
    if (KEYS.every((key) => draft[key] === base[key])) setDraft(textOf(stored));
    if (sameMonths(months, base.reassessmentMonths)) setMonths(monthsDraftOf(stored.reassessmentMonths));
    if (sameDayRate(dayRate, base.dayRate)) setDayRate(dayRateDraftOf(stored.dayRate));
    if (sameDefaultTemplates(templates, base.defaultTemplates)) setTemplates(defaultTemplatesDraftOf(stored.defaultTemplates));
    if (sameNotice(notice, base.minimumNoticeHours)) setNotice(noticeDraftOf(stored.minimumNoticeHours));
    if (sameThreshold(threshold, base.concentrationThreshold)) setThreshold(thresholdDraftOf(stored.concentrationThreshold));
    if (duties === base.separationOfDuties) setDuties(stored.separationOfDuties);
    if (language === base.reportLanguage) setLanguage(stored.reportLanguage);
  }

  const dirty =
    KEYS.some((key) => draft[key] !== stored[key]) ||
    !sameMonths(months, stored.reassessmentMonths) ||
    !sameDayRate(dayRate, stored.dayRate) ||
    !sameDefaultTemplates(templates, stored.defaultTemplates) ||
    !sameNotice(notice, stored.minimumNoticeHours) ||
    !sameThreshold(threshold, stored.concentrationThreshold) ||
    duties !== stored.separationOfDuties ||
    language !== stored.reportLanguage;

  useEffect(() => {
    if (!dirty) return;
    const onLeave = (event: BeforeUnloadEvent) => {
      // In Electron a cancelled unload would silently keep the window open; only browsers ask.
      if (!inElectron) event.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [dirty]);

  const set = (key: Key, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaveState('idle');
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const setMonth = (tier: Tier, value: string) => {
    setMonths((m) => ({ ...m, [tier]: value }));
    setSaveState('idle');
    if (monthErrors[tier]) setMonthErrors(({ [tier]: _gone, ...rest }) => rest);
  };

  const setDayRateField = (key: keyof DayRateDraft, value: string) => {
    setDayRate((d) => ({ ...d, [key]: value }));
    setSaveState('idle');
    if (dayRateErrors[key]) setDayRateErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const setTemplate = (category: VendorCategory, templateId: string) => {
    setTemplates((t) => ({ ...t, [category]: templateId }));
    setSaveState('idle');
    if (templateErrors[category]) setTemplateErrors(({ [category]: _gone, ...rest }) => rest);
  };

  const changeNotice = (value: string) => {
    setNotice(value);
    setSaveState('idle');
    setNoticeError(undefined);
  };

  const changeThreshold = (value: string) => {
    setThreshold(value);
    setSaveState('idle');
    setThresholdError(undefined);
  };

  const changeDuties = (value: boolean) => {
    setDuties(value);
    setSaveState('idle');
  };

  const changeLanguage = (value: string | null) => {
    setLanguage(value);
    setSaveState('idle');
  };

  const showErrors = (
    found: Partial<Record<Key, string>>,
    foundMonths: MonthsErrors = {},
    foundDayRate: DayRateErrors = {},
    foundTemplates: DefaultTemplatesErrors = {},
    foundNotice?: string,
    foundThreshold?: string,
  ) => {
    setErrors(found);
    setNoticeError(foundNotice);
    setThresholdError(foundThreshold);
    setMonthErrors(foundMonths);
    setDayRateErrors(foundDayRate);
    setTemplateErrors(foundTemplates);
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    // Nothing is saved while any field is wrong: not the text, not the months, not the day rate.
    const parsed = SettingsPatch.safeParse(draft);
    const monthsCheck = checkMonths(months, (tier) => TIER_LABELS[tier]);
    const dayRateCheck = checkDayRate(dayRate);
    const noticeCheck = checkNotice(notice);
    const thresholdCheck = checkThreshold(threshold);
    if (!parsed.success || !monthsCheck.ok || !dayRateCheck.ok || !noticeCheck.ok || !thresholdCheck.ok) {
      setSaveState('failed');
      showErrors(
        parsed.success ? {} : fieldErrors(parsed.error),
        monthsCheck.ok ? {} : monthsCheck.errors,
        dayRateCheck.ok ? {} : dayRateCheck.errors,
        {},
        noticeCheck.ok ? undefined : noticeCheck.error,
        thresholdCheck.ok ? undefined : thresholdCheck.error,
      );
      return;
    }
    const patch = changes(parsed.data, stored);
    // The API takes the four months together.
    if (MONTH_TIERS.some((tier) => monthsCheck.months[tier] !== stored.reassessmentMonths[tier])) {
      patch.reassessmentMonths = monthsCheck.months;
    }
    if (!sameDayRate(dayRate, stored.dayRate)) patch.dayRate = dayRateCheck.rate;
    // The map is one setting: saved whole.
    if (!sameDefaultTemplates(templates, stored.defaultTemplates)) patch.defaultTemplates = defaultTemplatesOf(templates);
    if (noticeCheck.hours !== stored.minimumNoticeHours) patch.minimumNoticeHours = noticeCheck.hours;
    if (!sameThreshold(threshold, stored.concentrationThreshold)) patch.concentrationThreshold = thresholdCheck.fraction;
    if (duties !== stored.separationOfDuties) patch.separationOfDuties = duties;
    if (language !== stored.reportLanguage) patch.reportLanguage = language;
    if (Object.keys(patch).length === 0) {
      showErrors({});
      setDraft(textOf(stored)); // only whitespace differed
      setMonths(monthsDraftOf(stored.reassessmentMonths));
      setDayRate(dayRateDraftOf(stored.dayRate));
      setTemplates(defaultTemplatesDraftOf(stored.defaultTemplates));
      setNotice(noticeDraftOf(stored.minimumNoticeHours));
      setThreshold(thresholdDraftOf(stored.concentrationThreshold));
      setSaveState('unchanged');
      return;
    }
    setSaveState('saving');
    const result = await saveSettings(patch);
    if (result.ok) {
      setDraft(textOf(result.value));
      setMonths(monthsDraftOf(result.value.reassessmentMonths));
      setDayRate(dayRateDraftOf(result.value.dayRate));
      setTemplates(defaultTemplatesDraftOf(result.value.defaultTemplates));
      setNotice(noticeDraftOf(result.value.minimumNoticeHours));
      setThreshold(thresholdDraftOf(result.value.concentrationThreshold));
      setDuties(result.value.separationOfDuties);
      setLanguage(result.value.reportLanguage);
      showErrors({});
      setSaveState('saved');
      return;
    }
    // What was typed stays in the fields; the problems are shown beside them.
    const fromApi: Partial<Record<Key, string>> = {};
    const monthsFromApi: MonthsErrors = {};
    const dayRateFromApi: DayRateErrors = {};
    const templatesFromApi: DefaultTemplatesErrors = {};
    let noticeFromApi: string | undefined;
    let thresholdFromApi: string | undefined;
    for (const d of result.error.details ?? []) {
      const [key, tier] = d.path.split('.');
      if (key === 'reassessmentMonths' && MONTH_TIERS.includes(tier as Tier)) {
        monthsFromApi[tier as Tier] ??= `${TIER_LABELS[tier as Tier]}: ${d.message}`;
      } else if (key === 'dayRate') {
        const field = tier === 'currency' ? 'currency' : 'amount';
        dayRateFromApi[field] ??= fieldMessage(DAY_RATE_LABELS[field], d.message);
      } else if (key === 'defaultTemplates' && VENDOR_CATEGORIES.includes(tier as VendorCategory)) {
        templatesFromApi[tier as VendorCategory] ??= `Questionnaire for ${CATEGORY_LABELS[tier as VendorCategory]}: ${d.message}`;
      } else if (key === 'minimumNoticeHours') {
        noticeFromApi ??= fieldMessage(NOTICE_LABEL, d.message);
      } else if (key === 'concentrationThreshold') {
        // The register speaks of a fraction; the field takes a percentage.
        thresholdFromApi ??= `${THRESHOLD_LABEL}: give a percentage from 0 to 100.`;
      } else if (key && key in LABELS) {
        fromApi[key as Key] ??= fieldMessage(LABELS[key as Key], d.message);
      }
    }
    setFormError(`The settings were not saved: ${result.error.message}`);
    setSaveState('failed');
    showErrors(fromApi, monthsFromApi, dayRateFromApi, templatesFromApi, noticeFromApi, thresholdFromApi);
  };

  const statusText =
    saveState === 'saving'
      ? 'Saving…'
      : saveState === 'saved'
        ? 'Saved'
        : saveState === 'unchanged'
          ? 'No changes to save'
          : saveState === 'failed'
            ? formError
              ? 'Not saved — your changes are still here; try again'
              : 'Not saved — fix the fields marked above'
            : dirty
              ? 'Unsaved changes'
              : '';

  const introId = fid('subprocessorIntro');
  const introLength = draft.subprocessorIntro.trim().length;
  const introIsDefault = draft.subprocessorIntro === DEFAULT_SETTINGS.subprocessorIntro;

  return (
    <form ref={form} className="settings-form" onSubmit={submit} noValidate aria-label="Settings">
      <FormError message={formError} />

      <fieldset className="form-section">
        <legend>You and your organisation</legend>
        <div className="form-grid">
          <Field id={fid('userName')} label={LABELS.userName} error={errors.userName} hint={onTeamRegister ? TEAM_NAME_HINT : FILE_NAME_HINT}>
            {(p) => <input {...p} className="input" value={draft.userName} onChange={(e) => set('userName', e.target.value)} autoComplete="name" />}
          </Field>
          <Field id={fid('organisation')} label={LABELS.organisation} error={errors.organisation} hint="Named on the cover and on every page of exported reports.">
            {(p) => <input {...p} className="input" value={draft.organisation} onChange={(e) => set('organisation', e.target.value)} autoComplete="organization" />}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Subprocessor list</legend>
        <p className="muted section-hint">
          “Export subprocessor list…” on the <a href={hrefs.register}>register</a> creates the PDF annex for your
          privacy statement: the active providers, approved by the list’s date, that process personal data. This
          text opens it; each row states its own DPA and transfer safeguard, so promise nothing here that a row
          could contradict (the export warns if it does).
        </p>
        <div className="field">
          <label htmlFor={introId}>{LABELS.subprocessorIntro}</label>
          <textarea
            id={introId}
            className="textarea settings-intro"
            rows={6}
            value={draft.subprocessorIntro}
            onChange={(e) => set('subprocessorIntro', e.target.value)}
            aria-invalid={errors.subprocessorIntro ? true : undefined}
            aria-describedby={[errors.subprocessorIntro ? `${introId}-error` : '', `${introId}-hint`].filter(Boolean).join(' ')}
          />
          <div className="field-footer">
            <p id={`${introId}-hint`} className="hint">
              The first paragraph of the appendix, above the list of providers.
            </p>
            <span className={`char-count${introLength > INTRO_MAX ? ' is-over' : ''}`} aria-live="off">
              {introLength.toLocaleString()} / {INTRO_MAX.toLocaleString()}
            </span>
          </div>
          <FieldError id={`${introId}-error`} message={errors.subprocessorIntro} />
          {!introIsDefault && (
            <p>
              <button type="button" className="link-button" onClick={() => set('subprocessorIntro', DEFAULT_SETTINGS.subprocessorIntro)}>
                Use the default text
              </button>
            </p>
          )}
        </div>
      </fieldset>

      <ReassessmentFields idPrefix={uid} draft={months} errors={monthErrors} onChange={setMonth} />

      <DayRateFields idPrefix={uid} draft={dayRate} errors={dayRateErrors} onChange={setDayRateField} />

      <DefaultTemplatesFields idPrefix={uid} draft={templates} errors={templateErrors} onChange={setTemplate} />

      <MaintenanceNoticeFields idPrefix={uid} draft={notice} error={noticeError} onChange={changeNotice} />

      <ConcentrationThresholdFields idPrefix={uid} draft={threshold} error={thresholdError} onChange={changeThreshold} />

      <SignOffFields idPrefix={uid} separationOfDuties={duties} onChange={changeDuties} />

      <ReportLanguageFields idPrefix={uid} value={language} onChange={changeLanguage} />

      <div className="form-actions">
        <p className={`save-note save-${saveState}`} role="status" data-testid="settings-save-status">
          {statusText}
        </p>
        <button type="submit" className="button button-primary" disabled={saveState === 'saving'}>
          Save settings
        </button>
      </div>
    </form>
  );
}
