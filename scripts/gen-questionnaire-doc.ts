// Writes docs/questionnaire.md from the built-in template. Run with `npm run docs:questionnaire`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INFRASTRUCTURE_TEMPLATE } from '../shared/templates/infrastructure';
import { templateToMarkdown } from '../shared/templates/markdown';

const target = fileURLToPath(new URL('../docs/questionnaire.md', import.meta.url));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, templateToMarkdown(INFRASTRUCTURE_TEMPLATE), 'utf8');
console.log(`Wrote ${target}`);
