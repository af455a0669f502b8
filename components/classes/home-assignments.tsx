"use client";
import { useEffect, useState } from "react";
import { useSignedIn } from "@/components/account/signed-in-store";
import { apiFetch } from "@/lib/http/api-fetch";
import type { MyAssignments } from "@/lib/http/contracts";
import type { MyAssignment } from "@/lib/domain/class-progress";
import { AssignmentList } from "./assignment-list";

/**
 * The home page's assignments, loaded from the browser: the home page is prerendered (reading the session
 * there would make it render per request), as the header's account menu is. They are asked for once the
 * account menu has found a session (signed-in-store.ts): a guest is not asked at all, so their console
 * shows no 401 on every visit, and nobody's browser asks /api/me/summary twice.
 */
export function HomeAssignments() {
  const signedIn = useSignedIn();
  const [assignments, setAssignments] = useState<MyAssignment[]>([]);
  useEffect(() => {
    if (!signedIn) return;
    let cancelled = false;
    void apiFetch<MyAssignments>("/api/me/assignments", { cache: "no-store" }).then((reply) => {
      if (!cancelled && reply.ok) setAssignments(reply.data.assignments);
    });
    return () => {
      cancelled = true;
    };
  }, [signedIn]);
  if (assignments.length === 0) return null;
  // The browser's own zone: the tz cookie the server pages read is set from the same value.
  return <AssignmentList assignments={assignments} timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone} />;
}
