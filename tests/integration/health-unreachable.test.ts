import { describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/tests/support/fresh-database";

const kind = testDatabaseKind();
// A database file inside a folder that does not exist cannot be opened; nothing listens on port 1.
process.env.DATABASE_URL =
  kind === "sqlite" ? "file:/nonexistent-mlprep-folder/missing.db" : "postgresql://mlprep:mlprep@127.0.0.1:1/missing";
const { GET } = await import("@/app/api/health/route");

describe("GET /api/health without a database", () => {
  it("answers 503 instead of throwing", async () => {
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, db: kind });
  });
});
