import { describe, expect, it } from "vitest";
import {
  buildClassProgress,
  buildMyAssignments,
  classProgressCsv,
  isBehind,
  type AssignedDeckFact,
  type MemberCard,
} from "@/lib/domain/class-progress";
import { retrievability, review } from "@/lib/domain/scheduling";

const now = new Date("2027-03-10T12:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

/** A card answered Good `days` ago: its recall probability now is below 1 and known exactly. */
function card(userId: string, deckId: string, days: number): MemberCard {
  return { ...review(undefined, 3, daysAgo(days)), userId, deckId };
}

const decks: AssignedDeckFact[] = [
  { deckId: "metrics", title: "Metrics", topic: "metrics", dueDate: daysAgo(1), questions: 4 },
  { deckId: "llm", title: "LLM serving", topic: "llm-inference", dueDate: null, questions: 2 },
];
const members = [
  { userId: "ada", email: "ada@example.com", name: "Ada" },
  { userId: "bob", email: "=cmd|' /C calc'!A0", name: null },
];
const topics = [
  { slug: "metrics", name: "Metrics" },
  { slug: "llm-inference", name: "LLM inference" },
  { slug: "unused", name: "Unused" },
];

describe("behind on a due date", () => {
  it("is a passed due date with questions never answered", () => {
    expect(isBehind({ seen: 3, questions: 4 }, daysAgo(1), now)).toBe(true);
    expect(isBehind({ seen: 4, questions: 4 }, daysAgo(1), now)).toBe(false);
    expect(isBehind({ seen: 0, questions: 4 }, new Date(now.getTime() + 1), now)).toBe(false);
    expect(isBehind({ seen: 0, questions: 4 }, now, now)).toBe(true);
    expect(isBehind({ seen: 0, questions: 4 }, null, now)).toBe(false);
    expect(isBehind({ seen: 0, questions: 0 }, daysAgo(1), now)).toBe(false);
  });
});

describe("a class's progress from grouped rows", () => {
  const cards = [card("ada", "metrics", 3), card("ada", "metrics", 10), card("bob", "llm", 1)];
  const table = buildClassProgress({
    members,
    decks,
    totals: [
      { userId: "ada", deckId: "metrics", answered: 6, correct: 3, seen: 4 },
      { userId: "ada", deckId: "llm", answered: 1, correct: 1, seen: 1 },
      { userId: "bob", deckId: "llm", answered: 4, correct: 1, seen: 1 },
    ],
    cards,
    topics,
    now,
  });

  it("gives every member every deck, unseen questions counting 0 towards mastery", () => {
    const [ada, bob] = table.members;
    const recall = cards.map((entry) => retrievability(entry, now));
    expect(recall.every((value) => value > 0 && value < 1)).toBe(true);
    expect(ada!.decks[0]).toEqual({
      deckId: "metrics",
      questions: 4,
      seen: 4,
      answered: 6,
      correct: 3,
      accuracy: 0.5,
      mastery: (recall[0]! + recall[1]!) / 4,
      behind: false,
    });
    expect(ada!.decks[1]).toMatchObject({ deckId: "llm", mastery: 0, behind: false });
    expect(bob!.decks[0]).toEqual({
      deckId: "metrics",
      questions: 4,
      seen: 0,
      answered: 0,
      correct: 0,
      accuracy: null,
      mastery: 0,
      behind: true,
    });
    expect(bob!.decks[1]).toMatchObject({ answered: 4, correct: 1, accuracy: 0.25, mastery: recall[2]! / 2 });
  });

  it("sums each assignment and names the weakest topics over the class", () => {
    expect(table.assignments).toEqual([
      {
        deckId: "metrics",
        title: "Metrics",
        topic: "metrics",
        dueDate: daysAgo(1).toISOString(),
        questions: 4,
        membersBehind: 1,
        meanMastery: (table.members[0]!.decks[0]!.mastery + 0) / 2,
      },
      expect.objectContaining({ deckId: "llm", dueDate: null, membersBehind: 0 }),
    ]);
    // LLM inference: 2 of 5 right; metrics: 3 of 6. The unused topic has no questions here.
    expect(table.weakestTopics.map((topic) => [topic.slug, topic.accuracy, topic.attempts])).toEqual([
      ["llm-inference", 0.4, 5],
      ["metrics", 0.5, 6],
    ]);
    expect(table.weakestTopics[1]!.mastery).toBeCloseTo(table.members[0]!.decks[0]!.mastery / 2, 12);
  });

  it("exports one CSV row per member and deck, defusing formulas in names", () => {
    const lines = classProgressCsv(table).split("\r\n");
    expect(lines[0]).toBe(
      "email,name,deck,deck_title,due_date,questions,seen,answered,correct,accuracy,mastery,behind",
    );
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines[3]).toBe(`'=cmd|' /C calc'!A0,,metrics,Metrics,${daysAgo(1).toISOString()},4,0,0,0,,0,true`);
    expect(lines[4]).toMatch(/^'=cmd\|' \/C calc'!A0,,llm,LLM serving,,2,1,4,1,0.25,0\.\d{1,3},false$/);
  });

  it("is empty for a class with no members or no assignments", () => {
    const empty = buildClassProgress({ members: [], decks, totals: [], cards: [], topics, now });
    expect(empty.assignments.map((assignment) => assignment.meanMastery)).toEqual([null, null]);
    expect(empty.weakestTopics).toEqual([]);
    expect(buildClassProgress({ members, decks: [], totals: [], cards: [], topics, now }).members[0]!.decks).toEqual(
      [],
    );
  });
});

describe("a member's assignments", () => {
  it("lists them soonest due first, with how much is done and overdue marked", () => {
    const assignment = (classId: string, deckId: string, dueDate: Date | null, questions: number) => ({
      classId,
      className: classId === "c1" ? "Cohort 1" : "Cohort 2",
      deckId,
      deckTitle: deckId,
      dueDate,
      questions,
    });
    const mine = buildMyAssignments({
      userId: "ada",
      assignments: [
        assignment("c2", "llm", null, 2),
        assignment("c1", "metrics", daysAgo(1), 4),
        assignment("c1", "llm", daysAgo(-2), 2),
      ],
      totals: [
        { userId: "ada", deckId: "metrics", answered: 9, correct: 5, seen: 3 },
        { userId: "ada", deckId: "llm", answered: 2, correct: 2, seen: 2 },
      ],
      cards: [card("ada", "llm", 0)],
      now,
    });
    expect(mine.map((entry) => [entry.classId, entry.deckId, entry.answered, entry.total, entry.overdue])).toEqual([
      ["c1", "metrics", 3, 4, true],
      ["c1", "llm", 2, 2, false],
      ["c2", "llm", 2, 2, false],
    ]);
    expect(mine[1]!.mastery).toBe(0.5);
    expect(mine[1]!.dueDate).toBe(daysAgo(-2).toISOString());
  });
});
