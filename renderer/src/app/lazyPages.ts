// The pages not needed to show the register, each in its own chunk (Vite splits at every dynamic
// import): the register's first paint loads only the register's code, and a page's code is
// fetched when it is first opened (or earlier, by preloadPages once the register is on screen).
import { lazy } from 'react';

const loaders = {
  provider: () => import('../features/provider/ProviderPage').then((m) => ({ default: m.ProviderPage })),
  settings: () => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
  templates: () => import('../features/templates/TemplatesPage').then((m) => ({ default: m.TemplatesPage })),
  calendar: () => import('../features/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })),
  compare: () => import('../features/compare/ComparePage').then((m) => ({ default: m.ComparePage })),
};

export const ProviderPage = lazy(loaders.provider);
export const SettingsPage = lazy(loaders.settings);
export const TemplatesPage = lazy(loaders.templates);
export const CalendarPage = lazy(loaders.calendar);
export const ComparePage = lazy(loaders.compare);

let preloaded = false;

/**
 * Fetches every page's chunk in the background, once: called when the register is on screen, so
 * the first visit to another page seldom waits for its code (a failed fetch is retried by the page
 * itself when it is opened, and reported there).
 */
export function preloadPages(): void {
  if (preloaded) return;
  preloaded = true;
  for (const load of Object.values(loaders)) load().catch(() => undefined);
}
