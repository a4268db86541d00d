// Maintenance windows (with scheduled maintenances) and blackout periods. Schedules are stored as
// JSON and parsed with the domain schema on the way out, so a row a bug or a hand edit broke is an
// error naming the row, never a window silently read wrong.
import type { Database } from 'better-sqlite3';
import { BlackoutSchedule, Schedule, type BlackoutPeriod, type MaintenanceWindow } from '../../../shared/domain/maintenance';
import { VettedError } from '../../../shared/result';

interface WindowRow {
  id: string;
  vendor_id: string;
  title: string;
  schedule: string;
  impact: string;
  source: string;
  status: string;
  announced_at: string | null;
  source_uid: string | null;
  sequence: number | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

interface BlackoutRow {
  id: string;
  name: string;
  schedule: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

function scheduleOf(text: string, what: string, schema: typeof Schedule | typeof BlackoutSchedule = Schedule): Schedule {
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new VettedError('internal', `The stored schedule of ${what} does not fit the schema.`);
  return parsed.data;
}

const windowFromRow = (r: WindowRow): MaintenanceWindow => ({
  id: r.id,
  vendorId: r.vendor_id,
  title: r.title,
  schedule: scheduleOf(r.schedule, `maintenance window ${r.id}`),
  impact: r.impact as MaintenanceWindow['impact'],
  source: r.source as MaintenanceWindow['source'],
  status: r.status as MaintenanceWindow['status'],
  announcedAt: r.announced_at,
  sourceUid: r.source_uid,
  sequence: r.sequence,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const windowToRow = (w: MaintenanceWindow): WindowRow => ({
  id: w.id,
  vendor_id: w.vendorId,
  title: w.title,
  schedule: JSON.stringify(w.schedule),
  impact: w.impact,
  source: w.source,
  status: w.status,
  announced_at: w.announcedAt,
  source_uid: w.sourceUid,
  sequence: w.sequence,
  notes: w.notes,
  created_at: w.createdAt,
  updated_at: w.updatedAt,
});

const blackoutFromRow = (r: BlackoutRow): BlackoutPeriod => ({
  id: r.id,
  name: r.name,
  schedule: scheduleOf(r.schedule, `blackout period ${r.id}`, BlackoutSchedule),
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const blackoutToRow = (b: BlackoutPeriod): BlackoutRow => ({
  id: b.id,
  name: b.name,
  schedule: JSON.stringify(b.schedule),
  notes: b.notes,
  created_at: b.createdAt,
  updated_at: b.updatedAt,
});

export class MaintenanceRepository {
  private readonly windowById;
  private readonly windowsOfVendor;
  private readonly allWindows;
  private readonly windowBySource;
  private readonly insertWindowStmt;
  private readonly updateWindowStmt;
  private readonly deleteWindowStmt;
  private readonly blackoutById;
  private readonly allBlackouts;
  private readonly insertBlackoutStmt;
  private readonly updateBlackoutStmt;
  private readonly deleteBlackoutStmt;

  constructor(db: Database) {
    this.windowById = db.prepare<[string], WindowRow>('SELECT * FROM maintenance_windows WHERE id = ?');
    this.windowsOfVendor = db.prepare<[string], WindowRow>('SELECT * FROM maintenance_windows WHERE vendor_id = ? ORDER BY created_at, id');
    this.allWindows = db.prepare<[], WindowRow>('SELECT * FROM maintenance_windows ORDER BY vendor_id, created_at, id');
    this.windowBySource = db.prepare<[string, string, string], WindowRow>(
      'SELECT * FROM maintenance_windows WHERE vendor_id = ? AND source = ? AND source_uid = ?',
    );
    const columns = 'id, vendor_id, title, schedule, impact, source, status, announced_at, source_uid, sequence, notes, created_at, updated_at';
    this.insertWindowStmt = db.prepare<[WindowRow]>(
      `INSERT INTO maintenance_windows (${columns}) VALUES (${columns.split(', ').map((c) => `@${c}`).join(', ')})`,
    );
    this.updateWindowStmt = db.prepare<[WindowRow]>(
      `UPDATE maintenance_windows SET title = @title, schedule = @schedule, impact = @impact, status = @status,
         announced_at = @announced_at, sequence = @sequence, notes = @notes, updated_at = @updated_at WHERE id = @id`,
    );
    this.deleteWindowStmt = db.prepare<[string]>('DELETE FROM maintenance_windows WHERE id = ?');
    this.blackoutById = db.prepare<[string], BlackoutRow>('SELECT * FROM blackout_periods WHERE id = ?');
    this.allBlackouts = db.prepare<[], BlackoutRow>('SELECT * FROM blackout_periods ORDER BY name, id');
    this.insertBlackoutStmt = db.prepare<[BlackoutRow]>(
      'INSERT INTO blackout_periods (id, name, schedule, notes, created_at, updated_at) VALUES (@id, @name, @schedule, @notes, @created_at, @updated_at)',
    );
    this.updateBlackoutStmt = db.prepare<[BlackoutRow]>(
      'UPDATE blackout_periods SET name = @name, schedule = @schedule, notes = @notes, updated_at = @updated_at WHERE id = @id',
    );
    this.deleteBlackoutStmt = db.prepare<[string]>('DELETE FROM blackout_periods WHERE id = ?');
  }

  window(id: string): MaintenanceWindow | undefined {
    const row = this.windowById.get(id);
    return row ? windowFromRow(row) : undefined;
  }

  windows(vendorId?: string): MaintenanceWindow[] {
    return (vendorId === undefined ? this.allWindows.all() : this.windowsOfVendor.all(vendorId)).map(windowFromRow);
  }

  windowBySourceUid(vendorId: string, source: MaintenanceWindow['source'], uid: string): MaintenanceWindow | undefined {
    const row = this.windowBySource.get(vendorId, source, uid);
    return row ? windowFromRow(row) : undefined;
  }

  insertWindow(w: MaintenanceWindow): void {
    this.insertWindowStmt.run(windowToRow(w));
  }

  updateWindow(w: MaintenanceWindow): void {
    this.updateWindowStmt.run(windowToRow(w));
  }

  deleteWindow(id: string): boolean {
    return this.deleteWindowStmt.run(id).changes > 0;
  }

  blackout(id: string): BlackoutPeriod | undefined {
    const row = this.blackoutById.get(id);
    return row ? blackoutFromRow(row) : undefined;
  }

  blackouts(): BlackoutPeriod[] {
    return this.allBlackouts.all().map(blackoutFromRow);
  }

  insertBlackout(b: BlackoutPeriod): void {
    this.insertBlackoutStmt.run(blackoutToRow(b));
  }

  updateBlackout(b: BlackoutPeriod): void {
    this.updateBlackoutStmt.run(blackoutToRow(b));
  }

  deleteBlackout(id: string): boolean {
    return this.deleteBlackoutStmt.run(id).changes > 0;
  }
}
