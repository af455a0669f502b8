import { canAuthor } from "@/lib/auth/roles";
import { db } from "@/lib/data/db";
import { loadReportQueue } from "@/lib/data/report-queue";
import { route } from "@/lib/http/route";
import { reportQueueQuery } from "@/lib/schemas/reports";

/** GET /api/author/reports[?deckId=]: the open reports and suspect questions of the decks the caller answers for. */
export const GET = route({
  role: canAuthor,
  query: reportQueueQuery,
  headers: { "cache-control": "private, no-store" },
  handler: ({ caller, query }) => loadReportQueue(db, caller, query.deckId),
});
