// The templates that ship with the app. New reviews use DEFAULT_TEMPLATE_ID unless told otherwise.
import type { Template } from '../domain/template';
import { builtInTemplates } from './built-in';
import { INFRASTRUCTURE_TEMPLATE } from './infrastructure';

export const BUILT_IN_TEMPLATES: readonly Template[] = builtInTemplates();
export { DEFAULT_TEMPLATE_ID } from './ids';
export { flagFedQuestionIds } from './flag-fed';

export { INFRASTRUCTURE_TEMPLATE };
