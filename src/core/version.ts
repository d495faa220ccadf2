/**
 * The product version, from package.json. esbuild.mjs defines BILT_VERSION in every bundle, so the
 * branch that reads package.json is dropped and no bundle carries the manifest (the extension reads it
 * from VS Code when it needs more); run from source (tests through tsx) the file is read.
 */
declare const BILT_VERSION: string | undefined;

export const VERSION: string =
  typeof BILT_VERSION === 'string'
    ? BILT_VERSION
    : // eslint-disable-next-line @typescript-eslint/no-require-imports -- from source only; the bundles have BILT_VERSION
      (require('../../package.json') as { version: string }).version;
