import { requestNow } from "@/lib/clock";
import { db } from "@/lib/data/db";
import { countDue } from "@/lib/data/review-cards";
import { findRole } from "@/lib/data/users";
import type { MeSummary } from "@/lib/http/contracts";
import { route } from "@/lib/http/route";
import { ok } from "@/lib/outcome";

/**
 * GET /api/me/summary: who is signed in and how many reviews are due, for the header. The header asks
 * from the browser so that the public pages stay static (reading the session in the layout would make
 * every page dynamic).
 */
export const GET = route({
  role: "guest-or-user",
  headers: { "cache-control": "private, no-store" },
  handler: async ({ caller }) => {
    if (!caller) return ok<MeSummary>({ signedIn: false });
    const [dueNow, role] = await Promise.all([countDue(db, caller.id, await requestNow()), findRole(db, caller.id)]);
    return ok<MeSummary>({ signedIn: true, name: caller.name, email: caller.email, dueNow, role: role ?? "candidate" });
  },
});
