// Types for build-cli.mjs (a plain script, so that it runs without a build step).
export declare const CLI_EXTERNALS: readonly string[];
export declare function buildCli(options?: { projectRoot?: string; force?: boolean; quiet?: boolean }): Promise<{ built: boolean; outfile?: string }>;
