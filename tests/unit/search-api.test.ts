import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/search/route";

async function call(query: string) {
  const response = await GET(new NextRequest(`http://localhost/api/search${query}`));
  return { status: response.status, body: await response.json() };
}

describe("GET /api/search", () => {
  it("answers results with slug, term, aliases, snippet and score", async () => {
    const { status, body } = await call("?q=GQA&limit=3");
    expect(status).toBe(200);
    expect(body.results[0]).toEqual({
      slug: "grouped-query-attention",
      term: expect.any(String),
      aliases: expect.arrayContaining(["GQA"]),
      snippet: expect.any(String),
      score: expect.any(Number),
    });
    expect(body.results.length).toBeLessThanOrEqual(3);
  });

  it("answers the words to highlight, as the in-page engine does", async () => {
    const { body } = await call("?q=gradiant%20desent&limit=2");
    expect(body.results[0].slug).toBe("gradient-descent");
    expect([...body.matchedTokens].sort()).toEqual(["descent", "gradient"]);
  });

  it.each([
    ["", "q is required", "q"],
    ["?q=", "q must not be empty", "q"],
    ["?q=%20%20", "q must not be empty", "q"],
    [`?q=${"a".repeat(201)}`, "q must be at most 200 characters", "q"],
    ["?q=auc&limit=0", "limit must be between 1 and 50", "limit"],
    ["?q=auc&limit=abc", "limit must be a number", "limit"],
  ])("rejects %s with a 400 naming the field", async (query, error, field) => {
    const { status, body } = await call(query);
    expect(status).toBe(400);
    expect(body).toEqual({ error, field });
  });
});
