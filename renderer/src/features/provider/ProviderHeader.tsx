import type { Ref } from 'react';
import type { Vendor } from '../../../../shared/domain/vendor';
import { hrefs, type ProviderTab } from '../../app/router';
import { BackLink } from '../../components/BackLink';
import { CATEGORY_LABELS, STATUS_LABELS } from '../../lib/labels';

interface Props {
  vendor: Vendor;
  tab: ProviderTab;
  headingRef: Ref<HTMLHeadingElement>;
}

export function ProviderHeader({ vendor, tab, headingRef }: Props) {
  return (
    <div className="provider-header">
      <BackLink />
      <div className="provider-title-row">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {vendor.name}
          </h1>
          <p className="provider-meta muted">
            <span>{CATEGORY_LABELS[vendor.category]}</span>
            {vendor.service && <span>{vendor.service}</span>}
            <span>{STATUS_LABELS[vendor.status]}</span>
            {vendor.criticalPath && (
              <span>
                <span className="critical-flag">Critical path</span>
              </span>
            )}
          </p>
        </div>
      </div>
      <nav className="tabs" aria-label="Provider views">
        <a className="tab" href={hrefs.provider(vendor.id)} aria-current={tab === 'questionnaire' ? 'page' : undefined}>
          Questionnaire
        </a>
        <a className="tab" href={hrefs.profile(vendor.id)} aria-current={tab === 'profile' ? 'page' : undefined}>
          Profile
        </a>
      </nav>
    </div>
  );
}
