import { toCsv } from "./csv";
import { weakestOf, type GroupProgress, type ProgressReport, type TopicFact } from "./progress";
import { retrievability, type MemoryState } from "./scheduling";

/**
 * A class's results on its assigned decks, and a member's own assignments. Pure: the data layer hands in
 * grouped rows (one per member and deck, counted by the database) and the members' cards on the decks'
 * live questions, never single attempts.
 *
 * The measures are lib/domain/progress.ts's: `answered` and `correct` count attempts, `seen` the questions
 * answered at least once, and mastery is the mean recall probability over ALL the deck's live questions,
 * unseen ones counting 0. Ratios are unrounded in 0..1; dates are ISO strings.
 */

export type AssignedDeckFact = {
  deckId: string;
  title: string;
  topic: string;
  dueDate: Date | null;
  questions: number;
};
export type MemberFact = { userId: string; email: string | null; name: string | null };
/** One row of the GROUP BY over attempts: one member's attempts on one deck's live questions. */
export type AttemptTotals = { userId: string; deckId: string; answered: number; correct: number; seen: number };
/** The memory state of a member's card on a live question of an assigned deck: all mastery needs. */
export type MemberCard = MemoryState & { userId: string; deckId: string };

/** A member's standing on a deck: progress.ts's measures for one deck. */
export type DeckStanding = { deckId: string } & GroupProgress;

export type ClassMemberRow = MemberFact & { decks: (DeckStanding & { behind: boolean })[] };

export type ClassAssignmentSummary = {
  deckId: string;
  title: string;
  topic: string;
  dueDate: string | null;
  questions: number;
  /** Members whose due date has passed with questions of the deck still unanswered. */
  membersBehind: number;
  /** The members' mean mastery of the deck; null for a class without members. */
  meanMastery: number | null;
};

export type ClassProgressTable = {
  assignments: ClassAssignmentSummary[];
  members: ClassMemberRow[];
  /** Over every member's answers on the assigned decks, weakest first (progress.ts's rule). */
  weakestTopics: ProgressReport["weakestTopics"];
};

type Sums = { answered: number; correct: number; seen: number; recall: number };
type SumsOf = (userId: string, deckId: string) => Sums;

/** The grouped rows and the cards' recall probabilities at `now`, summed per member and deck. */
function sumsByMemberAndDeck(totals: AttemptTotals[], cards: MemberCard[], now: Date): SumsOf {
  const byMember = new Map<string, Map<string, Sums>>();
  const entry = (userId: string, deckId: string) => {
    let decks = byMember.get(userId);
    if (!decks) byMember.set(userId, (decks = new Map()));
    let sums = decks.get(deckId);
    if (!sums) decks.set(deckId, (sums = { answered: 0, correct: 0, seen: 0, recall: 0 }));
    return sums;
  };
  for (const row of totals) {
    const sums = entry(row.userId, row.deckId);
    sums.answered += row.answered;
    sums.correct += row.correct;
    sums.seen += row.seen;
  }
  for (const card of cards) entry(card.userId, card.deckId).recall += retrievability(card, now);
  const none: Sums = { answered: 0, correct: 0, seen: 0, recall: 0 };
  return (userId, deckId) => byMember.get(userId)?.get(deckId) ?? none;
}

function standingOf(deck: { deckId: string; questions: number }, sums: Sums): DeckStanding {
  return {
    deckId: deck.deckId,
    questions: deck.questions,
    seen: sums.seen,
    answered: sums.answered,
    correct: sums.correct,
    accuracy: sums.answered > 0 ? sums.correct / sums.answered : null,
    mastery: deck.questions > 0 ? sums.recall / deck.questions : 0,
  };
}

/**
 * Behind: the due date has passed and some of the deck's questions were never answered. Done means every
 * question answered once (what a member can do by a date), not a mastery level, which decays by design.
 */
export function isBehind(standing: Pick<DeckStanding, "seen" | "questions">, dueDate: Date | null, now: Date): boolean {
  return dueDate !== null && dueDate.getTime() <= now.getTime() && standing.seen < standing.questions;
}

export function buildClassProgress(input: {
  members: MemberFact[];
  decks: AssignedDeckFact[];
  totals: AttemptTotals[];
  cards: MemberCard[];
  topics: TopicFact[];
  now: Date;
}): ClassProgressTable {
  const { members, decks, now } = input;
  const sumsOf = sumsByMemberAndDeck(input.totals, input.cards, now);
  const rows = members.map((member) => ({
    ...member,
    decks: decks.map((deck) => {
      const standing = standingOf(deck, sumsOf(member.userId, deck.deckId));
      return { ...standing, behind: isBehind(standing, deck.dueDate, now) };
    }),
  }));
  const assignments = decks.map((deck, index) => {
    const standings = rows.map((row) => row.decks[index]!);
    return {
      deckId: deck.deckId,
      title: deck.title,
      topic: deck.topic,
      dueDate: deck.dueDate?.toISOString() ?? null,
      questions: deck.questions,
      membersBehind: standings.filter((standing) => standing.behind).length,
      meanMastery:
        standings.length > 0 ? standings.reduce((sum, standing) => sum + standing.mastery, 0) / standings.length : null,
    };
  });
  return { assignments, members: rows, weakestTopics: weakestOf(topicTotals(input.topics, decks, members, sumsOf)) };
}

/** Each topic of the assigned decks over the whole class: mastery is the mean over members and questions. */
function topicTotals(topics: TopicFact[], decks: AssignedDeckFact[], members: MemberFact[], sumsOf: SumsOf) {
  return topics.flatMap((topic) => {
    const inTopic = decks.filter((deck) => deck.topic === topic.slug);
    const questions = inTopic.reduce((sum, deck) => sum + deck.questions, 0);
    if (questions === 0) return [];
    const total: Sums = { answered: 0, correct: 0, seen: 0, recall: 0 };
    for (const member of members) {
      for (const deck of inTopic) {
        const sums = sumsOf(member.userId, deck.deckId);
        total.answered += sums.answered;
        total.correct += sums.correct;
        total.seen += sums.seen;
        total.recall += sums.recall;
      }
    }
    const slots = questions * members.length;
    return [
      {
        slug: topic.slug,
        name: topic.name,
        questions,
        seen: total.seen,
        answered: total.answered,
        correct: total.correct,
        accuracy: total.answered > 0 ? total.correct / total.answered : null,
        mastery: slots > 0 ? total.recall / slots : 0,
      },
    ];
  });
}

const ratio = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/** The table as CSV, one row per member and assigned deck, for a spreadsheet; ratios to three places. */
export function classProgressCsv(table: ClassProgressTable): string {
  const decks = new Map(table.assignments.map((assignment) => [assignment.deckId, assignment]));
  return toCsv([
    [
      "email",
      "name",
      "deck",
      "deck_title",
      "due_date",
      "questions",
      "seen",
      "answered",
      "correct",
      "accuracy",
      "mastery",
      "behind",
    ],
    ...table.members.flatMap((member) =>
      member.decks.map((deck) => [
        member.email,
        member.name,
        deck.deckId,
        decks.get(deck.deckId)?.title ?? "",
        decks.get(deck.deckId)?.dueDate ?? null,
        deck.questions,
        deck.seen,
        deck.answered,
        deck.correct,
        ratio(deck.accuracy),
        ratio(deck.mastery),
        deck.behind,
      ]),
    ),
  ]);
}

export type AssignmentFact = {
  classId: string;
  className: string;
  deckId: string;
  deckTitle: string;
  dueDate: Date | null;
  questions: number;
};

/** One of a member's assignments: `answered` of `total` is how much is done (questions answered at least once). */
export type MyAssignment = {
  classId: string;
  className: string;
  deckId: string;
  deckTitle: string;
  dueDate: string | null;
  answered: number;
  total: number;
  mastery: number;
  overdue: boolean;
};

/** A member's assignments across their classes: soonest due first, those without a date last. */
export function buildMyAssignments(input: {
  userId: string;
  assignments: AssignmentFact[];
  totals: AttemptTotals[];
  cards: MemberCard[];
  now: Date;
}): MyAssignment[] {
  const sumsOf = sumsByMemberAndDeck(input.totals, input.cards, input.now);
  const dueTime = (assignment: AssignmentFact) => assignment.dueDate?.getTime() ?? Number.POSITIVE_INFINITY;
  return [...input.assignments]
    .sort(
      (a, b) =>
        dueTime(a) - dueTime(b) || a.className.localeCompare(b.className) || a.deckTitle.localeCompare(b.deckTitle),
    )
    .map((assignment) => {
      const standing = standingOf(assignment, sumsOf(input.userId, assignment.deckId));
      return {
        classId: assignment.classId,
        className: assignment.className,
        deckId: assignment.deckId,
        deckTitle: assignment.deckTitle,
        dueDate: assignment.dueDate?.toISOString() ?? null,
        answered: standing.seen,
        total: standing.questions,
        mastery: standing.mastery,
        overdue: isBehind(standing, assignment.dueDate, input.now),
      };
    });
}
