/**
 * Reports from candidates on questions, and the "suspect" questions the item statistics point at: the
 * rules, pure. The data layer (lib/data/question-reports.ts, lib/data/report-queue.ts) loads the rows and
 * the statistics and asks these.
 */
import { FLAG_MIN_CANDIDATES, type ItemStatistics } from "./item-statistics";

export const REPORT_REASONS = ["wrong-key", "unclear", "typo", "outdated", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  "wrong-key": "Wrong answer key",
  unclear: "Unclear or ambiguous",
  typo: "Typo or formatting",
  outdated: "Outdated",
  other: "Other",
};

/** "resolved" is a report the author fixed; "dismissed" one they answered without a change. */
export const REPORT_STATUSES = ["open", "resolved", "dismissed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  open: "Open: the author has not looked at it yet",
  resolved: "Fixed",
  dismissed: "Dismissed",
};

export const REPORT_NOTE_MAX = 1_000;

/** Why the statistics make a question suspect. */
export type SuspectReason = "negative-discrimination" | "distractor-over-key";

export const SUSPECT_LABELS: Record<SuspectReason, string> = {
  "negative-discrimination": "negative discrimination: learners who do well elsewhere get it wrong more often",
  "distractor-over-key": "a wrong choice is picked more often than the key",
};

/**
 * The statistics' signs of a miskeyed or misleading question, from what lib/domain/item-statistics.ts
 * already computes: a negative discrimination index (strong learners miss it more than weak ones), or a
 * wrong choice picked on more first attempts than the key. The key's share is the facility, the share of
 * first attempts that were right: for a single choice that is exactly how often the key was picked; for a
 * multiple choice it is how often the whole key was, the fair comparison for a distractor that displaces
 * it. Like the statistics' own flags, nothing is suspect before FLAG_MIN_CANDIDATES learners answered.
 */
export function suspectReasons(item: ItemStatistics): SuspectReason[] {
  if (item.candidates < FLAG_MIN_CANDIDATES) return [];
  const reasons: SuspectReason[] = [];
  if (item.discrimination !== null && item.discrimination < 0) reasons.push("negative-discrimination");
  const facility = item.facility ?? 0;
  if (item.wrongChoicePicks.some((pick) => pick.share > facility)) reasons.push("distractor-over-key");
  return reasons;
}

/** A report as the queue needs it. */
export type QueueReport = { questionId: string };

export type QueueEntry<R extends QueueReport, S extends ItemStatistics> = {
  questionId: string;
  /** The question's open reports, in the caller's order. */
  reports: R[];
  statistics: S | null;
  suspect: SuspectReason[];
};

/**
 * One deck's review queue from its questions (in deck order), their open reports and their statistics: each
 * question with an open report or a suspect sign, the most reported first, suspect-only questions after.
 */
export function buildQueue<R extends QueueReport, S extends ItemStatistics>(
  questionIds: string[],
  openReports: R[],
  statistics: S[],
): QueueEntry<R, S>[] {
  const byQuestion = new Map<string, R[]>();
  for (const report of openReports)
    byQuestion.set(report.questionId, [...(byQuestion.get(report.questionId) ?? []), report]);
  const statisticsOf = new Map(statistics.map((item) => [item.questionId, item]));
  return questionIds
    .map((questionId) => {
      const item = statisticsOf.get(questionId) ?? null;
      return {
        questionId,
        reports: byQuestion.get(questionId) ?? [],
        statistics: item,
        suspect: item ? suspectReasons(item) : [],
      };
    })
    .filter((entry) => entry.reports.length > 0 || entry.suspect.length > 0)
    .sort((a, b) => b.reports.length - a.reports.length);
}
