// Maintenance windows (with scheduled maintenances) and blackout periods. Schedules are stored as
// JSON and parsed with the domain schema on the way out, so a row a bug or a hand edit broke is an
// error naming the row, never a window silently read wrong.
import { query } from '../db/store/query';
import type { Sql } from '../db/store/sql';
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

  constructor(sql: Sql) {
    this.windowById = query<[string], WindowRow>(sql, 'SELECT * FROM maintenance_windows WHERE id = ?');
    this.windowsOfVendor = query<[string], WindowRow>(sql, 'SELECT * FROM maintenance_windows WHERE vendor_id = ? ORDER BY created_at, id');
    this.allWindows = query<[], WindowRow>(sql, 'SELECT * FROM maintenance_windows ORDER BY vendor_id, created_at, id');
    this.windowBySource = query<[string, string, string], WindowRow>(sql,
      'SELECT * FROM maintenance_windows WHERE vendor_id = ? AND source = ? AND source_uid = ?',
    );
    const columns = 'id, vendor_id, title, schedule, impact, source, status, announced_at, source_uid, sequence, notes, created_at, updated_at';
    this.insertWindowStmt = query<[WindowRow]>(sql,
      `INSERT INTO maintenance_windows (${columns}) VALUES (${columns.split(', ').map((c) => `@${c}`).join(', ')})`,
    );
    this.updateWindowStmt = query<[WindowRow]>(sql,
      `UPDATE maintenance_windows SET title = @title, schedule = @schedule, impact = @impact, status = @status,
         announced_at = @announced_at, sequence = @sequence, notes = @notes, updated_at = @updated_at WHERE id = @id`,
    );
    this.deleteWindowStmt = query<[string]>(sql, 'DELETE FROM maintenance_windows WHERE id = ?');
    this.blackoutById = query<[string], BlackoutRow>(sql, 'SELECT * FROM blackout_periods WHERE id = ?');
    this.allBlackouts = query<[], BlackoutRow>(sql, 'SELECT * FROM blackout_periods ORDER BY name, id');
    this.insertBlackoutStmt = query<[BlackoutRow]>(sql,
      'INSERT INTO blackout_periods (id, name, schedule, notes, created_at, updated_at) VALUES (@id, @name, @schedule, @notes, @created_at, @updated_at)',
    );
    this.updateBlackoutStmt = query<[BlackoutRow]>(sql,
      'UPDATE blackout_periods SET name = @name, schedule = @schedule, notes = @notes, updated_at = @updated_at WHERE id = @id',
    );
    this.deleteBlackoutStmt = query<[string]>(sql, 'DELETE FROM blackout_periods WHERE id = ?');
  }

  async window(id: string): Promise<MaintenanceWindow | undefined> {
    const row = await this.windowById.get(id);
    return row ? windowFromRow(row) : undefined;
  }

  async windows(vendorId?: string): Promise<MaintenanceWindow[]> {
    return (vendorId === undefined ? await this.allWindows.all() : await this.windowsOfVendor.all(vendorId)).map(windowFromRow);
  }

  async windowBySourceUid(vendorId: string, source: MaintenanceWindow['source'], uid: string): Promise<MaintenanceWindow | undefined> {
    const row = await this.windowBySource.get(vendorId, source, uid);
    return row ? windowFromRow(row) : undefined;
  }

  async insertWindow(w: MaintenanceWindow): Promise<void> {
    await this.insertWindowStmt.run(windowToRow(w));
  }

  async updateWindow(w: MaintenanceWindow): Promise<void> {
    await this.updateWindowStmt.run(windowToRow(w));
  }

  async deleteWindow(id: string): Promise<boolean> {
    return (await this.deleteWindowStmt.run(id)).changes > 0;
  }

  async blackout(id: string): Promise<BlackoutPeriod | undefined> {
    const row = await this.blackoutById.get(id);
    return row ? blackoutFromRow(row) : undefined;
  }

  async blackouts(): Promise<BlackoutPeriod[]> {
    return (await this.allBlackouts.all()).map(blackoutFromRow);
  }

  async insertBlackout(b: BlackoutPeriod): Promise<void> {
    await this.insertBlackoutStmt.run(blackoutToRow(b));
  }

  async updateBlackout(b: BlackoutPeriod): Promise<void> {
    await this.updateBlackoutStmt.run(blackoutToRow(b));
  }

  async deleteBlackout(id: string): Promise<boolean> {
    return (await this.deleteBlackoutStmt.run(id)).changes > 0;
  }
}
