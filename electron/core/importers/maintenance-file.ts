// PLACEHOLDER, replaced by the importer work: reads an iCalendar or Statuspage file.
import type { Schedule, WindowImpact, WindowStatus } from '../../../shared/domain/maintenance';
import type { WindowFileFormat } from '../../../shared/api';
import { VettedError } from '../../../shared/result';

/** One provider event read from a file, in Vetted's own schema (nothing downstream sees the format). */
export interface ImportedEvent {
  /** The provider's id for it (iCalendar UID; Statuspage id). */
  uid: string;
  /** iCalendar SEQUENCE; for Statuspage, updated_at in epoch seconds. Higher replaces lower. */
  sequence: number;
  title: string;
  schedule: Schedule;
  impact: WindowImpact;
  status: WindowStatus;
  /** When it was announced (iCalendar CREATED, else DTSTAMP; Statuspage created_at); null if unknown. */
  announcedAt: string | null;
  notes: string;
}

export interface ParsedMaintenanceFile {
  format: WindowFileFormat;
  events: ImportedEvent[];
  warnings: string[];
}

/** Reads the file or throws a validation error naming the line or property at fault. */
export function parseMaintenanceFile(fileName: string, _text: string): ParsedMaintenanceFile {
  throw new VettedError('validation', `${fileName}: not implemented yet`);
}
