// A real register for the concentration service tests: four critical-path providers, three of
// them on AWS us-east-1 — Acme DB (multi-region failover, decided; also eu-west-1), Logjam (one
// region, several zones, decided) and Queueo (multi-region stated in a review not yet decided) —
// and Mailer, which records no fourth party. Built on 2026-11-02..05; Mailer's Fastly is recorded
// on 2026-12-01, after the report date the tests use (2026-11-15).
import { unwrap } from './vetted';
import { answerAll, step, timedRegister } from './as-of';

export async function concentrationRegister() {
  const r = await timedRegister('2026-11-02');
  const { api } = r;
  const make = async (name: string, regionsAnswer: string, regions: string[], decide: boolean) => {
    const vendor = unwrap(await api['vendor.create']({ name, category: 'database', criticalPath: true, dataCategories: ['personal-data'], dataLocations: ['Germany'] }));
    const review = unwrap(await api['review.start']({ vendorId: vendor.id }));
    await answerAll(api, review.review.id);
    unwrap(await api['answer.save']({ reviewId: review.review.id, questionId: 'ten_regions', value: regionsAnswer }));
    unwrap(await api['answer.save']({ reviewId: review.review.id, questionId: 'ext_critical_path', value: 'no' }));
    if (decide) {
      await step(api, vendor.id, 'in_review', 'Ana Auditor');
      await step(api, vendor.id, 'approved', 'Ben Boardman', { activateProvider: true });
    }
    unwrap(await api['upstream.add']({ vendorId: vendor.id, party: 'Amazon Web Services', catalogueId: 'aws', kind: 'hosting', regions: regions.map((code) => ({ code })) }));
    return vendor;
  };
  const acme = await make('Acme DB', 'multi_region', ['us-east-1', 'eu-west-1'], true);
  r.on('2026-11-03');
  const logjam = await make('Logjam', 'multi_zone', ['us-east-1'], true);
  r.on('2026-11-04');
  const queueo = await make('Queueo', 'multi_region', ['us-east-1'], false);
  r.on('2026-11-05');
  const mailer = unwrap(await api['vendor.create']({ name: 'Mailer', category: 'other', criticalPath: true }));
  r.on('2026-12-01');
  unwrap(await api['upstream.add']({ vendorId: mailer.id, party: 'Fastly', kind: 'cdn' }));
  r.on('2026-12-05');
  return { ...r, acme, logjam, queueo, mailer };
}
