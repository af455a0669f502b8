import { expect, it } from "vitest";
import { z } from "zod";

it("the browser's start-up script turns zod's compiled parsers off, without importing zod", async () => {
  expect(z.config().jitless).toBeFalsy();
  await import("@/instrumentation-client");
  expect(z.config().jitless).toBe(true);
});
