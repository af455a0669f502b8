import { describe, expect, it } from "vitest";
import { FAILURE_STATUS, failureResponse } from "@/lib/http/responses";

describe("refusals as HTTP answers", () => {
  it("gives every code its status through one table", () => {
    expect(FAILURE_STATUS).toEqual({
      invalid: 400,
      unauthorized: 401,
      forbidden: 403,
      "not-found": 404,
      conflict: 409,
      unprocessable: 422,
      "rate-limited": 429,
    });
  });

  it("answers the message, the field of bad input, every problem and the failure's details", async () => {
    const plain = failureResponse({ code: "not-found", message: "Deck not found" });
    expect([plain.status, await plain.json()]).toEqual([404, { error: "Deck not found" }]);
    const problems = [{ field: "choices", message: "exactly one [x], found 2" }];
    const checked = failureResponse({
      code: "invalid",
      message: problems[0]!.message,
      field: "question.choices",
      problems,
    });
    expect([checked.status, await checked.json()]).toEqual([
      400,
      { error: problems[0]!.message, field: "question.choices", problems },
    ]);
    const detailed = failureResponse({ code: "invalid", message: "2 problems", field: "text", details: { read: 3 } });
    expect(await detailed.json()).toEqual({ error: "2 problems", field: "text", read: 3 });
    const slow = failureResponse({ code: "unprocessable", message: "too slow", field: "text" });
    expect([slow.status, await slow.json()]).toEqual([422, { error: "too slow", field: "text" }]);
  });

  it("tells a rate-limited client when to come back, in whole seconds", () => {
    const limited = failureResponse({ code: "rate-limited", message: "Too many", retryAfterMs: 14_500 });
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "15"]);
  });
});
