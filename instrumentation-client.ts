/**
 * Runs in the browser before any other code of the app. The question editor and the deck form build and
 * parse zod schemas there; zod would first probe for `new Function` to compile its parsers, which the
 * Content-Security-Policy blocks and reports as a violation (docs/decisions/012-security-headers.md). It
 * falls back anyway: skip the probe. This writes the object `z.config()` writes (a unit test holds zod to
 * it) without importing zod, which would add 5 KB to every page. The server keeps compiled parsers.
 */
const zodConfig = ((globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig ??= {});
zodConfig.jitless = true;

export {};
