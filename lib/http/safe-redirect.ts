/**
 * Any origin works for resolving a path; this one is never served, so an absolute URL of any real host
 * (ours included) fails the same-origin check and only paths pass.
 */
const SITE = "https://mlprep.invalid";
const MAX_LENGTH = 2_000;
/** Percent-encoded C0 controls, DEL and backslash: harmless in a path, refused so no later decoding can revive them. */
const ENCODED_DANGER = /%(?:[01][0-9a-f]|7f|5c)/i;

/**
 * A same-site path to return to after sign-in; anything else becomes `fallback`. Browsers drop tabs and
 * line breaks from URLs and read `\` as `/`, so "/\t/evil.example" or "/\evil.example" would leave the site
 * as "//evil.example": control characters and backslashes are refused outright, raw or percent-encoded,
 * and what is left must resolve to a path on this site that does not itself start with "//".
 */
export function safeReturnPath(value: unknown, fallback = "/decks"): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH || !value.startsWith("/")) return fallback;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x5c) return fallback;
  }
  if (ENCODED_DANGER.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, SITE);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === SITE && !path.startsWith("//") ? path : fallback;
}
