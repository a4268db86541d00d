// What every status page reader hands the service: incidents in Vetted's own schema, the
// scheduled maintenances the same file carried (they go to the maintenance data, not the incident
// log), and what did not carry over exactly. A bad file is refused with `refusal` (./imported).
import type { StatusFileFormat } from '../../../shared/api';
import type { Incident } from '../../../shared/domain/incidents';
import type { ImportedEvent } from './imported';

/** One incident read from a file; the service adds the id, the provider and the timestamps. */
export type ImportedIncident = Omit<Incident, 'id' | 'vendorId' | 'createdAt' | 'updatedAt' | 'onStatusPage' | 'sourceUid' | 'sequence' | 'source'> & {
  /** The provider's id for it (Statuspage id; Atom entry id or RSS guid, else its link). */
  sourceUid: string;
  /** The source's last update (updated_at, Atom updated) as epoch seconds: higher replaces lower. */
  sequence: number;
};

export interface ParsedStatusFile {
  format: StatusFileFormat;
  /** The page's own name and address, when the file says (shown so the user sees whose page it was). */
  page: { name: string | null; url: string | null };
  incidents: ImportedIncident[];
  /** Scheduled maintenances in the file (Statuspage summary.json / scheduled-maintenances.json, Instatus). */
  maintenances: ImportedEvent[];
  warnings: string[];
}
