"use client";
import { useEffect, useRef, type RefObject } from "react";

/**
 * A native <dialog> driven by state: shown modal (focus trapped, Escape cancels, focus returns to where it
 * was) while `open`, closed otherwise. `focus`, when given, is where focus goes as it opens.
 */
export function useModalDialog(
  open: boolean,
  focus?: RefObject<HTMLElement | null>,
): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open === open) return;
    if (open) {
      element.showModal();
      focus?.current?.focus();
    } else {
      element.close();
    }
  }, [open, focus]);
  return dialog;
}
