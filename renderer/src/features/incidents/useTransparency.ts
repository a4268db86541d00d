// A provider's incident transparency over the default period (the last 12 months), read once and
// shared: the Incidents tab, the score panel and the four incident answers of the questionnaire
// show it, so the questionnaire must not ask the register once per card. Only the provider on
// screen is kept. An answer to one of the four questions, once saved, reads it again (the claims
// are the latest review's answers held against the record), and so does any change the tab makes.
import { useEffect, useSyncExternalStore } from 'react';
import type { Transparency } from '../../../../shared/api';
import { conditionRefs, questionsById } from '../../../../shared/domain/conditions';
import { INCIDENT_CLAIM_QUESTIONS } from '../../../../shared/domain/incidents';
import type { Template } from '../../../../shared/domain/template';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';
import { useVetted } from '../../store';
import type { Freshness } from '../maintenance/useVendorWindows';

interface Snapshot extends Freshness {
  vendorId: string;
  value: Transparency | null;
  error: ApiError | null;
}

let snapshot: Snapshot | null = null;
let latest = 0;
const listeners = new Set<() => void>();

function publish(next: Snapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  watchClaimAnswers();
  return () => listeners.delete(listener);
}

const read = () => snapshot;

async function reloadTransparency(vendorId: string, freshness: Freshness): Promise<void> {
  const request = ++latest;
  const kept = snapshot?.vendorId === vendorId ? snapshot.value : null;
  publish({ vendorId, ...freshness, value: kept, error: null });
  const result = await api['incident.transparency']({ vendorId });
  // A slower answer for an earlier request (or another provider) must not overwrite a newer one.
  if (request !== latest) return;
  publish(result.ok ? { vendorId, ...freshness, value: result.value, error: null } : { vendorId, ...freshness, value: kept, error: result.error });
}

/** Reads the provider's transparency again if it is the one held (after a change on the Incidents tab). */
export function refreshTransparency(vendorId: string): void {
  if (snapshot?.vendorId === vendorId) void reloadTransparency(vendorId, { opening: snapshot.opening, visit: snapshot.visit });
}

let watching = false;

const watchedByTemplate = new WeakMap<Template, ReadonlySet<string>>();

/** The incident claim questions and every question their showWhen reads, directly or through another. */
function claimQuestionsAndTheirConditions(template: Template | null): ReadonlySet<string> {
  if (!template) return new Set(INCIDENT_CLAIM_QUESTIONS);
  let watched = watchedByTemplate.get(template);
  if (!watched) {
    const byId = questionsById(template);
    const set = new Set<string>();
    const add = (id: string) => {
      if (set.has(id)) return;
      set.add(id);
      const condition = byId.get(id)?.showWhen;
      if (condition) for (const ref of conditionRefs(condition)) add(ref);
    };
    for (const id of INCIDENT_CLAIM_QUESTIONS) add(id);
    watchedByTemplate.set(template, (watched = set));
  }
  return watched;
}

/**
 * Once: when an answer to an incident question is saved for the provider held, its claims are
 * checked again. Saves are watched in the store, not in each card, so one save reads once.
 */
function watchClaimAnswers(): void {
  if (watching) return;
  watching = true;
  useVetted.subscribe((state, previous) => {
    if (state.saves === previous.saves || snapshot === null || state.vendorId !== snapshot.vendorId) return;
    // A claim question, or one its showing depends on ("No SLA" hides the uptime claim, which then claims nothing).
    const watched = claimQuestionsAndTheirConditions(state.template);
    const saved = [...watched].some((q) => state.saves[q]?.status === 'saved' && previous.saves[q]?.status !== 'saved');
    if (saved) refreshTransparency(snapshot.vendorId);
  });
}

const stale = (vendorId: string, { opening, visit }: Freshness) =>
  snapshot === null || snapshot.vendorId !== vendorId || snapshot.opening !== opening || (visit !== undefined && snapshot.visit !== visit);

export interface VendorTransparency {
  transparency: Transparency | null;
  /** True while nothing of this provider has arrived yet. */
  loading: boolean;
  error: ApiError | null;
  reload(): Promise<void>;
}

/**
 * The provider's transparency over the last 12 months, read when what is held is stale for
 * `opening` and `visit` (see Freshness). `enabled` false reads nothing (a questionnaire where
 * none of the incident questions is answered has nothing to show).
 */
export function useTransparency(vendorId: string, opening: unknown, visit?: unknown, enabled = true): VendorTransparency {
  const current = useSyncExternalStore(subscribe, read);
  useEffect(() => {
    if (enabled && stale(vendorId, { opening, visit })) void reloadTransparency(vendorId, { opening, visit });
  }, [vendorId, opening, visit, enabled]);
  const mine = current?.vendorId === vendorId ? current : null;
  return {
    transparency: mine?.value ?? null,
    loading: mine === null || (mine.value === null && mine.error === null),
    error: mine?.error ?? null,
    reload: () => reloadTransparency(vendorId, { opening, visit }),
  };
}
