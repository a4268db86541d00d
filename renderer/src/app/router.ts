// Hash routing: #/ (register), #/vendor/<id> (questionnaire), #/vendor/<id>/profile, #/settings.
// A #token=… fragment is the bridge's token hand-over (api/token.ts), never a route.
import { useSyncExternalStore } from 'react';
import { isTokenFragment } from '../api/token';

export type ProviderTab = 'questionnaire' | 'profile';

export type Route =
  | { page: 'register' }
  | { page: 'provider'; id: string; tab: ProviderTab }
  | { page: 'settings' }
  | { page: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  if (hash === '' || hash === '#' || isTokenFragment(hash)) return { page: 'register' };
  const path = hash.replace(/^#/, '');
  if (path === '/' || path === '') return { page: 'register' };
  if (path === '/settings' || path === '/settings/') return { page: 'settings' };
  const match = /^\/vendor\/([^/?#]+)(\/profile)?\/?$/.exec(path);
  if (match) {
    let id: string;
    try {
      id = decodeURIComponent(match[1]!);
    } catch {
      return { page: 'not-found', path };
    }
    return { page: 'provider', id, tab: match[2] ? 'profile' : 'questionnaire' };
  }
  return { page: 'not-found', path };
}

export const hrefs = {
  register: '#/',
  provider: (id: string) => `#/vendor/${encodeURIComponent(id)}`,
  profile: (id: string) => `#/vendor/${encodeURIComponent(id)}/profile`,
  settings: '#/settings',
};

/** Goes to a route given as an href from `hrefs`. */
export function navigate(href: string): void {
  if (window.location.hash === href) return;
  window.location.hash = href.replace(/^#/, '');
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
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
