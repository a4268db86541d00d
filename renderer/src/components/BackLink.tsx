import { hrefs } from '../app/router';

export function BackLink() {
  return (
    <a className="back-link" href={hrefs.register}>
      <span aria-hidden="true">← </span>All providers
    </a>
  );
}
