// Demo register: fictional providers modelled on the brief, with completed reviews whose
// answers are drawn deterministically from a "how good is this provider" level. The money is in
// the profiles only (fees in EUR and USD, by the month or the year, as contracts run), and the
// day rate in Settings, so each profile can show its buy-vs-build line.
import { addDays, localIsoDate } from '../../shared/domain/dates';
import { tierRank } from '../../shared/domain/tier';
import type { AnswerValue } from '../../shared/domain/review';
import { isVisible, questionsById } from '../../shared/domain/conditions';
import type { Question, Template } from '../../shared/domain/template';
import type { Vendor, VendorInput } from '../../shared/domain/vendor';
import { locationsNeedingTransferMechanism } from '../../shared/domain/transfers';
import { processesPersonalData } from '../../shared/domain/vendor';
import { VendorInput as VendorInputSchema } from '../../shared/domain/vendor';
import { seededRandom } from '../../shared/random';
import { DEFAULT_TEMPLATE_ID } from '../../shared/templates/ids';
import { VettedError } from '../../shared/result';
import type { Context } from './context';
import { addDemoLifecycle, type DemoEntry } from './demo-lifecycle';
import { addDemoIncidents } from './demo-incidents';
import { addDemoMaintenance } from './demo-maintenance';
import { addDemoUpstreams } from './demo-upstreams';
import { saveAnswer, startReview } from './services/reviews';
import { createVendor } from './services/vendors';

interface DemoProvider {
  vendor: VendorInput;
  /** 0 (weak controls) .. 1 (strong controls). */
  quality: number;
  /** Share of questions answered; under the completion threshold leaves the review incomplete. */
  answered?: number;
  /** A question whose knock-out answer this provider gives (when the template has it). */
  knockout?: string;
}

const REVIEWER = 'Dana Whitfield';

/** What an engineer-day costs in the demo: set only where the register has no day rate yet. */
export const DEMO_DAY_RATE = { amount: 640, currency: 'EUR' } as const;

export const DEMO_PROVIDERS: readonly DemoProvider[] = [
  {
    quality: 0.9,
    vendor: {
      name: 'Tidewater Postgres', legalName: 'Tidewater Data Services GmbH', service: 'Hosted PostgreSQL for the customer database', category: 'database',
      website: 'https://tidewater.example', owner: 'Platform team', status: 'active', criticalPath: true,
      businessImpact: 'high', dataCategories: ['personal-data', 'customer-content'], dataLocations: ['Germany', 'Netherlands'],
      tenancy: 'dedicated-managed', monthlyCost: 1450, costPeriod: 'month', currency: 'EUR', buildEffortDays: 120,
      links: { statusPage: 'https://status.tidewater.example', trustPage: 'https://tidewater.example/trust', dpa: 'https://tidewater.example/dpa', subprocessors: 'https://tidewater.example/subprocessors', privacyPolicy: 'https://tidewater.example/privacy' },
    },
  },
  {
    quality: 0.5,
    vendor: {
      name: 'Burrow MQ', legalName: 'Burrow Messaging Ltd', service: 'Hosted RabbitMQ for order events', category: 'message-queue',
      website: 'https://burrowmq.example', owner: 'Orders team', status: 'active', criticalPath: true,
      businessImpact: 'high', dataCategories: ['personal-data'], dataLocations: ['Ireland'],
      tenancy: 'multi-tenant', monthlyCost: 380, costPeriod: 'month', currency: 'EUR', buildEffortDays: 45,
      links: { statusPage: 'https://status.burrowmq.example', dpa: 'https://burrowmq.example/legal/dpa' },
    },
  },
  {
    quality: 0.72,
    vendor: {
      name: 'Logjam Cloud', legalName: 'Logjam Cloud GmbH', service: 'Central log search and retention', category: 'logging',
      website: 'https://logjam.example', owner: 'SRE', status: 'active', criticalPath: false,
      businessImpact: 'medium', dataCategories: ['logs-telemetry', 'personal-data'], dataLocations: ['Germany (Frankfurt)'],
      tenancy: 'multi-tenant', monthlyCost: 7440, costPeriod: 'year', currency: 'EUR', buildEffortDays: 60,
      links: { statusPage: 'https://status.logjam.example', dpa: 'https://logjam.example/legal/dpa', subprocessors: 'https://logjam.example/subprocessors' },
    },
  },
  {
    quality: 0.95,
    vendor: {
      name: 'Gaugeworks', legalName: 'Gaugeworks B.V.', service: 'Metrics and dashboards', category: 'metrics',
      website: 'https://gaugeworks.example', owner: 'SRE', status: 'active', criticalPath: false,
      businessImpact: 'low', dataCategories: ['logs-telemetry'], dataLocations: ['Netherlands'],
      tenancy: 'multi-tenant', monthlyCost: 240, costPeriod: 'month', currency: 'EUR', buildEffortDays: 30,
      links: { statusPage: 'https://status.gaugeworks.example' },
    },
  },
  {
    quality: 0.7,
    knockout: 'acc_individual_accounts',
    vendor: {
      name: 'PagerPigeon', legalName: 'PagerPigeon, Inc.', service: 'On-call alerting and escalation', category: 'alerting',
      website: 'https://pagerpigeon.example', owner: 'SRE', status: 'active', criticalPath: true,
      businessImpact: 'high', dataCategories: ['personal-data'], dataLocations: ['United States'],
      tenancy: 'multi-tenant', monthlyCost: 2280, costPeriod: 'year', currency: 'USD', buildEffortDays: 40,
      links: { statusPage: 'https://status.pagerpigeon.example' },
    },
  },
  {
    quality: 0.8,
    vendor: {
      name: 'StatusHarbor', legalName: 'StatusHarbor Inc.', service: 'Public status page hosting', category: 'status-page',
      website: 'https://statusharbor.example', owner: 'Support', status: 'active', criticalPath: false,
      businessImpact: 'low', dataCategories: ['personal-data'], dataLocations: ['United States', 'Ireland'],
      tenancy: 'multi-tenant', monthlyCost: 79, costPeriod: 'month', currency: 'USD', buildEffortDays: 15,
    },
  },
  {
    quality: 0.2,
    vendor: {
      name: 'Keystone Config', legalName: 'Keystone Configuration LLC', service: 'Hosted configuration and feature-flag server', category: 'configuration',
      website: 'https://keystone-config.example', owner: 'Platform team', status: 'active', criticalPath: true,
      businessImpact: 'medium', dataCategories: ['credentials-secrets'], dataLocations: ['United States'],
      tenancy: 'multi-tenant', monthlyCost: 150, costPeriod: 'month', currency: 'USD', buildEffortDays: 25,
    },
  },
  {
    quality: 0.7,
    answered: 0.45,
    vendor: {
      name: 'Forgeline CI', legalName: 'Forgeline Systems AB', service: 'Hosted build servers', category: 'ci-build',
      website: 'https://forgeline.example', owner: 'Developer experience', status: 'proposed', criticalPath: false,
      businessImpact: 'medium', dataCategories: ['credentials-secrets', 'customer-content'], dataLocations: ['Sweden'],
      tenancy: 'dedicated', monthlyCost: 900, costPeriod: 'month', currency: 'EUR', buildEffortDays: 90,
    },
  },
];

/** A weaker choice from a best-first list: the worst more often than not. */
function worse<T>(bestFirst: readonly T[], random: () => number): T {
  if (bestFirst.length === 1) return bestFirst[0]!;
  if (random() < 0.6) return bestFirst[bestFirst.length - 1]!;
  return bestFirst[1 + Math.floor(random() * (bestFirst.length - 1))]!;
}

/** A date answer (the latest audit report seen…): some nine months before the demo is loaded. */
const DATE_ANSWER_DAYS_AGO = 265;

function pickValue(question: Question, quality: number, random: () => number, knockout: boolean, today: string): AnswerValue | undefined {
  const good = random() < quality;
  const options = [...(question.options ?? [])].filter((o) => o.score !== 'na');
  options.sort((a, b) => (b.score as number) - (a.score as number));
  switch (question.kind) {
    case 'yesno':
    case 'single': {
      // The provider's knock-out is its worst answer: the option with the highest knock-out tier.
      const ko = knockout ? [...options].filter((o) => o.knockout).sort((a, b) => tierRank(b.knockout!) - tierRank(a.knockout!))[0] : undefined;
      if (ko) return ko.id;
      const clean = options.filter((o) => !o.knockout);
      if (clean.length === 0) return undefined;
      return (good ? clean[0]! : worse(clean, random)).id;
    }
    case 'multi': {
      const clean = options.filter((o) => !o.knockout && (o.score as number) > 0);
      const chosen = clean.filter(() => random() < quality);
      return chosen.length > 0 ? chosen.map((o) => o.id) : clean.slice(-1).map((o) => o.id);
    }
    case 'number': {
      const bands = [...(question.bands ?? [])].filter((b) => !b.knockout).sort((a, b) => b.score - a.score);
      if (bands.length === 0) return Math.round(10 + random() * 90);
      const band = good ? bands[0]! : worse(bands, random);
      // Inside the band and inside what the template calls plausible (an uptime is at most 100 %);
      // a narrow band (99.9 to 99.95 %) keeps two decimals, so rounding never moves it to another band.
      const floor = question.plausible?.min ?? 0;
      const ceiling = question.plausible?.max ?? Infinity;
      const low = Math.max(floor, band.min ?? (band.max !== undefined ? band.max - 10 : 0));
      const high = Math.min(ceiling, band.max ?? low + 48);
      const value = low + (high - low) * 0.4;
      return high - low < 10 ? Math.round(value * 100) / 100 : Math.round(value);
    }
    case 'date':
      return addDays(today, -DATE_ANSWER_DAYS_AGO);
    case 'text':
    case 'longtext':
      return good ? 'Documented in their trust centre; checked during the review call.' : undefined;
  }
}

/**
 * Answers the profile already states, so the demo never contradicts itself: whether personal data
 * reaches the provider, that its locations are disclosed, and the transfer safeguard those
 * locations call for (standard contractual clauses for the ones outside the EEA and the UK).
 */
function profileFacts(vendor: Vendor): Record<string, AnswerValue> {
  const personal = processesPersonalData(vendor);
  const outside = locationsNeedingTransferMechanism(vendor.dataLocations).length > 0;
  return {
    prv_personal_data: personal ? 'users' : 'none',
    prv_data_location: 'disclosed',
    prv_transfer_mechanism: outside ? 'sccs' : 'not_needed',
  };
}

/**
 * The critical-path answer agrees with the profile (scoring checks the two against each other):
 * "when they are down, we are down" only for a provider on the critical path, and never for one that is not.
 */
function followsProfile(questionId: string, picked: AnswerValue | undefined, vendor: Vendor): AnswerValue | undefined {
  if (questionId !== 'ext_critical_path') return picked;
  if (vendor.criticalPath) return 'no';
  return picked === 'no' ? 'partial' : picked;
}

async function answerAll(ctx: Context, reviewId: string, template: Template, provider: DemoProvider, vendor: Vendor, seed: number): Promise<void> {
  const today = localIsoDate(ctx.now());
  const facts = profileFacts(vendor);
  const random = seededRandom(seed);
  const answers: Record<string, { value: AnswerValue; na: boolean }> = {};
  const byId = questionsById(template);

  for (const question of byId.values()) {
    if (!isVisible(question, byId, answers)) continue;
    if (random() > (provider.answered ?? 1)) continue;
    // Picked even where the profile decides, so the other answers stay as they always were.
    const picked = pickValue(question, provider.quality, random, question.id === provider.knockout, today);
    const value = Object.hasOwn(facts, question.id) ? facts[question.id]! : followsProfile(question.id, picked, vendor);
    if (value === undefined) continue;
    answers[question.id] = { value, na: false };
    await saveAnswer(ctx, { reviewId, questionId: question.id, value });
  }
}

/** Fills an empty register with the demo providers; refuses one that has providers. */
export async function loadDemo(ctx: Context): Promise<{ vendors: number }> {
  return await ctx.write(async (ctx) => {
    if (await ctx.vendors.count() > 0) {
      throw new VettedError('conflict', 'The register already has providers; the demo data only loads into an empty register.');
    }
    const entries = new Map<string, DemoEntry>();
    for (const [i, provider] of DEMO_PROVIDERS.entries()) {
      const vendor = await createVendor(ctx, VendorInputSchema.parse(provider.vendor));
      const { review, template } = await startReview(ctx, { vendorId: vendor.id, templateId: DEFAULT_TEMPLATE_ID, reviewer: REVIEWER });
      await answerAll(ctx, review.id, template, provider, vendor, 1000 + i);
      entries.set(vendor.name, { vendor, review, template });
    }
    await addDemoLifecycle(ctx, entries);
    const byName = new Map([...entries].map(([name, e]) => [name, e.vendor]));
    await addDemoMaintenance(ctx, byName);
    await addDemoIncidents(ctx, byName);
    await addDemoUpstreams(ctx, byName);
    if ((await ctx.settings.get()).dayRate === null) await ctx.settings.set({ dayRate: { ...DEMO_DAY_RATE } });
    return { vendors: DEMO_PROVIDERS.length };
  });
}
