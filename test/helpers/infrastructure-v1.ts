// The built-in template as version 1 shipped, frozen in test/fixtures/templates: it still asked
// the fee (fixed to EUR a month) and the build-and-run effort that the profile holds from v2.
// Every register made before v2 stores exactly this (checked against the schema fixtures).
import fs from 'node:fs';
import path from 'node:path';
import type { Template } from '../../shared/domain/template';
import { parseTemplateJson } from '../../shared/templates/format';
import { REPO_ROOT } from './cli';

export const INFRASTRUCTURE_V1_FILE = path.join(REPO_ROOT, 'test', 'fixtures', 'templates', 'infrastructure-provider-v1.json');

export const INFRASTRUCTURE_TEMPLATE_V1: Template = parseTemplateJson(fs.readFileSync(INFRASTRUCTURE_V1_FILE, 'utf8'));

/** Version 2 as it shipped (before scoring model 2's must-haves): what registers made in 2026 before December store. */
export const INFRASTRUCTURE_V2_FILE = path.join(REPO_ROOT, 'test', 'fixtures', 'templates', 'infrastructure-provider-v2.json');
export const INFRASTRUCTURE_TEMPLATE_V2: Template = parseTemplateJson(fs.readFileSync(INFRASTRUCTURE_V2_FILE, 'utf8'));
