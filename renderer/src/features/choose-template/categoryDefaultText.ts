import type { Settings } from '../../../../shared/domain/settings';
import type { VendorCategory } from '../../../../shared/domain/vendor';
import { CATEGORY_LABELS } from '../../lib/labels';

/** Where a preselected questionnaire comes from, in words: the category's default in Settings, or the built-in one. */
export function categoryDefaultText(settings: Pick<Settings, 'defaultTemplates'> | null, category: VendorCategory): string {
  const label = CATEGORY_LABELS[category];
  return settings?.defaultTemplates[category] !== undefined
    ? `The default for ${label} in Settings.`
    : `The built-in questionnaire: Settings names none for ${label}.`;
}
