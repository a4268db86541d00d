// A provider's incident record: what its status page published (or your team lived through and
// the status page never showed), with every public update, so incident transparency is measured
// from the record rather than taken from the provider's own answers.
import { z } from 'zod';
import { IsoInstant } from './maintenance';

/** Statuspage's impact levels, which most status products share. */
export const INCIDENT_IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number];

/**
 * Where an incident came from: typed in, a Statuspage v2 JSON file (incidents.json, summary.json;
 * incident.io and Rootly serve the same shape), a status page's Atom/RSS history feed, Instatus.
 */
export const INCIDENT_SOURCES = ['entered', 'statuspage', 'feed', 'instatus'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** Limits on free text: the provider's own update texts can be long, a register should not be. */
export const MAX_INCIDENT_TITLE = 300;
export const MAX_UPDATE_TEXT = 10_000;
export const MAX_UPDATES = 500;
export const MAX_COMPONENTS = 100;
export const MAX_POSTMORTEM_TEXT = 50_000;

/** One public update as posted: its time, the status it set ("investigating", "resolved", …), its text. */
export interface IncidentUpdate {
  at: string;
  status: string;
  text: string;
}

export interface Postmortem {
  /** When it was published; null when the source does not say. */
  publishedAt: string | null;
  link: string | null;
  text: string;
}

export interface Incident {
  id: string;
  vendorId: string;
  title: string;
  impact: IncidentImpact;
  /** The provider's component names it affected ("API", "eu-west-1 database"). */
  components: string[];
  startedAt: string;
  /** The first public update; null: none was posted (or, typed in, none is known). */
  firstUpdateAt: string | null;
  /** Null while still open. */
  resolvedAt: string | null;
  /** Oldest first. */
  updates: IncidentUpdate[];
  postmortem: Postmortem | null;
  source: IncidentSource;
  /**
   * False for an incident your team lived through that the provider's status page never showed:
   * the most telling entry of all. Imported incidents are on the status page by definition.
   */
  onStatusPage: boolean;
  /** The provider's id for it (Statuspage id, feed entry id): a later import updates the same row. */
  sourceUid: string | null;
  /** The source's updated_at as epoch seconds: an import never applies an older version. */
  sequence: number | null;
  /** A link to the incident on the provider's page. */
  link: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

const Link = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => /^https?:\/\/\S+$/i.test(s), 'must be an http(s) link');

export const IncidentUpdateInput = z
  .object({
    at: IsoInstant,
    status: z.string().trim().max(60),
    text: z.string().trim().max(MAX_UPDATE_TEXT),
  })
  .strict();

export const PostmortemInput = z
  .object({
    publishedAt: IsoInstant.nullable(),
    link: Link.nullable(),
    text: z.string().trim().max(MAX_POSTMORTEM_TEXT),
  })
  .strict()
  .refine((p) => p.link !== null || p.text !== '', { message: 'give the postmortem a link or its text', path: ['link'] });

const editable = {
  title: z.string().trim().min(1, 'give the incident a title').max(MAX_INCIDENT_TITLE),
  impact: z.enum(INCIDENT_IMPACTS),
  components: z.array(z.string().trim().min(1).max(200)).max(MAX_COMPONENTS),
  startedAt: IsoInstant,
  firstUpdateAt: IsoInstant.nullable(),
  resolvedAt: IsoInstant.nullable(),
  updates: z.array(IncidentUpdateInput).max(MAX_UPDATES),
  postmortem: PostmortemInput.nullable(),
  onStatusPage: z.boolean(),
  link: Link.nullable(),
  notes: z.string().trim().max(5000),
};

/** Times that must follow the start: named by field, so the form shows the message beside it. */
function checkOrder(i: { startedAt?: string; firstUpdateAt?: string | null; resolvedAt?: string | null }, ctx: z.RefinementCtx): void {
  if (i.startedAt === undefined) return;
  const start = Date.parse(i.startedAt);
  if (i.firstUpdateAt && Date.parse(i.firstUpdateAt) < start) ctx.addIssue({ code: 'custom', path: ['firstUpdateAt'], message: 'must not be before the incident started' });
  if (i.resolvedAt && Date.parse(i.resolvedAt) < start) ctx.addIssue({ code: 'custom', path: ['resolvedAt'], message: 'must not be before the incident started' });
}

/** An incident typed in (source "entered"). Impact is major unless said: the cautious reading. */
export const IncidentInput = z
  .object({
    vendorId: z.string().min(1).max(100),
    title: editable.title,
    impact: editable.impact.optional(),
    components: editable.components.optional(),
    startedAt: editable.startedAt,
    firstUpdateAt: editable.firstUpdateAt.optional(),
    resolvedAt: editable.resolvedAt.optional(),
    updates: editable.updates.optional(),
    postmortem: editable.postmortem.optional(),
    /** False: it never appeared on the provider's status page. True unless said. */
    onStatusPage: editable.onStatusPage.optional(),
    link: editable.link.optional(),
    notes: editable.notes.optional(),
  })
  .strict()
  .superRefine(checkOrder);
export type IncidentInput = z.input<typeof IncidentInput>;

/** Any field of an incident; the service checks the order of the times against the stored ones. */
export const IncidentPatch = z.object(editable).partial().strict();
export type IncidentPatch = z.input<typeof IncidentPatch>;

/** Per provider: which of its status page components you use (availability is estimated for those). */
export interface StatusSettings {
  vendorId: string;
  /** Component names as the status page spells them; empty: every incident counts. */
  componentsUsed: string[];
  /** The last successful "Refresh from status page", and the address it read. */
  refreshedAt: string | null;
  refreshedFrom: string | null;
}

export const StatusSettingsPatch = z
  .object({
    componentsUsed: z.array(z.string().trim().min(1).max(200)).max(MAX_COMPONENTS),
  })
  .strict();

/** Over a period: the measures docs/incidents.md defines, each with how many incidents it rests on. */
export interface TransparencyMeasures {
  /** Whole UTC days, from inclusive, to inclusive (the report's and CLI's --since … as-of). */
  period: { from: string; to: string };
  /** Incidents that started in the period. */
  total: number;
  /** Of those, incidents whose source gives no impact (history feeds): left out of byImpact and of everything the impact decides. */
  byImpact: Record<IncidentImpact, number>;
  impactUnknown: number;
  /** Still open at the end of the period. */
  open: number;
  /** Typed in as never shown on the provider's status page. */
  notOnStatusPage: number;
  /**
   * Minutes from start to the first public update, over incidents that had one. `withoutUpdate`:
   * no public update (none posted, or never on the status page); `notMeasured`: the source gives
   * no start apart from the first post (feeds, Instatus).
   */
  firstUpdate: { median: number | null; p90: number | null; measured: number; withoutUpdate: number; notMeasured: number };
  /** Median minutes from start to resolved, per impact, over resolved incidents. */
  timeToResolve: Record<IncidentImpact, { median: number | null; measured: number }>;
  /** Major and critical incidents resolved at least POSTMORTEM_GRACE_DAYS before the end of the period. */
  postmortems: { due: number; published: number; share: number | null; medianDaysToPublish: number | null };
  /** Public updates per hour an incident was open (open ones counted to the end of the period). */
  updatesPerIncidentHour: number | null;
  /** The longest stretch without a public update while an incident was open, and which incident. */
  longestSilence: { minutes: number; incidentId: string; title: string } | null;
  /**
   * Estimated availability of the components you use: major and critical incidents count as down
   * for their whole length (overlaps merged), minor and none as up. Null without any incident whose impact is known.
   */
  availability: { percent: number; worstMonth: { month: string; percent: number } | null; componentsUsed: string[] } | null;
}

/** The incident-transparency questions a record can test. */
export const INCIDENT_CLAIM_QUESTIONS = ['inc_first_update_minutes', 'inc_postmortems', 'inc_status_page', 'inc_sla_uptime_percent'] as const;
export type IncidentClaimQuestion = (typeof INCIDENT_CLAIM_QUESTIONS)[number];

/** One answer held against the record (the same shape as the maintenance claims). */
export interface IncidentClaimCheck {
  questionId: IncidentClaimQuestion;
  /** The answer as given (a number, or the option's id). */
  claimed: number | string;
  /** What the record shows, in the answer's terms (minutes, share, percent); null when nothing measures it. */
  observed: number | null;
  verdict: 'contradicted' | 'consistent' | 'untested';
  /** One sentence a report can print as it stands: "Answered under 15 minutes; measured median 42 minutes over 9 incidents." */
  words: string;
}

/** A postmortem is expected this many days after a major or critical incident is resolved. */
export const POSTMORTEM_GRACE_DAYS = 14;
/** Fewer incidents than this measure nothing: the claim is "untested", said so. */
export const MIN_INCIDENTS_FOR_VERDICT = 3;
