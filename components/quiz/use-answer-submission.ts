"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AnswerResponse } from "@/lib/domain/grading";
import type { AnswerOutcome, SessionItem } from "@/lib/domain/question-view";
import { apiFetch, NO_ANSWER, type ApiFailure } from "@/lib/http/api-fetch";
import type { AnswerReply } from "@/lib/http/contracts";
import { addGuestAttempt } from "@/lib/practice/guest-store";

function failureMessage(failure: ApiFailure): string {
  if (failure.status === NO_ANSWER)
    return "Could not reach the server. Your answer is kept here: press Enter or Retry to send it again.";
  if (failure.status === 401) return "Your session has ended. Sign in again to keep recording answers.";
  return failure.error;
}

/**
 * Sends the answers to the question on screen. Signed-in answers are recorded (POST /api/attempts); a
 * guest's are graded without writing (POST /api/grade) and kept in this browser until sign-in. Each
 * question shown gets one attempt id and start time, so a retry after a failure re-sends the same id and
 * an answer is never recorded twice. `send` resolves with the outcome, or null with `error` saying why.
 */
export function useAnswerSubmission(item: SessionItem | undefined, signedIn: boolean) {
  const attempt = useRef({ id: "", startedAt: 0 });
  // The failure belongs to the question it happened on: the next question starts without it.
  const [failure, setFailure] = useState<{ item: SessionItem; message: string } | null>(null);

  useEffect(() => {
    attempt.current = { id: crypto.randomUUID(), startedAt: performance.now() };
  }, [item]);

  const send = useCallback(
    async (response: AnswerResponse): Promise<AnswerOutcome | null> => {
      if (!item) return null;
      setFailure(null);
      const body = {
        questionId: item.view.id,
        revision: item.view.revision,
        response,
        attemptId: attempt.current.id,
        elapsedMs: Math.round(performance.now() - attempt.current.startedAt),
      };
      const reply = await apiFetch<AnswerReply>(signedIn ? "/api/attempts" : "/api/grade", { method: "POST", body });
      if (!reply.ok) {
        setFailure({ item, message: failureMessage(reply) });
        return null;
      }
      if (!signedIn) addGuestAttempt({ ...body, answeredAt: new Date().toISOString(), correct: reply.data.correct });
      return reply.data;
    },
    [item, signedIn],
  );

  return { send, error: failure && failure.item === item ? failure.message : null };
}
