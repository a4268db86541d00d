// Entry of the provider's questionnaire page (built into dist/vendor/questionnaire.js and inlined
// into the page by composeQuestionnairePage). Runs at the end of <body>, after the request JSON.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readEmbeddedRequest } from './request';
import './questionnaire.css';

const mount = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
const request = readEmbeddedRequest(document);
if (typeof request === 'string') {
  const p = document.createElement('p');
  p.className = 'message message-error';
  p.textContent = request;
  mount.replaceChildren(p);
} else {
  createRoot(mount).render(<App request={request} />);
}
