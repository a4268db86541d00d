// Progress kept in the browser tab while the provider works (sessionStorage, one key per request):
// it survives a reload and goes when the tab is closed. Not localStorage: every file:// page shares
// one storage origin there, so any HTML file opened later on that computer could read the answers.
// Storage may be missing or refused (a file:// page in some browsers, private modes, full quota):
// then the page says once that progress is not kept, and "Save answers" is the way to keep it.
import type { Draft } from './drafts';

export interface Progress {
  respondent: string;
  drafts: Record<string, Draft>;
}

const keyOf = (requestId: string) => `vetted.questionnaire.${requestId}`;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The progress kept for this request; null when there is none, 'unavailable' when storage is refused. */
export function loadProgress(requestId: string): Progress | null | 'unavailable' {
  const store = storage();
  if (!store) return 'unavailable';
  try {
    const text = store.getItem(keyOf(requestId));
    if (text === null) return null;
    const parsed = JSON.parse(text) as Partial<Progress> | null;
    if (!parsed || typeof parsed !== 'object' || typeof parsed.drafts !== 'object' || parsed.drafts === null) return null;
    return { respondent: typeof parsed.respondent === 'string' ? parsed.respondent : '', drafts: sanitizeDrafts(parsed.drafts) };
  } catch {
    return 'unavailable';
  }
}

/** Keeps the progress; false when the browser refuses. */
export function saveProgress(requestId: string, progress: Progress): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(keyOf(requestId), JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/** Only the fields a draft has, of the types it has (the stored text may be from an older page). */
function sanitizeDrafts(raw: object): Record<string, Draft> {
  const drafts: Record<string, Draft> = {};
  for (const [id, d] of Object.entries(raw as Record<string, Partial<Draft> | null>)) {
    if (!d || typeof d !== 'object') continue;
    const value = d.value;
    const valueOk = value === null || typeof value === 'string' || typeof value === 'number' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    drafts[id] = {
      value: valueOk ? (value ?? null) : null,
      na: d.na === true,
      comment: typeof d.comment === 'string' ? d.comment : '',
      prefilled: d.prefilled === true,
    };
  }
  return drafts;
}
