import { createHash } from "node:crypto";

/**
 * The security headers (docs/decisions/012-security-headers.md). Pages get a Content-Security-Policy per
 * response from proxy.ts: scripts run only with that response's nonce (pages rendered per request) or
 * with the hash of an inline script the build wrote into a prerendered page. Everything else (API
 * routes, static files) gets the fixed headers below from next.config.ts, with a policy that allows
 * nothing, since none of it is meant to be a document.
 */

export type PagePolicyOptions = {
  /** Fresh for every response; Next.js puts it on the scripts it renders. */
  nonce: string;
  /** `'sha256-…'` sources of inline scripts that carry no nonce: prerendered pages', the theme script. */
  scriptHashes: readonly string[];
  /** Signing in with GitHub posts a form that redirects there; browsers check form-action on redirects. */
  githubSignIn: boolean;
  /** `next dev` evaluates code for its error overlay and injects styles with <style> elements. */
  development: boolean;
};

export function pagePolicy({ nonce, scriptHashes, githubSignIn, development }: PagePolicyOptions): string {
  const scripts = ["'self'", `'nonce-${nonce}'`, ...scriptHashes, ...(development ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // Stylesheets come from our own files. Style *attributes* are allowed: KaTeX's MathML carries a few
    // (\boldsymbol, \fbox, colours) and the statistics bars set their width; sanitizing removes any an
    // author writes. <style> elements stay blocked, except under `next dev`, which injects them.
    `style-src 'self'${development ? " 'unsafe-inline'" : ""}`,
    "style-src-attr 'unsafe-inline'",
    // No image from elsewhere: an authored ![](https://…) would tell its author who read the question.
    "img-src 'self' data:",
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
  "accelerometer", "autoplay", "bluetooth", "camera", "display-capture", "encrypted-media", "geolocation", "gyroscope",
  "hid", "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get", "screen-wake-lock", "serial",
  "usb", "xr-spatial-tracking",
].map((feature) => `${feature}=()`).join(", ");

/** Two years, the preload list's minimum; sent only over HTTPS (browsers ignore it over HTTP anyway). */
export const HSTS = "max-age=63072000; includeSubDomains";

/** Headers every response carries; page responses get their own Content-Security-Policy from proxy.ts. */
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

/** The text of every inline `<script>` (one without a src) in a page, in order. A linear scan, no regex. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  let cursor = 0;
  for (;;) {
    const open = html.indexOf("<script", cursor);
    if (open < 0) return scripts;
    const tagEnd = html.indexOf(">", open);
    const close = tagEnd < 0 ? -1 : html.indexOf("</script>", tagEnd);
    if (close < 0) return scripts;
    const attributes = html.slice(open + "<script".length, tagEnd);
    if (!/\ssrc=/.test(attributes)) scripts.push(html.slice(tagEnd + 1, close));
    cursor = close + "</script>".length;
  }
}
