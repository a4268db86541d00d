#!/usr/bin/env node
// `vetted` on the PATH: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/vetted.ts');
