// `vetted serve` for benchmarks: started as a user starts it (a child process running the CLI), with
// the moment of the spawn kept so a cold start can be timed from it. The caller stops it.
import { spawnServe, type ServeProcess } from '../test/helpers/serve-process';

export interface BenchServer extends ServeProcess {
  /** Date.now() just before the spawn (comparable with the page's performance.timeOrigin). */
  spawnedAtMs: number;
  /** Milliseconds from the spawn to the "Vetted is running at" line. */
  listeningAfterMs: number;
}

export async function startServeForBench(dbPath: string): Promise<BenchServer> {
  const spawnedAtMs = Date.now();
  const served = await spawnServe(['--db', dbPath, '--port', '0']);
  return { ...served, spawnedAtMs, listeningAfterMs: Date.now() - spawnedAtMs };
}

/** Calls the API over HTTP as the page does (the e2e harness's call). */
export { callApi as callServe } from '../test/e2e/harness';
