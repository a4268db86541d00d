import type { Session } from '../session';
import { must } from '../session';

export async function demoCommand(session: Session): Promise<void> {
  const { vendors } = must(await session.api['demo.load']({}));
  process.stdout.write(`Loaded ${vendors} demo providers into ${session.dbPath}\n`);
}
