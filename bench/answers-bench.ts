/**
 * `npm run bench:answers`: throughput of recording an answer (POST /api/attempts, signed-in session,
 * production build, SQLite in WAL mode with synchronous=FULL) against the same server's /api/health, in
 * the same run, at 50 connections. Afterwards the attempt rows must equal the 2xx answers.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { hash } from "@node-rs/argon2";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";
import { calculatedAnswer } from "@/lib/domain/calculated";
import type { AnswerResponse } from "@/lib/domain/grading";
import type { Question } from "@/lib/domain/question";
import { startServer } from "./server";
import { median } from "./stats";

const DATABASE_FILE = "data/bench-answers.db";
const EMAIL = "bench@example.com";
const PASSWORD = "benchmark password";
const CONNECTIONS = 50;
/** Runs are a fixed number of requests, not a duration, so every request sent is answered and counted. */
const REQUESTS_PER_RUN = 4_000;

type Run = { rps: number; p50: number; p99: number; ok: number; other: number };

/** A right response for every auto-graded question, so the load covers each question type's grading. */
function rightResponse(question: Question): AnswerResponse | undefined {
  switch (question.type) {
    case "single":
      return { type: "single", choice: question.choices.findIndex((choice) => choice.correct) };
    case "multiple":
      return {
        type: "multiple",
        choices: question.choices.flatMap((choice, index) => (choice.correct ? [index] : [])),
      };
    case "true-false":
      return { type: "true-false", value: question.answer };
    case "numeric":
      return { type: "numeric", value: question.answer };
    case "calculated":
      return { type: "calculated", value: calculatedAnswer(question.formula, question.params, 0).answer, seed: 0 };
    case "short":
      return { type: "short", text: question.accept[0]! };
    case "open":
      return { type: "open", text: "A load-test answer.", selfGrade: "good" };
  }
}

/** Creates the user straight in the database (there is no sign-up API), then signs in through Auth.js. */
async function signedInCookie(baseUrl: string): Promise<string> {
  const database = new Database(DATABASE_FILE);
  const userId = randomUUID();
  const now = new Date().toISOString(); // the format Prisma's adapter writes
  database
    .prepare("INSERT INTO User (id, email, createdAt, updatedAt) VALUES (?, ?, ?, ?)")
    .run(userId, EMAIL, now, now);
  database
    .prepare("INSERT INTO Password (userId, hash, updatedAt) VALUES (?, ?, ?)")
    .run(userId, await hash(PASSWORD, { algorithm: 2 }), now);
  database.close();

  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD, csrfToken, callbackUrl: baseUrl }),
  });
  const session = signIn.headers.getSetCookie().find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed: ${signIn.status} ${signIn.headers.get("location")}`);
  return session.split(";")[0]!;
}

/**
 * One run of a fixed number of requests. autocannon notices that the last response has arrived only on
 * its next one-second tick, so the rate is timed here, from the start to the last response.
 */
function load(options: autocannon.Options): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let lastResponse = started;
    const instance = autocannon({ connections: CONNECTIONS, amount: REQUESTS_PER_RUN, ...options }, (error, result) => {
      if (error) return reject(error);
      const seconds = (lastResponse - started) / 1000;
      resolve({
        rps: result.requests.total / seconds,
        p50: result.latency.p50,
        p99: result.latency.p99,
        ok: result["2xx"],
        other: result.non2xx + result.errors + result.timeouts,
      });
    });
    instance.on("response", () => {
      lastResponse = performance.now();
    });
  });
}

async function main() {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${DATABASE_FILE}${suffix}`, { force: true });
  const questions = loadDecks(new Set(loadGlossary().terms.map((term) => term.slug))).decks.flatMap(
    (deck) => deck.questions,
  );
  const bodies = questions.flatMap((question) => {
    const response = rightResponse(question);
    return response ? [{ questionId: question.id, revision: 1, response }] : [];
  });

  const { baseUrl, stop } = await startServer(3202, `file:./${DATABASE_FILE}`);
  try {
    const cookie = await signedInCookie(baseUrl);
    let sent = 0;
    const answers: autocannon.Options = {
      url: `${baseUrl}/api/attempts`,
      requests: [
        {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          // A new attempt id per request, as a browser sends for each new answer.
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ ...bodies[sent++ % bodies.length], attemptId: randomUUID(), elapsedMs: 20_000 }),
          }),
        },
      ],
    };
    const health: autocannon.Options = { url: `${baseUrl}/api/health` };

    const warmAnswers = await load({ ...answers, amount: 1_000 });
    await load({ ...health, amount: 1_000 });
    const runs = { health: [] as Run[], answers: [] as Run[] };
    // Alternating rounds, so drift on a shared machine hits both alike.
    for (let round = 0; round < 4; round++) {
      runs.health.push(await load(health));
      runs.answers.push(await load(answers));
    }

    const database = new Database(DATABASE_FILE, { readonly: true });
    const rows = (database.prepare("SELECT COUNT(*) AS count FROM Attempt").get() as { count: number }).count;
    const journal = database.pragma("journal_mode", { simple: true });
    database.close();
    const answered2xx = warmAnswers.ok + runs.answers.reduce((sum, run) => sum + run.ok, 0);

    console.log(
      `| endpoint | req/s per run of ${REQUESTS_PER_RUN.toLocaleString("en")} | p50 ms | p99 ms | non-2xx/errors |`,
    );
    console.log("|---|---|---|---|---|");
    for (const [name, list] of [
      ["GET /api/health", runs.health],
      ["POST /api/attempts (signed in)", runs.answers],
    ] as const) {
      const rps = list.map((run) => run.rps.toFixed(0)).join(", ");
      console.log(
        `| ${name} | ${rps} | ${list.map((run) => run.p50).join(", ")} | ${list.map((run) => run.p99).join(", ")} | ${list.reduce((sum, run) => sum + run.other, 0)} |`,
      );
    }
    const healthRps = median(runs.health.map((run) => run.rps));
    const answersRps = median(runs.answers.map((run) => run.rps));
    const ratio = answersRps / healthRps;
    const worstP99 = Math.max(...runs.answers.map((run) => run.p99));
    console.log(`\nmedian req/s: health ${healthRps.toFixed(0)}, answers ${answersRps.toFixed(0)}`);
    console.log(
      `answers / health throughput = ${ratio.toFixed(2)} (goal >= 0.8); worst answer p99 = ${worstP99} ms (goal < 150)`,
    );
    console.log(
      `journal_mode=${journal}; attempt rows = ${rows}, 2xx answers = ${answered2xx}: ${rows === answered2xx ? "equal" : "MISMATCH"}`,
    );
    if (rows !== answered2xx) process.exitCode = 1;
  } finally {
    stop();
  }
}

void main();
