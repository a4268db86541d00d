// What stands in for a page while its code loads (app/lazyPages.ts), and when it cannot load:
// a short status line, never a blank screen, and a way to try again.
import { Component, Suspense, type ReactNode } from 'react';

function PageLoading() {
  return (
    <div className="page">
      <p className="muted loading" role="status">
        Loading…
      </p>
    </div>
  );
}

interface BoundaryState {
  failed: boolean;
}

/** A page whose code could not be fetched (the local server stopped): say so, offer a reload. */
class PageLoadBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="page page-narrow">
        <div className="form-error" role="alert">
          <p>This page could not be loaded: Vetted may have stopped, or the connection was lost.</p>
          <button type="button" className="button button-small" onClick={() => location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}

/** `pageKey` resets a failure when the person moves to another page. */
export function PageLoader({ pageKey, children }: { pageKey: string; children: ReactNode }) {
  return (
    <PageLoadBoundary key={pageKey}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </PageLoadBoundary>
  );
}
