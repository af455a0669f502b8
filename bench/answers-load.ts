/**
 * The load of bench/answers-bench.ts: right answers to the shipped questions, a signed-in session, and
 * runs of a fixed number of requests spread over one or more servers.
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";
import { calculatedAnswer } from "@/lib/domain/calculated";
import type { AnswerResponse } from "@/lib/domain/grading";
import type { Question } from "@/lib/domain/question";
import { percentile } from "./stats";

export const CONNECTIONS = 50;
/** Runs are a fixed number of requests, not a duration, so every request sent is answered and counted. */
export const REQUESTS_PER_RUN = 4_000;

/** `other`: responses that were not 2xx, and requests that got none (errors, including `timeouts` after 10 s). */
export type Run = { rps: number; p50: number; p99: number; ok: number; other: number; timeouts: number };

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

/**
 * POST /api/attempts on each server, with right answers to every auto-graded and open question of the
 * shipped decks in turn (in turn across the servers too) and a new attempt id per request, as a browser
 * sends for each new answer.
 */
export function answerTargets(baseUrls: string[], cookie: string): autocannon.Options[] {
  const questions = loadDecks(new Set(loadGlossary().terms.map((term) => term.slug))).decks.flatMap(
    (deck) => deck.questions,
  );
  const bodies = questions.flatMap((question) => {
    const response = rightResponse(question);
    return response ? [{ questionId: question.id, revision: 1, response }] : [];
  });
  let sent = 0;
  return baseUrls.map((baseUrl) => ({
    url: `${baseUrl}/api/attempts`,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ ...bodies[sent++ % bodies.length], attemptId: randomUUID(), elapsedMs: 20_000 }),
        }),
      },
    ],
  }));
}

/** Signs in through Auth.js's own endpoints; returns the session cookie (`name=value`). */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: baseUrl }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed: ${response.status} ${response.headers.get("location")}`);
  return session.split(";")[0]!;
}

/** `total` split into `parts` whole shares, the first ones one larger. */
const share = (total: number, parts: number, index: number) =>
  Math.floor(total / parts) + (index < total % parts ? 1 : 0);

/**
 * One run of `amount` requests at CONNECTIONS connections, split evenly over the targets (one autocannon
 * instance per server, all started together). autocannon notices that the last response has arrived only
 * on its next one-second tick, so the rate is timed here, from the start to the last response of any
 * instance; p50 and p99 are over every response's time, whichever server answered it.
 */
export async function load(targets: autocannon.Options[], amount = REQUESTS_PER_RUN): Promise<Run> {
  const started = performance.now();
  let lastResponse = started;
  const times: number[] = [];
  const results = await Promise.all(
    targets.map(
      (options, index) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            {
              ...options,
              connections: share(CONNECTIONS, targets.length, index),
              amount: share(amount, targets.length, index),
            },
            (error, result) => (error ? reject(error) : resolve(result)),
          );
          instance.on("response", (_client, _status, _bytes, responseTime) => {
            lastResponse = performance.now();
            times.push(responseTime);
          });
        }),
    ),
  );
  const sum = (value: (result: autocannon.Result) => number) =>
    results.reduce((total, result) => total + value(result), 0);
  return {
    rps: sum((result) => result.requests.total) / ((lastResponse - started) / 1000),
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    ok: sum((result) => result["2xx"]),
    // autocannon counts a timeout as an error too.
    other: sum((result) => result.non2xx + result.errors),
    timeouts: sum((result) => result.timeouts),
  };
}
