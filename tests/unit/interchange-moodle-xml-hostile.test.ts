import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "@/lib/interchange/imported-question";
import { parseMoodleXml } from "@/lib/interchange/moodle-xml";
import { everyHostileText, hostileFile, syntaxSoup, TIMED_RUNS, type Hostility } from "@/tests/fixtures/hostile-text";
import { expectAllComparable, expectComparableTime, repeatTo } from "@/tests/support/comparable-time";

/**
 * Moodle XML on hostile files, as import-formats-hostile.test.ts tests the text formats: never an
 * exception, every problem on a line of the file, and no file costing more than ten times an ordinary
 * Moodle export of its size.
 */

const fixture = readFileSync("tests/fixtures/interchange/moodle-every-type.xml", "utf8");
const questionsXml = fixture.slice(fixture.indexOf("<quiz>") + "<quiz>".length, fixture.lastIndexOf("</quiz>"));

/**
 * An ordinary file of exactly `length` characters: the fixture's questions repeated whole, then spaces.
 * A file cut in the middle of a question would stop at the well-formedness check, cheaper than any
 * file that is read through, and so no fair measure.
 */
function ordinary(length: number): string {
  const room = Math.max(0, length - "<quiz></quiz>".length);
  const repeated = questionsXml.repeat(Math.floor(room / questionsXml.length));
  return `<quiz>${repeated}${" ".repeat(room - repeated.length)}</quiz>`;
}

const CDATA_OPEN = '<quiz><question type="essay"><questiontext format="html"><text><![CDATA[';
const hostility: Hostility = {
  openings: ["", "<quiz>", "<quiz><question ", '<quiz><question type="multichoice">', CDATA_OPEN, "<quiz><!--"],
  pieces: ["<", "<a>", "</a>", "<a ", 'a="x" ', "<question ", "&", "&#1", "<![CDATA[", "]]>", "<p>", "<b>", "\n", "x"],
  endings: ["", "]]></text></questiontext></question></quiz>", "</quiz>", "-->"],
};
const lineCount = (text: string) => text.split(/\r\n?|\n/).length;
const expectLinesInFile = (text: string) => {
  for (const problem of parseMoodleXml(text).problems) {
    expect(Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= lineCount(text)).toBe(true);
  }
};

describe("parseMoodleXml on hostile input", () => {
  it("never throws on junk, and puts every problem on a line of the file", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 500 }), syntaxSoup(hostility.openings)), expectLinesInFile), {
      numRuns: 400,
    });
  });

  it("never throws on a Moodle export with pieces cut out, repeated or inserted", () => {
    const edit = fc.record({
      at: fc.nat({ max: fixture.length }),
      cut: fc.nat({ max: 200 }),
      insert: fc.oneof(fc.constantFrom(...hostility.pieces), fc.string({ maxLength: 20 })),
      repeat: fc.nat({ max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = fixture;
        for (const { at, cut, insert, repeat } of edits) {
          const copy = text.slice(at, at + cut).repeat(repeat);
          text = `${text.slice(0, at)}${insert}${copy}${text.slice(at + cut)}`;
        }
        expectLinesInFile(text);
      }),
      { numRuns: 300 },
    );
  });

  it("costs at most ten times an ordinary file of the same size for every opening, piece and ending", () => {
    const length = 64 * 1024;
    expectAllComparable(parseMoodleXml, ordinary(length), everyHostileText(hostility, length));
  }, 600_000);

  it("costs at most ten times an ordinary file of the same size, up to the 2 MB cap", () => {
    fc.assert(
      fc.property(hostileFile(hostility, MAX_IMPORT_BYTES), (text) => {
        const plain = ordinary(text.length);
        expectComparableTime(
          () => parseMoodleXml(plain),
          () => parseMoodleXml(text),
        );
      }),
      { ...TIMED_RUNS, numRuns: 8 },
    );
  }, 600_000);
});

/** The shapes an XML reader can be slow on, each at half a megabyte. */
const SIZE = 512 * 1024;
/** `unit` repeated whole, to about `length`: a file cut inside an element stops at the well-formedness check. */
const whole = (unit: string, length: number) => unit.repeat(Math.floor(length / unit.length));
describe.each([
  { name: "elements nested deeper and deeper, never closed", text: `<quiz>${repeatTo("<a>", SIZE)}` },
  {
    name: "elements nested 60,000 deep and closed",
    text: `<quiz>${"<a>".repeat(60_000)}${"</a>".repeat(60_000)}</quiz>`,
  },
  {
    name: "one element with 50,000 attributes",
    text: `<quiz><question ${repeatTo('a="x" ', SIZE)}></question></quiz>`,
  },
  { name: "an attribute quote never closed", text: `<quiz><question ${repeatTo('a="x ', SIZE)}` },
  {
    name: "half a megabyte of HTML in CDATA",
    text: `${CDATA_OPEN}${whole("<p>a <b>b</b></p>", SIZE)}]]></text></questiontext></question></quiz>`,
  },
  {
    name: "HTML nested without end in CDATA",
    text: `${CDATA_OPEN}${repeatTo("<b>", SIZE)}]]></text></questiontext></question></quiz>`,
  },
  {
    name: "a CDATA of unclosed < (plain text)",
    text: `${CDATA_OPEN}${repeatTo("<a", SIZE)}]]></text></questiontext></question></quiz>`,
  },
  {
    name: "calculated questions with pow() nested 60 deep (each level a scan)",
    text: `<quiz>${whole(`<question type="calculated"><questiontext><text>Q</text></questiontext><answer fraction="100"><text>${"pow(".repeat(60)}{a}${", 2)".repeat(60)}</text></answer></question>\n`, SIZE)}</quiz>`,
  },
  { name: "many <question starts", text: `<quiz>${repeatTo("<question ", SIZE)}` },
  { name: "many empty questions", text: `<quiz>${whole('<question type="x"></question>\n', SIZE)}</quiz>` },
  { name: "unclosed tags", text: repeatTo("<q", SIZE) },
])("Moodle XML: $name", ({ text }) => {
  it("costs at most ten times an ordinary file of its size", () => {
    expectComparableTime(
      () => parseMoodleXml(ordinary(text.length)),
      () => parseMoodleXml(text),
    );
  }, 600_000);
});
