import { createColumnHelper } from '@tanstack/react-table';
import type { VendorSummary } from '../../../../shared/api';
import { CompletionBar } from '../../components/CompletionBar';
import { formatDate, formatScore } from '../../lib/format';
import { CATEGORY_LABELS, STATUS_LABELS } from '../../lib/labels';
import { hrefs } from '../../app/router';
import { SelectAllCheckbox } from './SelectAllCheckbox';
import { FindingsCell } from './FindingsCell';
import { IncidentsCell } from './IncidentsCell';
import { NextReviewCell } from './NextReviewCell';
import { TierCell } from './TierCell';
import {
  byCategoryLabel,
  byFindings,
  byIncidents,
  byNumber,
  byText,
  byTier,
  dueStateFilter,
  equalsFilter,
  tierFilter,
  tierKey,
  type Features,
} from './tableSetup';

const helper = createColumnHelper<Features, VendorSummary>();

export const columns = helper.columns([
  helper.display({
    id: 'select',
    header: ({ table }) => <SelectAllCheckbox table={table} />,
    cell: ({ row }) => (
      <input
        type="checkbox"
        className="row-check"
        aria-label={`Select ${row.original.name}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
    enableSorting: false,
    enableGlobalFilter: false,
  }),
  helper.accessor('name', {
    header: 'Name',
    sortFn: byText,
    cell: ({ row }) => (
      // The title is the hint for a name or service cut short by the column.
      <span className="name-cell">
        <a className="row-link" href={hrefs.provider(row.original.id)} title={row.original.name}>
          {row.original.name}
        </a>
        {row.original.service && (
          <span className="name-service" title={row.original.service}>
            {row.original.service}
          </span>
        )}
      </span>
    ),
  }),
  helper.accessor('category', {
    header: 'Category',
    sortFn: byCategoryLabel,
    filterFn: equalsFilter,
    cell: ({ getValue }) => (
      <span className="cell-text" title={CATEGORY_LABELS[getValue()]}>
        {CATEGORY_LABELS[getValue()]}
      </span>
    ),
  }),
  helper.accessor('criticalPath', {
    header: 'Critical path',
    sortFn: byNumber,
    sortDescFirst: true,
    cell: ({ getValue }) =>
      getValue() ? <span className="critical-flag">Yes</span> : <span className="muted">No</span>,
  }),
  helper.accessor((v) => v.score ?? undefined, {
    id: 'score',
    header: 'Score',
    sortFn: byNumber,
    sortUndefined: 'last',
    sortDescFirst: true,
    cell: ({ row }) => {
      const v = row.original;
      const provisional = v.state === 'incomplete' && v.score !== null;
      return (
        <span className={provisional ? 'score-cell provisional' : 'score-cell'} title={provisional ? 'Provisional: the review is incomplete' : undefined}>
          {formatScore(v.score)}
        </span>
      );
    },
  }),
  helper.accessor((v) => tierKey(v), {
    id: 'tier',
    header: 'Tier',
    sortFn: byTier,
    sortDescFirst: true,
    filterFn: tierFilter,
    cell: ({ row }) => <TierCell vendor={row.original} />,
  }),
  helper.accessor('completion', {
    header: 'Completion',
    sortFn: byNumber,
    cell: ({ getValue }) => <CompletionBar completion={getValue()} bare />,
  }),
  helper.accessor('status', {
    header: 'Status',
    sortFn: byText,
    cell: ({ getValue }) => STATUS_LABELS[getValue()],
  }),
  helper.accessor((v) => v.lastReviewed ?? undefined, {
    id: 'lastReviewed',
    header: 'Last reviewed',
    sortFn: byText,
    sortUndefined: 'last',
    sortDescFirst: true,
    cell: ({ row }) => formatDate(row.original.lastReviewed),
  }),
  helper.accessor((v) => v.reassessment.due ?? undefined, {
    id: 'nextReview',
    header: 'Next review',
    sortFn: byText,
    sortUndefined: 'last',
    filterFn: dueStateFilter,
    cell: ({ row }) => <NextReviewCell reassessment={row.original.reassessment} />,
  }),
  helper.accessor('openFindings', {
    id: 'findings',
    header: 'Findings',
    sortFn: byFindings,
    sortDescFirst: true,
    cell: ({ row }) => <FindingsCell open={row.original.openFindings} overdue={row.original.overdueFindings} />,
  }),
  helper.accessor('incidents90d', {
    id: 'incidents',
    header: 'Incidents (90 days)',
    sortFn: byIncidents,
    sortDescFirst: true,
    cell: ({ row }) => <IncidentsCell recent={row.original.incidents90d} open={row.original.openIncidents} />,
  }),
]);
