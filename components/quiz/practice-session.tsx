"use client";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { minutesAndSeconds } from "@/lib/domain/format";
import type { AnswerResponse, SelfGrade } from "@/lib/domain/grading";
import type { AnswerOutcome, SessionItem } from "@/lib/domain/question-view";
import { apiFetch, NO_ANSWER } from "@/lib/http/api-fetch";
import type { AnswerReply } from "@/lib/http/contracts";
import { addGuestAttempt } from "@/lib/practice/guest-store";
import { AnswerFeedback } from "./answer-feedback";
import { MockReport } from "./mock-report";
import { AnswerInput, EMPTY_DRAFT, SelfGradeButtons, draftWithDigit, responseFromDraft, type Draft } from "./question-card";
import { SessionSummary } from "./session-summary";
import { ShortcutsDialog } from "./shortcuts-dialog";

export type SessionMode = "practice" | "review" | "mock";
export type SessionResult = { item: SessionItem; outcome: AnswerOutcome | null };

type Phase = "answering" | "self-grading" | "submitting" | "answered";

type Props = {
  items: SessionItem[];
  mode: SessionMode;
  signedIn: boolean;
  /** Mock interviews only: the time limit. */
  minutes?: number;
};

/**
 * Keeps the question on screen and its seed in the address (`?shown=id.seed`, lib/schemas/attempt.ts), so a
 * reload presents it again with the same order of choices and the same numbers, not a fresh draw.
 */
function keepShownInAddress(view: SessionItem["view"]) {
  const url = new URL(window.location.href);
  if (view.seed === undefined) url.searchParams.delete("shown");
  else url.searchParams.set("shown", `${view.id}.${view.seed}`);
  window.history.replaceState(window.history.state, "", url);
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && !["radio", "checkbox"].includes((target as HTMLInputElement).type)));
}

/**
 * A session of questions, one at a time and keyboard-first: 1-9 pick, Enter submits and moves on, `?`
 * lists the shortcuts. Signed-in answers are recorded (POST /api/attempts); a guest's are graded without
 * writing (POST /api/grade) and kept in this browser until sign-in. A retry after a network failure
 * re-sends the same attempt id, so an answer is never recorded twice. Mock interviews hide every
 * verdict until the end, then report per topic.
 */
export function PracticeSession({ items, mode, signedIn, minutes }: Props) {
  const [index, setIndex] = useState(0);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [phase, setPhase] = useState<Phase>("answering");
  const [outcome, setOutcome] = useState<AnswerOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<SessionResult[]>([]);
  const [finished, setFinished] = useState(false);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [deadline] = useState(() => (minutes ? Date.now() + minutes * 60_000 : null));
  const [remainingMs, setRemainingMs] = useState<number | null>(minutes ? minutes * 60_000 : null);
  // One attempt id and start time per question shown: a retry re-sends the same id.
  const attempt = useRef({ id: "", startedAt: 0 });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const item = items[index];

  useEffect(() => {
    attempt.current = { id: crypto.randomUUID(), startedAt: performance.now() };
    if (item) keepShownInAddress(item.view);
    // Typed answers start in their field; choice questions on the question, where 1-9 work at once.
    const field = item && ["numeric", "calculated", "short", "open"].includes(item.view.type) ? document.getElementById(`answer-${item.view.id}`) : null;
    (field ?? headingRef.current)?.focus();
  }, [index, item]);

  const finish = useCallback(() => setFinished(true), []);

  useEffect(() => {
    // Screen readers and keyboards land on the result, not on a question that has gone.
    if (finished) document.querySelector<HTMLElement>(".summary h2")?.focus();
  }, [finished]);

  useEffect(() => {
    if (!deadline || finished) return;
    const tick = () => {
      const left = Math.max(0, deadline - Date.now());
      setRemainingMs(left);
      if (left === 0) finish();
    };
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [deadline, finished, finish]);

  const next = useCallback(() => {
    if (index + 1 >= items.length) {
      finish();
      return;
    }
    setIndex(index + 1);
    setDraft(EMPTY_DRAFT);
    setOutcome(null);
    setError(null);
    setPhase("answering");
  }, [finish, index, items.length]);

  const submit = useCallback(
    async (response: AnswerResponse) => {
      if (!item) return;
      setPhase("submitting");
      setError(null);
      const body = {
        questionId: item.view.id,
        revision: item.view.revision,
        response,
        attemptId: attempt.current.id,
        elapsedMs: Math.round(performance.now() - attempt.current.startedAt),
      };
      const reply = await apiFetch<AnswerReply>(signedIn ? "/api/attempts" : "/api/grade", { method: "POST", body });
      if (!reply.ok) {
        setError(
          reply.status === NO_ANSWER
            ? "Could not reach the server. Your answer is kept here: press Enter or Retry to send it again."
            : reply.status === 401
              ? "Your session has ended. Sign in again to keep recording answers."
              : reply.error,
        );
        setPhase(response.type === "open" ? "self-grading" : "answering");
        return;
      }
      const json = reply.data;
      if (!signedIn) {
        addGuestAttempt({ ...body, answeredAt: new Date().toISOString(), correct: json.correct });
      }
      setResults((previous) => [...previous.filter((result) => result.item.view.id !== item.view.id), { item, outcome: json }]);
      setOutcome(json);
      if (mode === "mock") next();
      else setPhase("answered");
    },
    [item, mode, next, signedIn],
  );

  const submitDraft = useCallback(() => {
    if (!item) return;
    if (item.view.type === "open") {
      setPhase("self-grading");
      return;
    }
    const response = responseFromDraft(item.view, draft);
    if (response) void submit(response);
  }, [draft, item, submit]);

  const submitSelfGrade = useCallback(
    (grade: SelfGrade) => {
      if (!item) return;
      const response = responseFromDraft(item.view, draft, grade);
      if (response) void submit(response);
    },
    [draft, item, submit],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (finished || !item || event.altKey || event.metaKey) return;
      if (event.key === "?" && !isTyping(event.target)) {
        event.preventDefault();
        setShowShortcuts((shown) => !shown);
        return;
      }
      if (showShortcuts) return;
      if (event.key === "Escape" && isTyping(event.target)) {
        // Leaves the answer field, so the single-key shortcuts work again.
        headingRef.current?.focus();
        return;
      }
      if (event.key === "Enter" && event.ctrlKey && phase === "answering" && item.view.type === "open") {
        event.preventDefault();
        submitDraft();
        return;
      }
      if (isTyping(event.target) || event.ctrlKey) return;
      const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : null;
      if (digit !== null && phase === "answering") {
        event.preventDefault();
        setDraft((current) => draftWithDigit(item.view, current, digit));
      } else if (digit !== null && digit <= 4 && phase === "self-grading") {
        event.preventDefault();
        submitSelfGrade((["again", "hard", "good", "easy"] as const)[digit - 1]!);
      } else if (event.key === "Enter" && !(event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement)) {
        if (phase === "answering") {
          event.preventDefault();
          submitDraft();
        } else if (phase === "answered") {
          event.preventDefault();
          next();
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [finished, item, next, phase, showShortcuts, submitDraft, submitSelfGrade]);

  const progressLabel = useMemo(() => `Question ${Math.min(index + 1, items.length)} of ${items.length}`, [index, items.length]);

  if (items.length === 0) return <p>There are no questions here yet.</p>;

  if (finished) {
    const byId = new Map(results.map((result) => [result.item.view.id, result]));
    const all = items.map((sessionItem) => byId.get(sessionItem.view.id) ?? { item: sessionItem, outcome: null });
    return mode === "mock" ? <MockReport results={all} /> : <SessionSummary results={all} mode={mode} signedIn={signedIn} />;
  }

  const view = item!.view;
  const answered = phase === "answered" && outcome;
  const ready = view.type === "open" ? draft.text.trim().length > 0 : responseFromDraft(view, draft) !== null;

  return (
    <div className="session">
      <div className="session__bar">
        <span>{progressLabel}</span>
        <progress max={items.length} value={index} aria-label="Session progress" />
        {remainingMs !== null ? (
          <span className="timer" role="timer" aria-live="off">
            {minutesAndSeconds(remainingMs)} left
          </span>
        ) : null}
        <button type="button" className="button button--quiet" onClick={() => setShowShortcuts(true)} aria-haspopup="dialog">
          <kbd>?</kbd> Shortcuts
        </button>
        {mode === "mock" ? (
          <button type="button" className="button button--quiet" onClick={finish}>
            Finish now
          </button>
        ) : null}
      </div>

      <article className="question" data-question-id={view.id} data-seed={view.seed} aria-labelledby="question-heading">
        <p className="question__meta muted">
          <Link href={`/decks/${item!.deckId}`}>{item!.deckTitle}</Link>
          {item!.topicName !== item!.deckTitle ? ` · ${item!.topicName}` : ""} · difficulty {view.difficulty} of 3
        </p>
        <h2 id="question-heading" ref={headingRef} tabIndex={-1} className="visually-hidden">
          {progressLabel}
        </h2>
        <div className="question__prompt prose" dangerouslySetInnerHTML={{ __html: view.promptHtml }} />

        <form
          className="question__form"
          onSubmit={(event) => {
            event.preventDefault();
            if (phase === "answering") submitDraft();
            else if (phase === "answered") next();
          }}
        >
          <AnswerInput
            view={view}
            draft={draft}
            onDraft={setDraft}
            disabled={phase !== "answering"}
            correctChoices={answered ? outcome.key.correctChoices : undefined}
            choiceFeedback={answered ? outcome.key.choiceFeedback : undefined}
          />
          {phase === "answering" ? (
            <button type="submit" className="button button--primary" disabled={!ready}>
              {view.type === "open" ? "Show model answer" : error ? "Retry" : "Check answer"} <kbd>{view.type === "open" ? "Ctrl+Enter" : "Enter"}</kbd>
            </button>
          ) : null}
        </form>

        {(phase === "self-grading" || (phase === "submitting" && view.type === "open") || (answered && view.type === "open")) && view.modelAnswerHtml ? (
          <section className="model-answer" aria-labelledby="model-answer-heading">
            <h3 id="model-answer-heading">Model answer</h3>
            <div className="prose" dangerouslySetInnerHTML={{ __html: view.modelAnswerHtml }} />
            <h3>Rubric: did your answer cover these?</h3>
            <ul className="rubric">
              {view.rubricHtml?.map((point, rubricIndex) => (
                <li key={rubricIndex} dangerouslySetInnerHTML={{ __html: point }} />
              ))}
            </ul>
            {phase !== "answered" ? (
              <>
                <p>Grade yourself honestly: the grade decides when this question comes back.</p>
                <SelfGradeButtons onGrade={submitSelfGrade} disabled={phase === "submitting"} />
              </>
            ) : null}
          </section>
        ) : null}

        {error ? (
          <p role="alert" className="form-error">
            {error}
          </p>
        ) : null}

        <div aria-live="polite">{answered ? <AnswerFeedback outcome={outcome} type={view.type} signedIn={signedIn} /> : null}</div>

        {answered ? (
          <button type="button" className="button button--primary" onClick={next} autoFocus>
            {index + 1 >= items.length ? "See summary" : "Next question"} <kbd>Enter</kbd>
          </button>
        ) : null}
      </article>

      <ShortcutsDialog open={showShortcuts} onClose={() => setShowShortcuts(false)} />
    </div>
  );
}
