// The comparison's columns: the section/question text (pinned to the start), then one column per
// provider whose head shows the provider and whose cells show section scores or answers.
import { createColumnHelper, type Row } from '@tanstack/react-table';
import { SECTION_COMPARABLE_SHARE } from '../../../../shared/compare';
import type { CompareCell, CompareColumn, CompareSectionCell } from '../../../../shared/compare';
import { hrefs } from '../../app/router';
import { CompletionBar } from '../../components/CompletionBar';
import { TierBadge } from '../../components/TierBadge';
import { formatPoints, formatScore } from '../../lib/format';
import { CATEGORY_LABELS, TIER_LABELS } from '../../lib/labels';
import { useCellTabIndex } from './gridFocus';
import {
  ITEM_COLUMN,
  ITEM_WIDTH,
  PROVIDER_MIN_WIDTH,
  markOf,
  type CompareRow,
  type Features,
  type ProviderValue,
} from './tableSetup';

const helper = createColumnHelper<Features, CompareRow>();

/** "▲ Best" / "▼ Worst": a symbol and a word, so the mark never rests on colour alone. */
export function Mark({ kind }: { kind: 'best' | 'worst' }) {
  return (
    <span className={`cmp-mark cmp-mark-${kind}`} data-mark={kind}>
      <span className="cmp-mark-symbol" aria-hidden="true">
        {kind === 'best' ? '▲' : '▼'}
      </span>{' '}
      {kind === 'best' ? 'Best' : 'Worst'}
    </span>
  );
}

function ProviderHead({ provider }: { provider: CompareColumn }) {
  const provisional = provider.state === 'incomplete' && provider.overall !== null;
  return (
    <div className="cmp-provider">
      {/* Not a tab stop of its own: the grid has one; Enter on this header follows the link. */}
      <a className="cmp-head-name" href={hrefs.provider(provider.id)} tabIndex={-1} data-provider-link>
        {provider.name}
      </a>
      <span className="cmp-head-category">{CATEGORY_LABELS[provider.category]}</span>
      <span className="cmp-head-score-row">
        <span
          className={provisional ? 'cmp-head-score provisional' : 'cmp-head-score'}
          title={provisional ? 'Provisional: the review is incomplete' : undefined}
        >
          <span className="visually-hidden">Overall score </span>
          {formatScore(provider.overall)}
          {provisional && <span className="visually-hidden"> (provisional)</span>}
        </span>
        <TierBadge tier={provider.tier} state={provider.state === 'scored' ? 'scored' : provider.state} showForcedTier />
      </span>
      {provider.completion === null ? (
        <span className="cmp-head-note">No review yet</span>
      ) : (
        <span className="cmp-head-completion">
          <span className="visually-hidden">Completion </span>
          <CompletionBar completion={provider.completion} />
        </span>
      )}
    </div>
  );
}

function SectionTitle({ row }: { row: Row<Features, CompareRow> }) {
  if (row.original.kind !== 'section') return null;
  const { section, subRows } = row.original;
  const canExpand = row.getCanExpand();
  const open = canExpand && row.getIsExpanded();
  const tabIndex = useCellTabIndex(row.id, 0);
  const total = row.original.total;
  const count =
    subRows.length === total
      ? `${total} ${total === 1 ? 'question' : 'questions'}`
      : `${subRows.length} of ${total} questions`;
  return (
    <div className="cmp-item cmp-item-section">
      {canExpand ? (
        <button
          type="button"
          className="cmp-toggle"
          aria-expanded={open}
          aria-label={`${open ? 'Collapse' : 'Expand'} ${section.title}`}
          onClick={row.getToggleExpandedHandler()}
          tabIndex={tabIndex}
          data-cell-focus
        >
          <svg className="cmp-chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="m6 3.5 4.5 4.5L6 12.5" />
          </svg>
          <span className="cmp-section-title">{section.title}</span>
        </button>
      ) : (
        <span className="cmp-toggle cmp-toggle-off">
          <span className="cmp-chevron-space" aria-hidden="true" />
          <span className="cmp-section-title">{section.title}</span>
        </span>
      )}
      <span className="cmp-section-count">{canExpand ? count : 'No matching questions'}</span>
    </div>
  );
}

function QuestionText({ row }: { row: Row<Features, CompareRow> }) {
  if (row.original.kind !== 'question') return null;
  const { question } = row.original;
  return (
    <div className="cmp-item cmp-item-question">
      <span className="cmp-question-text">{question.text}</span>
      <code className="cmp-question-id">{question.questionId}</code>
    </div>
  );
}

/**
 * A section answered below SECTION_COMPARABLE_SHARE, or of a review answered below it: its score
 * would invite a comparison it cannot bear, so the cell says so in words instead, with how much
 * was answered (and, when the review is what falls short, how much of the review).
 */
function TooLittleAnswered({ cell, provider }: { cell: CompareSectionCell; provider: CompareColumn }) {
  const share = Math.round(SECTION_COMPARABLE_SHARE * 100);
  const { answered, total } = cell.covers;
  const review = provider.completion === null ? null : Math.floor(provider.completion * 100 + 1e-9);
  const why = cell.reviewTooLittleAnswered
    ? `Not compared: fewer than ${share}% of this provider's whole review is answered (the bar a review needs for a tier)`
    : `Not compared: fewer than ${share}% of this section's questions are answered`;
  return (
    <div className="cmp-value cmp-section-value">
      <span className="cmp-status" title={why}>
        Too little answered
      </span>
      <span className="cmp-covers">
        {answered} of {total} answered
        {cell.reviewTooLittleAnswered && review !== null && `; review ${review}%`}
      </span>
    </div>
  );
}

function SectionScore({ cell, mark, provider }: { cell: CompareSectionCell; mark: 'best' | 'worst' | null; provider: CompareColumn }) {
  const { asked, answered, total } = cell.covers;
  if (provider.noReview !== null) {
    return (
      <div className="cmp-value cmp-section-value">
        <span className="cmp-status" title={provider.noReview}>
          —
        </span>
      </div>
    );
  }
  if (!asked) {
    return (
      <div className="cmp-value cmp-section-value">
        <span className="cmp-status">Not asked</span>
      </div>
    );
  }
  if (cell.tooLittleAnswered) return <TooLittleAnswered cell={cell} provider={provider} />;
  return (
    <div className="cmp-value cmp-section-value">
      <span className="cmp-score-line">
        <span className="cmp-score" title={cell.score === null ? 'Nothing in this section is scored yet' : undefined}>
          <span className="visually-hidden">Section score </span>
          {cell.score === null ? '—' : formatScore(cell.score)}
        </span>
        {mark && <Mark kind={mark} />}
      </span>
      {answered < total && <span className="cmp-covers">covers {answered} of {total}</span>}
    </div>
  );
}

const QUIET_STATUSES = new Set(['unanswered', 'not_asked', 'hidden', 'no_review']);

function Answer({ cell, mark }: { cell: CompareCell; mark: 'best' | 'worst' | null }) {
  const quiet = QUIET_STATUSES.has(cell.status);
  return (
    <div className="cmp-value cmp-answer">
      <span className={quiet ? 'cmp-answer-label cmp-status' : 'cmp-answer-label'}>{cell.label}</span>
      {(mark || cell.pointsLost !== null || cell.knockout) && (
        <span className="cmp-answer-meta">
          {mark && <Mark kind={mark} />}
          {cell.pointsLost !== null && (
            <span
              className={cell.pointsLost > 0 ? 'cmp-points cmp-points-lost' : 'cmp-points'}
              title="Points of the overall score this answer cost"
            >
              <span className="visually-hidden">Points lost: </span>
              {cell.pointsLost > 0 ? `${formatPoints(cell.pointsLost)} pts` : '0 pts'}
            </span>
          )}
          {cell.knockout && (
            <span className={`tier-badge tier-${cell.knockout} cmp-knockout`}>
              Knock-out: {TIER_LABELS[cell.knockout]}
            </span>
          )}
        </span>
      )}
      {cell.comment && (
        <span className="cmp-comment" title={cell.comment}>
          <span className="visually-hidden">Comment: </span>
          {cell.comment}
        </span>
      )}
    </div>
  );
}

/** The question column, then one column per provider, in the comparison's order. */
export function buildColumns(providers: readonly CompareColumn[]) {
  return helper.columns([
    helper.display({
      id: ITEM_COLUMN,
      header: () => <span className="cmp-item-head">Section and question</span>,
      size: ITEM_WIDTH,
      cell: ({ row }) => (row.original.kind === 'section' ? <SectionTitle row={row} /> : <QuestionText row={row} />),
    }),
    ...providers.map((provider, index) =>
      helper.accessor((row): ProviderValue => (row.kind === 'section' ? row.section.cells[index]! : row.question.cells[index]!), {
        id: `provider:${provider.id}`,
        size: PROVIDER_MIN_WIDTH,
        meta: { provider, index },
        header: () => <ProviderHead provider={provider} />,
        cell: ({ row, getValue }) => {
          const value = getValue();
          const mark = markOf(row.original, provider.id);
          return 'covers' in value ? <SectionScore cell={value} mark={mark} provider={provider} /> : <Answer cell={value} mark={mark} />;
        },
      }),
    ),
  ]);
}
