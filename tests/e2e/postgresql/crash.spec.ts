import { expect, test } from "@playwright/test";
import { startProductionServer } from "../../support/production-server";
import { dropDatabase, withClient, withDatabase } from "../../../scripts/postgres-admin";
import { testPostgresUrl } from "../../support/test-database";
import { answers, recordedAttempts, sendAnswers } from "../answer-burst";
import { answeredTotal, signUp, uniqueEmail } from "../practice-helpers";
import { startNginx, type Nginx } from "./nginx";

const DATABASE = "mlprep_e2e_crash";
const APPLICATION_NAME = "mlprep-e2e-crash";
const PORTS = [3111, 3112] as const;
const ANSWERS = 300;
/** The first server is killed once this many answers have been acknowledged: partway through the burst. */
const KILL_AFTER = 100;

// The deployment docs/deploy.md describes, for real: two production servers on one PostgreSQL database,
// started at the same moment on a fresh one (one migrates and syncs, the other waits for it), behind the
// sample nginx configuration over TLS. A burst of answers goes through nginx; one server is killed with
// SIGKILL partway. Every answer that got a 2xx is in the database exactly once, and the other server goes
// on serving: answers keep being acknowledged, and the candidate's progress counts all of them.
test("PostgreSQL: two servers behind nginx, one killed with SIGKILL mid-burst: no acknowledged answer lost or duplicated, the other serves on", async ({
  browser,
}) => {
  test.setTimeout(600_000); // two server starts, nginx, a sign-up and 300 answers on a busy machine
  await dropDatabase(testPostgresUrl(), DATABASE, APPLICATION_NAME);
  await withClient(testPostgresUrl(), APPLICATION_NAME, (client) => client.query(`CREATE DATABASE "${DATABASE}"`));
  const databaseUrl = withDatabase(testPostgresUrl(), DATABASE);
  // Both at once; if one cannot start, the other is stopped rather than left holding its port.
  const start = (port: number) => startProductionServer({ port, databaseUrl, env: { TRUST_PROXY: "1" } });
  const started = await Promise.allSettled([start(PORTS[0]), start(PORTS[1])]);
  const [first, second] = started;
  if (first.status === "rejected" || second.status === "rejected") {
    for (const result of started) if (result.status === "fulfilled") result.value.kill("SIGKILL");
    throw first.status === "rejected" ? first.reason : (second as PromiseRejectedResult).reason;
  }
  const servers = [first.value, second.value] as const;
  let nginx: Nginx | undefined;
  try {
    nginx = await startNginx({ upstreamPorts: [...PORTS], httpPort: 3113, httpsPort: 3114 });
    const context = await browser.newContext({ baseURL: nginx.httpsUrl, ignoreHTTPSErrors: true });
    const plain = await fetch(`${nginx.httpUrl}/decks`, { redirect: "manual" });
    expect(plain.status).toBe(301);
    expect(plain.headers.get("location")).toMatch(/^https:\/\//);
    const health = await context.request.get("/api/health");
    expect(await health.json()).toMatchObject({ ok: true, db: "postgresql" });
    // The app saw X-Forwarded-Proto: https from the proxy.
    expect(health.headers()["strict-transport-security"]).toContain("max-age=");

    const email = uniqueEmail("crash-postgresql");
    const page = await context.newPage();
    await signUp(page, email);
    expect((await context.cookies()).some((cookie) => cookie.name.startsWith("__Secure-") && cookie.secure)).toBe(true);

    let acknowledgedAfterKill = 0;
    const burst = answers(ANSWERS);
    const sent = await sendAnswers(context.request, burst, {
      concurrency: 16,
      onAcknowledged: (count) => {
        if (count === KILL_AFTER) servers[0].kill("SIGKILL");
        else if (count > KILL_AFTER) acknowledgedAfterKill++;
      },
    });
    await servers[0].exited;
    expect(acknowledgedAfterKill, "answers acknowledged after the kill").toBeGreaterThan(0);

    const recorded = await recordedAttempts(databaseUrl, email);
    const lost = [...sent.acknowledged].filter((attemptId) => !recorded.has(attemptId));
    expect(lost, "acknowledged answers missing").toEqual([]);
    expect([...recorded.values()].every((rows) => rows === 1)).toBe(true);

    // Whatever was not acknowledged, a browser sends again with the same attemptId: recorded once.
    const retry = await sendAnswers(context.request, sent.refused, { concurrency: 4 });
    expect(retry.refused).toEqual([]);
    const final = await recordedAttempts(databaseUrl, email);
    expect(final.size).toBe(ANSWERS);
    expect(burst.every((answer) => final.get(answer.attemptId) === 1)).toBe(true);

    expect((await fetch(`${servers[1].baseUrl}/api/health`)).ok).toBe(true);
    await page.goto("/progress");
    expect(await answeredTotal(page)).toBe(String(ANSWERS));
    await context.close();
  } finally {
    await nginx?.stop();
    for (const server of servers) server.kill("SIGTERM");
    await Promise.all(servers.map((server) => server.exited));
    await dropDatabase(testPostgresUrl(), DATABASE, APPLICATION_NAME);
  }
});
