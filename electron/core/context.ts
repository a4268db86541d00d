// What every service needs: the register's repositories, a clock and an id source (both injectable for tests).
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ReviewRepository } from './repositories/reviews';
import { SettingsRepository } from './repositories/settings';
import { TemplateRepository } from './repositories/templates';
import { VendorRepository } from './repositories/vendors';

export interface Context {
  db: Database;
  dbPath: string;
  vendors: VendorRepository;
  templates: TemplateRepository;
  reviews: ReviewRepository;
  settings: SettingsRepository;
  now: () => Date;
  newId: () => string;
}

export interface ContextOptions {
  now?: () => Date;
  newId?: () => string;
}

export function createContext(db: Database, dbPath: string, options: ContextOptions = {}): Context {
  return {
    db,
    dbPath,
    vendors: new VendorRepository(db),
    templates: new TemplateRepository(db),
    reviews: new ReviewRepository(db),
    settings: new SettingsRepository(db),
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
  };
}
