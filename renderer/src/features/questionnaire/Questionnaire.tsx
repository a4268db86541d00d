import { useVetted } from '../../store';
import { ScorePanel } from '../score/ScorePanel';
import { DecidedBanner } from '../workflow/DecidedBanner';
import { WorkflowBar } from '../workflow/WorkflowBar';
import { QuestionnaireToolbar } from './QuestionnaireToolbar';
import { SectionBlock } from './SectionBlock';
import { SectionNav } from './SectionNav';
import { ShortcutsDialog } from './ShortcutsDialog';
import { TemplateVersionNotice } from './TemplateVersionNotice';
import { useNextUnanswered } from './useNextUnanswered';
import { useQuestionnaireShortcuts } from './useQuestionnaireShortcuts';

/** Sections on the left, questions in the middle, the live score on the right. */
export function Questionnaire() {
  const template = useVetted((s) => s.template);
  const next = useNextUnanswered();
  const shortcuts = useQuestionnaireShortcuts();
  if (!template) return null;
  return (
    <div className="questionnaire-layout">
      <SectionNav template={template} />
      <div className="questionnaire-main">
        <QuestionnaireToolbar onNext={next} onShortcuts={shortcuts.openList} />
        <div className="workflow-area">
          <WorkflowBar />
          <DecidedBanner />
        </div>
        <TemplateVersionNotice />
        {template.sections.map((section, index) => (
          <SectionBlock key={section.id} section={section} index={index} />
        ))}
      </div>
      <ScorePanel />
      <ShortcutsDialog open={shortcuts.listOpen} onClose={shortcuts.closeList} />
    </div>
  );
}
