import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  BUSINESS_IMPACTS,
  DATA_CATEGORIES,
  TENANCIES,
  VENDOR_CATEGORIES,
  VENDOR_STATUSES,
  VendorPatch,
  type DataCategory,
} from '../../../../shared/domain/vendor';
import { describeIssues } from '../../../../shared/validation';
import { Field } from '../../components/Field';
import { FieldError, fieldMessage } from '../../components/FieldError';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import {
  CATEGORY_LABELS,
  DATA_CATEGORY_LABELS,
  IMPACT_LABELS,
  STATUS_LABELS,
  TENANCY_LABELS,
} from '../../lib/labels';
import { useVetted } from '../../store';
import { BuyVsBuildPanel } from './BuyVsBuildPanel';
import { InherentRiskPreview } from './InherentRiskPreview';
import {
  COST_PERIOD_OPTIONS,
  FIELD_LABELS,
  LINK_FIELDS,
  changedFields,
  draftFromVendor,
  fieldOfPath,
  mergeSaved,
  patchFromDraft,
  type LinkKey,
  type ProfileDraft,
} from './profileDraft';
import { FormError } from '../../components/FormError';

type SaveState = 'idle' | 'saving' | 'saved' | 'unchanged' | 'failed';

/** Every vendor field, validated with the shared VendorPatch schema before it is sent. */
export function ProfileForm() {
  const vendor = useVetted((s) => s.vendor)!;
  const updateVendor = useVetted((s) => s.updateVendor);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromVendor(vendor));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const form = useRef<HTMLFormElement>(null);
  const uid = useId();
  const fid = (name: string) => `${uid}-${name.replace('.', '-')}`;

  const stored = useMemo(() => JSON.stringify(draftFromVendor(vendor)), [vendor]);
  const dirty = JSON.stringify(draft) !== stored;
  useLeaveGuard(dirty, `The profile of ${vendor.name} has changes that are not saved. Leave without saving them?`);

  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaveState('idle');
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
  };
  const setLink = (key: LinkKey, value: string) => {
    setDraft((d) => ({ ...d, links: { ...d.links, [key]: value } }));
    setSaveState('idle');
    const path = `links.${key}`;
    if (errors[path]) setErrors(({ [path]: _gone, ...rest }) => rest);
  };
  const toggleData = (category: DataCategory, on: boolean) =>
    set(
      'dataCategories',
      DATA_CATEGORIES.filter((c) => (c === category ? on : draft.dataCategories.includes(c))),
    );

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const { patch, errors: found } = patchFromDraft(draft);
    const parsed = VendorPatch.safeParse(patch);
    if (!parsed.success) {
      for (const problem of describeIssues(parsed.error.issues)) {
        const field = fieldOfPath(problem.path);
        found[field] ??= fieldMessage(FIELD_LABELS[field] ?? field, problem.message);
      }
    }
    if (Object.keys(found).length > 0 || !parsed.success) {
      setSaveState('failed');
      showErrors(found);
      return;
    }
    const changes = changedFields(parsed.data, vendor);
    if (Object.keys(changes).length === 0) {
      setErrors({});
      setSaveState('unchanged');
      return;
    }
    setSaveState('saving');
    const sent = draft;
    const result = await updateVendor(changes);
    if (result.ok) {
      // What was typed while the save was on its way stays (and still counts as unsaved).
      const saved = draftFromVendor(result.value);
      setDraft((current) => mergeSaved(current, sent, saved));
      setErrors({});
      setSaveState('saved');
      return;
    }
    const fromApi: Record<string, string> = {};
    for (const d of result.error.details ?? []) {
      const field = fieldOfPath(d.path.replace(/^patch\./, ''));
      fromApi[field] ??= fieldMessage(FIELD_LABELS[field] ?? field, d.message);
    }
    setFormError(result.error.message);
    setSaveState('failed');
    showErrors(fromApi);
  };

  // Saved, but typed on since: say so.
  const shownState: SaveState = saveState === 'saved' && dirty ? 'idle' : saveState;
  const statusText =
    shownState === 'saving'
      ? 'Saving…'
      : shownState === 'saved'
        ? 'Saved'
        : shownState === 'unchanged'
          ? 'No changes to save'
          : shownState === 'failed'
            ? 'Not saved — fix the fields marked above'
            : dirty
              ? 'Unsaved changes'
              : '';

  return (
    <div className="profile-layout">
      <form ref={form} className="profile-form" onSubmit={submit} noValidate aria-labelledby={`${uid}-title`}>
        <h2 id={`${uid}-title`} className="visually-hidden">
          Profile
        </h2>
        <FormError message={formError} />

        <fieldset className="form-section">
          <legend>Provider</legend>
          <div className="form-grid">
            <Field id={fid('name')} label="Name" error={errors.name}>
              {(p) => <input {...p} className="input" value={draft.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />}
            </Field>
            <Field id={fid('legalName')} label="Legal name" error={errors.legalName} hint="The legal entity its contract names, e.g. Acme Cloud GmbH; the subprocessor list prints it.">
              {(p) => <input {...p} className="input" value={draft.legalName} onChange={(e) => set('legalName', e.target.value)} autoComplete="off" />}
            </Field>
            <Field id={fid('service')} label="Service" error={errors.service} hint="What you use it for.">
              {(p) => <input {...p} className="input" value={draft.service} onChange={(e) => set('service', e.target.value)} autoComplete="off" />}
            </Field>
            <Field id={fid('category')} label="Category" error={errors.category}>
              {(p) => (
                <select {...p} className="select" value={draft.category} onChange={(e) => set('category', e.target.value as ProfileDraft['category'])}>
                  {VENDOR_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {CATEGORY_LABELS[c]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={fid('status')} label="Status" error={errors.status}>
              {(p) => (
                <select {...p} className="select" value={draft.status} onChange={(e) => set('status', e.target.value as ProfileDraft['status'])}>
                  {VENDOR_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={fid('website')} label="Website" error={errors.website}>
              {(p) => (
                <input {...p} className="input" type="url" inputMode="url" placeholder="https://" value={draft.website} onChange={(e) => set('website', e.target.value)} autoComplete="off" />
              )}
            </Field>
            <Field id={fid('owner')} label="Owner" error={errors.owner} hint="The team or person responsible for this provider.">
              {(p) => <input {...p} className="input" value={draft.owner} onChange={(e) => set('owner', e.target.value)} autoComplete="off" />}
            </Field>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Risk profile</legend>
          <p className="hint section-hint">Critical path, business impact and data categories make up the inherent risk.</p>
          <div className="form-grid">
            <div className="field field-check">
              <input id={fid('criticalPath')} type="checkbox" checked={draft.criticalPath} onChange={(e) => set('criticalPath', e.target.checked)} aria-describedby={`${fid('criticalPath')}-hint`} />
              <label htmlFor={fid('criticalPath')}>Critical path</label>
              <p id={`${fid('criticalPath')}-hint`} className="hint">
                Your product stops working when this provider is down.
              </p>
            </div>
            <Field id={fid('businessImpact')} label="Business impact" error={errors.businessImpact}>
              {(p) => (
                <select {...p} className="select" value={draft.businessImpact} onChange={(e) => set('businessImpact', e.target.value as ProfileDraft['businessImpact'])}>
                  {BUSINESS_IMPACTS.map((b) => (
                    <option key={b} value={b}>
                      {IMPACT_LABELS[b]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <fieldset className="field checkbox-group span-2" aria-describedby={errors.dataCategories ? `${fid('dataCategories')}-error` : undefined}>
              <legend className="field-legend">Data categories</legend>
              <div className="checkbox-grid">
                {DATA_CATEGORIES.map((c) => (
                  <label key={c} className="check">
                    <input type="checkbox" checked={draft.dataCategories.includes(c)} onChange={(e) => toggleData(c, e.target.checked)} />
                    {DATA_CATEGORY_LABELS[c]}
                  </label>
                ))}
              </div>
              <FieldError id={`${fid('dataCategories')}-error`} message={errors.dataCategories} />
            </fieldset>
            <Field id={fid('dataLocations')} label="Data locations" error={errors.dataLocations} hint="Countries or regions, separated by commas.">
              {(p) => <input {...p} className="input" value={draft.dataLocations} placeholder="Germany, Netherlands" onChange={(e) => set('dataLocations', e.target.value)} autoComplete="off" />}
            </Field>
            <Field id={fid('tenancy')} label="Tenancy" error={errors.tenancy}>
              {(p) => (
                <select {...p} className="select" value={draft.tenancy} onChange={(e) => set('tenancy', e.target.value as ProfileDraft['tenancy'])}>
                  {TENANCIES.map((t) => (
                    <option key={t} value={t}>
                      {TENANCY_LABELS[t]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Cost</legend>
          <p className="hint section-hint">The one place a provider's fee is kept: reports and the questionnaire show these figures.</p>
          <div className="form-grid form-grid-3">
            <Field id={fid('monthlyCost')} label="Fee" error={errors.monthlyCost} hint="What you pay, in the currency and per the period beside it.">
              {(p) => <input {...p} className="input" inputMode="decimal" value={draft.monthlyCost} onChange={(e) => set('monthlyCost', e.target.value)} autoComplete="off" />}
            </Field>
            <Field id={fid('currency')} label="Currency" error={errors.currency} hint="Three letters, e.g. EUR.">
              {(p) => <input {...p} className="input input-short" maxLength={3} value={draft.currency} onChange={(e) => set('currency', e.target.value.toUpperCase())} autoComplete="off" spellCheck={false} />}
            </Field>
            <Field id={fid('costPeriod')} label="Fee period" error={errors.costPeriod}>
              {(p) => (
                <select {...p} className="select" value={draft.costPeriod} onChange={(e) => set('costPeriod', e.target.value as ProfileDraft['costPeriod'])}>
                  {COST_PERIOD_OPTIONS.map(([period, words]) => (
                    <option key={period} value={period}>
                      {words}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={fid('buildEffortDays')} label="Build effort (engineer-days per year)" error={errors.buildEffortDays} hint="To build and run it yourself instead.">
              {(p) => <input {...p} className="input" inputMode="decimal" value={draft.buildEffortDays} onChange={(e) => set('buildEffortDays', e.target.value)} autoComplete="off" />}
            </Field>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Links</legend>
          <div className="form-grid">
            {LINK_FIELDS.map(([key, label]) => (
              <Field key={key} id={fid(`links.${key}`)} label={label} error={errors[`links.${key}`]}>
                {(p) => (
                  <input {...p} className="input" type="url" inputMode="url" placeholder="https://" value={draft.links[key]} onChange={(e) => setLink(key, e.target.value)} autoComplete="off" />
                )}
              </Field>
            ))}
          </div>
        </fieldset>

        <div className="form-section">
          <Field id={fid('notes')} label="Notes" error={errors.notes} hint="Anything the next reviewer should know: contract terms, open questions, contacts.">
            {(p) => <textarea {...p} className="textarea" rows={5} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />}
          </Field>
        </div>

        <div className="form-actions">
          <p className={`save-note save-${shownState}`} role="status" data-testid="profile-save-status">
            {statusText}
          </p>
          <button type="submit" className="button button-primary" disabled={saveState === 'saving'}>
            Save profile
          </button>
        </div>
      </form>
      <div className="profile-aside">
        <InherentRiskPreview
          criticalPath={draft.criticalPath}
          businessImpact={draft.businessImpact}
          dataCategories={draft.dataCategories}
        />
        <BuyVsBuildPanel vendor={vendor} unsaved={dirty} />
      </div>
    </div>
  );
}
