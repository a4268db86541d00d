import { useCallback, useEffect, useState } from 'react';
import type { TemplateSummary } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';
import { useFocusHeading } from '../../components/useFocusHeading';
import { saveGeneratedFile } from '../../lib/saveFile';
import { useVetted } from '../../store';
import { TemplateImportForm } from './TemplateImportForm';
import { TemplatePreview } from './TemplatePreview';

interface Selected {
  id: string;
  version: number;
}

/** The summaries grouped by template id, newest version first, ids in the order they came. */
function groupById(templates: readonly TemplateSummary[]): TemplateSummary[][] {
  const groups = new Map<string, TemplateSummary[]>();
  for (const t of templates) {
    const group = groups.get(t.id);
    if (group) group.push(t);
    else groups.set(t.id, [t]);
  }
  return [...groups.values()].map((group) => [...group].sort((a, b) => b.version - a.version));
}

/** #/templates: the stored questionnaire templates, their preview, import and export. */
export function TemplatesPage() {
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const pushToast = useVetted((s) => s.pushToast);
  const reportError = useVetted((s) => s.reportError);
  const heading = useFocusHeading<HTMLHeadingElement>(`templates/${templates !== null}`);

  const load = useCallback(async () => {
    const result = await api['template.list']({});
    if (result.ok) {
      setTemplates(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.title = 'Templates — Vetted';
  }, []);

  const exportVersion = async (t: TemplateSummary) => {
    const key = `${t.id}@${t.version}`;
    if (exporting) return;
    setExporting(key);
    try {
      const result = await api['template.export']({ id: t.id, version: t.version });
      if (!result.ok) {
        reportError(result.error);
        return;
      }
      try {
        saveGeneratedFile(result.value, `${t.id}-v${t.version}.json`);
      } catch {
        pushToast('error', `“${result.value.fileName}” was generated but could not be handed over for saving. Try again.`);
        return;
      }
      pushToast('success', `Downloaded “${result.value.fileName}”.`);
    } finally {
      setExporting(null);
    }
  };

  const imported = (summary: TemplateSummary) => {
    void load();
    setSelected({ id: summary.id, version: summary.version });
  };

  return (
    <div className="page templates-page">
      <div className="page-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Templates
          </h1>
          <p className="page-subtitle muted">
            The questionnaires reviews are filled in against. Reviews keep the version they started on.
          </p>
        </div>
      </div>
      <div className="templates-layout">
        <div className="templates-main">
          {templates === null && error && (
            <div className="empty-state">
              <h2>The templates could not be loaded</h2>
              <p className="muted">{error.message}</p>
              <button type="button" className="button" onClick={() => void load()}>
                Try again
              </button>
            </div>
          )}
          {templates === null && !error && (
            <p className="muted loading" role="status">
              Loading templates…
            </p>
          )}
          {templates && (
            <section aria-labelledby="templates-list-heading">
              <h2 id="templates-list-heading">Stored templates</h2>
              <ul className="template-list" aria-label="Stored templates">
                {groupById(templates).map((group) => (
                  <li key={group[0]!.id} className="template-group">
                    <h3 className="template-group-title">
                      {group[0]!.name} <span className="muted template-id">({group[0]!.id})</span>
                    </h3>
                    <table className="template-versions">
                      <caption className="visually-hidden">Versions of {group[0]!.name}</caption>
                      <thead>
                        <tr>
                          <th scope="col">Version</th>
                          <th scope="col">Name</th>
                          <th scope="col">Sections</th>
                          <th scope="col">Questions</th>
                          <th scope="col">Source</th>
                          <th scope="col">
                            <span className="visually-hidden">Actions</span>
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {group.map((t) => {
                          const isSelected = selected?.id === t.id && selected.version === t.version;
                          const key = `${t.id}@${t.version}`;
                          return (
                            <tr key={key} className={isSelected ? 'is-selected' : undefined}>
                              <td>{t.version}</td>
                              <td>{t.name}</td>
                              <td>{t.sections}</td>
                              <td>{t.questions}</td>
                              <td>{t.builtIn ? 'Built-in' : 'Imported'}</td>
                              <td className="template-actions">
                                <button
                                  type="button"
                                  className="button button-small"
                                  aria-pressed={isSelected}
                                  aria-label={`Preview ${t.name} version ${t.version}`}
                                  onClick={() => setSelected(isSelected ? null : { id: t.id, version: t.version })}
                                >
                                  Preview
                                </button>
                                <button
                                  type="button"
                                  className="button button-small"
                                  aria-label={`Export ${t.name} version ${t.version}`}
                                  aria-busy={exporting === key || undefined}
                                  disabled={exporting !== null}
                                  onClick={() => void exportVersion(t)}
                                >
                                  {exporting === key ? 'Exporting…' : 'Export'}
                                </button>
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </li>
                ))}
              </ul>
              <span className="visually-hidden" role="status">
                {exporting ? 'Exporting the template…' : ''}
              </span>
            </section>
          )}
          {selected && <TemplatePreview key={`${selected.id}@${selected.version}`} id={selected.id} version={selected.version} />}
        </div>
        <aside className="templates-side">
          <TemplateImportForm onImported={imported} />
        </aside>
      </div>
    </div>
  );
}
