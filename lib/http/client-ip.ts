/**
 * The client's address for rate limiting. `next start` sets x-forwarded-for from the socket when no proxy
 * did; behind a proxy, the proxy must overwrite it (not append), or a client could choose its own key.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
