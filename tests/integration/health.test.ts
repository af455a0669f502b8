import { describe, expect, it } from "vitest";
import { createFreshDatabase, testDatabaseKind } from "@/tests/support/fresh-database";

await createFreshDatabase();
const { GET } = await import("@/app/api/health/route");

describe("GET /api/health", () => {
  it("answers ok with the database kind of this project once the migrated database is reachable", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: testDatabaseKind() });
  });
});
