// Entry point: hand an old-style #token= address to the server (api/token.ts), else render. Styles are plain CSS
// files (the page is served with a CSP that forbids inline <style> and <script>).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { handOverFragmentToken } from './api/token';
import { App } from './app/App';
import { currentRoute } from './app/router';
import { askForFirstListing } from './store/firstListing';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/register.css';
import './styles/provider.css';
import './styles/questionnaire.css';
import './styles/score.css';
import './styles/settings.css';
import './styles/compare.css';
import './styles/templates.css';
import './styles/lifecycle.css';
import './styles/lifecycle-evidence.css';
import './styles/confidential.css';
import './styles/exports.css';
import './styles/maintenance.css';
import './styles/calendar.css';
import './styles/incidents.css';
import './styles/concentration.css';
import './styles/vendor-questionnaire.css';

// For bench/renderer.ts: when the app's script starts to run (after the HTML and the bundle loaded).
performance.mark('vetted:script-start');
const root = handOverFragmentToken() ? null : document.getElementById('root');
if (root) {
  if (currentRoute().page === 'register') askForFirstListing();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
