// "Needs attention", at the top of the register (the app's home): one line of counts, and the
// items themselves on demand, each a link to the provider page where it is dealt with.
import { useId, useState } from 'react';
import { attentionGroups, type AttentionGroup } from './attentionItems';
import { useAttention } from './useAttention';

/** Open or closed stays as the user left it while the app runs (it is a glance, not a setting). */
let rememberedOpen = true;

export function AttentionPanel({ version }: { version: unknown }) {
  const { attention, error, reload } = useAttention(version);
  const [open, setOpen] = useState(rememberedOpen);
  const headingId = useId();
  const listId = useId();

  if (error && !attention) {
    return (
      <section className="attention attention-problem" aria-labelledby={headingId}>
        <h2 id={headingId} className="attention-heading">
          Needs attention
        </h2>
        <p className="attention-summary">Could not check what needs attention: {error.message}</p>
        <button type="button" className="link-button" onClick={reload}>
          Try again
        </button>
      </section>
    );
  }
  if (!attention) return null; // a moment at start-up; no placeholder that would jump

  const groups = attentionGroups(attention);
  if (groups.length === 0) {
    return (
      <section className="attention attention-clear" aria-labelledby={headingId} data-testid="attention">
        <h2 id={headingId} className="attention-heading">
          Needs attention
        </h2>
        <p className="attention-summary">Nothing needs attention: no review is due within 30 days, nothing is overdue or expiring, no incident is open on the critical path or waiting for its postmortem, no maintenance clashes in the next 90 days, and no fourth party carries more of the critical path than Settings allow.</p>
      </section>
    );
  }

  const toggle = () => {
    rememberedOpen = !open;
    setOpen(!open);
  };

  return (
    <section className="attention attention-has-items" aria-labelledby={headingId} data-testid="attention">
      <div className="attention-bar">
        <h2 id={headingId} className="attention-heading">
          Needs attention
        </h2>
        <ul className="attention-counts" aria-label="Counts">
          {groups.map((group) => (
            <CountChip key={group.id} group={group} />
          ))}
        </ul>
        <button type="button" className="link-button attention-toggle" aria-expanded={open} aria-controls={listId} onClick={toggle}>
          {open ? 'Hide details' : 'Show details'}
        </button>
      </div>
      <div id={listId} className="attention-groups" hidden={!open}>
        {groups.map((group) => (
          <div key={group.id} className="attention-group">
            <h3 className="attention-group-title">{group.title}</h3>
            <ul className="attention-list" aria-label={group.title}>
              {group.lines.map((line) => (
                <li key={line.key} className={`attention-line tone-${line.tone}`}>
                  {line.partner ? (
                    // Two providers, each a link to its own maintenance record.
                    <span className="attention-pair">
                      <a href={line.href} className="attention-link">
                        <span className="attention-vendor">{line.vendorName}</span>
                      </a>
                      <span className="attention-and">and</span>
                      <a href={line.partner.href} className="attention-link">
                        <span className="attention-vendor">{line.partner.vendorName}</span>
                      </a>
                      <span className="attention-text">{line.text}</span>
                    </span>
                  ) : (
                    <a href={line.href} className="attention-link">
                      <span className="attention-vendor">{line.vendorName}</span>
                      <span className="attention-text">{line.text}</span>
                    </a>
                  )}
                  <span className="attention-when">{line.when}</span>
                </li>
              ))}
              {group.more && (
                <li className="attention-line attention-more">
                  <a href={group.more.href} className="attention-link">
                    {group.more.label}
                  </a>
                </li>
              )}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

function CountChip({ group }: { group: AttentionGroup }) {
  const danger = group.counts?.danger ?? group.lines.filter((l) => l.tone === 'danger').length;
  const warning = group.counts?.warning ?? group.lines.length - danger;
  const noun = COUNT_NOUNS[group.id];
  return (
    <>
      {danger > 0 && <li className="attention-count tone-danger">{`${danger} ${noun.danger(danger)}`}</li>}
      {warning > 0 && <li className="attention-count tone-warning">{`${warning} ${noun.warning(warning)}`}</li>}
    </>
  );
}

const plural = (one: string, many: string) => (n: number) => (n === 1 ? one : many);

const COUNT_NOUNS: Record<AttentionGroup['id'], { danger(n: number): string; warning(n: number): string }> = {
  reviews: { danger: plural('review overdue', 'reviews overdue'), warning: plural('review due soon', 'reviews due soon') },
  findings: { danger: plural('finding needs action', 'findings need action'), warning: plural('finding', 'findings') },
  evidence: { danger: plural('document expired', 'documents expired'), warning: plural('document expiring', 'documents expiring') },
  acceptances: { danger: plural('acceptance expired', 'acceptances expired'), warning: plural('acceptance', 'acceptances') },
  incidents: {
    danger: plural('incident open on the critical path', 'incidents open on the critical path'),
    warning: plural('postmortem missing', 'postmortems missing'),
  },
  maintenance: {
    danger: plural('maintenance clash on the critical path', 'maintenance clashes on the critical path'),
    warning: plural('maintenance warning', 'maintenance warnings'),
  },
  concentration: {
    danger: plural('concentration alert', 'concentration alerts'),
    warning: plural('fourth party over the threshold', 'fourth parties over the threshold'),
  },
};
