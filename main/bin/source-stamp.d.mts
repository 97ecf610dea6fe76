// Types for source-stamp.mjs (plain JavaScript, so the launcher can use it before tsx).
export declare const SOURCE_FOLDERS: readonly string[];
export declare const SOURCE_FILES: readonly string[];
export declare const COMPILED_FOLDERS: readonly string[];
export declare const COMPILED_CLI: string;
export declare const STAMP_FILE: string;

export type CliChoice =
  { readonly compiled: true; readonly entry: string } | { readonly compiled: false; readonly reason: string };

export declare function sourceDigest(root: string): string;
export declare function writeStamp(root: string, digest: string): void;
export declare function removeStamp(root: string): void;
export declare function chooseCli(root: string): CliChoice;
