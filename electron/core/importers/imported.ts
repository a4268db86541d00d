// What every maintenance importer hands the service: events already in Vetted's own schema, and
// the one way a bad file is refused (every problem found, each naming where it is, nothing stored).
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

/** The register's limits on a window's free text (shared/domain/maintenance.ts editableWindow). */
export const MAX_TITLE = 200;
export const MAX_NOTES = 5000;
/** The register keeps a provider's id for an event up to this length (the exchange format's limit). */
export const MAX_SOURCE_UID = 1000;

/** Cuts text to the register's limit, saying so with an ellipsis rather than failing the import. */
export function clip(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

/** "2026-03-01T01:00:00Z": an instant the way providers write them (milliseconds only when there are some). */
export const isoInstant = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A file's problem list stays short enough to show; the message still counts them all. */
const MAX_DETAILS = 100;

/** Thrown by a reader for one event (or one entry): the reader records it and goes on to the next. */
export class EventProblem extends Error {}

/**
 * Collects every problem in a file, so a person fixing it sees them all at once; the file is
 * refused if there is even one (all or nothing).
 */
export class Problems {
  private readonly list: string[] = [];

  add(message: string): void {
    this.list.push(message);
  }

  get count(): number {
    return this.list.length;
  }

  /** Throws the validation error the service passes on, if anything was wrong. */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    throw refusal(this.list);
  }
}

/** The validation error for a refused file: the first problem (and how many more), each in the details. */
export function refusal(messages: readonly string[]): VettedError {
  const more = messages.length > 1 ? ` (and ${messages.length - 1} more)` : '';
  return new VettedError(
    'validation',
    `${messages[0]}${more}`,
    messages.slice(0, MAX_DETAILS).map((message) => ({ path: 'text', message })),
  );
}
