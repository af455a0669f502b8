"use client";
import { useId, useRef } from "react";
import { useModalDialog } from "./use-modal-dialog";

type Props = {
  open: boolean;
  /** What the change does, as its button says it ("Delete class"): the dialog's title and its yes. */
  action: string;
  /** What follows from it, read out with the title. */
  message: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * Asks before a change that cannot be undone, instead of the browser's confirm(): a native modal dialog
 * (focus stays inside, Escape cancels, focus goes back to the button that opened it), announced as an
 * alert dialog with its message, in the site's look. Focus starts on Cancel, the answer that changes nothing.
 */
export function ConfirmDialog({ open, action, message, onConfirm, onCancel }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  const dialog = useModalDialog(open, cancel);
  const id = useId();
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      onClose={onCancel}
    >
      <h2 id={`${id}-title`}>{action}?</h2>
      <p id={`${id}-message`}>{message}</p>
      <div className="dialog__actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {action}
        </button>
      </div>
    </dialog>
  );
}
