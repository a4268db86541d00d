// The only module that knows how calls travel: the Electron preload bridge (window.vetted) when
// present, otherwise the loopback HTTP bridge of `vetted serve`. Every other module imports `api`
// from here and gets Results, never exceptions.
import type { OperationName, VettedApi } from '../../../shared/api';
import { makeClient, type Transport } from '../../../shared/client';
import { DEADLINE_HEADER } from '../../../shared/deadline';
import { ERROR_CODES, type ApiError, type Result } from '../../../shared/result';
import { electronBridge, type VettedBridge } from './bridge';

export const UNAVAILABLE_MESSAGE = 'Cannot reach Vetted: the local server stopped or the connection was lost.';
const TIMEOUT_MS = 30_000;
/**
 * How long before TIMEOUT_MS the server must stop waiting for the register (X-Vetted-Deadline):
 * room for the write itself and its answer to arrive before this page gives up on it, so a write
 * shown here as failed is never one that committed. The server bounds even SQLite's own lock wait
 * by the deadline (electron/core/db/transactions.ts), so this needs no room for busy_timeout.
 */
const DEADLINE_MARGIN_MS = 5_000;

const failure = (code: ApiError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

/** A value shaped like a Result, with a known error code and a message to show. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as { code?: unknown; message?: unknown };
  return typeof e.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(e.code);
}

function unexpectedAnswer(status: number): Result<never> {
  if (status === 401 || status === 403) {
    return failure(
      'unauthorized',
      'Vetted refused the request: this page is not signed in (Vetted was restarted?). Open the address Vetted printed when it started.',
    );
  }
  if (status === 413) return failure('validation', 'The request is too large for Vetted to accept.');
  return failure('internal', `Vetted answered with something unexpected (HTTP ${status}). Reload the page and try again.`);
}

/**
 * Operations whose requests must outlive the page: the last answers are sent from beforeunload
 * and pagehide, and a normal fetch is cancelled when the page goes away.
 */
const KEEPALIVE_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>(['answer.save']);
/**
 * Browsers refuse keepalive requests once the bodies of those in flight pass 64 KiB (per page), so
 * keepalive is used only while the total stays below this; larger bodies go as a normal fetch.
 */
const KEEPALIVE_BUDGET = 60 * 1024;
let keepaliveBytes = 0;

const httpTransport: Transport = async (operation: OperationName, input: unknown) => {
  const body = JSON.stringify(input ?? {});
  const size = KEEPALIVE_OPERATIONS.has(operation) ? new TextEncoder().encode(body).byteLength : Infinity;
  const keepalive = keepaliveBytes + size <= KEEPALIVE_BUDGET;
  if (!keepalive) return post(operation, body, false);
  keepaliveBytes += size;
  try {
    return await post(operation, body, true);
  } finally {
    // The browser counts a keepalive body until its request is over.
    keepaliveBytes -= size;
  }
};

async function post(operation: OperationName, body: string, keepalive: boolean): Promise<Result<unknown>> {
  let response: Response;
  try {
    const request: RequestInit = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      cache: 'no-store',
      // The HttpOnly session cookie (electron/serve/browser-session.ts) is the page's only credential.
      credentials: 'same-origin',
      keepalive,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    };
    response = await fetch(`/api/${encodeURIComponent(operation)}`, KEEPALIVE_OPERATIONS.has(operation) ? request : withDeadline(request));
  } catch {
    return failure('unavailable', UNAVAILABLE_MESSAGE);
  }
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    return unexpectedAnswer(response.status);
  }
  if (isResult(answer)) return answer;
  return unexpectedAnswer(response.status);
}

/**
 * The request as sent, stating when this page stops waiting for it (computed as it is sent), so the
 * server never commits a write the page already showed as failed (a Retry would make it twice).
 * Not for answer.save: saving an answer twice changes nothing, and its last call may be sent as
 * the page closes, when nobody is left to retry a refusal; late is better than lost.
 */
function withDeadline(init: RequestInit): RequestInit {
  const headers = new Headers(init.headers);
  headers.set(DEADLINE_HEADER, String(Date.now() + TIMEOUT_MS - DEADLINE_MARGIN_MS));
  return { ...init, headers };
}

// No deadline over IPC: nothing on this side times an IPC call out, so whatever answer comes, however
// late, is the one the page shows, and a write shown as failed is one that did not commit.
function ipcTransport(bridge: VettedBridge): Transport {
  return async (operation, input) => {
    const method = bridge[operation] as ((input: unknown) => Promise<unknown>) | undefined;
    if (typeof method !== 'function') {
      return failure('unknown_operation', `This version of Vetted does not offer "${operation}".`);
    }
    try {
      const result = await method(input ?? {});
      return isResult(result) ? result : failure('internal', 'Vetted answered with something unexpected. Restart the app.');
    } catch {
      return failure('unavailable', UNAVAILABLE_MESSAGE);
    }
  };
}

export type ConnectionListener = (problem: ApiError | null) => void;
const listeners = new Set<ConnectionListener>();

/**
 * Hears about the connection after every call: the transport-level error (unavailable,
 * unauthorized) when a call could not reach the API, null when one did.
 */
export function onConnectionChange(listener: ConnectionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function reporting(transport: Transport): Transport {
  return async (operation, input) => {
    const result = await transport(operation, input);
    const problem = !result.ok && (result.error.code === 'unavailable' || result.error.code === 'unauthorized') ? result.error : null;
    for (const listener of listeners) listener(problem);
    return result;
  };
}

const bridge = electronBridge();

/** True inside the Electron app (menus come from the main process). */
export const inElectron = bridge !== null;

export const api: VettedApi = makeClient(reporting(bridge ? ipcTransport(bridge) : httpTransport));

/** Menu commands from the Electron main process; a no-op in the browser. */
export function onMenuCommand(listener: Parameters<NonNullable<VettedBridge['onMenuCommand']>>[0]): () => void {
  return bridge?.onMenuCommand?.(listener) ?? (() => undefined);
}
