// Confidential data: comments, provider notes and evidence files can be marked confidential and
// are then stored encrypted; the key never lives in the register (docs/security.md).

/** Where the register's data key stands in this session. */
export interface KeyStatus {
  /** A key was set up for this register (something confidential was saved once). */
  enabled: boolean;
  /** The key is available now: confidential data can be read and written. */
  unlocked: boolean;
  /** Where keys come from in this mode. */
  source: 'keychain' | 'key-file' | 'passphrase' | null;
  /** Where the key is, in words. */
  where: string;
  /** Why it is locked, when it is. */
  problem: string | null;
}

