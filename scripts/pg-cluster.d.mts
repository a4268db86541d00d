// Types for pg-cluster.mjs (a plain script, so that `npm test` can run it without a build step).
export interface TestCluster {
  /** The admin (superuser) URL, loopback only. */
  url: string;
  port: number;
  admin: string;
  password: string;
  dataDir: string;
  stop(): Promise<void>;
}
export declare function findPgBin(): string;
export declare function startCluster(options?: { unref?: boolean }): Promise<TestCluster>;
