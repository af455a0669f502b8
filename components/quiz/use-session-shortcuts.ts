"use client";
import { useEffect, useEffectEvent } from "react";
import { SELF_GRADES, type SelfGrade } from "@/lib/domain/grading";
import type { QuestionView } from "@/lib/domain/question-view";
import type { Phase } from "./session-types";

/** In a text field or a list box keys type or choose; radios and checkboxes leave the single-key shortcuts working. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.tagName === "TEXTAREA" ||
      target.tagName === "SELECT" ||
      (target.tagName === "INPUT" && !["radio", "checkbox"].includes((target as HTMLInputElement).type)))
  );
}

type Shortcuts = {
  /** The question on screen; none once the session is over. */
  view: QuestionView | undefined;
  phase: Phase;
  shortcutsOpen: boolean;
  toggleShortcuts: () => void;
  /** Leaves the answer field, so the single-key shortcuts work again. */
  leaveField: () => void;
  pick: (digit: number) => void;
  selfGrade: (grade: SelfGrade) => void;
  /** Checks the answer (or shows an open question's model answer). */
  check: () => void;
  next: () => void;
};

/**
 * The session's keyboard: 1-9 pick (1-4 grade an open answer), Enter checks and then moves on, Ctrl+Enter
 * shows an open question's model answer, `?` shows the shortcuts, Esc leaves a text field. The list the
 * candidate sees is components/quiz/shortcuts-dialog.tsx.
 */
export function useSessionShortcuts(shortcuts: Shortcuts) {
  // Reads the session as it is at each key press, while the listener itself is added once.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const { view, phase } = shortcuts;
    if (!view || event.altKey || event.metaKey) return;
    if (event.key === "?" && !isTyping(event.target)) {
      event.preventDefault();
      shortcuts.toggleShortcuts();
      return;
    }
    if (shortcuts.shortcutsOpen) return;
    if (event.key === "Escape" && isTyping(event.target)) {
      shortcuts.leaveField();
      return;
    }
    if (event.key === "Enter" && event.ctrlKey && phase === "answering" && view.type === "open") {
      event.preventDefault();
      shortcuts.check();
      return;
    }
    if (isTyping(event.target) || event.ctrlKey) return;
    const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : null;
    if (digit !== null && phase === "answering") {
      event.preventDefault();
      shortcuts.pick(digit);
    } else if (digit !== null && digit <= SELF_GRADES.length && phase === "self-grading") {
      event.preventDefault();
      shortcuts.selfGrade(SELF_GRADES[digit - 1]!);
    } else if (
      event.key === "Enter" &&
      !(
        event.target instanceof HTMLButtonElement ||
        event.target instanceof HTMLAnchorElement ||
        (event.target instanceof HTMLElement && event.target.tagName === "SUMMARY")
      )
    ) {
      // Enter on a focused button, link or disclosure (the report form's) does what that control says,
      // not the session's default.
      if (phase === "answering") {
        event.preventDefault();
        shortcuts.check();
      } else if (phase === "answered") {
        event.preventDefault();
        shortcuts.next();
      }
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}
