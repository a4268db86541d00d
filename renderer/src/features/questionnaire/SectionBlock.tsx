import { Fragment, useMemo } from 'react';
import type { Section } from '../../../../shared/domain/template';
import { questionsById } from '../../../../shared/domain/conditions';
import { questionNumbers, skippedNotes } from '../../../../shared/domain/question-numbering';
import { profileHeldFigure } from '../../../../shared/templates/profile-held';
import { useVetted } from '../../store';
import { sectionDomId } from './navigation';
import { ProfileHeldQuestion } from './ProfileHeldQuestion';
import { QuestionField } from './QuestionField';

/**
 * One section of the questionnaire. Questions keep the template's numbers, so "3.6" is the same
 * question in the app, the report and the CLI; where hidden conditional questions make the
 * numbering skip, a short note in their place says which are not asked and when they would be.
 */
export function SectionBlock({ section, index }: { section: Section; index: number }) {
  const visible = useVetted((s) => s.visible);
  const template = useVetted((s) => s.template);
  const templateId = template?.id ?? '';
  const numbers = useMemo(() => questionNumbers(template?.sections ?? []), [template]);
  const notes = useMemo(
    () => (template ? skippedNotes(section, visible, numbers, questionsById(template)) : []),
    [template, section, visible, numbers],
  );
  const noteBefore = new Map(notes.map((n) => [n.beforeId, n]));
  const shown = section.questions.filter((q) => visible.has(q.id));
  const domId = sectionDomId(section.id);
  const skipped = (beforeId: string | null) => {
    const note = noteBefore.get(beforeId);
    return note ? (
      <p className="q-skipped" data-testid="skipped-questions">
        {note.text}
      </p>
    ) : null;
  };
  return (
    <section className="q-section" id={domId} aria-labelledby={`${domId}-title`}>
      <header className="q-section-header">
        <h2 id={`${domId}-title`} tabIndex={-1}>
          <span className="q-section-number" aria-hidden="true">
            {index + 1}
          </span>
          {section.title}
        </h2>
        {section.description && <p className="muted">{section.description}</p>}
      </header>
      {shown.map((question) => {
        const number = numbers.get(question.id) ?? '';
        const figure = profileHeldFigure(templateId, question.id);
        return (
          <Fragment key={question.id}>
            {skipped(question.id)}
            {figure ? (
              <ProfileHeldQuestion question={question} number={number} figure={figure} />
            ) : (
              <QuestionField question={question} number={number} />
            )}
          </Fragment>
        );
      })}
      {skipped(null)}
    </section>
  );
}
