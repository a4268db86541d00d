// The limits of a subprocessor-list import, apart from the reader so the contract (shared/api.ts),
// which every run loads, does not bring the reader along.

/** A subprocessor list larger than this is not one provider's list. */
export const MAX_SUBPROCESSOR_FILE_CHARS = 2 * 1024 * 1024;
/** Rows read from one file; a longer one is refused whole (the register keeps 200 per provider). */
export const MAX_SUBPROCESSOR_ROWS = 2000;
