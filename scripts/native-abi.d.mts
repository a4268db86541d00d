// Types for native-abi.mjs (a plain script, so that it runs without a build step).
export declare const NODE_ABIS: Readonly<Record<number, string>>;
export declare function moduleAbisIn(bytes: Uint8Array): number[];
export declare function readModuleAbi(file: string): number | null;
export declare function describeAbi(abi: number | null | undefined): string;
export declare function checkElectronAbi(
  file: string,
  electronAbi: number | string,
): { ok: boolean; found: number | null; message: string };
