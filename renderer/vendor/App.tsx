// The provider's questionnaire: the request's questions with the app's rules for conditions,
// N/A and completion; progress kept in the browser; one answers file saved at the end.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { shownTipIndexes } from '../../shared/domain/question-view';
import type { QuestionnaireRequest } from '../../shared/domain/vendor-exchange';
import { buildAnswersFile } from '../../shared/exchange/answers-builder';
import { readAnswersFile } from './answers-load';
import { downloadText, localDate, slugOf } from './download';
import { answerMap, completion, draftsFromPrefill, nextUnanswered, providerAnswers, shownQuestionIds, type Draft } from './drafts';
import { loadProgress, saveProgress } from './progress-store';
import { QuestionBlock, questionDomId } from './QuestionBlock';
import { RequestHeader } from './RequestHeader';
import { SavedNotice, type SavedFile } from './SavedNotice';
import { Toolbar } from './Toolbar';

export function App({ request }: { request: QuestionnaireRequest }) {
  const initial = useMemo(() => loadProgress(request.requestId), [request.requestId]);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    initial && initial !== 'unavailable' ? initial.drafts : draftsFromPrefill(request.prefill),
  );
  const [respondent, setRespondent] = useState(() => (initial && initial !== 'unavailable' ? initial.respondent : ''));
  const [storageRefused, setStorageRefused] = useState(initial === 'unavailable');
  const [saved, setSaved] = useState<SavedFile | null>(null);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(
    initial && initial !== 'unavailable' ? { kind: 'info', text: 'Your progress from your last visit was restored.' } : null,
  );
  // "Next unanswered" goes on from the question last answered (or last gone to with it): reaching
  // the button by keyboard passes other questions, so the focus cannot say where the provider was.
  const lastQuestion = useRef<string | null>(null);
  const { template } = request;

  useEffect(() => {
    if (!saveProgress(request.requestId, { respondent, drafts })) setStorageRefused(true);
  }, [request.requestId, respondent, drafts]);

  const shown = useMemo(() => shownQuestionIds(template, drafts), [template, drafts]);
  const answers = useMemo(() => answerMap(template, drafts), [template, drafts]);
  const done = completion(template, drafts, shown);

  const onEdit = useCallback((questionId: string, patch: Partial<Draft>) => {
    lastQuestion.current = questionId;
    setDrafts((all) => {
      const before = all[questionId] ?? { value: null, na: false, comment: '', prefilled: false };
      return { ...all, [questionId]: { ...before, ...patch, prefilled: false } };
    });
    setSaved((s) => (s ? { ...s, stale: true } : s));
  }, []);

  const goToNextUnanswered = () => {
    const id = nextUnanswered(template, drafts, shown, lastQuestion.current);
    if (!id) {
      setMessage({ kind: 'info', text: 'Every question shown is answered.' });
      return;
    }
    const holder = document.getElementById(questionDomId(id));
    const control =
      holder?.querySelector<HTMLElement>('input[type="radio"]:checked:not([disabled])') ??
      holder?.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled])');
    holder?.scrollIntoView({ block: 'center' });
    (control ?? holder)?.focus({ preventScroll: true });
    lastQuestion.current = id;
  };

  const save = () => {
    const now = new Date();
    const file = buildAnswersFile(request, providerAnswers(template, drafts, shown), respondent, now.toISOString());
    const fileName = `answers-${slugOf(request.vendor.name)}-${localDate(now)}.json`;
    downloadText(fileName, `${JSON.stringify(file, null, 2)}\n`);
    setSaved({ fileName, sha256: file.sha256, answers: file.answers.length, stale: false });
    setMessage(null);
  };

  const load = async (picked: File) => {
    const text = await picked.text();
    const loaded = readAnswersFile(text, request);
    if (typeof loaded === 'string') {
      setMessage({ kind: 'error', text: loaded });
      return;
    }
    setDrafts(loaded.drafts);
    setRespondent(loaded.respondent);
    setSaved(null);
    const count = Object.keys(loaded.drafts).length;
    const notes = [
      loaded.skipped > 0 ? `${loaded.skipped} answer${loaded.skipped === 1 ? '' : 's'} in it did not fit this questionnaire and were left out.` : '',
      loaded.altered ? 'Note: the file was changed after it was saved (its digest does not match).' : '',
    ].filter((n) => n !== '');
    setMessage({ kind: loaded.altered ? 'error' : 'info', text: [`Loaded ${count} answer${count === 1 ? '' : 's'} from ${picked.name}.`, ...notes].join(' ') });
  };

  const prefilledFrom = request.prefilledFrom ? request.prefilledFrom.date : null;

  return (
    <>
      <RequestHeader request={request} />
      <Toolbar answered={done.answered} total={done.total} onNext={goToNextUnanswered} onSave={save} onLoad={(f) => void load(f)}>
        {saved && <SavedNotice saved={saved} requestedBy={request.requestedBy} onClose={() => setSaved(null)} />}
      </Toolbar>
      <main id="questions" className="questions">
        <div className="messages" role="status">
          {storageRefused && (
            <p className="message message-warning">
              This browser does not let the page keep your progress. Use <strong>Save answers</strong> before you close it, and <strong>Load saved answers</strong> to go on.
            </p>
          )}
          {message && <p className={`message message-${message.kind}`}>{message.text}</p>}
        </div>
        <div className="respondent">
          <label htmlFor="respondent">Your name and e-mail</label>
          <input id="respondent" className="input" type="text" maxLength={200} value={respondent} onChange={(e) => setRespondent(e.currentTarget.value)} />
          <p className="hint">Saved with your answers, so the reviewer knows who answered.</p>
        </div>
        {template.sections.map((section, si) => {
          const questions = section.questions.filter((q) => shown.has(q.id));
          const headingId = `section-${section.id}-title`;
          return (
            <section key={section.id} className="section" aria-labelledby={headingId}>
              <h2 id={headingId}>
                {si + 1}. {section.title}
              </h2>
              {section.description && <p className="section-description">{section.description}</p>}
              {questions.length === 0 && <p className="hint">No question here applies, given your answers so far.</p>}
              {section.questions.map((question, qi) =>
                shown.has(question.id) ? (
                  <QuestionBlock
                    key={question.id}
                    question={question}
                    number={`${si + 1}.${qi + 1}`}
                    draft={drafts[question.id]}
                    tips={shownTipIndexes(question, (id) => answers[id], shown).map((i) => question.tips?.[i]?.text ?? '')}
                    prefilledFrom={prefilledFrom}
                    onEdit={onEdit}
                  />
                ) : null,
              )}
            </section>
          );
        })}
      </main>
      <footer className="page-footer">
        <p>
          Made with Vetted for {request.requestedBy || 'your customer'}. Request <code>{request.requestId}</code>.
        </p>
      </footer>
    </>
  );
}
