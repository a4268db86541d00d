// How many providers a comparison holds: the contract's input schema needs only these, not the
// comparison's model (shared/api.ts is loaded by every run of the CLI).
export const MIN_COMPARE_PROVIDERS = 2;
export const MAX_COMPARE_PROVIDERS = 6;
