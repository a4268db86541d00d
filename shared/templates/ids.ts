// The default template's id on its own, so the renderer can name it without loading (and parsing)
// the whole built-in questionnaire at start-up.
export const DEFAULT_TEMPLATE_ID = 'infrastructure-provider';
