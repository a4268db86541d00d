// The calendar's data, kept in the feature (no store slice: nothing else reads it). Windows and
// blackout periods are read once when the page opens (moving week to week recomputes from them);
// the warnings are asked for each range and filter, and an answer that arrives after the user has
// moved on is dropped. Paging through months asks only for the range the user stops at: with
// hundreds of providers the answer is large and the server works on one request at a time.
import { useCallback, useEffect, useState } from 'react';
import type { WindowView } from '../../../../shared/api';
import type { BlackoutPeriod, DateRange } from '../../../../shared/domain/maintenance';
import type { MaintenanceWarnings } from '../../../../shared/maintenance/overlaps';
import { api } from '../../api/client';

export interface CalendarSource {
  /** null until the first answer. */
  windows: WindowView[] | null;
  blackouts: BlackoutPeriod[];
  error: string | null;
  reload(): void;
}

export function useCalendarSource(): CalendarSource {
  const [windows, setWindows] = useState<WindowView[] | null>(null);
  const [blackouts, setBlackouts] = useState<BlackoutPeriod[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void Promise.all([api['window.list']({}), api['blackout.list']({})]).then(([w, b]) => {
      if (!current) return;
      if (!w.ok || !b.ok) {
        setError((!w.ok ? w.error : !b.ok ? b.error : null)?.message ?? 'The maintenance windows could not be loaded.');
        return;
      }
      setError(null);
      setBlackouts(b.value);
      setWindows(w.value);
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { windows, blackouts, error, reload };
}

export interface WarningsState {
  /** The answer for exactly this range and filter; null while it is being asked for. */
  warnings: MaintenanceWarnings | null;
  error: string | null;
}

/** How long a new range must stay on screen before its warnings are asked for (not the first range). */
const SETTLE_MS = 250;

/**
 * At most this many warnings of each kind are read (critical path first): 500 providers in a month
 * can overlap tens of thousands of times, megabytes no page should parse; the list says when it
 * shows only the first ones.
 */
export const CALENDAR_WARNING_LIMIT = 1000;

const keyOf = (range: DateRange, criticalOnly: boolean) => `${range.from}/${range.to}/${criticalOnly ? 'critical' : 'all'}`;

export function useWarnings(range: DateRange, criticalOnly: boolean, enabled: boolean): WarningsState {
  const key = keyOf(range, criticalOnly);
  const [answer, setAnswer] = useState<{ key: string; warnings: MaintenanceWarnings | null; error: string | null } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const ask = () =>
      void api['maintenance.warnings']({ range: { from: range.from, to: range.to }, limit: CALENDAR_WARNING_LIMIT, ...(criticalOnly ? { criticalOnly } : {}) }).then((result) => {
        if (!current) return;
        setAnswer(result.ok ? { key, warnings: result.value, error: null } : { key, warnings: null, error: result.error.message });
      });
    const timer = answer === null ? null : setTimeout(ask, SETTLE_MS);
    if (timer === null) ask();
    return () => {
      current = false;
      if (timer !== null) clearTimeout(timer);
    };
  }, [key, enabled]);

  if (!answer || answer.key !== key) return { warnings: null, error: null };
  return { warnings: answer.warnings, error: answer.error };
}
