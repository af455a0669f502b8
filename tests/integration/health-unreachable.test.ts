import { describe, expect, it } from "vitest";

// A database file inside a folder that does not exist cannot be opened.
process.env.DATABASE_URL = "file:/nonexistent-mlprep-folder/missing.db";
const { GET } = await import("@/app/api/health/route");

describe("GET /api/health without a database", () => {
  it("answers 503 instead of throwing", async () => {
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, db: "sqlite" });
  });
});
