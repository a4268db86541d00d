import { useEffect, useLayoutEffect } from 'react';
import { AddProviderDialog } from '../features/add-provider/AddProviderDialog';
import { RegisterPage } from '../features/register/RegisterPage';
import { ConnectionBanner } from './ConnectionBanner';
import { RegisterWhere } from './RegisterWhere';
import { CalendarPage, ComparePage, ConcentrationPage, preloadPages, ProviderPage, SettingsPage, TemplatesPage } from './lazyPages';
import { NotFoundPage } from './NotFoundPage';
import { PageLoader } from './PageLoader';
import { hrefs, useRoute } from './router';
import { Toasts } from './Toasts';
import { useVetted } from '../store';
import { useMenuCommands } from './useMenuCommands';
import { useUnsavedAnswersGuard } from './useUnsavedAnswersGuard';

export function App() {
  const route = useRoute();
  useMenuCommands();
  useUnsavedAnswersGuard();

  useEffect(() => {
    if (route.page === 'register' || route.page === 'not-found') document.title = 'Vetted';
  }, [route.page]);

  // The other pages' code, fetched once the page in view has what it needs: after the register's
  // providers arrived (it must not compete with them at start-up), or at once on any other page.
  const registerLoaded = useVetted((s) => s.registerLoaded);
  const pageReady = route.page !== 'register' || registerLoaded;
  useEffect(() => {
    if (!pageReady) return;
    const idle = requestIdleCallback(preloadPages, { timeout: 2_000 });
    return () => cancelIdleCallback(idle);
  }, [pageReady]);

  // A layout effect: it runs before any page's own effects, so what a page says on arrival stays.
  const pageKey = `${route.page}:${'id' in route ? route.id : ''}`;
  const enterPage = useVetted((s) => s.enterPage);
  useLayoutEffect(() => enterPage(pageKey), [enterPage, pageKey]);

  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href={hrefs.register}>
          <svg className="brand-mark" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M10 1.5 3 4.2v5.3c0 4.3 3 7.6 7 9 4-1.4 7-4.7 7-9V4.2L10 1.5Z" />
            <path className="brand-check" d="m6.6 10.2 2.3 2.3 4.6-4.8" />
          </svg>
          <span>Vetted</span>
        </a>
        <RegisterWhere />
        <nav className="app-nav" aria-label="App">
          <a className="app-nav-link" href={hrefs.calendar} aria-current={route.page === 'calendar' ? 'page' : undefined}>
            <svg className="app-nav-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M2.5 3.5h11v10h-11z" />
              <path d="M2.5 6.5h11M5.5 2v3m5-3v3" />
            </svg>
            Maintenance
          </a>
          <a className="app-nav-link" href={hrefs.concentration} aria-current={route.page === 'concentration' ? 'page' : undefined}>
            <svg className="app-nav-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <circle cx="8" cy="4" r="2" />
              <path d="M8 6v3M8 9l-4.5 3M8 9v3.5M8 9l4.5 3" />
            </svg>
            Concentration
          </a>
          <a className="app-nav-link" href={hrefs.templates} aria-current={route.page === 'templates' ? 'page' : undefined}>
            <svg className="app-nav-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M3.5 2.5h9v11h-9z" />
              <path d="M5.5 5.5h5m-5 2.5h5m-5 2.5h3" />
            </svg>
            Templates
          </a>
          <a className="app-nav-link" href={hrefs.settings} aria-current={route.page === 'settings' ? 'page' : undefined}>
            <svg className="app-nav-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M2.5 4.5h6m3 0h2m-11 7h2m3 0h6" />
              <circle cx="10" cy="4.5" r="1.6" />
              <circle cx="6" cy="11.5" r="1.6" />
            </svg>
            Settings
          </a>
        </nav>
      </header>
      <ConnectionBanner />
      <main className="app-main" id="main">
        {route.page === 'register' && <RegisterPage />}
        <PageLoader pageKey={route.page}>
          {route.page === 'provider' && <ProviderPage id={route.id} tab={route.tab} />}
          {route.page === 'settings' && <SettingsPage />}
          {route.page === 'templates' && <TemplatesPage />}
          {route.page === 'calendar' && <CalendarPage />}
          {route.page === 'concentration' && <ConcentrationPage />}
          {route.page === 'compare' && <ComparePage view={route} />}
        </PageLoader>
        {route.page === 'not-found' && <NotFoundPage path={route.path} />}
      </main>
      <Toasts />
      <AddProviderDialog />
    </div>
  );
}
