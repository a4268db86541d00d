import { useMemo } from 'react';
import { sectionBarsSvg } from '../../../../shared/charts/section-bars';
import type { SectionScore } from '../../../../shared/scoring';
import { usePrefersDark } from '../../components/usePrefersDark';
import { formatScore } from '../../lib/format';

const WIDTH = 300;

/**
 * The same SVG the PDF report draws (shared/charts), shown as a data: image — the CSP allows
 * data: images, and nothing is injected into the DOM as markup.
 */
export function SectionChart({ sections }: { sections: readonly SectionScore[] }) {
  const dark = usePrefersDark();
  const { src, height } = useMemo(() => {
    const svg = sectionBarsSvg(sections, { width: WIDTH, dark });
    const h = Number(/height="(\d+)"/.exec(svg)?.[1] ?? 0);
    return { src: `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`, height: h };
  }, [sections, dark]);
  return (
    <figure className="section-chart">
      <img src={src} alt="Section scores" aria-label="Section scores" width={WIDTH} height={height} data-testid="section-chart" />
      <figcaption className="visually-hidden">
        <ul>
          {sections.map((s) => (
            <li key={s.sectionId}>
              {s.title}: {s.score === null ? 'n/a' : formatScore(s.score)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
