// Writes docs/template.schema.json from the zod template schema. Run with `npm run docs:template-schema`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateJsonSchemaText } from '../shared/templates/format';

const target = fileURLToPath(new URL('../docs/template.schema.json', import.meta.url));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, templateJsonSchemaText(), 'utf8');
console.log(`Wrote ${target}`);
