/**
 * The formula language of calculated and numeric questions: numbers, named variables, + - * / ^ (power,
 * right-associative, binding tighter than unary minus: -2^2 = -4), parentheses, the constant `pi` and a
 * fixed set of functions. A hand-written recursive-descent parser builds a tree that is then evaluated:
 * no `eval`, no `Function`, nothing of JavaScript's scope reachable from content.
 */

export class FormulaError extends Error {
  constructor(
    message: string,
    /** 0-based character offset in the formula where the problem is. */
    readonly position: number,
  ) {
    super(`${message} (at character ${position + 1})`);
  }
}

type Node =
  | { kind: "number"; value: number }
  | { kind: "variable"; name: string; position: number }
  | { kind: "unary"; operand: Node }
  | { kind: "binary"; operator: "+" | "-" | "*" | "/" | "^"; left: Node; right: Node; position: number }
  | { kind: "call"; name: FunctionName; args: Node[]; position: number };

export type Formula = { source: string; root: Node; variables: string[] };

const FUNCTIONS = {
  sqrt: { arity: 1, apply: (x: number) => Math.sqrt(x) },
  ln: { arity: 1, apply: (x: number) => Math.log(x) },
  /** Natural logarithm, as in Moodle's calculated questions and most programming languages. */
  log: { arity: 1, apply: (x: number) => Math.log(x) },
  log2: { arity: 1, apply: (x: number) => Math.log2(x) },
  log10: { arity: 1, apply: (x: number) => Math.log10(x) },
  exp: { arity: 1, apply: (x: number) => Math.exp(x) },
  abs: { arity: 1, apply: (x: number) => Math.abs(x) },
  ceil: { arity: 1, apply: (x: number) => Math.ceil(x) },
  floor: { arity: 1, apply: (x: number) => Math.floor(x) },
  round: { arity: 1, apply: (x: number) => Math.round(x) },
  min: { arity: "variadic", apply: (...xs: number[]) => Math.min(...xs) },
  max: { arity: "variadic", apply: (...xs: number[]) => Math.max(...xs) },
} as const;
type FunctionName = keyof typeof FUNCTIONS;

const CONSTANTS: Record<string, number> = { pi: Math.PI };

/** Names a variable may not take: they already mean a function or a constant. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.keys(FUNCTIONS), ...Object.keys(CONSTANTS)]);

const MAX_FORMULA_LENGTH = 500;
const MAX_DEPTH = 64;

type Token = { kind: "number" | "name" | "symbol"; text: string; position: number };

/** One token at the cursor (sticky): a number, a name or a symbol. Spaces are skipped before it, not by the pattern. */
const TOKEN = /(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/^(),])/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  for (let position = 0; ;) {
    while (position < source.length && source[position]!.trim() === "") position++;
    if (position === source.length) return tokens;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(source);
    if (!match) throw new FormulaError(`unexpected character "${source[position]}"`, position);
    if (match[1] !== undefined) tokens.push({ kind: "number", text: match[1], position });
    else if (match[2] !== undefined) tokens.push({ kind: "name", text: match[2], position });
    else tokens.push({ kind: "symbol", text: match[3]!, position });
    position = TOKEN.lastIndex;
  }
}

/** Parses a formula; a malformed one throws FormulaError saying what is wrong and where. */
export function parseFormula(source: string): Formula {
  if (source.trim() === "") throw new FormulaError("the formula is empty", 0);
  if (source.length > MAX_FORMULA_LENGTH)
    throw new FormulaError(`the formula is longer than ${MAX_FORMULA_LENGTH} characters`, MAX_FORMULA_LENGTH);
  const tokens = tokenize(source);
  let cursor = 0;
  const variables = new Set<string>();
  const peek = () => tokens[cursor];
  const endPosition = source.trimEnd().length;
  const expect = (symbol: string, what: string) => {
    const token = peek();
    if (token?.kind !== "symbol" || token.text !== symbol) {
      throw new FormulaError(
        token ? `expected ${what} but found "${token.text}"` : `expected ${what} but the formula ended`,
        token?.position ?? endPosition,
      );
    }
    cursor++;
  };

  const expression = (depth: number): Node => {
    if (depth > MAX_DEPTH) throw new FormulaError("the formula is nested too deeply", peek()?.position ?? endPosition);
    let left = product(depth);
    for (let token = peek(); token?.kind === "symbol" && (token.text === "+" || token.text === "-"); token = peek()) {
      cursor++;
      left = { kind: "binary", operator: token.text, left, right: product(depth), position: token.position };
    }
    return left;
  };
  const product = (depth: number): Node => {
    let left = unary(depth);
    for (let token = peek(); token?.kind === "symbol" && (token.text === "*" || token.text === "/"); token = peek()) {
      cursor++;
      left = { kind: "binary", operator: token.text, left, right: unary(depth), position: token.position };
    }
    return left;
  };
  const unary = (depth: number): Node => {
    const token = peek();
    if (token?.kind === "symbol" && (token.text === "-" || token.text === "+")) {
      cursor++;
      const operand = unary(depth + 1);
      return token.text === "-" ? { kind: "unary", operand } : operand;
    }
    return power(depth);
  };
  const power = (depth: number): Node => {
    const base = primary(depth);
    const token = peek();
    if (token?.kind === "symbol" && token.text === "^") {
      cursor++;
      return { kind: "binary", operator: "^", left: base, right: unary(depth + 1), position: token.position };
    }
    return base;
  };
  const primary = (depth: number): Node => {
    const token = peek();
    if (!token) throw new FormulaError("expected a number, a name or ( but the formula ended", endPosition);
    cursor++;
    if (token.kind === "number") return { kind: "number", value: Number(token.text) };
    if (token.kind === "name") {
      const next = peek();
      if (next?.kind === "symbol" && next.text === "(") {
        if (!Object.hasOwn(FUNCTIONS, token.text))
          throw new FormulaError(
            `unknown function "${token.text}" (known: ${Object.keys(FUNCTIONS).join(", ")})`,
            token.position,
          );
        const name = token.text as FunctionName;
        cursor++;
        const args: Node[] = [];
        if (!(peek()?.kind === "symbol" && peek()!.text === ")")) {
          args.push(expression(depth + 1));
          while (peek()?.kind === "symbol" && peek()!.text === ",") {
            cursor++;
            args.push(expression(depth + 1));
          }
        }
        expect(")", `"," or ")" after the arguments of ${name}`);
        const arity = FUNCTIONS[name].arity;
        if (arity === "variadic" ? args.length === 0 : args.length !== arity) {
          throw new FormulaError(
            `${name} takes ${arity === "variadic" ? "at least one argument" : `${arity} argument`}, got ${args.length}`,
            token.position,
          );
        }
        return { kind: "call", name, args, position: token.position };
      }
      if (Object.hasOwn(FUNCTIONS, token.text))
        throw new FormulaError(`${token.text} is a function: write ${token.text}(...)`, token.position);
      if (Object.hasOwn(CONSTANTS, token.text)) return { kind: "number", value: CONSTANTS[token.text]! };
      variables.add(token.text);
      return { kind: "variable", name: token.text, position: token.position };
    }
    if (token.text === "(") {
      const inner = expression(depth + 1);
      expect(")", `")"`);
      return inner;
    }
    throw new FormulaError(`expected a number, a name or ( but found "${token.text}"`, token.position);
  };

  const root = expression(0);
  const rest = peek();
  if (rest) throw new FormulaError(`unexpected "${rest.text}" after a complete expression`, rest.position);
  return { source, root, variables: [...variables].sort() };
}

/**
 * Evaluates a parsed formula. A variable without a value, a division by zero or any result that is not a
 * finite number (sqrt(-1), ln(0), an overflow) throws FormulaError, so a broken question never grades.
 */
export function evaluateFormula(formula: Formula, values: Readonly<Record<string, number>>): number {
  const evaluate = (node: Node): number => {
    switch (node.kind) {
      case "number":
        return node.value;
      case "variable": {
        // hasOwn, not a plain lookup: "constructor" must not find Object.prototype's.
        const value = Object.hasOwn(values, node.name) ? values[node.name] : undefined;
        if (typeof value !== "number") throw new FormulaError(`no value for "${node.name}"`, node.position);
        return value;
      }
      case "unary":
        return -evaluate(node.operand);
      case "binary": {
        const left = evaluate(node.left);
        const right = evaluate(node.right);
        if (node.operator === "/" && right === 0) throw new FormulaError("division by zero", node.position);
        const result =
          node.operator === "+"
            ? left + right
            : node.operator === "-"
              ? left - right
              : node.operator === "*"
                ? left * right
                : node.operator === "/"
                  ? left / right
                  : left ** right;
        return finite(result, node.position);
      }
      case "call": {
        const args = node.args.map(evaluate);
        const fn = FUNCTIONS[node.name].apply as (...xs: number[]) => number;
        return finite(fn(...args), node.position);
      }
    }
  };
  return evaluate(formula.root);
}

function finite(value: number, position: number): number {
  if (!Number.isFinite(value)) throw new FormulaError(`the result is not a finite number (${value})`, position);
  return value;
}
