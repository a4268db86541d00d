// Types for cli-bundle-stamp.mjs (a plain script: bin/vetted.js loads it before anything is built).
export declare const BUNDLE_DIR: string;
export declare const BUNDLE_FILE: string;
export declare const STAMP_FILE: string;
export interface BundleStamp {
  version: string;
  builtAt: string;
  files: Record<string, [mtimeMs: number, size: number]>;
  /** The chunks the entry loads on demand, file names in BUNDLE_DIR. */
  chunks?: string[];
}
export declare function writeStamp(root: string, inputs: Iterable<string>, build: { version: string; builtAt: string; startedMs: number; chunks?: Iterable<string> }): BundleStamp;
export declare function readStamp(root: string): BundleStamp | null;
export declare function bundleStaleness(root: string): string | null;
