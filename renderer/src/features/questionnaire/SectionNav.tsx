import { useEffect, useState } from 'react';
import type { Template } from '../../../../shared/domain/template';
import { useVetted } from '../../store';
import { focusSection, sectionDomId } from './navigation';

/** The sections with their progress (answered/total of the visible required questions). */
export function SectionNav({ template }: { template: Template }) {
  const sections = useVetted((s) => s.score?.sections);
  const active = useActiveSection(template);
  return (
    <nav className="section-nav" aria-label="Sections">
      <ol>
        {template.sections.map((section, i) => {
          const progress = sections?.[i];
          const done = progress !== undefined && progress.total > 0 && progress.answered === progress.total;
          return (
            <li key={section.id}>
              <button
                type="button"
                className={`section-link${active === section.id ? ' is-active' : ''}${done ? ' is-done' : ''}`}
                aria-current={active === section.id ? 'location' : undefined}
                onClick={() => focusSection(section.id)}
                data-testid={`section-link-${section.id}`}
              >
                <span className="section-link-title">{section.title}</span>
                {progress && (
                  <span className="section-link-progress" data-testid="section-progress">
                    {progress.answered}/{progress.total}
                    <span className="visually-hidden"> answered</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** The section at the top of the scrolled page. */
function useActiveSection(template: Template): string | null {
  const [active, setActive] = useState<string | null>(template.sections[0]?.id ?? null);
  useEffect(() => {
    const scroller = document.querySelector('.app-main');
    if (!scroller) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const top = scroller.getBoundingClientRect().top + 140;
      let current = template.sections[0]?.id ?? null;
      for (const section of template.sections) {
        const element = document.getElementById(sectionDomId(section.id));
        if (element && element.getBoundingClientRect().top <= top) current = section.id;
      }
      setActive(current);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    update();
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [template]);
  return active;
}
