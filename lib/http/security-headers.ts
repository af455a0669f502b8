import { createHash } from "node:crypto";

/**
 * The security headers (docs/decisions/012-security-headers.md). Pages rendered per request get a
 * Content-Security-Policy with a fresh nonce from proxy.ts; prerendered pages, which carry no nonce and
 * must not pay for the proxy, get a fixed one from next.config.ts; everything else (API routes, files)
 * gets a policy that allows nothing, since none of it is meant to be a document.
 */

/**
 * The pages Next.js prerenders, in next.config.ts's path syntax. They show only content from this
 * repository. proxy.ts's matcher leaves out the same paths (it must be a literal there); a browser test
 * compares both with the build's prerender manifest.
 */
export const PRERENDERED_PAGES = ["/", "/about", "/mock", "/author/item-writing", "/glossary/:slug"] as const;

export type PageScripts =
  /** Rendered per request: Next.js puts the nonce on its scripts; other inline scripts need a listed hash. */
  | { nonce: string; hashes: readonly string[] }
  /** Prerendered: the build's inline scripts run, inline event handlers never do. */
  | "prerendered";

export type PagePolicyOptions = {
  /** Signing in with GitHub posts a form that redirects there; browsers check form-action on redirects. */
  githubSignIn: boolean;
  /** `next dev` evaluates code for its error overlay and injects styles with <style> elements. */
  development: boolean;
};

export function pagePolicy(scripts: PageScripts, { githubSignIn, development }: PagePolicyOptions): string {
  const sources = scripts === "prerendered" ? ["'unsafe-inline'"] : [`'nonce-${scripts.nonce}'`, ...scripts.hashes];
  return [
    "default-src 'self'",
    `script-src 'self' ${[...sources, ...(development ? ["'unsafe-eval'"] : [])].join(" ")}`,
    // Without a nonce, 'unsafe-inline' above admits <script> elements; attributes such as onerror= stay
    // blocked, also for authored HTML that client-side navigation brings into a prerendered page.
    ...(scripts === "prerendered" ? ["script-src-attr 'none'"] : []),
    // Stylesheets come from our own files. Style *attributes* are allowed: KaTeX's MathML carries a few
    // (\pmb, \fcolorbox, error colours) and the statistics bars set their width; sanitizing removes any an
    // author writes. <style> elements stay blocked, except under `next dev`, which injects them.
    `style-src 'self'${development ? " 'unsafe-inline'" : ""}`,
    "style-src-attr 'unsafe-inline'",
    // No image from elsewhere: an authored ![](https://…) would tell its author who read the question.
    // No data: either: nothing here uses it (the sanitizer drops data: sources), and a ':' in this value
    // costs every term page a path-template compile (next.config.ts).
    "img-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action 'self'${githubSignIn ? " https://github.com" : ""}`,
  ].join("; ");
}

/** For responses that are not pages: nothing may load, frame or submit from them. */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Browser features this site never uses, turned off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "encrypted-media",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** Two years, the preload list's minimum; sent only over HTTPS (browsers ignore it over HTTP anyway). */
export const HSTS = "max-age=63072000; includeSubDomains";

/** Headers every response carries; pages replace the Content-Security-Policy with their own. */
export const COMMON_HEADERS: readonly { key: string; value: string }[] = [
  { key: "content-security-policy", value: NON_PAGE_POLICY },
  { key: "x-content-type-options", value: "nosniff" },
  { key: "referrer-policy", value: "strict-origin-when-cross-origin" },
  { key: "permissions-policy", value: PERMISSIONS_POLICY },
];

/** The CSP source that admits exactly this inline script. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash("sha256").update(source).digest("base64")}'`;
}
