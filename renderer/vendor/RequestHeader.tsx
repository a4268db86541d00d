// Who asks, for which provider, by when: the first thing the provider reads.
import type { QuestionnaireRequest } from '../../shared/domain/vendor-exchange';

export function RequestHeader({ request }: { request: QuestionnaireRequest }) {
  const sentOn = request.sentAt.slice(0, 10);
  return (
    <header className="page-header">
      <p className="eyebrow">Security questionnaire</p>
      <h1>{request.vendor.name}</h1>
      <dl className="request-facts">
        <div>
          <dt>Asked by</dt>
          <dd>{request.requestedBy || 'Not given'}</dd>
        </div>
        <div>
          <dt>For</dt>
          <dd>{request.vendor.name}</dd>
        </div>
        {request.contact && (
          <div>
            <dt>Sent to</dt>
            <dd>{request.contact}</dd>
          </div>
        )}
        <div>
          <dt>Answer by</dt>
          <dd>{request.due ?? 'No date given'}</dd>
        </div>
        <div>
          <dt>Sent on</dt>
          <dd>{sentOn}</dd>
        </div>
        <div>
          <dt>Request</dt>
          <dd>
            <code>{request.requestId}</code>
          </dd>
        </div>
        <div>
          <dt>Questionnaire</dt>
          <dd>
            {request.template.name} (version {request.template.version})
          </dd>
        </div>
      </dl>
      <div className="how-to">
        <h2>How this works</h2>
        <ul>
          <li>Answer the questions below; some appear only when an earlier answer makes them relevant. A comment can go with any answer.</li>
          <li>
            This page works offline: nothing you type leaves your computer until you send the file yourself. Your answers are kept in this browser tab
            while it is open (a reload keeps them); closing the tab forgets them, so use <strong>Save answers</strong> before you stop.
          </li>
          <li>
            When you are done, choose <strong>Save answers</strong>. Send the file it saves to {request.requestedBy || 'the person who asked'} by e-mail, and quote the
            digest the page shows so that they can check they received the file you sent.
          </li>
          <li>To continue later, open this page again and use <strong>Load saved answers</strong> with the file you saved.</li>
        </ul>
      </div>
    </header>
  );
}
