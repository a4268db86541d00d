// Hash routing: #/ (register), #/vendor/<id> (questionnaire), #/vendor/<id>/<tab> (profile,
// findings, evidence, maintenance, incidents, history), #/settings,
// #/calendar[?view=month][&date=YYYY-MM-DD][&critical=1] (maintenance across providers; the view,
// the day it shows and its filter live in the address, so a reload shows the same weeks),
// #/templates (questionnaire templates: import, preview, export),
// #/concentration (fourth parties across the register: exposure, blast radius, signals),
// #/compare?ids=<id>,<id>[&diff=1][&q=<text>] (providers side by side; the selection and its
// filters live in the address, so a reload or a bookmark shows the same comparison).
// A #token=… fragment is the bridge's token hand-over (api/token.ts), never a route.
import { useSyncExternalStore } from 'react';
import { isIsoDate } from '../../../shared/domain/dates';
import { isTokenFragment } from '../api/token';

export type ProviderTab = 'questionnaire' | 'profile' | 'findings' | 'evidence' | 'maintenance' | 'incidents' | 'upstreams' | 'history';

/** The tabs with their own address segment (the questionnaire is the provider's plain address). */
const PROVIDER_SUBTABS: readonly ProviderTab[] = ['profile', 'findings', 'evidence', 'maintenance', 'incidents', 'upstreams', 'history'];

/** What a comparison shows: the providers (in column order) and its two filters. */
export interface CompareView {
  ids: string[];
  differencesOnly: boolean;
  text: string;
}

/** The maintenance calendar's view: a week or a month, the day it shows, its filter. */
export type CalendarSpan = 'week' | 'month';
export interface CalendarView {
  view: CalendarSpan;
  /** A day in the shown week or month (YYYY-MM-DD, the user's own calendar); null: today. */
  date: string | null;
  criticalOnly: boolean;
}

export type Route =
  | { page: 'register' }
  | { page: 'provider'; id: string; tab: ProviderTab }
  | { page: 'settings' }
  | { page: 'templates' }
  | { page: 'concentration' }
  | ({ page: 'calendar' } & CalendarView)
  | ({ page: 'compare' } & CompareView)
  | { page: 'not-found'; path: string };

function decode(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The query of a compare address. Ids are split on the raw commas, so an id may hold an encoded one. */
function parseCompare(query: string): CompareView | null {
  const view: CompareView = { ids: [], differencesOnly: false, text: '' };
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const raw = eq < 0 ? '' : pair.slice(eq + 1);
    if (key === 'ids') {
      for (const part of raw.split(',')) {
        if (part === '') continue;
        const id = decode(part);
        if (id === null) return null;
        view.ids.push(id);
      }
    } else if (key === 'diff') {
      view.differencesOnly = raw === '1' || raw === 'true';
    } else if (key === 'q') {
      const text = decode(raw);
      if (text === null) return null;
      view.text = text;
    }
  }
  return view;
}

/**
 * The query of a calendar address. Unknown keys and values that make no sense (view=year,
 * date=2026-02-30) fall back to the defaults rather than to "not found": an old bookmark still opens.
 */
function parseCalendar(query: string): CalendarView {
  const view: CalendarView = { view: 'week', date: null, criticalOnly: false };
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const raw = eq < 0 ? '' : pair.slice(eq + 1);
    if (key === 'view' && (raw === 'week' || raw === 'month')) view.view = raw;
    else if (key === 'date' && isIsoDate(raw)) view.date = raw;
    else if (key === 'critical') view.criticalOnly = raw === '1' || raw === 'true';
  }
  return view;
}

export function parseRoute(hash: string): Route {
  if (hash === '' || hash === '#' || isTokenFragment(hash)) return { page: 'register' };
  const path = hash.replace(/^#/, '');
  if (path === '/' || path === '') return { page: 'register' };
  if (path === '/settings' || path === '/settings/') return { page: 'settings' };
  if (path === '/templates' || path === '/templates/') return { page: 'templates' };
  if (path === '/concentration' || path === '/concentration/') return { page: 'concentration' };
  const calendar = /^\/calendar\/?(?:\?(.*))?$/.exec(path);
  if (calendar) return { page: 'calendar', ...parseCalendar(calendar[1] ?? '') };
  const compare = /^\/compare\/?(?:\?(.*))?$/.exec(path);
  if (compare) {
    const view = parseCompare(compare[1] ?? '');
    return view ? { page: 'compare', ...view } : { page: 'not-found', path };
  }
  const match = /^\/vendor\/([^/?#]+)(?:\/([a-z]+))?\/?$/.exec(path);
  if (match) {
    const tab = (match[2] ?? 'questionnaire') as ProviderTab;
    if (match[2] !== undefined && !PROVIDER_SUBTABS.includes(tab)) return { page: 'not-found', path };
    let id: string;
    try {
      id = decodeURIComponent(match[1]!);
    } catch {
      return { page: 'not-found', path };
    }
    return { page: 'provider', id, tab };
  }
  return { page: 'not-found', path };
}

export const hrefs = {
  register: '#/',
  provider: (id: string) => `#/vendor/${encodeURIComponent(id)}`,
  profile: (id: string) => `#/vendor/${encodeURIComponent(id)}/profile`,
  findings: (id: string) => `#/vendor/${encodeURIComponent(id)}/findings`,
  evidence: (id: string) => `#/vendor/${encodeURIComponent(id)}/evidence`,
  history: (id: string) => `#/vendor/${encodeURIComponent(id)}/history`,
  maintenance: (id: string) => `#/vendor/${encodeURIComponent(id)}/maintenance`,
  incidents: (id: string) => `#/vendor/${encodeURIComponent(id)}/incidents`,
  upstreams: (id: string) => `#/vendor/${encodeURIComponent(id)}/upstreams`,
  /** A provider's tab by name. */
  providerTab: (id: string, tab: ProviderTab) =>
    tab === 'questionnaire' ? `#/vendor/${encodeURIComponent(id)}` : `#/vendor/${encodeURIComponent(id)}/${tab}`,
  settings: '#/settings',
  templates: '#/templates',
  concentration: '#/concentration',
  calendar: '#/calendar',
  /** The calendar in this view; the defaults (week, today, every provider) are left out of the address. */
  calendarAt: (view: CalendarView) => {
    const query: string[] = [];
    if (view.view !== 'week') query.push(`view=${view.view}`);
    if (view.date !== null) query.push(`date=${view.date}`);
    if (view.criticalOnly) query.push('critical=1');
    return query.length === 0 ? '#/calendar' : `#/calendar?${query.join('&')}`;
  },
  /** A comparison of these providers, in this order; the filters only when set. */
  compare: (ids: readonly string[], filters: { differencesOnly?: boolean; text?: string } = {}) => {
    let href = `#/compare?ids=${ids.map((id) => encodeURIComponent(id)).join(',')}`;
    if (filters.differencesOnly) href += '&diff=1';
    if (filters.text) href += `&q=${encodeURIComponent(filters.text)}`;
    return href;
  },
};

/** Goes to a route given as an href from `hrefs`. */
export function navigate(href: string): void {
  if (window.location.hash === href) return;
  window.location.hash = href.replace(/^#/, '');
}

/** Fired by replaceRoute, which changes the address without a hashchange event. */
const REPLACED = 'vetted:route-replaced';

/**
 * Puts a route in the address without a new history entry (a filter typed letter by letter
 * should not fill the Back button's list).
 */
export function replaceRoute(href: string): void {
  if (window.location.hash === href) return;
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}${href}`);
  window.dispatchEvent(new Event(REPLACED));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(REPLACED, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(REPLACED, onChange);
  };
}

const readHash = () => window.location.hash;

/** The route on screen now (for code outside React, such as menu commands). */
export function currentRoute(): Route {
  return parseRoute(window.location.hash);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, readHash);
  return parseRoute(hash);
}
