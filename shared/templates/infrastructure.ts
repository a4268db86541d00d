// The built-in questionnaire for infrastructure providers, parsed (infrastructure-definition.ts holds
// it as written, with the reasons behind its weights, must-haves and versions).
import type { Template } from '../domain/template';
import { builtInTemplates } from './built-in';

export const INFRASTRUCTURE_TEMPLATE: Template = builtInTemplates()[0]!;
