import type { Metadata } from "next";
import { DEFAULT_MOCK } from "@/lib/domain/mock-interview";

export const metadata: Metadata = {
  title: "Mock interview",
  description: "A timed, mixed set of interview questions with a scored report per topic.",
};

export default function MockStartPage() {
  return (
    <section className="narrow">
      <h1>Mock interview</h1>
      <p>
        A timed session that mixes questions from every topic in equal measure, with no feedback until the end, like the
        real thing. Then a report scores each topic and lists the questions to revisit.
      </p>
      <p className="muted">
        Open design questions are left out: they need you to grade yourself against a model answer, so practise them in
        their decks.
      </p>
      <form action="/mock/session" method="get" className="stack-form">
        <div className="field">
          <label htmlFor="minutes">Time limit (minutes)</label>
          <input id="minutes" name="minutes" type="number" min={5} max={120} defaultValue={DEFAULT_MOCK.minutes} />
        </div>
        <div className="field">
          <label htmlFor="questions">Questions</label>
          <input id="questions" name="questions" type="number" min={5} max={60} defaultValue={DEFAULT_MOCK.questions} />
        </div>
        <button type="submit" className="button button--primary">
          Start the interview
        </button>
      </form>
    </section>
  );
}
