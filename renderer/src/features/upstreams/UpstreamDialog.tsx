// "Add fourth party" and "Edit fourth party": the party (picked from the catalogue or typed), its
// kind, the regions the provider runs in and what depends on each, the purpose and location as the
// provider states them. What was typed stays when the register refuses it, and each problem is
// shown at the field the API names (regions.2.code → the region field).
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { UpstreamView } from '../../../../shared/api';
import { UPSTREAM_KINDS, type UpstreamKind } from '../../../../shared/domain/upstream';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useDraftFields } from '../../components/useDraftFields';
import { errorText } from '../../lib/errorText';
import { ModalDialog } from '../workflow/ModalDialog';
import { UPSTREAM_KIND_LABELS } from './labels';
import { PartyField } from './PartyField';
import { RegionsField } from './RegionsField';
import { matchCatalogue, useCatalogue } from './useCatalogue';
import { draftOfUpstream, emptyUpstreamDraft, UPSTREAM_LABELS, upstreamInputOf, upstreamPatchOf } from './upstreamDraft';

interface Props {
  vendorId: string;
  vendorName: string;
  /** The upstream edited, 'new' for a new one, null when closed. */
  target: UpstreamView | 'new' | null;
  onClose(): void;
  onSaved(saved: UpstreamView, added: boolean): void;
}

export function UpstreamDialog({ vendorId, vendorName, target, onClose, onSaved }: Props) {
  const catalogue = useCatalogue();
  const { draft, setDraft, errors, setErrors, fid, set, showProblems } = useDraftFields(emptyUpstreamDraft(), UPSTREAM_LABELS);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const picked = useMemo(() => matchCatalogue(catalogue, draft.party), [catalogue, draft.party]);

  // Each opening starts clean: the upstream's draft (or a new one), no marks, no message.
  useEffect(() => {
    if (target === null) return;
    setDraft(target === 'new' ? emptyUpstreamDraft() : draftOfUpstream(target));
    setErrors({});
    setFormError(null);
  }, [target]);

  const setParty = (party: string) => {
    set('party', party);
    // Picking a catalogued party on a new entry also picks its usual kind.
    const match = matchCatalogue(catalogue, party);
    if (target === 'new' && match && match.kinds.length > 0) set('kind', match.kinds[0]!);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (target === null || busy) return;
    setFormError(null);
    setBusy(true);
    let result;
    if (target === 'new') {
      result = await api['upstream.add'](upstreamInputOf(vendorId, draft, picked));
    } else {
      const patch = upstreamPatchOf(target, draft, picked);
      if (Object.keys(patch).length === 0) {
        setBusy(false);
        onClose();
        return;
      }
      result = await api['upstream.update']({ id: target.id, patch });
    }
    setBusy(false);
    if (!result.ok) {
      // The API names the field: "party", "regions.1.code", or "patch.party" for an edit.
      const problems = (result.error.details ?? []).map((d) => {
        const path = d.path.replace(/^patch\./, '');
        // A region's problem names the region, since the field shows only the one being typed.
        const region = /^regions\.(\d+)/.exec(path);
        const code = region ? draft.regions[Number(region[1])]?.code : undefined;
        return { path, message: code ? `Region “${code}” ${d.message}` : d.message };
      });
      const named = showProblems(problems);
      setFormError(named ? 'The fourth party was not saved: fix the fields marked below.' : `The fourth party was not saved: ${errorText(result.error)}`);
      return;
    }
    onSaved(result.value, target === 'new');
  };

  const isNew = target === 'new';
  return (
    <ModalDialog
      open={target !== null}
      wide
      title={isNew ? 'Add fourth party' : 'Edit fourth party'}
      lead={isNew ? `Something ${vendorName} itself runs on: its cloud and regions, CDN, DNS, e-mail, payment or identity provider.` : undefined}
      onClose={onClose}
      onSubmit={(e) => void submit(e)}
    >
      <FormError message={formError} />
      <div className="form-grid">
        <PartyField id={fid('party')} value={draft.party} error={errors.party} catalogue={catalogue} picked={picked} onChange={setParty} />
        <Field id={fid('kind')} label="Kind" error={errors.kind}>
          {(p) => (
            <select {...p} className="select" value={draft.kind} onChange={(e) => set('kind', e.target.value as UpstreamKind)}>
              {UPSTREAM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {UPSTREAM_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <RegionsField id={fid('regions')} regions={draft.regions} error={errors.regions} picked={picked} onChange={(r) => set('regions', r)} />
      <div className="form-grid">
        <Field id={fid('purpose')} label="Purpose (optional)" error={errors.purpose} hint="As the provider states it: “Hosting”, “Transactional e-mail”.">
          {(p) => <input {...p} className="input" value={draft.purpose} maxLength={500} onChange={(e) => set('purpose', e.target.value)} />}
        </Field>
        <Field id={fid('location')} label="Location (optional)" error={errors.location} hint="As the provider states it: “United States”, “EU”.">
          {(p) => <input {...p} className="input" value={draft.location} maxLength={200} onChange={(e) => set('location', e.target.value)} />}
        </Field>
      </div>
      <Field id={fid('note')} label="Note (optional)" error={errors.note}>
        {(p) => <textarea {...p} className="textarea" rows={2} maxLength={5000} value={draft.note} onChange={(e) => set('note', e.target.value)} />}
      </Field>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Saving…' : isNew ? 'Add fourth party' : 'Save changes'}
        </button>
      </div>
    </ModalDialog>
  );
}
