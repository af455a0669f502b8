"use client";
import Link from "next/link";
import { cueAdvice } from "@/lib/domain/answer-cues";
import type { QuestionInput } from "@/lib/schemas/authoring";

type ChoiceInput = Extract<QuestionInput, { type: "single" | "multiple" }>;

/**
 * Under the choices: whether candidates see them shuffled (the default; off only when their order carries
 * meaning), and advice on cues that give the answer away. Advice never blocks saving: content:check gates
 * the shipped decks as a whole, an author decides for one question.
 */
export function ChoiceOrderAndAdvice({
  question,
  update,
}: {
  question: ChoiceInput;
  update: (patch: Partial<ChoiceInput>) => void;
}) {
  const shuffle = question.shuffle !== false;
  const advice = cueAdvice(question, shuffle);
  return (
    <>
      <label className="choice-label">
        <input
          type="checkbox"
          checked={shuffle}
          onChange={(event) => update({ shuffle: event.target.checked ? undefined : false })}
        />
        Shuffle the choices for each candidate (turn off only when their order carries meaning, such as ordered ranges)
      </label>
      {advice.length > 0 ? (
        <div className="advice" role="note" data-testid="choice-advice">
          <ul>
            {advice.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="muted small">
        <Link href="/author/item-writing">How to write options that test knowledge</Link>
      </p>
    </>
  );
}
