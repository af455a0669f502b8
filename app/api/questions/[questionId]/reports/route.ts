import { requestNow } from "@/lib/clock";
import { db } from "@/lib/data/db";
import { fileReport, findReportable } from "@/lib/data/question-reports";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { questionParams } from "@/lib/schemas/route-params";
import { reportInputSchema } from "@/lib/schemas/reports";

/**
 * POST /api/questions/:questionId/reports: a signed-in user reports a problem with a question. 201 with
 * the report, also when it updates the user's open report on the question (the same id comes back).
 */
export const POST = route({
  role: "signed-in",
  params: questionParams,
  access: (caller, params) => findReportable(db, caller.id, params.questionId),
  body: { schema: reportInputSchema, limit: BODY_LIMITS.report },
  status: 201,
  handler: async ({ caller, params, granted, body }) =>
    fileReport(
      db,
      { userId: caller.id, questionId: params.questionId, revision: granted.revision, report: body },
      await requestNow(),
    ),
});
