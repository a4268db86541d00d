// Types for build-electron.mjs (a plain script, so that it runs without a build step).
export declare const OUT_DIR: string;
export declare function foreignRequires(code: string, allowed?: string[]): string[];
export declare function buildElectron(options?: { outDir?: string; quiet?: boolean }): Promise<{ main: string; preload: string }>;

export declare const MAIN_EXTERNALS: readonly string[];
