/**
 * The header through which the server learns the socket's address: scripts/start.ts sets it on every
 * request before Next sees it, replacing whatever a client sent under that name. Next's own
 * x-forwarded-for cannot serve: `next start` fills it from the socket only when the client did not send
 * one (docs/decisions/013-client-address-and-sessions.md).
 */
export const PEER_ADDRESS_HEADER = "x-mlprep-peer-address";

/**
 * The client's address for rate limiting. With no trusted proxy (`TRUST_PROXY=0`, the default),
 * X-Forwarded-For and X-Real-IP are ignored: the client writes them. With `trustProxy` proxies in front,
 * each appending the address it saw, the entry that many places from the right is the one the outermost
 * proxy saw; entries further left are the client's own words. A request with fewer entries (or none)
 * uses the leftmost it has, or the socket.
 */
export function clientIp(headers: Headers, trustProxy: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER) || "unknown";
  if (trustProxy === 0) return peer;
  const forwarded = headers.get("x-forwarded-for")?.split(",");
  if (!forwarded) return peer;
  return forwarded[Math.max(0, forwarded.length - trustProxy)]!.trim() || peer;
}
