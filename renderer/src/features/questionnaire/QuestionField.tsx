import { memo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Question } from '../../../../shared/domain/template';
import { scoreQuestion } from '../../../../shared/scoring';
import { flagFedQuestionIds } from '../../../../shared/templates/flag-fed';
import { toggleMultiOption } from '../../../../shared/domain/question-view';
import { useVetted } from '../../store';
import { answerOf } from '../../store/providerSlice';
import { effectiveValue } from '../../store/answerSaver';
import type { AnswerPatch } from '../../store/types';
import { answersLocked, reviewDecided } from '../../store/workflowSlice';
import { QuestionFinding } from '../findings/QuestionFinding';
import { CommentField } from './CommentField';
import { handleCardShortcut } from './cardShortcuts';
import { AnswerInput } from './inputs';
import { questionDomId } from './navigation';
import { ProviderAnswerNote } from '../vendor-questionnaire/ProviderAnswerNote';
import { QuestionClaimNote } from './QuestionClaimNote';
import { QuestionHeading } from './QuestionHeading';
import { QuestionLosses } from './QuestionLosses';
import { QuestionSaveState } from './QuestionSaveState';
import { NumberAnswerNote, numberNotes } from './NumberAnswerNote';
import { shownTipKey, tipsOf } from './tips';
import { useRovingCard } from './useRovingCard';

/** One question: a <fieldset> whose <legend> is the question text. */
export const QuestionField = memo(function QuestionField({ question, number }: { question: Question; number: string }) {
  const answer = useVetted((s) => answerOf(s.answers, question.id));
  const editAnswer = useVetted((s) => s.editAnswer);
  const flushAnswer = useVetted((s) => s.flushAnswer);
  const locked = useVetted(answersLocked);
  const save = useVetted((s) => s.saves[question.id]);
  const frozen = useVetted(reviewDecided);
  const flagFed = useVetted((s) => s.template !== null && flagFedQuestionIds(s.template).has(question.id));
  const tipKey = useVetted((s) => shownTipKey(question, s.answers, s.visible));
  const tips = tipsOf(question, tipKey);
  const pushToast = useVetted((s) => s.pushToast);
  const roving = useRovingCard<HTMLFieldSetElement>();
  const [helpOpen, setHelpOpen] = useState(false);
  const hasComment = answer.comment !== '' || answer.confidential === true || answer.locked === true;
  const [commentOpen, setCommentOpen] = useState(hasComment);
  // N/A is offered only where the template allows it; an older answer marked N/A elsewhere stays
  // visible (ticked) so that it can be unticked. N/A needs a reason: the comment opens for it.
  const naOffered = question.allowNa || answer.na;
  const naRefused = answer.na && !question.allowNa;
  // The register takes N/A only with its reason: ticked without a comment, it waits here (shown
  // ticked) and is saved together with the first words of the reason.
  const [naWaiting, setNaWaiting] = useState(false);
  const naShown = answer.na || naWaiting;
  const naNeedsReason = naShown && question.allowNa === true;
  const hasReason = answer.comment.trim() !== '' || answer.confidential === true;
  const toggleNa = (checked: boolean) => {
    if (checked && !hasReason) {
      setNaWaiting(true);
      setCommentOpen(true);
      return;
    }
    setNaWaiting(false);
    change({ na: checked }, 'now');
  };
  const changeComment = (comment: string) => {
    if (naWaiting && comment.trim() !== '') {
      setNaWaiting(false);
      change({ comment, na: true }, 'debounced');
      return;
    }
    change({ comment }, 'debounced');
  };

  const base = `q-${question.id}`;
  const legendId = `${base}-legend`;
  const change = (patch: AnswerPatch, timing: 'now' | 'debounced') => editAnswer(question.id, patch, timing);
  const flush = () => flushAnswer(question.id);
  const status = scoreQuestion(question, { value: effectiveValue(answer.value), na: answer.na }).status;
  const answered = status !== 'unanswered';
  // A number's band and plausibility, said under it (not while N/A: then the number is not the answer).
  const savedValue = useVetted((s) => s.storedAnswers[question.id]?.value);
  const notes = numberNotes(question, { shown: naShown ? null : effectiveValue(answer.value), saved: savedValue, flagFed, frozen: frozen || locked });
  const isChoice = question.kind === 'yesno' || question.kind === 'single' || question.kind === 'multi';
  const showComment = commentOpen || hasComment || naNeedsReason;

  const focusComment = () => {
    const box = document.getElementById(`${base}-comment`)?.querySelector<HTMLTextAreaElement>('textarea:not([disabled])');
    if (!box) return;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  };
  const shortcuts = {
    pick(position: number) {
      const option = isChoice ? question.options?.[position - 1] : undefined;
      if (!option || naShown || locked) return;
      if (question.kind === 'multi') {
        const chosen = Array.isArray(answer.value) ? answer.value : [];
        change({ value: toggleMultiOption(question.options ?? [], chosen, option.id, !chosen.includes(option.id)) }, 'now');
      } else change({ value: option.id }, 'now');
      document.getElementById(`${base}-opt-${option.id}`)?.focus();
    },
    toggleNa() {
      if (locked) return;
      if (!naOffered) {
        pushToast('info', 'This question does not allow Not applicable: answer it instead.');
        return;
      }
      const on = !naShown;
      // Rendered at once, so that the reason box it opens can take the focus (and the next keys).
      flushSync(() => toggleNa(on));
      // Ticked, the answer's controls are disabled: the focus goes where the next keys belong.
      if (on && !hasReason) focusComment();
      else (document.getElementById(`${base}-na`) ?? roving.ref.current)?.focus();
    },
    openComment() {
      if (!locked && !frozen) flushSync(() => setCommentOpen(true));
      focusComment();
    },
  };

  return (
    <fieldset
      ref={roving.ref}
      // Focusable by script only: Escape from a text box lands here (see useRovingCard).
      tabIndex={-1}
      onKeyDown={(event) => {
        handleCardShortcut(event, shortcuts);
        roving.onKeyDown(event);
      }}
      id={questionDomId(question.id)}
      className={`question${answered ? ' is-answered' : ''}${answer.na ? ' is-na' : ''}${answer.confidential ? ' has-confidential' : ''}`}
      data-question-id={question.id}
      data-answered={answered ? 'true' : 'false'}
    >
      <QuestionHeading question={question} number={number} legendId={legendId}>
        {question.mustHave && <span className="q-tag q-tag-must">Must-have</span>}
        {question.optional && <span className="q-tag">Optional</span>}
        {question.weight === 0 && <span className="q-tag">{flagFed ? 'Scored through risk flags' : 'Not scored'}</span>}
        <QuestionSaveState questionId={question.id} />
      </QuestionHeading>

      <div className="q-body">
        <AnswerInput
          question={question}
          value={answer.value}
          disabled={naShown || locked}
          labelId={legendId}
          idBase={base}
          onChange={change}
          onBlur={flush}
          describedBy={[notes.band ? `${base}-band` : '', notes.warning ? `${base}-plausible` : ''].filter(Boolean).join(' ') || undefined}
        />
        {question.kind === 'number' && <NumberAnswerNote notes={notes} bandId={`${base}-band`} warningId={`${base}-plausible`} />}
      </div>

      {tips.length > 0 && (
        <ul className="q-tips" aria-label="Tips">
          {tips.map((tip, i) => (
            <li key={i} className="q-tip">
              <strong>Tip:</strong> {tip.text}
            </li>
          ))}
        </ul>
      )}

      <QuestionLosses questionId={question.id} />
      <QuestionClaimNote questionId={question.id} />
      <ProviderAnswerNote questionId={question.id} />

      <div className="q-actions">
        {naOffered && (
          <label className="check q-na">
            <input
              id={`${base}-na`}
              type="checkbox"
              checked={naShown}
              disabled={locked}
              aria-keyshortcuts="A"
              aria-describedby={naRefused && !locked ? `${base}-na-refused` : naWaiting ? `${base}-na-waiting` : undefined}
              onChange={(e) => toggleNa(e.target.checked)}
            />
            Not applicable
          </label>
        )}
        {naWaiting && !locked && (
          <span id={`${base}-na-waiting`} className="q-na-refused" role="status">
            Not saved yet: N/A is saved with the reason below
          </span>
        )}
        {naRefused && !locked && (
          <span id={`${base}-na-refused`} className="q-na-refused">
            This question does not allow N/A: answer it instead
          </span>
        )}
        {isChoice && answer.value !== null && !answer.na && !frozen && (
          <button type="button" className="link-button" disabled={locked} onClick={() => change({ value: null }, 'now')}>
            Clear answer
          </button>
        )}
        {question.help && (
          <button
            type="button"
            className="link-button"
            aria-expanded={helpOpen}
            aria-controls={`${base}-help`}
            onClick={() => setHelpOpen((o) => !o)}
          >
            Why this matters
          </button>
        )}
        {!hasComment && !naNeedsReason && !frozen && (
          <button
            type="button"
            className="link-button"
            disabled={locked}
            aria-expanded={showComment}
            aria-controls={`${base}-comment`}
            aria-keyshortcuts="C"
            onClick={() => setCommentOpen((o) => !o)}
          >
            {showComment ? 'Hide comment' : 'Add comment'}
          </button>
        )}
        <QuestionFinding questionId={question.id} legendId={legendId} />
      </div>

      {question.help && (
        <p id={`${base}-help`} className="q-help" hidden={!helpOpen}>
          {question.help}
        </p>
      )}
      <CommentField
        questionText={question.text}
        id={`${base}-comment`}
        legendId={legendId}
        value={answer.comment}
        confidential={answer.confidential === true}
        locked={answer.locked === true}
        hidden={!showComment}
        reasonNeeded={naNeedsReason && !locked}
        readOnly={locked}
        save={save}
        onChange={changeComment}
        onConfidentialChange={(confidential) => change({ confidential }, 'now')}
        onBlur={flush}
      />
    </fieldset>
  );
});
