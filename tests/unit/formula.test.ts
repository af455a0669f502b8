import { describe, expect, it } from "vitest";
import { evaluateFormula, FormulaError, parseFormula } from "@/lib/domain/formula";

const calc = (source: string, values: Record<string, number> = {}) => evaluateFormula(parseFormula(source), values);
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FormulaError);
    return (error as FormulaError).message;
  }
  throw new Error("expected a FormulaError");
};

describe("formula evaluator", () => {
  it("applies the usual precedence and associativity", () => {
    expect(calc("2 + 3 * 4")).toBe(14);
    expect(calc("(2 + 3) * 4")).toBe(20);
    expect(calc("10 - 4 - 3")).toBe(3);
    expect(calc("64 / 4 / 2")).toBe(8);
    expect(calc("2 ^ 3 ^ 2")).toBe(512);
    expect(calc("-2 ^ 2")).toBe(-4);
    expect(calc("(-2) ^ 2")).toBe(4);
    expect(calc("2 ^ -1")).toBe(0.5);
    expect(calc("2 * -3")).toBe(-6);
    expect(calc("--3")).toBe(3);
    expect(calc("+5 - -5")).toBe(10);
  });

  it("reads numbers in every written form", () => {
    expect(calc("1e9 / 2.5e8")).toBe(4);
    expect(calc(".5 + 1.")).toBe(1.5);
    expect(calc("3E-3 * 1000")).toBeCloseTo(3);
  });

  it("evaluates variables, functions and pi", () => {
    const kvCache = "2 * layers * kv_heads * head_dim * seq_len * batch * bytes / 2^30";
    expect(calc(kvCache, { layers: 32, kv_heads: 32, head_dim: 128, seq_len: 4096, batch: 1, bytes: 2 })).toBe(2);
    expect(parseFormula(kvCache).variables).toEqual(["batch", "bytes", "head_dim", "kv_heads", "layers", "seq_len"]);
    expect(calc("sqrt(16) + abs(-2) + log2(8) + log10(1000) + ln(1) + log(exp(2))")).toBeCloseTo(4 + 2 + 3 + 3 + 0 + 2);
    expect(calc("min(3, 1, 2) + max(3, 1, 2)")).toBe(4);
    expect(calc("ceil(1.2) + floor(1.8) + round(2.5)")).toBe(2 + 1 + 3);
    expect(calc("pi * 2")).toBeCloseTo(2 * Math.PI);
    // Speculative decoding: expected tokens per step with acceptance rate a and k drafted tokens.
    expect(calc("(1 - a^(k + 1)) / (1 - a)", { a: 0.8, k: 4 })).toBeCloseTo(3.3616);
  });

  it("rejects malformed formulas with what is wrong and where", () => {
    expect(failure(() => parseFormula(""))).toMatch(/empty/);
    expect(failure(() => parseFormula("2 +"))).toMatch(/ended/);
    expect(failure(() => parseFormula("(2 + 3"))).toMatch(/expected "\)"/);
    expect(failure(() => parseFormula("2 + 3)"))).toMatch(
      /unexpected "\)" after a complete expression \(at character 6\)/,
    );
    expect(failure(() => parseFormula("2 * * 3"))).toMatch(/found "\*" \(at character 5\)/);
    expect(failure(() => parseFormula("2 $ 3"))).toMatch(/unexpected character "\$" \(at character 3\)/);
    expect(failure(() => parseFormula("evil(1)"))).toMatch(/unknown function "evil"/);
    expect(failure(() => parseFormula("sqrt(1, 2)"))).toMatch(/sqrt takes 1 argument, got 2/);
    expect(failure(() => parseFormula("max()"))).toMatch(/at least one argument/);
    expect(failure(() => parseFormula("sqrt + 1"))).toMatch(/sqrt is a function/);
    expect(failure(() => parseFormula("x.y"))).toMatch(/unexpected/);
    expect(failure(() => parseFormula("2 ".repeat(300)))).toMatch(/longer than 500/);
  });

  it("never reaches JavaScript: names are variables or known functions, nothing else", () => {
    for (const source of ["constructor", "this", "process", "globalThis", "__proto__"]) {
      expect(failure(() => calc(source))).toMatch(/no value for/);
    }
    expect(failure(() => parseFormula("process.exit(1)"))).toMatch(/unexpected/);
    expect(failure(() => parseFormula("a[0]"))).toMatch(/unexpected character "\["/);
    expect(failure(() => parseFormula("'x'"))).toMatch(/unexpected character/);
  });

  it("refuses results that are not finite numbers", () => {
    expect(failure(() => calc("1 / (x - 2)", { x: 2 }))).toMatch(/division by zero/);
    expect(failure(() => calc("sqrt(-1)"))).toMatch(/not a finite number/);
    expect(failure(() => calc("ln(0)"))).toMatch(/not a finite number/);
    expect(failure(() => calc("10 ^ 400"))).toMatch(/not a finite number/);
    expect(failure(() => calc("x + 1"))).toMatch(/no value for "x"/);
  });
});
