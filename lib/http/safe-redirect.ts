/** A same-site path to return to after sign-in; anything else (another origin, "//host") becomes `fallback`. */
export function safeReturnPath(value: unknown, fallback = "/decks"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
