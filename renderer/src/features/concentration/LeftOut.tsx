// What the view counts and what it leaves out, in sentences: the critical path it divides by,
// providers that record no fourth party, retired providers.
import type { Concentration } from '../../../../shared/upstream/concentration';
import { plural } from './words';

export function LeftOut({ c }: { c: Concentration }) {
  const lines = [
    c.criticalPathProviders === 0
      ? `${plural(c.providers, 'provider')} in the register, none on the critical path: every share is 0 % (a provider's profile marks it critical).`
      : `${plural(c.providers, 'provider')} in the register, ${c.criticalPathProviders} of them on the critical path: every share is of those ${c.criticalPathProviders}.`,
    c.providersWithoutUpstreams > 0
      ? `${plural(c.providersWithoutUpstreams, 'provider records', 'providers record')} no fourth party: in no row here, though one on the critical path still counts in every share's denominator; the real exposure may be higher.`
      : 'Every provider records at least one fourth party.',
    c.retiredLeftOut > 0 ? `${plural(c.retiredLeftOut, 'retired provider')} left out.` : null,
    c.upstreamsLeftOut > 0 ? `${plural(c.upstreamsLeftOut, 'fourth-party entry', 'fourth-party entries')} of retired providers not counted.` : null,
    c.criticalOnly ? 'Critical path only: providers off the critical path are not counted in the rows.' : null,
  ].filter((l): l is string => l !== null);
  return (
    <ul className="concentration-left-out" aria-label="What is counted and what is left out" data-testid="left-out">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}
