import { describe, expect, it } from "vitest";
import { checkGlossary, type SourceFile } from "@/lib/content/glossary-check";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";

const filler = "Each sentence here adds plain words so the definition reaches the minimum length the checker asks for.";
const body = (extra = "") => `${extra} ${Array.from({ length: 5 }, () => filler).join(" ")}`.trim();

function term(slug: string, frontMatter: string, text = body()): SourceFile {
  return { path: `content/glossary/${slug}.md`, source: `---\n${frontMatter}\n---\n${text}\n` };
}

const validFront = (name: string, related = "[beta, omega]") =>
  `term: ${name}\naliases: []\ntopics: [metrics]\nrelated: ${related}`;
const alpha = term("alpha", validFront("Alpha"), body("Alpha relates to [[beta]]."));
const beta = term("beta", validFront("Beta", "[alpha, omega]"));
const omega = term("omega", validFront("Omega", "[alpha, beta]"));
/** Three valid terms that relate to each other: every related list needs two. */
const base = [alpha, beta, omega];

function problemsOf(files: SourceFile[]) {
  return checkGlossary(files).problems.map((problem) => `${problem.path}:${problem.line}: ${problem.message}`);
}

describe("checkGlossary", () => {
  it("accepts a valid pair of terms", () => {
    const result = checkGlossary(base);
    expect(result.problems).toEqual([]);
    expect(result.terms.map((entry) => entry.slug)).toEqual(["alpha", "beta", "omega"]);
  });

  it("reports invalid front matter with the line of the field", () => {
    const bad = term("gamma", "term: Gamma\naliases: []\ntopics: [astrology]\nrelated: [alpha, beta]");
    expect(problemsOf([...base, bad])).toEqual([
      expect.stringMatching(/^content\/glossary\/gamma\.md:4: topics\.0: Invalid option/),
    ]);
  });

  it("reports a missing required field and unknown keys", () => {
    const bad = term("gamma", "aliases: []\ntopics: [metrics]\nrelated: [alpha, beta]\ncolour: blue");
    const problems = problemsOf([...base, bad]);
    expect(problems).toContainEqual(expect.stringMatching(/gamma\.md:\d+: term: /));
    expect(problems).toContainEqual(expect.stringMatching(/gamma\.md:\d+: front matter: Unrecognized key.*colour/));
  });

  it("reports YAML syntax errors with their line", () => {
    const bad = term("gamma", "term: Gamma\naliases: [unclosed\ntopics: [metrics]\nrelated: [alpha, beta]");
    expect(problemsOf([...base, bad])).toEqual([
      expect.stringMatching(/^content\/glossary\/gamma\.md:\d+: invalid YAML/),
    ]);
  });

  it("reports missing front matter", () => {
    expect(problemsOf([...base, { path: "content/glossary/gamma.md", source: "Just text." }])).toEqual([
      "content/glossary/gamma.md:1: front matter missing: the file must start with a line '---'",
    ]);
  });

  it("reports duplicate slugs across folders", () => {
    const copy = { ...beta, path: "content/glossary/other/beta.md" };
    expect(problemsOf([...base, copy])).toContainEqual(
      'content/glossary/other/beta.md:1: duplicate slug "beta" (also content/glossary/beta.md)',
    );
  });

  it("reports an alias claimed by two terms, on both, ignoring case and punctuation", () => {
    const one = term("one", "term: One\naliases: [KV-cache]\ntopics: [metrics]\nrelated: [two, alpha]");
    const two = term("two", "term: Two\naliases: [kv cache]\ntopics: [metrics]\nrelated: [one, alpha]");
    expect(problemsOf([one, two, ...base])).toEqual([
      'content/glossary/one.md:3: the name or alias "KV-cache" is also claimed by two',
      'content/glossary/two.md:3: the name or alias "kv cache" is also claimed by one',
    ]);
  });

  it("reports links and related slugs that do not exist, with their lines", () => {
    const text = `First line of the body.\n\nSee [[nowhere]] and [this](/glossary/missing) too. ${body()}`;
    const bad = term("gamma", validFront("Gamma", "[alpha, ghost]"), text);
    expect(problemsOf([...base, bad])).toEqual([
      'content/glossary/gamma.md:5: related: no term "ghost" exists',
      'content/glossary/gamma.md:9: link to unknown term "nowhere"',
      'content/glossary/gamma.md:9: link to unknown term "missing"',
    ]);
  });

  it("reports an empty body", () => {
    const bad = term("gamma", validFront("Gamma", "[alpha, beta]"), "   ");
    expect(problemsOf([...base, bad])).toEqual(["content/glossary/gamma.md:7: the definition (body) is empty"]);
  });

  it("reports a definition that is too short or too long", () => {
    const short = term("gamma", validFront("Gamma", "[alpha, beta]"), "Too short.");
    const long = term(
      "delta",
      validFront("Delta", "[alpha, beta]"),
      Array.from({ length: 40 }, () => filler).join(" "),
    );
    expect(problemsOf([...base, short, long])).toEqual([
      expect.stringMatching(/delta\.md:7: the definition has \d+ words; it must have 60 to 250/),
      "content/glossary/gamma.md:7: the definition has 2 words; it must have 60 to 250",
    ]);
  });

  it("reports invalid math with its line", () => {
    const bad = term("gamma", validFront("Gamma", "[alpha, beta]"), `${body()}\n\n$$\\frac{1}{$$`);
    expect(problemsOf([...base, bad])).toEqual([
      expect.stringMatching(/^content\/glossary\/gamma\.md:9: invalid math: /),
    ]);
  });

  it("reports a term with fewer than two related terms", () => {
    const bad = term("gamma", validFront("Gamma", "[alpha]"));
    expect(problemsOf([...base, bad])).toEqual([
      "content/glossary/gamma.md:5: related: needs at least two related terms",
    ]);
  });

  it("asks terms about fast-moving topics for the month they were reviewed", () => {
    const front = "term: Gamma\naliases: []\ntopics: [metrics, llm-inference]\nrelated: [alpha, beta]";
    expect(problemsOf([...base, term("gamma", front)])).toEqual([
      'content/glossary/gamma.md:4: a term about llm-inference needs "reviewed: YYYY-MM", the month its facts were last checked',
    ]);
    expect(problemsOf([...base, term("gamma", `${front}\nreviewed: 2026-11`)])).toEqual([]);
    expect(problemsOf([...base, term("gamma", `${front}\nreviewed: 2026-13`)])).toEqual([
      "content/glossary/gamma.md:6: reviewed: must be a month as YYYY-MM",
    ]);
  });

  it("reports a term that lists itself as related", () => {
    const bad = term("gamma", validFront("Gamma", "[gamma, alpha]"));
    expect(problemsOf([...base, bad])).toEqual(["content/glossary/gamma.md:5: related lists the term itself"]);
  });
});

describe("the shipped glossary", () => {
  const { terms, problems } = loadGlossary();

  it("passes every check", () => {
    expect(problems).toEqual([]);
  });

  it("has at least 500 terms covering every topic, each linked to at least two others", () => {
    expect(terms.length).toBeGreaterThanOrEqual(500);
    const topics = new Set(terms.flatMap((entry) => entry.topics));
    expect(topics.size).toBe(10);
    expect(terms.filter((entry) => entry.related.length < 2)).toEqual([]);
  });
});

describe("the shipped decks", () => {
  const { decks, problems } = loadDecks(new Set(loadGlossary().terms.map((term) => term.slug)));

  it("pass every check", () => {
    expect(problems).toEqual([]);
  });

  it("hold at least 20 decks and 800 questions, every type, difficulty about 30/50/20, and the required open and numeric questions", () => {
    const questions = decks.flatMap((deck) => deck.questions);
    expect(decks.length).toBeGreaterThanOrEqual(20);
    expect(questions.length).toBeGreaterThanOrEqual(800);
    expect(new Set(questions.map((question) => question.type)).size).toBe(7);
    const share = (level: number) =>
      questions.filter((question) => question.difficulty === level).length / questions.length;
    expect(share(1)).toBeCloseTo(0.3, 1);
    expect(share(2)).toBeCloseTo(0.5, 1);
    expect(share(3)).toBeCloseTo(0.2, 1);
    const designQuestions = decks
      .filter((deck) => deck.topic === "ml-system-design")
      .flatMap((deck) => deck.questions)
      .filter((question) => question.type === "open" && question.rubric.length > 0);
    expect(designQuestions.length).toBeGreaterThanOrEqual(40);
    expect(
      questions.filter((question) => question.type === "numeric" || question.type === "calculated").length,
    ).toBeGreaterThanOrEqual(60);
  });

  it("link every question to the glossary and give it an explanation", () => {
    for (const question of decks.flatMap((deck) => deck.questions)) {
      expect(question.terms.length, question.id).toBeGreaterThan(0);
      expect(question.explanation.length, question.id).toBeGreaterThan(40);
    }
  });
});
