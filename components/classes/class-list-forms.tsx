"use client";
import { useRouter } from "next/navigation";
import { CLASS_LIMITS, isJoinCode, joinPath, normalizeJoinCode } from "@/lib/domain/classes";
import { apiFetch } from "@/lib/http/api-fetch";
import type { ClassCreated } from "@/lib/http/contracts";
import { OneFieldForm } from "./one-field-form";

/** Instructors and admins: a new class, then its dashboard. */
export function CreateClassForm() {
  const router = useRouter();
  return (
    <OneFieldForm
      id="class-name"
      label="Class name"
      button="Create class"
      maxLength={CLASS_LIMITS.nameLength}
      submit={async (name) => {
        const reply = await apiFetch<ClassCreated>("/api/classes", { method: "POST", body: { name } });
        if (!reply.ok) return reply.field ? `Class name ${reply.error}` : reply.error;
        router.push(`/classes/${reply.data.id}`);
        return null;
      }}
    />
  );
}

/**
 * A code as typed (or the link pasted) opens the join page, which names the class and says what its
 * instructor will see before the user confirms: typing a code never joins at once.
 */
export function JoinCodeForm() {
  const router = useRouter();
  return (
    <OneFieldForm
      id="join-code"
      label="Join code"
      button="Join"
      maxLength={200}
      submit={async (typed) => {
        const code = normalizeJoinCode(typed);
        if (!isJoinCode(code)) return "A class code is 10 letters and digits: check it with your instructor.";
        router.push(joinPath(code));
        return null;
      }}
    />
  );
}
