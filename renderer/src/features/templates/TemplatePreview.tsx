import { useEffect, useState } from 'react';
import type { Template } from '../../../../shared/domain/template';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';

const KIND_LABELS: Record<string, string> = {
  yesno: 'yes / no',
  single: 'one choice',
  multi: 'several choices',
  number: 'number',
  date: 'date',
  text: 'short text',
  longtext: 'long text',
};

/** One stored template version: its sections, questions (with their kinds) and risk flags, as plain text. */
export function TemplatePreview({ id, version }: { id: string; version: number }) {
  const [template, setTemplate] = useState<Template | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    void api['template.get']({ id, version }).then((result) => {
      if (!current) return;
      if (result.ok) setTemplate(result.value);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [id, version]);

  if (error) {
    return (
      <p className="form-error" role="alert">
        The template could not be loaded: {error.message}
      </p>
    );
  }
  if (!template) {
    return (
      <p className="muted loading" role="status">
        Loading the template…
      </p>
    );
  }
  return (
    <section className="template-preview" aria-labelledby="template-preview-heading">
      <h2 id="template-preview-heading">
        {template.name} · version {template.version}
      </h2>
      {template.description && <p className="muted template-description">{template.description}</p>}
      {template.sections.map((section) => (
        <section key={section.id} className="template-preview-section" aria-label={section.title}>
          <h3>{section.title}</h3>
          {section.description && <p className="muted">{section.description}</p>}
          <ol className="template-questions">
            {section.questions.map((q) => (
              <li key={q.id}>
                {q.text} <span className="muted template-kind">({KIND_LABELS[q.kind] ?? q.kind})</span>
              </li>
            ))}
          </ol>
          {section.flags && section.flags.length > 0 && (
            <>
              <h4>Risk flags</h4>
              <ul className="template-flags">
                {section.flags.map((flag) => (
                  <li key={flag.id}>
                    <span className={`template-severity severity-${flag.severity}`}>{flag.severity}</span> {flag.name}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </section>
  );
}
