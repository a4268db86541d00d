// The register's data key for this session. The register holds only a check value and a salt
// (table crypto_keys): enough to tell a wrong key from the right one, never the key.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Sql } from '../db/store/sql';
import type { KeyStatus } from '../../../shared/domain/confidential';
import { VettedError } from '../../../shared/result';
import { openText, SealError, sealText } from './cipher';
import type { KeySource } from './key-sources';
import { checkAadOf, currentGeneration, holdDataKeyShared, KEY_CHECK_TEXT, memberKeyPlace, openTeamKeys } from './team-keys';

interface KeyRow {
  register_id: string;
  kdf_salt: string;
  key_check: string;
  source: string;
  created_at: string;
}

/** What names a register's key and tells the right key from a wrong one; never the key itself. */
export interface KeyMaterial {
  registerId: string;
  /** Hex. */
  kdfSalt: string;
  keyCheck: string;
  source: 'keychain' | 'key-file' | 'passphrase';
  createdAt: string;
}


/** What a session knows of its key, shared by every context of the register (whatever transaction each speaks to). */
export class KeySession {
  key: Buffer | null = null;
  /** On a team register: every generation of the data key this member opens, the current one included. */
  generations = new Map<number, Buffer>();
  /** The team register's key generation `key` belongs to (1 on a file). */
  generation = 1;
  problem: string | null = null;
  loaded = false;

  constructor(readonly source: KeySource | null) {}
}

/** The session's key, reading and writing the register's key row through one context's Sql. */
export class KeyRing {
  constructor(
    private readonly sql: Sql,
    private readonly session: KeySession,
  ) {}

  private get source(): KeySource | null {
    return this.session.source;
  }

  /** Where this session's keys come from (a team register's member key too). */
  get keySource(): KeySource | null {
    return this.session.source;
  }

  /** Every generation of the data key this session opens, by number (a file's: generation 1). */
  async heldGenerations(): Promise<Map<number, Buffer>> {
    await this.load();
    return new Map(this.session.generations);
  }

  private row(): Promise<KeyRow | undefined> {
    return this.sql.get<KeyRow>('SELECT register_id, kdf_salt, key_check, source, created_at FROM crypto_keys WHERE id = 1');
  }

  /** The key's name, salt and check as an export carries them, or null when no key was set up. */
  async material(): Promise<KeyMaterial | null> {
    const row = await this.row();
    if (!row) return null;
    return { registerId: row.register_id, kdfSalt: row.kdf_salt, keyCheck: row.key_check, source: row.source as KeyMaterial['source'], createdAt: row.created_at };
  }

  /**
   * Takes another register's key as this register's (an import into a register without a key),
   * so the same key file or passphrase opens what it sealed. Must run inside a write transaction.
   */
  async adopt(material: KeyMaterial): Promise<void> {
    if (await this.row()) throw new VettedError('conflict', 'This register already has a data key.');
    await this.sql.run('INSERT INTO crypto_keys (id, register_id, kdf_salt, key_check, source, created_at) VALUES (1, ?, ?, ?, ?, ?)', [
      material.registerId,
      material.kdfSalt,
      material.keyCheck,
      material.source,
      material.createdAt,
    ]);
    this.forget();
  }

  /**
   * The key of another register's material, if this session's key source opens it (the same key
   * file, or the same passphrase with that register's salt); null when it does not.
   */
  openOther(material: KeyMaterial): Buffer | null {
    if (!this.source) return null;
    try {
      const key = this.source.load(material.registerId, Buffer.from(material.kdfSalt, 'hex'));
      if (!key) return null;
      openText(key, material.keyCheck, checkAadOf(material.registerId));
      return key;
    } catch (error) {
      if (error instanceof SealError || error instanceof VettedError) return null;
      throw error;
    }
  }

  /** Drops what was loaded, so the next use reads the register again (after an import rolled back or adopted a key). */
  forget(): void {
    this.session.key = null;
    this.session.generations = new Map();
    this.session.generation = 1;
    this.session.problem = null;
    this.session.loaded = false;
  }

  private get team(): boolean {
    return this.sql.dialect === 'postgres';
  }

  /**
   * Loads the key once (and again after a failure, so fixing a key file needs no restart). On a
   * team register also again when the data key was renewed since (another member removed).
   */
  private async load(): Promise<void> {
    const session = this.session;
    if (session.loaded && session.key && (!this.team || (await currentGeneration(this.sql)) === session.generation)) return;
    session.loaded = true;
    session.key = null;
    session.generations = new Map();
    session.generation = 1;
    session.problem = null;
    const row = await this.row();
    if (!row) return;
    const direct = this.loadDirect(row);
    if (!this.team) {
      session.key = direct;
      if (direct) session.generations.set(1, direct);
      return;
    }
    const team = await openTeamKeys(this.sql, this.source, row, direct);
    session.generations = team.keys;
    session.generation = team.generation;
    session.key = team.keys.get(team.generation) ?? null;
    // The member's own route first: a file's key-file message would send them looking for a file they never had.
    session.problem = session.key ? null : team.problem;
  }

  /** The register's own key from this session's key source (a file's key file or passphrase), or null with the problem noted. */
  private loadDirect(row: KeyRow): Buffer | null {
    const session = this.session;
    if (!this.source) {
      session.problem = 'No key source is configured for confidential data in this mode.';
      return null;
    }
    try {
      const key = this.source.load(row.register_id, Buffer.from(row.kdf_salt, 'hex'));
      if (!key) {
        session.problem = `The key of this register's confidential data is not on this machine (looked for ${this.source.describe(row.register_id)}).`;
        return null;
      }
      openText(key, row.key_check, checkAadOf(row.register_id));
      return key;
    } catch (error) {
      if (error instanceof SealError) {
        session.problem = `The key from ${this.source.describe(row.register_id)} does not open this register's confidential data (a wrong key file or passphrase).`;
      } else if (error instanceof VettedError) {
        session.problem = error.message;
      } else {
        throw error;
      }
      return null;
    }
  }

  async status(): Promise<KeyStatus> {
    await this.load();
    const row = await this.row();
    const status: KeyStatus = {
      enabled: row !== undefined,
      unlocked: this.session.key !== null,
      source: this.source?.kind ?? null,
      where: row && this.source ? this.source.describe(row.register_id) : this.source ? this.source.describe('<new register id>') : '',
      problem: this.session.problem,
    };
    if (!this.team) return status;
    // On a team register: where this member's own key is (what opens their wraps); without one, the
    // register's own key's place only when this session holds that key (else it is nobody's "yours").
    const own = await memberKeyPlace(this.sql, this.source);
    const where = own ?? (this.session.generations.has(1) ? status.where : '');
    // The generation load() just read (1 until the register has a key, as on the server).
    return { ...status, where, team: { generation: this.session.generation } };
  }

  /** The key for reading confidential data, or null when it is locked. */
  async readKey(): Promise<Buffer | null> {
    await this.load();
    return this.session.key;
  }

  /**
   * Every key that may open a value here, the current one first: on a team register whose key was
   * renewed, values sealed before (frozen answers, the trail) keep the generation they were sealed with.
   */
  async readKeys(): Promise<Buffer[]> {
    await this.load();
    const { key, generations } = this.session;
    return [...(key ? [key] : []), ...[...generations.entries()].sort(([a], [b]) => b - a).map(([, k]) => k).filter((k) => k !== key)];
  }

  /**
   * The key for writing confidential data, made on first use; a clear 'locked' error when unavailable.
   * On a team register the transaction holds the data key's lock (shared) until it ends, so a
   * renewal waits for it and it for a renewal: nothing is sealed with a generation already replaced.
   */
  async writeKey(): Promise<Buffer> {
    if (this.team) await holdDataKeyShared(this.sql);
    await this.load();
    if (this.session.key) return this.session.key;
    if ((await this.row()) || !this.source) {
      throw new VettedError('locked', `Confidential data is locked: ${this.session.problem ?? 'no key is available'}`);
    }
    const registerId = randomUUID();
    const salt = randomBytes(16);
    const key = this.source.create(registerId, salt);
    await this.sql.run('INSERT INTO crypto_keys (id, register_id, kdf_salt, key_check, source, created_at) VALUES (1, ?, ?, ?, ?, ?)', [
      registerId,
      salt.toString('hex'),
      sealText(key, KEY_CHECK_TEXT, checkAadOf(registerId)),
      this.source.kind,
      new Date().toISOString(),
    ]);
    this.session.key = key;
    this.session.problem = null;
    return key;
  }
}
