import type { Section } from '../../../../shared/domain/template';
import { profileHeldFigure } from '../../../../shared/templates/profile-held';
import { useVetted } from '../../store';
import { sectionDomId } from './navigation';
import { ProfileHeldQuestion } from './ProfileHeldQuestion';
import { QuestionField } from './QuestionField';

export function SectionBlock({ section, index }: { section: Section; index: number }) {
  const visible = useVetted((s) => s.visible);
  const templateId = useVetted((s) => s.template?.id ?? '');
  const shown = section.questions.filter((q) => visible.has(q.id));
  const domId = sectionDomId(section.id);
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
        const number = `${index + 1}.${section.questions.indexOf(question) + 1}`;
        const figure = profileHeldFigure(templateId, question.id);
        return figure ? (
          <ProfileHeldQuestion key={question.id} question={question} number={number} figure={figure} />
        ) : (
          <QuestionField key={question.id} question={question} number={number} />
        );
      })}
    </section>
  );
}
