"use client";
import { useModalDialog } from "@/components/ui/use-modal-dialog";

const SHORTCUTS: [string, string][] = [
  ["1 – 9", "Pick a choice (toggle it in select-all questions); 1 True, 2 False"],
  ["Enter", "Check the answer, then go to the next question"],
  ["Ctrl + Enter", "Show the model answer of an open question"],
  ["1 – 4", "Grade yourself Again, Hard, Good or Easy (open questions)"],
  ["?", "Show or hide this list (outside a text field)"],
  ["Esc", "Leave a text field; close this list"],
];

/** The keyboard shortcuts, in a native modal dialog (focus trapped, Esc closes, focus returns). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useModalDialog(open);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-heading" onClose={onClose}>
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys + what}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
