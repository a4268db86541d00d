// The register import's size limit, apart from format.ts: the API contract (shared/api.ts) needs only
// this number, and format.ts builds some forty zod schemas as it loads, at every `vetted` start.

/** The largest export the API accepts as text (characters). */
export const MAX_REGISTER_IMPORT_CHARS = 50 * 1024 * 1024;
