import { describe, expect, it } from "vitest";
import { clientIp, PEER_ADDRESS_HEADER } from "@/lib/http/client-ip";

const request = (headers: Record<string, string>) => new Headers({ [PEER_ADDRESS_HEADER]: "203.0.113.7", ...headers });

describe("the client's address for rate limiting", () => {
  it("with no trusted proxy, is the socket's address whatever X-Forwarded-For and X-Real-IP say", () => {
    expect(clientIp(request({}), 0)).toBe("203.0.113.7");
    expect(clientIp(request({ "x-forwarded-for": "1.1.1.1" }), 0)).toBe("203.0.113.7");
    expect(clientIp(request({ "x-forwarded-for": "1.1.1.1, 2.2.2.2", "x-real-ip": "3.3.3.3" }), 0)).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1" }), 0)).toBe("unknown");
  });

  it("behind N proxies, is the entry N places from the right, so what the client wrote to the left is ignored", () => {
    // The client sent "1.1.1.1"; the proxy appended the address it saw.
    expect(clientIp(request({ "x-forwarded-for": "1.1.1.1, 198.51.100.4" }), 1)).toBe("198.51.100.4");
    expect(clientIp(request({ "x-forwarded-for": "1.1.1.1,198.51.100.4,10.0.0.2" }), 2)).toBe("198.51.100.4");
    expect(clientIp(request({ "x-forwarded-for": "198.51.100.4" }), 3)).toBe("198.51.100.4");
  });

  it("behind a proxy, falls back to the socket when the request did not come through it", () => {
    expect(clientIp(request({}), 1)).toBe("203.0.113.7");
    expect(clientIp(request({ "x-forwarded-for": "1.1.1.1, " }), 1)).toBe("203.0.113.7");
  });
});
