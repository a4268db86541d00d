// Types for pg-cluster.mjs (a plain script, so that `npm test` can run it without a build step).
export interface TestCluster {
  /** The admin (superuser) URL, loopback only. */
  url: string;
  port: number;
  admin: string;
  password: string;
  dataDir: string;
  stop(): Promise<void>;
  /** The test CA's certificate (a cluster started with tls), else null. */
  ca: string | null;
  /** A client certificate from the test CA whose CN is `name` (a cluster started with tls). */
  clientCert(name: string): { cert: string; key: string };
}
export declare function findPgBin(): string;
export declare function startCluster(options?: { unref?: boolean; tls?: boolean; hba?: string[] }): Promise<TestCluster>;
