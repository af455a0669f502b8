import "server-only";
import { NextResponse } from "next/server";
import { requireRequestRole } from "@/lib/auth/request-session";
import { canAuthor } from "@/lib/auth/roles";
import { describeProblem } from "@/lib/content/content-problem";
import type { Actor, Outcome } from "@/lib/data/authoring";
import type { FieldProblem } from "@/lib/http/contracts";

/** The caller of an authoring route: an instructor or admin (401 signed out, 403 otherwise). */
export async function requireAuthor(request: Request): Promise<{ ok: true; actor: Actor } | { ok: false; response: Response }> {
  const caller = await requireRequestRole(request, canAuthor);
  return caller.ok ? { ok: true, actor: { id: caller.user.id, role: caller.user.role } } : caller;
}

/** A data-layer outcome as JSON: the value with `status`, or the refusal's status and message. */
export function outcomeResponse<T>(outcome: Outcome<T>, status = 200): Response {
  return outcome.ok ? NextResponse.json(outcome.value, { status }) : NextResponse.json({ error: outcome.error }, { status: outcome.status });
}

/** A question the content checker refused: 400, the first problem (as a line that names its field), and every problem. */
export function questionProblems(problems: FieldProblem[]): Response {
  const first = problems[0]!;
  return NextResponse.json({ error: describeProblem(first), field: ["question", first.field].filter(Boolean).join("."), problems }, { status: 400 });
}
