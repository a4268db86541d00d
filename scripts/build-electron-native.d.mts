// Types for build-electron-native.mjs (a plain script, so that it runs without a build step).
export declare const ELECTRON_HEADERS_URL: string;
export declare class NativeBuildError extends Error {}
export declare function electronTarget(projectRoot?: string): { version: string; abi: string };
export declare function electronBindingPath(abi: string | number, projectRoot?: string): string;
export declare function findNodeGyp(env?: Record<string, string | undefined>): string | null;
export declare function cleanBuildEnv(env?: Record<string, string | undefined>): Record<string, string | undefined>;
export declare function buildElectronNative(options?: {
  projectRoot?: string;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<{ file: string; built: boolean }>;
