"use client";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import type { MeSummary, MyAssignments } from "@/lib/http/contracts";
import type { MyAssignment } from "@/lib/domain/class-progress";
import { AssignmentList } from "./assignment-list";

/**
 * The home page's assignments, loaded from the browser: the home page is prerendered (reading the session
 * there would make it render per request), as the header's account menu is. A guest is not asked for
 * assignments at all, so their console shows no 401 on every visit.
 */
async function loadAssignments(): Promise<MyAssignment[]> {
  const summary = await apiFetch<MeSummary>("/api/me/summary", { cache: "no-store" });
  if (!summary.ok || !summary.data.signedIn) return [];
  const reply = await apiFetch<MyAssignments>("/api/me/assignments", { cache: "no-store" });
  return reply.ok ? reply.data.assignments : [];
}

export function HomeAssignments() {
  const [assignments, setAssignments] = useState<MyAssignment[]>([]);
  useEffect(() => {
    let cancelled = false;
    void loadAssignments().then((loaded) => {
      if (!cancelled) setAssignments(loaded);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  // The browser's own zone: the tz cookie the server pages read is set from the same value.
  return <AssignmentList assignments={assignments} timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone} />;
}
