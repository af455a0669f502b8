import { describe, expect, it } from "vitest";
import { checkGlossary, type SourceFile } from "@/lib/content/glossary-check";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";

const filler = "Each sentence here adds plain words so the definition reaches the minimum length the checker asks for.";
const body = (extra = "") => `${extra} ${Array.from({ length: 5 }, () => filler).join(" ")}`.trim();

function term(slug: string, frontMatter: string, text = body()): SourceFile {
  return { path: `content/glossary/${slug}.md`, source: `---\n${frontMatter}\n---\n${text}\n` };
}

const validFront = (name: string, related = "[beta]") => `term: ${name}\naliases: []\ntopics: [metrics]\nrelated: ${related}`;
const alpha = term("alpha", validFront("Alpha"), body("Alpha relates to [[beta]]."));
const beta = term("beta", validFront("Beta", "[alpha]"));

function problemsOf(files: SourceFile[]) {
  return checkGlossary(files).problems.map((problem) => `${problem.path}:${problem.line}: ${problem.message}`);
}

describe("checkGlossary", () => {
  it("accepts a valid pair of terms", () => {
    const result = checkGlossary([alpha, beta]);
    expect(result.problems).toEqual([]);
    expect(result.terms.map((entry) => entry.slug)).toEqual(["alpha", "beta"]);
  });

  it("reports invalid front matter with the line of the field", () => {
    const bad = term("gamma", "term: Gamma\naliases: []\ntopics: [astrology]\nrelated: [alpha]");
    expect(problemsOf([alpha, beta, bad])).toEqual([
      expect.stringMatching(/^content\/glossary\/gamma\.md:4: topics\.0: Invalid option/),
    ]);
  });

  it("reports a missing required field and unknown keys", () => {
    const bad = term("gamma", "aliases: []\ntopics: [metrics]\nrelated: [alpha]\ncolour: blue");
    const problems = problemsOf([alpha, beta, bad]);
    expect(problems).toContainEqual(expect.stringMatching(/gamma\.md:\d+: term: /));
    expect(problems).toContainEqual(expect.stringMatching(/gamma\.md:\d+: front matter: Unrecognized key.*colour/));
  });

  it("reports YAML syntax errors with their line", () => {
    const bad = term("gamma", "term: Gamma\naliases: [unclosed\ntopics: [metrics]\nrelated: [alpha]");
    expect(problemsOf([alpha, beta, bad])).toEqual([expect.stringMatching(/^content\/glossary\/gamma\.md:\d+: invalid YAML/)]);
  });

  it("reports missing front matter", () => {
    expect(problemsOf([alpha, beta, { path: "content/glossary/gamma.md", source: "Just text." }])).toEqual([
      "content/glossary/gamma.md:1: front matter missing: the file must start with a line '---'",
    ]);
  });

  it("reports duplicate slugs across folders", () => {
    const copy = { ...beta, path: "content/glossary/other/beta.md" };
    expect(problemsOf([alpha, beta, copy])).toContainEqual(
      'content/glossary/other/beta.md:1: duplicate slug "beta" (also content/glossary/beta.md)',
    );
  });

  it("reports an alias claimed by two terms, on both, ignoring case and punctuation", () => {
    const one = term("one", "term: One\naliases: [KV-cache]\ntopics: [metrics]\nrelated: [two]");
    const two = term("two", "term: Two\naliases: [kv cache]\ntopics: [metrics]\nrelated: [one]");
    expect(problemsOf([one, two])).toEqual([
      'content/glossary/one.md:3: the name or alias "KV-cache" is also claimed by two',
      'content/glossary/two.md:3: the name or alias "kv cache" is also claimed by one',
    ]);
  });

  it("reports links and related slugs that do not exist, with their lines", () => {
    const text = `First line of the body.\n\nSee [[nowhere]] and [this](/glossary/missing) too. ${body()}`;
    const bad = term("gamma", validFront("Gamma", "[alpha, ghost]"), text);
    expect(problemsOf([alpha, beta, bad])).toEqual([
      'content/glossary/gamma.md:5: related: no term "ghost" exists',
      'content/glossary/gamma.md:9: link to unknown term "nowhere"',
      'content/glossary/gamma.md:9: link to unknown term "missing"',
    ]);
  });

  it("reports an empty body", () => {
    const bad = term("gamma", validFront("Gamma", "[alpha]"), "   ");
    expect(problemsOf([alpha, beta, bad])).toEqual(["content/glossary/gamma.md:7: the definition (body) is empty"]);
  });

  it("reports a definition that is too short or too long", () => {
    const short = term("gamma", validFront("Gamma", "[alpha]"), "Too short.");
    const long = term("delta", validFront("Delta", "[alpha]"), Array.from({ length: 40 }, () => filler).join(" "));
    expect(problemsOf([alpha, beta, short, long])).toEqual([
      expect.stringMatching(/delta\.md:7: the definition has \d+ words; it must have 60 to 250/),
      "content/glossary/gamma.md:7: the definition has 2 words; it must have 60 to 250",
    ]);
  });

  it("reports invalid math with its line", () => {
    const bad = term("gamma", validFront("Gamma", "[alpha]"), `${body()}\n\n$$\\frac{1}{$$`);
    expect(problemsOf([alpha, beta, bad])).toEqual([expect.stringMatching(/^content\/glossary\/gamma\.md:9: invalid math: /)]);
  });

  it("reports a term that lists itself as related", () => {
    const bad = term("gamma", validFront("Gamma", "[gamma, alpha]"));
    expect(problemsOf([alpha, beta, bad])).toEqual(["content/glossary/gamma.md:5: related lists the term itself"]);
  });
});

describe("the shipped glossary", () => {
  const { terms, problems } = loadGlossary();

  it("passes every check", () => {
    expect(problems).toEqual([]);
  });

  it("has at least 120 terms covering every topic", () => {
    expect(terms.length).toBeGreaterThanOrEqual(120);
    const topics = new Set(terms.flatMap((entry) => entry.topics));
    expect(topics.size).toBe(10);
  });
});

describe("the shipped decks", () => {
  const { decks, problems } = loadDecks(new Set(loadGlossary().terms.map((term) => term.slug)));

  it("pass every check", () => {
    expect(problems).toEqual([]);
  });

  it("hold at least 8 decks and 150 questions, with every question type", () => {
    const questions = decks.flatMap((deck) => deck.questions);
    expect(decks.length).toBeGreaterThanOrEqual(8);
    expect(questions.length).toBeGreaterThanOrEqual(150);
    expect(new Set(questions.map((question) => question.type)).size).toBe(6);
  });
});
