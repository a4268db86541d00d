// PLACEHOLDER: a provider's maintenance windows (add, edit, import) on its page.
import type { Vendor } from '../../../../shared/domain/vendor';

export function MaintenanceTab({ vendor }: { vendor: Vendor }) {
  return <section aria-label={`Maintenance windows of ${vendor.name}`} />;
}
