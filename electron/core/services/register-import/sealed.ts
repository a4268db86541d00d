// The file's confidential values (comments, frozen comments, evidence files and notes) on their
// way into this register. A sealed value is bound to its place (services/confidential.ts), so it
// stays as it is only where it lands under the same key and the same place; otherwise it is
// opened with the file's key and sealed again for here, or — when that key is not here — left
// out. Never silently: every value that cannot be opened is counted and named as a conflict.
import { openBytes, openText, SealError, sealBytes, sealText } from '../../crypto/cipher';
import { VettedError } from '../../../../shared/result';
import type { ImportState } from './state';

export interface SealedPlace {
  /** The value's place (associated data) in the exporting register and here. */
  fileAad: string;
  localAad: string;
  /** For the conflict naming a value that could not be opened. */
  id: string;
  name: string;
}

export class SealedTransfer {
  /** The key that opens the file's values in this session (null: none does). */
  private fileKey: Buffer | null = null;
  /** The file's values were sealed under this register's key (the same, or now adopted). */
  private sameKey = false;
  private why = '';

  constructor(private readonly s: ImportState) {}

  /**
   * Meets the file's key material with the register's: a register without a key takes the file's
   * (the same key file or passphrase then opens everything); one with the same key needs nothing;
   * one with another key re-seals what this session's key source can open with the file's key.
   */
  async begin(): Promise<void> {
    const { ctx, data, report } = this.s;
    const local = await ctx.keys.material();
    const file = data.confidential;
    const outcome = report.confidential;
    // Adopted only where that can lock nothing out: an empty register (it has nothing of its own to
    // seal later), or one whose session opens the file's key now. A register with data of its own
    // and a key it cannot open would be locked for good (no key can be made once one is named).
    if (file && !local && ((await ctx.vendors.list()).length === 0 || this.s.exportedKey() !== null)) {
      await ctx.keys.adopt(file);
      outcome.key = 'adopted';
      this.sameKey = true;
      this.fileKey = await ctx.keys.readKey();
    } else if (file && local && file.registerId === local.registerId && file.keyCheck === local.keyCheck) {
      outcome.key = 'same';
      this.sameKey = true;
      this.fileKey = await ctx.keys.readKey();
    } else if (file) {
      outcome.key = 'other';
      this.fileKey = this.s.exportedKey();
    } else {
      // An older export names no key: its values open only if they were sealed under this register's.
      outcome.key = 'none';
      this.fileKey = await ctx.keys.readKey();
    }
    const problem = (await ctx.keys.status()).problem;
    this.why = !file
      ? 'the file does not name the key it was sealed with (an export older than the key material)'
      : this.sameKey
        ? `this session cannot open the register's key: ${problem ?? 'no key is available'}`
        : `this session's key source (${(await ctx.keys.status()).where}) does not open the exporting register's key ${file.registerId}`;
  }

  async text(sealed: string, place: SealedPlace): Promise<string | null> {
    if (sealed === '') return '';
    return await this.move(sealed, place, openText, sealText);
  }

  async bytes(sealed: Buffer, place: SealedPlace): Promise<Buffer | null> {
    return await this.move(sealed, place, openBytes, sealBytes);
  }

  /** Whether a register's sealed value and the file's hold the same text (their ciphertexts differ after a re-seal). */
  async sameText(local: string, localAad: string, file: string, fileAad: string): Promise<boolean> {
    if (local === file) return true;
    const key = await this.s.ctx.keys.readKey();
    if (!key || !this.fileKey) return false;
    try {
      return openText(key, local, localAad) === openText(this.fileKey, file, fileAad);
    } catch (error) {
      if (error instanceof SealError) return false;
      throw error;
    }
  }

  private async move<T extends string | Buffer, P extends string | Buffer>(
    sealed: T,
    place: SealedPlace,
    open: (key: Buffer, sealed: T, aad: string) => P,
    seal: (key: Buffer, plain: P, aad: string) => T,
  ): Promise<T | null> {
    const outcome = this.s.report.confidential;
    let plain: P | null = null;
    if (this.fileKey) {
      try {
        plain = open(this.fileKey, sealed, place.fileAad);
      } catch (error) {
        if (!(error instanceof SealError)) throw error;
      }
    }
    if (this.sameKey && place.fileAad === place.localAad) {
      // Where it was, under the same key: kept as it is, openable or not.
      if (plain !== null) outcome.opened += 1;
      else {
        outcome.locked += 1;
        this.s.conflict('confidential', place.id, place.name, `imported sealed but cannot be opened here: ${this.why}; it opens with the same key file or passphrase as in the exporting register`);
      }
      return sealed;
    }
    const localKey = plain === null ? null : await this.localWriteKey();
    if (plain === null || localKey === null) {
      outcome.keptOut += 1;
      const reason = plain === null ? this.why : `this register's own key is locked: ${(await this.s.ctx.keys.status()).problem ?? 'no key is available'}`;
      this.s.conflict('confidential', place.id, place.name, `left out: it could not be opened to seal it again for this register (${reason})`);
      return null;
    }
    outcome.resealed += 1;
    return seal(localKey, plain, place.localAad);
  }

  private async localWriteKey(): Promise<Buffer | null> {
    try {
      return await this.s.ctx.keys.writeKey();
    } catch (error) {
      if (error instanceof VettedError) return null;
      throw error;
    }
  }
}
