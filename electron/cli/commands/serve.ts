import { usageError } from '../cli-error';

export async function serveCommand(_flags: { db?: string; port?: string; open?: boolean }): Promise<void> {
  throw usageError('serve is not available yet');
}
