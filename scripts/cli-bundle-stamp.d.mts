// Types for cli-bundle-stamp.mjs (a plain script: bin/vetted.js loads it before anything is built).
export declare const BUNDLE_FILE: string;
export declare const STAMP_FILE: string;
export interface BundleStamp {
  version: string;
  builtAt: string;
  files: Record<string, [mtimeMs: number, size: number]>;
}
export declare function writeStamp(root: string, inputs: Iterable<string>, build: { version: string; builtAt: string; startedMs: number }): BundleStamp;
export declare function bundleStaleness(root: string): string | null;
