import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";
import { TOPICS, TOPIC_LABELS } from "@/lib/content/topics";
import { computeProgress, DAILY_DAYS } from "@/lib/domain/progress";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { perAttempt, talliesOf } from "@/tests/support/progress-facts";

await createFreshDatabase();
const { db } = await import("@/lib/data/db");
const { syncContentDecks } = await import("@/lib/data/content-sync");
const { loadDeckProgress, loadProgress } = await import("@/lib/data/progress");
const { LIVE_QUESTION } = await import("@/lib/data/questions");

const DAY_MS = 86_400_000;
const now = new Date("2026-11-01T06:10:00.000Z");
const ZONES = ["UTC", "Asia/Kathmandu", "Asia/Kolkata", "America/St_Johns", "Europe/Berlin", "America/New_York"];
/** Asked at `now`, a day after New York's and a week after Berlin's autumn switch, and in Berlin's spring switch. */
const NOWS = [now, new Date("2026-03-29T01:30:00.000Z")];
/**
 * Answer times: a millisecond either side of local midnights that are not on the hour (Kathmandu 18:15,
 * Kolkata 18:30, St John's 02:30 and 03:30 UTC) and of the hour daylight saving moved, then a spread over
 * 400 days that meets every minute of the day.
 */
const EDGES = [
  "2026-10-31T18:15:00.000Z",
  "2026-10-30T18:30:00.000Z",
  "2026-10-29T02:30:00.000Z",
  "2026-03-01T03:30:00.000Z",
  "2026-10-25T01:00:00.000Z",
  "2026-11-01T06:00:00.000Z",
].flatMap((edge) => [-1, 0, 1].map((ms) => new Date(Date.parse(edge) + ms)));
const SPREAD = Array.from({ length: 400 }, (_, index) => new Date(now.getTime() - index * (DAY_MS + 7 * 60_000 + 1)));

let dana = "";
let archivedId = "";

beforeAll(async () => {
  await syncContentDecks(db, loadDecks(new Set(loadGlossary().terms.map((term) => term.slug))).decks);
  const questions = await db.question.findMany({
    where: LIVE_QUESTION,
    orderBy: { id: "asc" },
    select: { id: true, revision: true },
  });
  dana = (await db.user.create({ data: { email: "dana@example.com" } })).id;
  const other = (await db.user.create({ data: { email: "other@example.com" } })).id;
  const answers = (userId: string, times: Date[]) =>
    times.map((createdAt, index) => {
      const question = questions[(index * 37) % questions.length]!;
      return {
        userId,
        attemptId: randomUUID(),
        questionId: question.id,
        revision: question.revision,
        response: "{}",
        correct: index % 3 !== 0,
        elapsedMs: 1_000,
        createdAt,
      };
    });
  await db.attempt.createMany({
    data: [...answers(dana, [...EDGES, ...SPREAD]), ...answers(other, SPREAD.slice(0, 50))],
  });
  // Stabilities and difficulties only 16-17 significant digits carry, times with milliseconds: the cards
  // come back as text (lib/data/progress.ts), and must read as Prisma reads them.
  for (const [index, question] of questions.slice(0, 40).entries()) {
    await db.reviewCard.create({
      data: {
        userId: dana,
        questionId: question.id,
        due: new Date(now.getTime() + ((index - 20) * DAY_MS) / 4 + 7),
        stability: 6 + index / 3,
        difficulty: 5 + index / 7,
        elapsedDays: 0,
        scheduledDays: 6,
        learningSteps: 0,
        reps: 2,
        lapses: 0,
        state: 2,
        lastReview: new Date(now.getTime() - DAY_MS - index * 1_001),
      },
    });
  }
  // Answers to a question that is no longer live leave the standings, but stay on the calendar: they were given.
  archivedId = questions[0]!.id;
  await db.question.update({ where: { id: archivedId }, data: { archived: true } });
});

/** The report computed from every attempt read back, as the dashboard did before it read counts. */
async function fromEveryAttempt(userId: string, at: Date, timeZone: string) {
  const [questions, decks, cards, attempts, allAttempts] = await Promise.all([
    // In the order the report reads them: sums of masteries are floating point, and depend on the order.
    db.question.findMany({
      where: LIVE_QUESTION,
      select: { id: true, deckId: true, deck: { select: { topic: true } } },
      orderBy: { id: "asc" },
    }),
    db.deck.findMany({
      where: { status: "published" },
      orderBy: { title: "asc" },
      select: { id: true, title: true, topic: true },
    }),
    db.reviewCard.findMany({ where: { userId } }),
    db.attempt.findMany({
      where: { userId, question: LIVE_QUESTION },
      select: { questionId: true, correct: true, createdAt: true },
    }),
    db.attempt.findMany({ where: { userId }, select: { questionId: true, correct: true, createdAt: true } }),
  ]);
  return computeProgress({
    tallies: talliesOf(attempts),
    activity: perAttempt(allAttempts),
    cards,
    questions: questions.map((question) => ({ id: question.id, deckId: question.deckId, topic: question.deck.topic })),
    decks,
    topics: TOPICS.map((slug) => ({ slug, name: TOPIC_LABELS[slug] })),
    now: at,
    timeZone,
  });
}

describe("progress from counts in the database", () => {
  it("is the report computed from every attempt, in zones with :30 and :45 midnights and across daylight saving", async () => {
    for (const at of NOWS) {
      for (const timeZone of ZONES) {
        const report = await loadProgress(db, dana, at, timeZone);
        expect(report, `${timeZone} at ${at.toISOString()}`).toEqual(await fromEveryAttempt(dana, at, timeZone));
      }
    }
    const report = await loadProgress(db, dana, now, "UTC");
    // The archived question's answers are gone from the totals, not from the days they were given on.
    const archivedAnswers = await db.attempt.count({ where: { userId: dana, questionId: archivedId } });
    expect(archivedAnswers).toBeGreaterThan(0);
    expect(report.totals.answered).toBe(EDGES.length + SPREAD.length - archivedAnswers);
    const firstDailyDay = Math.floor(now.getTime() / DAY_MS) - (DAILY_DAYS - 1); // in UTC
    const inLastMonth = [...EDGES, ...SPREAD].filter(
      (time) => Math.floor(time.getTime() / DAY_MS) >= firstDailyDay,
    ).length;
    expect(report.daily.reduce((sum, day) => sum + day.answered, 0)).toBe(inLastMonth);
  });

  it("gives the deck list the decks of the whole report", async () => {
    expect(await loadDeckProgress(db, dana, now)).toEqual((await loadProgress(db, dana, now, "UTC")).decks);
  });
});
