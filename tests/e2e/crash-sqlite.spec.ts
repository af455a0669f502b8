import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startProductionServer } from "../support/production-server";
import { answers, recordedAttempts, sendAnswers } from "./answer-burst";
import { signUp, uniqueEmail } from "./practice-helpers";

const DATABASE_FILE = "data/e2e-crash.db";
const DATABASE_URL = `file:./${DATABASE_FILE}`;
const PORT = 3110;
const ANSWERS = 300;
/** The server is killed once this many answers have been acknowledged: partway through the burst. */
const KILL_AFTER = 100;

// A fixed burst of answers, the one server killed with SIGKILL partway (no drain, no shutdown hook),
// then started again on the same file: every answer it acknowledged is there, once, and the answers a
// client re-sends afterwards with the same attemptId are recorded once too. Then a graceful stop
// (SIGTERM) mid-burst: answers in flight are finished and acknowledged, so every recorded answer was
// acknowledged (before the drain, some were recorded and their connections cut).
test("SQLite: SIGKILL mid-burst and a restart lose no acknowledged answer and duplicate none; SIGTERM mid-burst finishes the answers in flight", async ({
  browser,
}) => {
  test.setTimeout(600_000); // two server starts (migrate, sync, prepare) and 300 answers on a busy machine
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${DATABASE_FILE}${suffix}`, { force: true });
  let server = await startProductionServer({ port: PORT, databaseUrl: DATABASE_URL });
  try {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const email = uniqueEmail("crash-sqlite");
    await signUp(await context.newPage(), email);

    const burst = answers(ANSWERS);
    const first = await sendAnswers(context.request, burst, {
      concurrency: 16,
      onAcknowledged: (count) => count === KILL_AFTER && server.kill("SIGKILL"),
    });
    await server.exited;
    expect(first.acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(first.refused.length, "the kill came partway through the burst").toBeGreaterThan(0);

    const afterCrash = await recordedAttempts(DATABASE_URL, email);
    const lost = [...first.acknowledged].filter((attemptId) => !afterCrash.has(attemptId));
    expect(lost, "acknowledged answers missing after SIGKILL").toEqual([]);
    expect([...afterCrash.values()].every((rows) => rows === 1)).toBe(true);

    server = await startProductionServer({ port: PORT, databaseUrl: DATABASE_URL });
    // What a browser does with answers that never came back: send them again, same attemptId.
    const retry = await sendAnswers(context.request, first.refused, { concurrency: 4 });
    expect(retry.refused).toEqual([]);

    const recorded = await recordedAttempts(DATABASE_URL, email);
    expect(recorded.size).toBe(ANSWERS);
    expect(burst.every((answer) => recorded.get(answer.attemptId) === 1)).toBe(true);

    const stopping = answers(ANSWERS);
    const drained = await sendAnswers(context.request, stopping, {
      concurrency: 16,
      onAcknowledged: (count) => count === KILL_AFTER && server.kill("SIGTERM"),
    });
    await server.exited;
    expect(drained.refused.length, "the stop came partway through the burst").toBeGreaterThan(0);
    const afterStop = await recordedAttempts(DATABASE_URL, email);
    const unacknowledged = stopping.filter(
      (answer) => afterStop.has(answer.attemptId) && !drained.acknowledged.has(answer.attemptId),
    );
    expect(unacknowledged, "answers recorded whose response the stop cut off").toEqual([]);
    await context.close();
  } finally {
    server.kill("SIGTERM");
    await server.exited;
  }
});
