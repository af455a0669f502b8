import { describe, expect, it } from "vitest";
import { issueDeviceToken, readDeviceToken } from "@/lib/auth/device-token";

const secret = "device-token-test-secret-at-least-32-characters";
const device = { userId: "cmuser0001", deviceId: "Rk9vYmFyYmF6cXV4MTIzNA" };

describe("device tokens", () => {
  it("reads back the device a token was issued for", () => {
    expect(readDeviceToken(secret, issueDeviceToken(secret, device))).toEqual(device);
  });

  it("refuses a token signed with another secret, for another user, altered or malformed", () => {
    const token = issueDeviceToken(secret, device);
    const [, deviceId, mac] = token.split(".");
    expect(readDeviceToken("another-secret-that-is-at-least-32-characters", token)).toBeUndefined();
    expect(readDeviceToken(secret, `cmuser0002.${deviceId}.${mac}`)).toBeUndefined();
    expect(readDeviceToken(secret, `${token}x`)).toBeUndefined();
    expect(readDeviceToken(secret, `${token}.extra`)).toBeUndefined();
    for (const malformed of [undefined, "", "..", "a.b", "a b.c.d", `${"a".repeat(300)}.b.c`])
      expect(readDeviceToken(secret, malformed)).toBeUndefined();
  });

  it("will not issue a token whose ids could split differently", () => {
    expect(() => issueDeviceToken(secret, { userId: "a.b", deviceId: "c" })).toThrow();
  });
});
