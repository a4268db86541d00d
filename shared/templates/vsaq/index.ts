// Import of Google's VSAQ questionnaire templates (docs/templates.md). Pure.
export { importVsaq } from './convert';
export type { VsaqImportOptions, VsaqImportResult } from './convert';
export { CondSyntaxError, MAX_COND_DEPTH, parseCond, tokenizeCond } from './cond';
export type { CondAst, CondToken } from './cond';
export { decodeEntities, htmlToText } from './html';
export { parseVsaqJson } from './parse';
export type { JsonObject, JsonValue } from './parse';
export { TemplateImportError } from '../import-error';
