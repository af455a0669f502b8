"use client";
import { useEffect, useState } from "react";
import { apiFetch, type ApiResult } from "@/lib/http/api-fetch";
import type { PreviewReply } from "@/lib/http/contracts";
import { latestWins } from "@/lib/http/latest-wins";
import type { QuestionInput } from "@/lib/schemas/authoring";

/** The pause in typing after which the server is asked: one request per pause, not one per keystroke. */
const PREVIEW_DELAY_MS = 400;

/**
 * The editor field a refused request names ("question.choices.1.text" is shown at the choices); an error
 * about the body as a whole is shown at the prompt.
 */
/** The question's own path of a refused field ("question.choices.2.text" → "choices.2.text"); the editor places it. */
const editorField = (field: string | undefined) => (field ?? "prompt").replace(/^question\./, "");

/**
 * What the server makes of the question being written: the content checker's problems and, once it
 * renders, the question exactly as candidates will see it. Asked 400 ms after the last change; each
 * request aborts the one before, so a slower, older preview never replaces a newer one.
 */
export function useQuestionPreview(question: QuestionInput, authoredOrder: boolean): PreviewReply {
  const [preview, setPreview] = useState<PreviewReply>({ problems: [] });
  const [latest] = useState(() => latestWins<ApiResult<PreviewReply>>());

  useEffect(() => {
    // apiFetch answers every failure (offline, aborted, refused) as a value, so nothing here rejects.
    const refresh = async () => {
      const answer = await latest.run((signal) =>
        apiFetch<PreviewReply>("/api/author/preview", { method: "POST", body: { question, authoredOrder }, signal }),
      );
      if (answer.stale) return;
      const reply = answer.value;
      setPreview(
        reply.ok
          ? reply.data
          : { problems: reply.problems ?? [{ field: editorField(reply.field), message: reply.error }] },
      );
    };
    const timer = setTimeout(() => void refresh(), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [latest, question, authoredOrder]);

  // A request still in flight when the editor goes has no one left to show its answer to.
  useEffect(() => () => latest.abort(), [latest]);

  return preview;
}
