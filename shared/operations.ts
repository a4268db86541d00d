// The operation names alone, without their schemas: what the preload bridge needs (it must stay
// small and cannot load zod). shared/api.ts checks at compile time that this list matches the contract.
export const OPERATION_NAMES = [
  'app.info',
  'vendor.list',
  'vendor.get',
  'vendor.create',
  'vendor.update',
  'vendor.delete',
  'template.list',
  'template.get',
  'template.import',
  'template.export',
  'review.start',
  'review.templateFor',
  'review.current',
  'review.migrate',
  'answer.save',
  'review.transition',
  'review.history',
  'review.setDue',
  'finding.list',
  'finding.create',
  'finding.fromAnswer',
  'finding.update',
  'finding.delete',
  'acceptance.list',
  'acceptance.create',
  'acceptance.revoke',
  'evidence.list',
  'evidence.add',
  'evidence.update',
  'evidence.delete',
  'evidence.file',
  'reassessment.list',
  'attention.get',
  'audit.list',
  'audit.export',
  'score.get',
  'settings.get',
  'settings.update',
  'report.vendor',
  'report.subprocessors',
  'compare.get',
  'compare.export',
  'window.list',
  'window.add',
  'window.update',
  'window.delete',
  'window.import',
  'blackout.list',
  'blackout.add',
  'blackout.update',
  'blackout.delete',
  'maintenance.warnings',
  'maintenance.calendar',
  'security.status',
  'demo.load',
  'register.export',
  'register.import',
  'register.exportCsv',
] as const;

export type OperationNameList = (typeof OPERATION_NAMES)[number];

/** The IPC channel every call travels on (one channel; the operation name is an argument). */
export const IPC_CHANNEL = 'vetted:call';
/** Main → renderer: menu commands such as "new-vendor". */
export const MENU_CHANNEL = 'vetted:menu';

export const MENU_COMMANDS = ['new-vendor', 'find', 'export', 'preferences'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
