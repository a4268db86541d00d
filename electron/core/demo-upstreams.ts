// Demo fourth parties: what the demo providers themselves run on, so the Concentration page, the
// blast radius and Needs attention have something true to the demo to show. Three of the four
// critical-path providers run in AWS eu-central-1 (above the default threshold of half the critical
// path); Tidewater also records eu-west-1 and PagerPigeon runs on Google Cloud, so a loss of
// Frankfurt has survivors and casualties.
import type { UpstreamKind, UpstreamRegion } from '../../shared/domain/upstream';
import type { Vendor } from '../../shared/domain/vendor';
import type { Context } from './context';
import { addUpstream } from './services/upstreams';

interface DemoUpstream {
  party: string;
  kind: UpstreamKind;
  regions?: UpstreamRegion[];
  purpose?: string;
  location?: string;
}

const region = (code: string, uses = ''): UpstreamRegion => ({ code, uses });

const DEMO_UPSTREAMS: Readonly<Record<string, readonly DemoUpstream[]>> = {
  'Tidewater Postgres': [
    { party: 'Amazon Web Services', kind: 'hosting', regions: [region('eu-central-1', 'Primary databases'), region('eu-west-1', 'Standby replicas')], purpose: 'Database hosting', location: 'Germany, Ireland' },
    { party: 'Amazon Route 53', kind: 'dns', purpose: 'DNS for connection endpoints' },
  ],
  'Burrow MQ': [
    { party: 'Amazon Web Services', kind: 'hosting', regions: [region('eu-central-1', 'All our queues')], purpose: 'Broker hosting', location: 'Germany' },
    { party: 'Amazon SES', kind: 'email', purpose: 'Alert e-mails' },
  ],
  'Keystone Config': [
    { party: 'Amazon Web Services', kind: 'hosting', regions: [region('eu-central-1', 'Configuration store')], purpose: 'Hosting', location: 'Germany' },
    { party: 'Cloudflare', kind: 'cdn', purpose: 'Edge delivery of configuration' },
  ],
  PagerPigeon: [
    { party: 'Google Cloud', kind: 'hosting', regions: [region('europe-west3', 'Paging'), region('us-central1', 'Paging (failover)')], purpose: 'Hosting', location: 'Germany, United States' },
    { party: 'SendGrid', kind: 'email', purpose: 'Notification e-mails' },
  ],
  'Logjam Cloud': [
    { party: 'Amazon Web Services', kind: 'hosting', regions: [region('eu-central-1', 'Log ingest and storage'), region('eu-west-1', 'Replicated archive')], purpose: 'Hosting', location: 'Germany, Ireland' },
    { party: 'Fastly', kind: 'cdn', purpose: 'Ingest endpoints' },
  ],
  StatusHarbor: [
    { party: 'Hetzner', kind: 'hosting', regions: [region('fsn1')], purpose: 'Hosting', location: 'Germany' },
    { party: 'Cloudflare', kind: 'cdn', purpose: 'Status page delivery' },
  ],
  Gaugeworks: [{ party: 'Google Cloud', kind: 'hosting', regions: [region('europe-west3', 'Metrics storage')], purpose: 'Hosting', location: 'Germany' }],
};

export async function addDemoUpstreams(ctx: Context, byName: ReadonlyMap<string, Vendor>): Promise<void> {
  for (const [name, upstreams] of Object.entries(DEMO_UPSTREAMS)) {
    const vendor = byName.get(name);
    if (!vendor) continue;
    for (const u of upstreams) {
      await addUpstream(ctx, { vendorId: vendor.id, party: u.party, catalogueId: null, kind: u.kind, regions: u.regions ?? [], purpose: u.purpose ?? '', location: u.location ?? '', source: 'entered', note: '' });
    }
  }
}
