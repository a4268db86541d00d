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
  /**
   * On a team register: the data key is wrapped for each member (`where` is then the place of this
   * member's own key, empty when they published none). Absent on a register file.
   */
  team?: { generation: number };
}


/** A member's published key on a team register, and which generations of the data key are wrapped to it. */
export interface TeamKeyMember {
  /** Their database role. */
  role: string;
  /** A short digest of their public key, to compare out of band. */
  fingerprint: string;
  /** Still holds one of the register's team roles (or owns it). */
  member: boolean;
  /**
   * The current generation is wrapped to their key. Whether the wrap opens only they can tell (a
   * member may write a false one): "wrapped for", never "holds".
   */
  wrappedCurrent: boolean;
  generations: number[];
}

/** The team data key as this member sees it (issue 22): its generation, their own key, everyone's. */
export interface TeamKeyView {
  generation: number;
  you: { role: string; fingerprint: string | null };
  members: TeamKeyMember[];
}

/** What "share the data key" did. */
export interface TeamKeyShare {
  role: string;
  fingerprint: string;
  /** This run published the member's key. */
  published: boolean;
  generation: number;
  /** This member holds the current generation now. */
  holds: boolean;
  /** Members (not this one) this run wrapped a generation for. */
  wrappedFor: string[];
  /** Members with a published key the current generation is not wrapped to yet. */
  waiting: string[];
  /** Members whose published key is not a usable public key (they publish a new one). */
  unusable: string[];
  /** Why this member does not hold the key, in words; null when they do. */
  problem: string | null;
}
