import { canAuthor } from "@/lib/auth/roles";
import { requestNow } from "@/lib/clock";
import { db } from "@/lib/data/db";
import { checkReportAccess, resolveReport } from "@/lib/data/question-reports";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { reportParams, resolveReportSchema } from "@/lib/schemas/reports";

/** PATCH /api/author/reports/:reportId: the deck's author or an admin closes a report as fixed or dismissed. */
export const PATCH = route({
  role: canAuthor,
  params: reportParams,
  access: (caller, params) => checkReportAccess(db, caller, params.reportId),
  body: { schema: resolveReportSchema, limit: BODY_LIMITS.report },
  handler: async ({ caller, params, body }) => resolveReport(db, caller, params.reportId, body, await requestNow()),
});
