// Vetted's own template file: export, parse (with JSON paths in errors), format detection and
// the generated JSON Schema in docs/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Template } from '../../shared/domain/template';
import { BUILT_IN_TEMPLATES } from '../../shared/templates';
import {
  detectTemplateFormat,
  exportTemplateJson,
  parseTemplateJson,
  TEMPLATE_FORMAT_MARKER,
  templateJsonSchema,
  templateJsonSchemaText,
} from '../../shared/templates/format';
import { TemplateImportError } from '../../shared/templates/import-error';
import { importVsaq } from '../../shared/templates/vsaq';
import { REPO_ROOT } from '../helpers/cli';

const FIXTURES = path.resolve(REPO_ROOT, 'test/fixtures/vsaq');
const BUILT_IN = BUILT_IN_TEMPLATES[0]!;

function importError(run: () => unknown): TemplateImportError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof TemplateImportError, `expected TemplateImportError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a failure');
}

describe('exportTemplateJson / parseTemplateJson', () => {
  test('round trip: the built-in template and an imported VSAQ template come back equal', () => {
    const vsaq = importVsaq(fs.readFileSync(path.join(FIXTURES, 'webapp.json'), 'utf8'), { id: 'vsaq-webapp' }).template;
    for (const template of [BUILT_IN, vsaq]) {
      const text = exportTemplateJson(template);
      assert.ok(text.endsWith('}\n'));
      assert.equal(JSON.parse(text).$schema, TEMPLATE_FORMAT_MARKER);
      assert.ok(text.startsWith(`{\n  "$schema": "${TEMPLATE_FORMAT_MARKER}",\n  "id": `));
      const back = parseTemplateJson(text);
      assert.deepEqual(back, template);
      assert.equal(exportTemplateJson(back), text);
    }
  });

  test('a file without the marker, and defaults left out, is accepted', () => {
    const minimal = {
      id: 'mini',
      version: 2,
      name: 'Mini',
      sections: [{ id: 's', title: 'S', questions: [{ id: 'q', kind: 'text', text: 'Q?' }] }],
    };
    const parsed = parseTemplateJson(JSON.stringify(minimal));
    assert.equal(parsed.sections[0]!.questions[0]!.weight, 1);
    assert.deepEqual(parsed, Template.parse(minimal));
  });

  test('errors name the JSON path and what was expected', () => {
    const good = JSON.parse(exportTemplateJson(BUILT_IN));
    const mutate = (change: (t: typeof good) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return JSON.stringify(copy, null, 2);
    };
    let error = importError(() => parseTemplateJson(mutate((t) => (t.sections[1].questions[0].weight = 'heavy'))));
    assert.equal(error.path, '$.sections[1].questions[0].weight');
    assert.match(error.message, /expected number, found a string \("heavy"\)/);

    error = importError(() => parseTemplateJson(mutate((t) => delete t.name)));
    assert.equal(error.path, '$.name');
    assert.match(error.message, /required/);

    error = importError(() => parseTemplateJson(mutate((t) => (t.sections[0].questions[0].showwhen = {}))));
    assert.equal(error.path, '$.sections[0].questions[0].showwhen');
    assert.match(error.message, /unknown field/);

    error = importError(() => parseTemplateJson(mutate((t) => (t.$schema = 'vetted-template/9'))));
    assert.equal(error.path, '$.$schema');

    // Semantic problems (checkTemplate) come with a JSON path too.
    error = importError(() => parseTemplateJson(mutate((t) => (t.sections[0].questions[1].id = t.sections[0].questions[0].id))));
    assert.equal(error.path, '$.sections[0].questions[1].id');
    assert.match(error.message, /used more than once/);

    error = importError(() => parseTemplateJson('{"id": "x",\n  "version": 1,\n  "name" "n"}'));
    assert.equal(error.path, '$.name');
    assert.match(error.message, /not valid JSON: expected ":" .*line 3, column 10/);

    error = importError(() => parseTemplateJson('// comment\n{"id": "x"}'));
    assert.match(error.message, /not valid JSON: .*comments/);

    error = importError(() => parseTemplateJson('[1, 2]'));
    assert.match(error.message, /expected a template object, found a list/);
  });
});

describe('detectTemplateFormat', () => {
  test('Vetted files, VSAQ files and extensions, and junk', () => {
    assert.equal(detectTemplateFormat(exportTemplateJson(BUILT_IN)), 'vetted');
    assert.equal(detectTemplateFormat(JSON.stringify(BUILT_IN)), 'vetted');
    for (const name of ['webapp.json', 'test_template.json', 'test_template_extension.json']) {
      assert.equal(detectTemplateFormat(fs.readFileSync(path.join(FIXTURES, name), 'utf8')), 'vsaq', name);
    }
    assert.equal(detectTemplateFormat('{"questionnaire": []}'), 'vsaq');
    assert.equal(detectTemplateFormat('{"questionnaire": [{"text": "a" + "b"}]}'), 'vsaq');
    assert.equal(detectTemplateFormat('not json'), 'vetted');
    assert.equal(detectTemplateFormat(''), 'vetted');
  });
});

describe('docs/template.schema.json', () => {
  test('is up to date with the zod schema (run `npm run docs:template-schema`)', () => {
    const file = path.join(REPO_ROOT, 'docs/template.schema.json');
    assert.ok(fs.existsSync(file), 'docs/template.schema.json is missing: run `npm run docs:template-schema`');
    assert.equal(fs.readFileSync(file, 'utf8'), templateJsonSchemaText(), 'docs/template.schema.json is out of date: run `npm run docs:template-schema`');
  });

  test('describes the file: the marker, required fields, strict objects, conditions and flags', () => {
    const schema = templateJsonSchema() as {
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
      $defs: Record<string, unknown>;
    };
    assert.deepEqual(schema.properties['$schema'], { const: TEMPLATE_FORMAT_MARKER, description: 'Marks a Vetted template file.' });
    assert.deepEqual(schema.required, ['id', 'version', 'name', 'sections']);
    assert.equal(schema.additionalProperties, false);
    assert.ok('Condition' in schema.$defs);
    assert.match(JSON.stringify(schema), /"flags"/);
    assert.match(JSON.stringify(schema), /"critical"/);
  });
});
