import { useFocusHeading } from '../components/useFocusHeading';
import { hrefs } from './router';

export function NotFoundPage({ path }: { path: string }) {
  const heading = useFocusHeading<HTMLHeadingElement>(path);
  return (
    <div className="page page-narrow">
      <h1 ref={heading} tabIndex={-1}>
        Page not found
      </h1>
      <p className="muted">Nothing lives at “{path}”.</p>
      <p>
        <a href={hrefs.register}>All providers</a>
      </p>
    </div>
  );
}
