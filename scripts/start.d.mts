// Types for start.mjs (a plain script, so that it runs without a build step).
export declare const NO_ELECTRON_LINE: string;
export declare function electronBinary(projectRoot?: string): string | null;
export declare function rendererIsStale(projectRoot?: string): boolean;
export declare function ensureRenderer(projectRoot?: string): void;
export declare function start(): Promise<number>;
