"use client";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AnswerResponse, SelfGrade } from "@/lib/domain/grading";
import type { AnswerOutcome, SessionItem } from "@/lib/domain/question-view";
import { AnswerFeedback } from "./answer-feedback";
import { Countdown, useCountdown } from "./countdown";
import { MockReport } from "./mock-report";
import {
  AnswerInput,
  EMPTY_DRAFT,
  SelfGradeButtons,
  draftWithDigit,
  responseFromDraft,
  type Draft,
} from "./question-card";
import { SessionSummary } from "./session-summary";
import type { Phase, SessionMode, SessionResult } from "./session-types";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useAnswerSubmission } from "./use-answer-submission";
import { useSessionShortcuts } from "./use-session-shortcuts";

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

/**
 * A session of questions, one at a time and keyboard-first (use-session-shortcuts.ts), each answer sent
 * as use-answer-submission.ts says. Mock interviews hide every verdict until the end, then report per
 * topic.
 */
export function PracticeSession({ items, mode, signedIn, minutes }: Props) {
  const [index, setIndex] = useState(0);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [phase, setPhase] = useState<Phase>("answering");
  const [outcome, setOutcome] = useState<AnswerOutcome | null>(null);
  const [results, setResults] = useState<SessionResult[]>([]);
  const [finished, setFinished] = useState(false);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const item = items[index];
  const { send, error } = useAnswerSubmission(item, signedIn);

  useEffect(() => {
    if (item) keepShownInAddress(item.view);
    // Typed answers start in their field; choice questions on the question, where 1-9 work at once.
    const field =
      item && ["numeric", "calculated", "short", "open"].includes(item.view.type)
        ? document.getElementById(`answer-${item.view.id}`)
        : null;
    (field ?? headingRef.current)?.focus();
  }, [index, item]);

  const finish = useCallback(() => setFinished(true), []);
  const remainingMs = useCountdown(minutes, finished, finish);

  useEffect(() => {
    // Screen readers and keyboards land on the result, not on a question that has gone.
    if (finished) document.querySelector<HTMLElement>(".summary h2")?.focus();
  }, [finished]);

  const next = useCallback(() => {
    if (index + 1 >= items.length) {
      finish();
      return;
    }
    setIndex(index + 1);
    setDraft(EMPTY_DRAFT);
    setOutcome(null);
    setPhase("answering");
  }, [finish, index, items.length]);

  const submit = useCallback(
    async (response: AnswerResponse) => {
      if (!item) return;
      setPhase("submitting");
      const answered = await send(response);
      if (!answered) {
        setPhase(response.type === "open" ? "self-grading" : "answering");
        return;
      }
      setResults((previous) => [
        ...previous.filter((result) => result.item.view.id !== item.view.id),
        { item, outcome: answered },
      ]);
      setOutcome(answered);
      if (mode === "mock") next();
      else setPhase("answered");
    },
    [item, mode, next, send],
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

  useSessionShortcuts({
    view: finished ? undefined : item?.view,
    phase,
    shortcutsOpen: showShortcuts,
    toggleShortcuts: () => setShowShortcuts((shown) => !shown),
    leaveField: () => headingRef.current?.focus(),
    pick: (digit) => {
      if (item) setDraft((current) => draftWithDigit(item.view, current, digit));
    },
    selfGrade: submitSelfGrade,
    check: submitDraft,
    next,
  });

  const progressLabel = useMemo(
    () => `Question ${Math.min(index + 1, items.length)} of ${items.length}`,
    [index, items.length],
  );

  if (items.length === 0) return <p>There are no questions here yet.</p>;

  if (finished) {
    const byId = new Map(results.map((result) => [result.item.view.id, result]));
    const all = items.map((sessionItem) => byId.get(sessionItem.view.id) ?? { item: sessionItem, outcome: null });
    return mode === "mock" ? (
      <MockReport results={all} />
    ) : (
      <SessionSummary results={all} mode={mode} signedIn={signedIn} />
    );
  }

  const view = item!.view;
  const answered = phase === "answered" && outcome;
  const ready = view.type === "open" ? draft.text.trim().length > 0 : responseFromDraft(view, draft) !== null;

  return (
    <div className="session">
      <div className="session__bar">
        <span>{progressLabel}</span>
        <progress max={items.length} value={index} aria-label="Session progress" />
        {remainingMs !== null ? <Countdown remainingMs={remainingMs} /> : null}
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setShowShortcuts(true)}
          aria-haspopup="dialog"
        >
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
              {view.type === "open" ? "Show model answer" : error ? "Retry" : "Check answer"}{" "}
              <kbd>{view.type === "open" ? "Ctrl+Enter" : "Enter"}</kbd>
            </button>
          ) : null}
        </form>

        {(phase === "self-grading" ||
          (phase === "submitting" && view.type === "open") ||
          (answered && view.type === "open")) &&
        view.modelAnswerHtml ? (
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

        <div aria-live="polite">
          {answered ? (
            <AnswerFeedback outcome={outcome} questionId={view.id} type={view.type} signedIn={signedIn} />
          ) : null}
        </div>

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
