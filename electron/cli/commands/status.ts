// `vetted status import|refresh|components`: a provider's status page — a file saved from it, a
// refresh that reads it online (the only command that goes online), and the components you use.
import { usageError } from '../cli-error';
import { STATUS_COMPONENTS_USAGE, statusComponentsCommand } from './status-components';
import { STATUS_IMPORT_USAGE, statusImportCommand } from './status-import';
import { STATUS_REFRESH_USAGE, statusRefreshCommand } from './status-refresh';

export const STATUS_USAGE = [STATUS_IMPORT_USAGE, STATUS_REFRESH_USAGE, STATUS_COMPONENTS_USAGE]
  .map((line, i) => (i === 0 ? line : line.replace(/^usage: /, '       ')))
  .join('\n');

export async function statusCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'import') return statusImportCommand(rest);
  if (sub === 'refresh') return statusRefreshCommand(rest);
  if (sub === 'components') return statusComponentsCommand(rest);
  throw usageError(STATUS_USAGE);
}
