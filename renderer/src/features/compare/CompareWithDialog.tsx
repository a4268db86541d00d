// "Compare with…" on a provider page: pick 1–5 other providers, then open the comparison with
// this provider in the first column and the others in the order they were picked.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { MAX_COMPARE_PROVIDERS } from '../../../../shared/compare';
import type { Vendor } from '../../../../shared/domain/vendor';
import { hrefs, navigate } from '../../app/router';
import { CATEGORY_LABELS } from '../../lib/labels';
import { useVetted } from '../../store';
import { CompareIcon } from './CompareSelectedButton';

const MAX_OTHERS = MAX_COMPARE_PROVIDERS - 1;
/** Long registers: the list shows this many matches; the filter box narrows it. */
const LIST_LIMIT = 200;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function CompareWithButton({ vendor }: { vendor: Vendor }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="compare-with">
        <CompareIcon />
        Compare with…
      </button>
      <CompareWithDialog vendor={vendor} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function CompareWithDialog({ vendor, open, onClose }: { vendor: Vendor; open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const filterBox = useRef<HTMLInputElement>(null);
  const vendors = useVetted((s) => s.vendors);
  const loaded = useVetted((s) => s.registerLoaded);
  const loadVendors = useVetted((s) => s.loadVendors);
  const [chosen, setChosen] = useState<string[]>([]);
  const [text, setText] = useState('');
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setChosen([]);
      setText('');
      void loadVendors(); // scores may have changed since the register was last shown
      element.showModal();
      filterBox.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open, loadVendors]);

  const others = useMemo(
    () => vendors.filter((v) => v.id !== vendor.id).sort((a, b) => collator.compare(a.name, b.name)),
    [vendors, vendor.id],
  );
  const needle = text.trim().toLowerCase();
  const matches = needle
    ? others.filter((v) => `${v.name}\n${v.service}\n${CATEGORY_LABELS[v.category]}`.toLowerCase().includes(needle))
    : others;
  const listed = matches.slice(0, LIST_LIMIT);
  const names = new Map(others.map((v) => [v.id, v.name]));
  const full = chosen.length >= MAX_OTHERS;

  const toggle = (vendorId: string, on: boolean) =>
    setChosen((list) => (on ? (list.includes(vendorId) || list.length >= MAX_OTHERS ? list : [...list, vendorId]) : list.filter((x) => x !== vendorId)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) return;
    onClose();
    navigate(hrefs.compare([vendor.id, ...chosen]));
  };

  return (
    <dialog
      ref={dialog}
      className="dialog compare-with-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-lead`}
      aria-modal="true"
      onClose={onClose}
      onCancel={() => onClose()}
    >
      <form className="dialog-form" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="dialog-title">
          Compare {vendor.name} with…
        </h2>
        <p id={`${id}-lead`} className="muted dialog-lead">
          Pick 1 to {MAX_OTHERS} other providers. They appear side by side in the order you pick them.
        </p>
        <div className="filter-box compare-with-filter">
          <svg className="filter-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <circle cx="7" cy="7" r="4.5" />
            <path d="m10.5 10.5 3.5 3.5" />
          </svg>
          <input
            ref={filterBox}
            type="text"
            className="input"
            placeholder="Find a provider by name, service or category"
            aria-label="Find a provider"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && text) {
                e.preventDefault(); // clear the box first; a second Escape closes the dialog
                setText('');
              }
            }}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        <fieldset className="compare-with-list">
          <legend className="visually-hidden">Providers to compare with {vendor.name}</legend>
          {!loaded && <p className="muted">Loading providers…</p>}
          {loaded && others.length === 0 && <p className="muted">There is no other provider in the register yet.</p>}
          {loaded && others.length > 0 && matches.length === 0 && <p className="muted">No provider matches “{text.trim()}”.</p>}
          {listed.map((v) => {
            const checked = chosen.includes(v.id);
            return (
              <label key={v.id} className={checked ? 'compare-pick checked' : 'compare-pick'}>
                <input
                  type="checkbox"
                  aria-label={v.name}
                  checked={checked}
                  disabled={!checked && full}
                  onChange={(e) => toggle(v.id, e.target.checked)}
                />
                <span className="compare-pick-name">{v.name}</span>
                <span className="compare-pick-category">{CATEGORY_LABELS[v.category]}</span>
                {checked && <span className="compare-pick-order">{chosen.indexOf(v.id) + 2}</span>}
              </label>
            );
          })}
          {matches.length > listed.length && (
            <p className="hint">
              Showing {listed.length} of {matches.length.toLocaleString()} providers: type to narrow the list.
            </p>
          )}
        </fieldset>
        <p className="compare-with-status" aria-live="polite">
          {chosen.length === 0
            ? 'None picked yet.'
            : `${chosen.length} picked: ${chosen.map((c) => names.get(c) ?? c).join(', ')}.`}
          {full && ` That is the most: ${MAX_COMPARE_PROVIDERS} providers in all.`}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={chosen.length === 0}>
            Compare
          </button>
        </div>
      </form>
    </dialog>
  );
}
