// Blast radius: "Amazon Web Services — us-east-1 down". Pick a fourth party and, optionally, one of
// its regions; every provider hit is listed, critical path first, with whether it survives, goes
// down or cannot be told (in words and a symbol) and why, from its upstreams and decided answers.
import { useId, useState, type FormEvent } from 'react';
import type { BlastRadiusView } from '../../../../shared/api';
import type { PartyExposure } from '../../../../shared/upstream/concentration';
import { api } from '../../api/client';
import { hrefs } from '../../app/router';
import { FieldError } from '../../components/FieldError';
import { errorText } from '../../lib/errorText';
import { OUTCOME_WORDS, plural, regionText } from './words';

const WHOLE = '';

export function BlastRadiusPanel({ parties }: { parties: readonly PartyExposure[] }) {
  const uid = useId();
  const [partyKey, setPartyKey] = useState(parties[0]?.partyKey ?? '');
  const [region, setRegion] = useState(WHOLE);
  const [result, setResult] = useState<BlastRadiusView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const party = parties.find((p) => p.partyKey === partyKey) ?? null;

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    const answer = await api['concentration.blastRadius']({ party: partyKey, region: region === WHOLE ? null : region });
    setBusy(false);
    if (!answer.ok) {
      setResult(null);
      setProblem(errorText(answer.error));
      return;
    }
    setResult(answer.value);
  };

  return (
    <section className="concentration-section" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>Blast radius</h2>
      <p className="muted">
        If one fourth party, or one of its regions, goes down: which providers are hit, and which of them state a failover that
        keeps them up. Only decided reviews’ answers count.
      </p>
      <form className="blast-form" onSubmit={(e) => void run(e)}>
        <div className="field">
          <label htmlFor={`${uid}-party`}>Fourth party</label>
          <select
            id={`${uid}-party`}
            className="select"
            value={partyKey}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${uid}-party-error` : undefined}
            onChange={(e) => {
              setPartyKey(e.target.value);
              setRegion(WHOLE);
            }}
          >
            {parties.map((p) => (
              <option key={p.partyKey} value={p.partyKey}>
                {p.party}
              </option>
            ))}
          </select>
          <FieldError id={`${uid}-party-error`} message={problem ?? undefined} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-region`}>Region down</label>
          <select id={`${uid}-region`} className="select" value={region} onChange={(e) => setRegion(e.target.value)}>
            <option value={WHOLE}>All of it (every region)</option>
            {party?.regions.map((r) => (
              <option key={r.region.key} value={r.region.code}>
                {regionText(r.region)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={busy || partyKey === ''} aria-busy={busy || undefined}>
          {busy ? 'Working it out…' : 'Show who is hit'}
        </button>
      </form>
      {result && <BlastResult result={result} />}
    </section>
  );
}

function BlastResult({ result }: { result: BlastRadiusView }) {
  const title = `${result.party.name}${result.region ? ` — ${regionText(result.region)}` : ''} down`;
  const { counts } = result;
  return (
    <div className="blast-result" role="region" aria-label={title} data-testid="blast-result">
      <h3>{title}</h3>
      {result.note && <p className="muted">{result.note}</p>}
      <p data-testid="blast-counts">
        {plural(result.hits.length, 'provider')} hit ({result.criticalHit} on the critical path): {counts.down} down, {counts.survives} survive
        {counts.survives === 1 ? 's' : ''}, {counts.unknown} unknown. {plural(result.notHit, 'provider')} not hit
        {result.retiredLeftOut > 0 ? `; ${plural(result.retiredLeftOut, 'retired provider')} left out` : ''}.
      </p>
      {result.hits.length > 0 && (
        <table className="blast-table">
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Outcome</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {result.hits.map((h) => (
              <tr key={h.vendorId} data-testid="blast-hit" data-outcome={h.outcome}>
                <th scope="row">
                  <a href={hrefs.upstreams(h.vendorId)}>{h.name}</a>
                  {h.criticalPath && (
                    <span className="blast-critical">
                      <span className="critical-flag">Critical path</span>
                    </span>
                  )}
                </th>
                <td>
                  <span className={`blast-outcome outcome-${h.outcome}`}>
                    <span aria-hidden="true">{OUTCOME_WORDS[h.outcome].mark} </span>
                    {OUTCOME_WORDS[h.outcome].word}
                  </span>
                </td>
                <td className="blast-reason">{h.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
