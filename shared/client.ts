// Builds the typed API object from any transport that can carry (operation, input) → Result.
import type { OperationName, VettedApi } from './api';
// The names from the zod-free list, not from the contract: a client (the renderer's first paint)
// must not build every input schema just to know the operations' names.
import { OPERATION_NAMES } from './operations';
import type { Result } from './result';

export type Transport = (operation: OperationName, input: unknown) => Promise<Result<unknown>>;

export function makeClient(transport: Transport): VettedApi {
  const client: Partial<Record<OperationName, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of OPERATION_NAMES) client[name] = (input: unknown) => transport(name, input ?? {});
  return client as unknown as VettedApi;
}
