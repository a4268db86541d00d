// Which build of the CLI is running: the bundle (scripts/build-cli.mjs replaces __VETTED_BUNDLE__
// with its version and build time) or the TypeScript sources through tsx (the name is then never
// defined). `vetted --version` says which, so a user, and the tests, can tell.
declare const __VETTED_BUNDLE__: { version: string; builtAt: string } | undefined;

export function bundleInfo(): { version: string; builtAt: string } | null {
  return typeof __VETTED_BUNDLE__ === 'undefined' ? null : __VETTED_BUNDLE__;
}

/** One line: `vetted 0.1.0 (bundle built …)` or `vetted (from sources, through tsx)`. */
export function versionLine(): string {
  const bundle = bundleInfo();
  return bundle ? `vetted ${bundle.version} (bundle built ${bundle.builtAt})\n` : 'vetted (from sources, through tsx)\n';
}
