import { useEffect, useRef } from 'react';
import { VENDOR_CATEGORIES } from '../../../../shared/domain/vendor';
import { CATEGORY_LABELS, TIER_LABELS, entriesOf } from '../../lib/labels';
import { useVetted } from '../../store';
import type { RegisterFilters as Filters, TierFilter } from '../../store/types';
import { DUE_FILTER_OPTIONS, useDueFilter, type DueFilter } from './dueFilter';

const TIER_OPTIONS: [TierFilter, string][] = [
  ['', 'All tiers'],
  ...entriesOf(TIER_LABELS).reverse(),
  ['incomplete', 'Incomplete'],
  ['not_started', 'Not started'],
];

let handledFind = 0;

/** The filter box and the Category and Tier selects. Ctrl/Cmd+F and the Find menu focus the box. */
export function RegisterFilters() {
  const filters = useVetted((s) => s.filters);
  const setFilters = useVetted((s) => s.setFilters);
  const due = useDueFilter((s) => s.due);
  const setDue = useDueFilter((s) => s.setDue);
  const findRequest = useVetted((s) => s.findRequest);
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (findRequest <= handledFind) return; // each Find request focuses once, not on every visit
    // After the page has put focus on its heading (a route change may have brought us here).
    const frame = requestAnimationFrame(() => {
      handledFind = findRequest;
      box.current?.focus();
      box.current?.select();
    });
    return () => cancelAnimationFrame(frame);
  }, [findRequest]);

  useEffect(() => {
    // Rows outside the view are not in the DOM, so the browser's own find cannot see them:
    // on the register, Ctrl/Cmd+F searches the providers instead.
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
        if (document.querySelector('dialog[open]')) return;
        event.preventDefault();
        box.current?.focus();
        box.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="register-filters" role="search">
      <div className="filter-box">
        <svg className="filter-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="7" cy="7" r="4.5" />
          <path d="m10.5 10.5 3.5 3.5" />
        </svg>
        <input
          ref={box}
          type="text"
          className="input"
          placeholder="Filter by name, service or category"
          aria-label="Filter providers"
          value={filters.text}
          onChange={(e) => setFilters({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filters.text) {
              e.preventDefault();
              setFilters({ text: '' });
            }
          }}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <label className="inline-field">
        <span className="inline-label">Category</span>
        <select
          className="select"
          value={filters.category}
          onChange={(e) => setFilters({ category: e.target.value as Filters['category'] })}
        >
          <option value="">All categories</option>
          {VENDOR_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span className="inline-label">Tier</span>
        <select
          className="select"
          value={filters.tier}
          onChange={(e) => setFilters({ tier: e.target.value as TierFilter })}
        >
          {TIER_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span className="inline-label">Next review</span>
        <select className="select" value={due} onChange={(e) => setDue(e.target.value as DueFilter)}>
          {DUE_FILTER_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
