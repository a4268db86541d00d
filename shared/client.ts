// Builds the typed API object from any transport that can carry (operation, input) → Result.
import { OPERATION_NAMES, type OperationName, type VettedApi } from './api';
import type { Result } from './result';

export type Transport = (operation: OperationName, input: unknown) => Promise<Result<unknown>>;

export function makeClient(transport: Transport): VettedApi {
  const client: Partial<Record<OperationName, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of OPERATION_NAMES) client[name] = (input: unknown) => transport(name, input ?? {});
  return client as unknown as VettedApi;
}
