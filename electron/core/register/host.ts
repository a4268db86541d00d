// The register the app works on, and changing it from Settings → Register (issue 22): the desktop
// app and `vetted serve` dispatch through a host, which opens the register file on this computer or
// the team register chosen here, and can change from one to the other while running. Plain Node:
// electron/app/main.ts and electron/cli/commands/serve.ts give it their places and key sources.
//
// A change opens the new register completely (signed in, migrated, checked to be a Vetted register)
// before anything else happens: a refusal leaves the open register, the choice and the kept password
// as they were. Calls already running on the old register finish there; it is closed when they have.
import { fail } from '../../../shared/result';
import { VettedError } from '../../../shared/result';
import type { ParsedInputOf } from '../../../shared/api';
import type { RegisterConnection } from '../../../shared/domain/register-place';
import { acquireAppLock, type AppLock } from '../app-lock';
import type { SecretStore } from '../crypto/secret-store';
import { isServerLocation } from '../db/store/open-store';
import { translatePgError } from '../db/store/pg-store';
import type { Dispatch } from '../dispatcher';
import { openVetted, type Vetted, type VettedOptions } from '../vetted';
import { assertSafeAddress, GIVEN_AT_START, placeOf, type RegisterSwitch } from './switch';
import { forgetTeamChoice, readTeamChoice, writeTeamChoice } from './team-choice';

export interface RegisterHostOptions {
  /** The register given at start (--db, VETTED_DB): the only one; Settings cannot change it. */
  pinned?: string;
  /** The register file on this computer (the default register). */
  localFile: string;
  /** Where the chosen team register's address is kept (team-choice.ts). */
  choiceFile: string;
  /** Where a team register's password is kept when the user asks for it. */
  password: SecretStore;
  /** Who holds a register file's lock, in words ("vetted serve", "Vetted app"). */
  lockName: string;
  vetted?: Omit<VettedOptions, 'registerSwitch' | 'password'>;
}

interface Opened {
  vetted: Vetted;
  /** The file's lock (app-lock.ts); a team register has no file here to lock. */
  lock: AppLock | null;
  location: string;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class RegisterHost implements RegisterSwitch {
  private opened: Opened | null = null;
  /** Why the chosen team register was not opened at start (the file was opened instead). */
  private teamProblem: string | null = null;
  private readonly running = new Map<Vetted, number>();
  private readonly retiring = new Map<Vetted, AppLock | null>();
  /** Resolves when a retired register has closed (its running calls finished). */
  private readonly closedWaiters = new Map<Vetted, () => void>();
  private changing: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: RegisterHostOptions) {}

  /** Opens the pinned register, else the chosen team register, else the file on this computer. */
  static async start(options: RegisterHostOptions): Promise<RegisterHost> {
    const host = new RegisterHost(options);
    await host.openAtStart();
    return host;
  }

  /** The register open now (for the caller's own start-up work, e.g. loading the demo). */
  get vetted(): Vetted {
    if (!this.opened) throw new VettedError('unavailable', 'The register is being changed; try again in a moment.');
    return this.opened.vetted;
  }

  /** Every call goes to the register open when it arrives, and finishes there. */
  readonly dispatch: Dispatch = async (operation, input) => {
    const opened = this.opened;
    if (!opened) return fail('unavailable', 'The register is being changed; try again in a moment.');
    const { vetted } = opened;
    this.running.set(vetted, (this.running.get(vetted) ?? 0) + 1);
    try {
      return await vetted.dispatch(operation, input);
    } finally {
      const left = (this.running.get(vetted) ?? 1) - 1;
      if (left > 0) this.running.set(vetted, left);
      else {
        this.running.delete(vetted);
        if (this.retiring.has(vetted)) this.closeRetired(vetted);
      }
    }
  };

  where(): RegisterConnection {
    const { pinned, localFile, password } = this.options;
    const location = this.opened?.location ?? pinned ?? localFile;
    const choice = pinned ? null : readTeamChoice(this.options.choiceFile);
    return {
      open: placeOf(location),
      switchable: !pinned,
      fixedBecause: pinned ? GIVEN_AT_START : null,
      localFile: pinned ? null : localFile,
      savedTeam: choice ? { location: placeOf(choice.url).location, passwordKept: this.hasKeptPassword() } : null,
      passwordStore: pinned ? null : password.describe,
      teamProblem: this.teamProblem,
    };
  }

  connect(input: ParsedInputOf<'register.connect'>): Promise<RegisterConnection> {
    return this.oneAtATime(async () => {
      this.refuseWhenPinned();
      const { url } = input;
      assertSafeAddress(url);
      const sameAsChosen = readTeamChoice(this.options.choiceFile)?.url === url;
      const password = input.password ?? (sameAsChosen ? (this.options.password.load() ?? undefined) : undefined);
      const next = await this.open(url, password).catch((error: unknown) => {
        throw refusalOfConnect(error);
      });
      try {
        // The password first: a keychain that refuses it leaves the choice as it was.
        if (input.password !== undefined && input.password !== '' && input.remember) this.options.password.save(input.password);
        else if (input.password !== undefined || !sameAsChosen || !input.remember) this.options.password.remove();
        writeTeamChoice(this.options.choiceFile, { url });
      } catch (error) {
        next.vetted.close();
        next.lock?.release();
        throw error;
      }
      this.teamProblem = null;
      this.change(next);
      return this.where();
    });
  }

  disconnect(): Promise<RegisterConnection> {
    return this.oneAtATime(async () => {
      this.refuseWhenPinned();
      const { localFile } = this.options;
      // The file first: if it cannot be opened (another Vetted has it), the team register stays open and chosen.
      if (this.opened?.location !== localFile) this.change(await this.open(localFile, undefined));
      forgetTeamChoice(this.options.choiceFile);
      this.options.password.remove();
      this.teamProblem = null;
      return this.where();
    });
  }

  /**
   * Runs `work` (a restore swapping the register file) with the open register closed, its lock
   * kept, and calls meanwhile refused; a change of register waits for it. Calls already running on
   * the register finish before the work starts. The same register opens again afterwards.
   */
  whileClosed<T>(work: () => Promise<T>): Promise<T> {
    return this.oneAtATime(async () => {
      const opened = this.opened;
      if (!opened) return work();
      const { vetted, location, lock } = opened;
      this.opened = { ...opened, vetted: closedVetted(vetted) };
      await this.retired(vetted);
      try {
        return await work();
      } finally {
        const again = await openVetted(location, this.vettedOptions(isServerLocation(location) ? (this.options.password.load() ?? undefined) : undefined));
        this.opened = { vetted: again, lock, location };
      }
    });
  }

  close(): void {
    const opened = this.opened;
    this.opened = null;
    if (opened) {
      opened.vetted.close();
      opened.lock?.release();
    }
    for (const [vetted, lock] of this.retiring) {
      vetted.close();
      lock?.release();
    }
    this.retiring.clear();
  }

  private async openAtStart(): Promise<void> {
    const { pinned, localFile, choiceFile } = this.options;
    if (pinned) {
      this.opened = await this.open(pinned, undefined);
      return;
    }
    const choice = readTeamChoice(choiceFile);
    if (choice) {
      try {
        this.opened = await this.open(choice.url, this.options.password.load() ?? undefined);
        return;
      } catch (error) {
        // Not a failed start: the user can connect again, or go back to the file, in Settings.
        // The header and Settings say the team register was not opened, so nobody mistakes the
        // file for it.
        this.teamProblem = `The team register on ${placeOf(choice.url).server} could not be opened: ${messageOf(translatePgError(error))}`;
      }
    }
    this.opened = await this.open(localFile, undefined);
  }

  private async open(location: string, password: string | undefined): Promise<Opened> {
    const lock = isServerLocation(location) ? null : acquireAppLock(location, this.options.lockName);
    try {
      const vetted = await openVetted(location, this.vettedOptions(password));
      return { vetted, lock, location };
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  private vettedOptions(password: string | undefined): VettedOptions {
    return { ...this.options.vetted, ...(password === undefined ? {} : { password }), registerSwitch: this };
  }

  private change(next: Opened): void {
    const previous = this.opened;
    this.opened = next;
    if (previous) this.retire(previous.vetted, previous.lock);
  }

  /** Closes a register no longer open once the calls running on it have finished. */
  private retire(vetted: Vetted, lock: AppLock | null): void {
    this.retiring.set(vetted, lock);
    if (!this.running.has(vetted)) this.closeRetired(vetted);
  }

  private closeRetired(vetted: Vetted): void {
    const lock = this.retiring.get(vetted) ?? null;
    this.retiring.delete(vetted);
    vetted.close();
    lock?.release();
    this.closedWaiters.get(vetted)?.();
    this.closedWaiters.delete(vetted);
  }

  /** Retires `vetted` keeping its lock with the caller, and waits until it has closed. */
  private retired(vetted: Vetted): Promise<void> {
    return new Promise<void>((resolve) => {
      this.closedWaiters.set(vetted, resolve);
      this.retire(vetted, null);
    });
  }

  /** Kept, whether or not it can be read now (connecting says why it cannot be used): no decryption just to say so. */
  private hasKeptPassword(): boolean {
    return this.options.password.has();
  }

  private refuseWhenPinned(): void {
    if (this.options.pinned) throw new VettedError('unavailable', GIVEN_AT_START);
  }

  /** Changes of register take turns: two clicks never open two registers at once. */
  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.changing.then(work, work);
    this.changing = turn.catch(() => undefined);
    return turn;
  }
}

/**
 * A server's refusal of a connection, as an answer about the field it concerns: a login refused is
 * about the password (or the user in the address), anything else the server said about the
 * address. Not 'unauthorized' or 'unavailable', which mean the app lost its own connection to Vetted.
 */
function refusalOfConnect(error: unknown): VettedError {
  const said = translatePgError(error);
  if (!(said instanceof VettedError)) return new VettedError('validation', `url: the team register could not be opened: ${messageOf(error)}`, [{ path: 'url', message: `The team register could not be opened: ${messageOf(error)}` }]);
  if (said.code === 'unauthorized') return new VettedError('validation', `password: ${said.message}`, [{ path: 'password', message: said.message }]);
  if (said.code === 'unavailable' || said.code === 'not_found') return new VettedError('validation', `url: ${said.message}`, [{ path: 'url', message: said.message }]);
  return said;
}

/** Stands in while a register is closed for a restore: every call is refused, in words. */
function closedVetted(vetted: Vetted): Vetted {
  const dispatch: Dispatch = () => Promise.resolve(fail('unavailable', 'The register is being replaced; try again in a moment.'));
  return { ...vetted, dispatch, close: () => undefined };
}
