// "Compare providers": 2–6 providers side by side. The providers and the two filters live in the
// address (#/compare?ids=…&diff=1&q=…), so a reload, Back or a bookmark shows the same view.
import { useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTable } from '@tanstack/react-table';
import {
  MAX_COMPARE_PROVIDERS,
  MIN_COMPARE_PROVIDERS,
  filterComparison,
  type Comparison,
} from '../../../../shared/compare';
import { hrefs, replaceRoute, type CompareView } from '../../app/router';
import { BackLink } from '../../components/BackLink';
import { ExportButton } from '../../components/ExportButton';
import { useFocusHeading } from '../../components/useFocusHeading';
import { useVetted } from '../../store';
import { isExporting } from '../../store/exportSlice';
import { buildColumns } from './columns';
import { CompareGrid } from './CompareGrid';
import { CompareToolbar } from './CompareToolbar';
import { IncidentRows } from './IncidentRows';
import { SharedUpstreamsNote } from './SharedUpstreamsNote';
import { features, ITEM_COLUMN, toRows } from './tableSetup';

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function ComparePage({ view }: { view: CompareView }) {
  const { ids } = view;
  const key = ids.join('\n');
  const unique = useMemo(() => [...new Set(ids)], [key]);
  const countProblem = unique.length < MIN_COMPARE_PROVIDERS || unique.length > MAX_COMPARE_PROVIDERS;
  const loadComparison = useVetted((s) => s.loadComparison);
  const status = useVetted((s) => (sameIds(s.compareIds, unique) ? s.compareStatus : 'loading'));
  const comparison = useVetted((s) => (sameIds(s.compareIds, unique) ? s.comparison : null));
  const error = useVetted((s) => s.compareError);
  const heading = useFocusHeading<HTMLHeadingElement>(`${key}/${countProblem ? 'invalid' : status === 'loading' ? 'loading' : 'shown'}`);

  useEffect(() => {
    document.title = 'Compare providers — Vetted';
  }, []);

  // The same provider twice in a link: compare it once.
  useEffect(() => {
    if (unique.length !== ids.length) replaceRoute(hrefs.compare(unique, view));
  }, [key]);

  useEffect(() => {
    if (!countProblem) void loadComparison(unique);
  }, [unique, countProblem, loadComparison]);

  const title = (
    <h1 ref={heading} tabIndex={-1}>
      Compare providers
    </h1>
  );

  if (countProblem) {
    return (
      <div className="page page-narrow">
        <BackLink />
        {title}
        <div className="compare-problem" role="alert">
          <p>
            A comparison needs {MIN_COMPARE_PROVIDERS} to {MAX_COMPARE_PROVIDERS} providers; this link names{' '}
            {unique.length === 0 ? 'none' : unique.length}.
          </p>
        </div>
        <p>
          <a href={hrefs.register}>Choose providers on the register</a>
        </p>
      </div>
    );
  }

  if (status === 'error') {
    return (
      <div className="page page-narrow">
        <BackLink />
        {title}
        <CompareError ids={unique} message={error?.message ?? 'The comparison could not be loaded.'} view={view} />
      </div>
    );
  }

  if (status !== 'ready' || !comparison) {
    return (
      <div className="page">
        <BackLink />
        {title}
        <p className="muted loading" role="status">
          Loading comparison…
        </p>
      </div>
    );
  }

  return <ComparisonView comparison={comparison} view={view} ids={unique} title={title} />;
}

/** Providers in the link that are not in the register, or another error, with a way on. */
function CompareError({ ids, message, view }: { ids: readonly string[]; message: string; view: CompareView }) {
  const missing = useVetted((s) => s.compareMissing);
  const vendors = useVetted((s) => s.vendors);
  const registerLoaded = useVetted((s) => s.registerLoaded);
  const loadVendors = useVetted((s) => s.loadVendors);
  const loadComparison = useVetted((s) => s.loadComparison);

  useEffect(() => {
    if (missing.length > 0) void loadVendors();
  }, [missing.length, loadVendors]);

  if (missing.length === 0) {
    return (
      <>
        <div className="compare-problem" role="alert">
          <p>The comparison could not be loaded: {message}</p>
        </div>
        <button type="button" className="button" onClick={() => void loadComparison(ids)}>
          Try again
        </button>
      </>
    );
  }

  const gone = new Set(missing);
  const remaining = ids.filter((id) => !gone.has(id));
  const names = new Map(vendors.map((v) => [v.id, v.name]));
  const remainingNames = remaining.map((id) => names.get(id) ?? id);
  const canCompare = remaining.length >= MIN_COMPARE_PROVIDERS;
  return (
    <>
      <div className="compare-problem" role="alert">
        <p>
          {missing.length === ids.length
            ? 'None of the providers in this link is in the register.'
            : missing.length === 1
              ? `1 of the ${ids.length} providers in this link is not in the register.`
              : `${missing.length} of the ${ids.length} providers in this link are not in the register.`}{' '}
          {missing.length === 1 ? 'It may have been deleted, or the link is incomplete.' : 'They may have been deleted, or the link is incomplete.'}
        </p>
        <ul className="compare-missing">
          {missing.map((id) => (
            <li key={id}>
              Unknown provider id <code>{id}</code>
            </li>
          ))}
        </ul>
      </div>
      <p className="button-row">
        {canCompare && registerLoaded && (
          <a className="button button-primary" href={hrefs.compare(remaining, view)}>
            Compare {listNames(remainingNames)}
          </a>
        )}
        <a className="button" href={hrefs.register}>
          Choose providers on the register
        </a>
      </p>
    </>
  );
}

interface ViewProps {
  comparison: Comparison;
  view: CompareView;
  ids: readonly string[];
  title: ReactNode;
}

function ComparisonView({ comparison, view, ids, title }: ViewProps) {
  const { differencesOnly } = view;
  // Typing stays responsive: the rows follow the deferred text.
  const text = useDeferredValue(view.text);
  const filtered = useMemo(() => filterComparison(comparison, { differencesOnly, text }), [comparison, differencesOnly, text]);
  const data = useMemo(() => toRows(filtered, comparison), [filtered, comparison]);
  const columns = useMemo(() => buildColumns(comparison.columns), [comparison.columns]);
  const expanded = useVetted((s) => s.compareExpanded);
  const setExpanded = useVetted((s) => s.setCompareExpanded);
  const exportComparison = useVetted((s) => s.exportComparison);
  const exportingPdf = useVetted((s) => isExporting(s, 'compare:pdf'));
  const exportingCsv = useVetted((s) => isExporting(s, 'compare:csv'));

  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => row.id,
    getSubRows: (row) => (row.kind === 'section' ? row.subRows : undefined),
    state: { expanded },
    onExpandedChange: setExpanded,
    // Filtering changes the rows; the sections the user opened stay open.
    autoResetExpanded: false,
    initialState: { columnPinning: { start: [ITEM_COLUMN], end: [] } },
  });

  // Opened with a filter text (a reload, a bookmark): show the matching questions.
  useEffect(() => {
    if (view.text.trim() !== '') setExpanded(true);
  }, []);

  const setView = (patch: Partial<CompareView>) => replaceRoute(hrefs.compare(ids, { ...view, ...patch }));
  const onText = (next: string) => {
    // Starting to filter opens every section, so the matches are in view.
    if (view.text.trim() === '' && next.trim() !== '') setExpanded(true);
    setView({ text: next });
  };

  const total = comparison.sections.reduce((n, s) => n + s.questions.length, 0);
  const shown = filtered.sections.reduce((n, s) => n + s.questions.length, 0);
  const names = comparison.columns.map((c) => c.name);
  const filter = { differencesOnly, text: view.text };
  // The screen shows the reviews as they stand; an export states decisions unless drafts are asked for.
  const [draft, setDraft] = useState(false);

  return (
    <div className="page compare-page">
      <BackLink />
      <div className="page-header">
        <div>
          {title}
          <p className="page-subtitle muted">
            {listNames(names)}: section scores side by side. Open a section to compare every answer.
          </p>
        </div>
        <div className="page-actions">
          <ExportButton
            label="Export comparison PDF"
            busy={exportingPdf}
            onExport={() => void exportComparison(ids, 'pdf', filter, { draft })}
            description={draft ? 'A landscape PDF of the reviews in progress, marked DRAFT on every page.' : "A landscape PDF of each provider's latest decided review as of today, with the filters shown here."}
            busyAnnouncement="Exporting the comparison as a PDF…"
            testId="export-compare-pdf"
          />
          <ExportButton
            label="Export CSV"
            busy={exportingCsv}
            onExport={() => void exportComparison(ids, 'csv', filter, { draft })}
            description={draft ? 'The reviews in progress as a CSV file for spreadsheets.' : "Each provider's latest decided review as of today, as a CSV file for spreadsheets."}
            busyAnnouncement="Exporting the comparison as CSV…"
            testId="export-compare-csv"
          />
          <label className="cmp-export-draft" title="Exports show each provider's latest decided review unless this is ticked">
            <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} data-testid="export-compare-draft" />
            Export the reviews in progress (DRAFT)
          </label>
        </div>
      </div>
      {comparison.upstreams && <SharedUpstreamsNote upstreams={comparison.upstreams} columns={comparison.columns} />}
      <CompareToolbar
        table={table}
        text={view.text}
        differencesOnly={differencesOnly}
        shown={shown}
        total={total}
        onText={onText}
        onDifferencesOnly={(on) => setView({ differencesOnly: on })}
      />
      <div className="cmp-frame">
        <CompareGrid table={table} label={`Comparison of ${listNames(names)}`} />
      </div>
      {data.length === 0 &&
        (view.text.trim() !== '' || differencesOnly ? (
          <div className="cmp-no-match">
            <p>No questions match these filters.</p>
            <button type="button" className="button" onClick={() => setView({ text: '', differencesOnly: false })}>
              Clear filters
            </button>
          </div>
        ) : (
          // Nothing filtered out: none of these providers has a review with questions yet.
          <div className="cmp-no-match">
            <p>No review of these providers has questions to compare yet.</p>
          </div>
        ))}
      {comparison.incidents && <IncidentRows incidents={comparison.incidents} columns={comparison.columns} />}
    </div>
  );
}
