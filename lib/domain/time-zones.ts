/** Time zone names as the domain takes them. Pure and free of other imports, so client components may use it. */

/** The canonical name of a valid IANA zone ("europe/berlin" -> "Europe/Berlin"), else "UTC". */
export function resolveTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}
