import { AST_NODE_TYPES, type TSESLint, type TSESTree, DefinitionType } from "./eslint-api.js";
import { isFunction, unwrap, type FunctionNode } from "./ast.js";
import { MAX_DEPTH, MAX_LOOKUP_STEPS, MAX_STRING_LENGTH } from "./limits.js";
import type { SourceCode } from "./types.js";

/**
 * Bounded static evaluation: what an expression is known to be without running the code, with work that grows no
 * faster than the file. It replaces `ASTUtils.getStaticValue`, which evaluates without memory (a chain of
 * `const m1 = m0 + m0` doubles its work per line), builds values of any size (`"x".padEnd(5e8)`) and follows constants
 * on the call stack.
 *
 * The bounds, and why each is safe (see docs/performance.md, "Bounds"):
 * - Every node is evaluated at most once per file: results, unknown ones included, are kept in a memo per `Program`,
 *   and the evaluation runs on an explicit stack, so that neither deep expressions nor long constant chains use the
 *   call stack. The steps of evaluation per file are therefore at most the number of nodes in the file.
 * - A string the evaluator builds (concatenation, template with substitutions, conversion) may not be longer than
 *   MAX_STRING_LENGTH; a string written as a literal is taken as written, since its size is the file's own. Longer
 *   values are unknown.
 * - Property look-ups through spreads visit each object once (a seen-set) and stop after MAX_LOOKUP_STEPS spreads.
 * - Constant chains and object look-ups that are not evaluations (`resolveExpression`) stop after MAX_DEPTH hops.
 * Whatever hits a bound is unknown, and callers stay silent on unknown values: a bound never turns into a guess.
 */


/** A value the evaluator can know: primitives only. Objects and arrays are looked into node by node instead. */
export type StaticPrimitive = string | number | boolean | bigint | null | undefined;

/** A known value, boxed so that a known `undefined` differs from "unknown" (undefined). */
export type StaticResult = { readonly value: StaticPrimitive } | undefined;

/** Stands in a string pattern for a part whose value is not known statically. */
export const UNKNOWN_PART = "\u0000";


// ---------------------------------------------------------------------------------------------------------------
// Constants

/**
 * Every memo of this module for one file, kept per `Program`: plain Maps (the nodes and variables they hold are the
 * file's own and live as long as its `Program`), reached through the last file asked about, so that the calls of a
 * file cost no WeakMap look-up each.
 */
interface FileMemos {
  readonly variables: Map<TSESTree.Identifier, TSESLint.Scope.Variable | null>;
  readonly constants: Map<TSESLint.Scope.Variable, boolean>;
  readonly propertyWrites: Map<TSESLint.Scope.Variable, boolean>;
  readonly summaries: Map<TSESTree.ObjectExpression, ObjectSummary>;
  readonly lookups: Map<SpreadResolver, Map<TSESTree.ObjectExpression, Map<string, TSESTree.Property | null>>>;
  readonly hiding: Map<SpreadResolver, Map<TSESTree.ObjectExpression, boolean>>;
  readonly values: Map<TSESTree.Node, StaticResult | typeof VISITING>;
  readonly patterns: Map<TSESTree.Node, string | typeof VISITING>;
}

const fileMemos = new WeakMap<TSESTree.Program, FileMemos>();
let lastProgram: TSESTree.Program | undefined;
let lastMemos: FileMemos | undefined;

function memosOf(sourceCode: SourceCode): FileMemos {
  const program = sourceCode.ast;
  if (program === lastProgram && lastMemos) return lastMemos;
  let memos = fileMemos.get(program);
  if (!memos) {
    memos = {
      variables: new Map(),
      constants: new Map(),
      propertyWrites: new Map(),
      summaries: new Map(),
      lookups: new Map(),
      hiding: new Map(),
      values: new Map(),
      patterns: new Map(),
    };
    fileMemos.set(program, memos);
  }
  lastProgram = program;
  lastMemos = memos;
  return memos;
}

/**
 * The variable an identifier refers to, looked up once per identifier: up the scope chain from the identifier's own
 * scope. (`ASTUtils.findVariable` first searches that scope's child scopes for a deeper one, which costs the number
 * of functions in the scope on every look-up: quadratic in a file of many top-level functions.)
 */
export function findVariable(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  const variables = memosOf(sourceCode).variables;
  let variable = variables.get(identifier);
  if (variable === undefined) {
    variable = null;
    for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier); scope && !variable; scope = scope.upper) {
      variable = scope.set.get(identifier.name) ?? null;
    }
    variables.set(identifier, variable);
  }
  return variable;
}

/** The variable an identifier refers to, when it is bound once and never written again (checked once per variable). */
export function findConstantVariable(
  sourceCode: SourceCode,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | undefined {
  const variable = findVariable(sourceCode, identifier);
  if (!variable) return undefined;
  const constants = memosOf(sourceCode).constants;
  let constant = constants.get(variable);
  if (constant === undefined) {
    const def = variable.defs[0];
    constant =
      variable.defs.length === 1 &&
      def?.type === DefinitionType.Variable &&
      def.node.id.type === AST_NODE_TYPES.Identifier &&
      !!def.node.init &&
      !variable.references.some((reference) => reference.isWrite() && reference.init !== true);
    constants.set(variable, constant);
  }
  return constant ? variable : undefined;
}

/** The initialiser of the constant an identifier names, or undefined. */
export function resolveConstantInit(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const def = findConstantVariable(sourceCode, identifier)?.defs[0];
  return def?.type === DefinitionType.Variable ? (def.node.init ?? undefined) : undefined;
}

/**
 * The function of this file a callee names: a function declaration (also one written after the call: declarations
 * are hoisted), or a `const` holding an arrow or function expression.
 */
export function localFunctionNamed(sourceCode: SourceCode, callee: TSESTree.Node): FunctionNode | undefined {
  const target = unwrap(callee);
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = findVariable(sourceCode, target)?.defs[0];
  if (def?.type === DefinitionType.FunctionName && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def?.type !== DefinitionType.Variable || def.parent.kind !== "const" || !def.node.init) return undefined;
  const init = unwrap(def.node.init);
  return isFunction(init) ? init : undefined;
}

/**
 * Follows constant bindings and type-only wrappers to the expression that gives a value, at most MAX_DEPTH hops.
 * Stops at anything else; returns the input when there is nothing to follow.
 */
export function resolveExpression(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  for (let depth = 0; depth < MAX_DEPTH && current.type === AST_NODE_TYPES.Identifier; depth++) {
    const init = resolveConstantInit(sourceCode, current);
    if (!init) break;
    current = unwrap(init);
  }
  return current;
}

const MUTATING_METHODS = new Set(["copyWithin", "fill", "pop", "push", "reverse", "shift", "sort", "splice", "unshift"]);

/** Whether code writes into the object a constant holds: `c.a = 1`, `c.a.b++`, `delete c.a`, `c.push(1)`. */
function writesProperties(sourceCode: SourceCode, variable: TSESLint.Scope.Variable): boolean {
  const propertyWrites = memosOf(sourceCode).propertyWrites;
  let writes = propertyWrites.get(variable);
  if (writes === undefined) {
    writes = variable.references.some((reference) => {
      let node: TSESTree.Node = reference.identifier;
      while (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) node = node.parent;
      if (node === reference.identifier) return false;
      const parent = node.parent;
      if (!parent) return false;
      if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) return true;
      if (parent.type === AST_NODE_TYPES.UpdateExpression) return true;
      if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "delete") return true;
      const name = node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
      return parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node && name !== undefined && MUTATING_METHODS.has(name);
    });
    propertyWrites.set(variable, writes);
  }
  return writes;
}

/**
 * The object or array literal an expression holds, through constants nobody writes into, type wrappers and
 * `Object.freeze(...)`, at most MAX_DEPTH hops.
 */
function resolveContainer(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.ObjectExpression | TSESTree.ArrayExpression | undefined {
  let current = unwrap(node);
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    if (current.type === AST_NODE_TYPES.ObjectExpression || current.type === AST_NODE_TYPES.ArrayExpression) return current;
    if (current.type === AST_NODE_TYPES.Identifier) {
      const variable = findConstantVariable(sourceCode, current);
      const def = variable?.defs[0];
      if (!variable || writesProperties(sourceCode, variable) || def?.type !== DefinitionType.Variable || !def.node.init) return undefined;
      current = unwrap(def.node.init);
    } else if (current.type === AST_NODE_TYPES.CallExpression && isGlobalMember(sourceCode, current.callee, "Object", "freeze")) {
      const argument = current.arguments[0];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
      current = unwrap(argument);
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** `Object.freeze`, `String.raw`: a member of a global that the file does not shadow. */
function isGlobalMember(sourceCode: SourceCode, node: TSESTree.Node, object: string, property: string): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === object &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === property &&
    isGlobal(sourceCode, node.object)
  );
}

/** An identifier that names a global the file does not declare (built-in globals have no definitions). */
function isGlobal(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode, identifier);
  return !variable || variable.defs.length === 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Property names and look-ups

/**
 * The name of a property or member (`a.b`, `a["b"]`, `{ b: 1 }`, `{ ["b"]: 1 }`, `{ [KEY]: 1 }`), or null when it is
 * computed from something unknown. A bounded replacement for `ASTUtils.getPropertyName`.
 */
export function getPropertyKey(
  sourceCode: SourceCode,
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | null {
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  if (!node.computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.PrivateIdentifier) return null;
  }
  if (key.type === AST_NODE_TYPES.Literal) return literalKey(key);
  if (key.type === AST_NODE_TYPES.PrivateIdentifier || keyNesting >= MAX_DEPTH) return null;
  // A computed key is evaluated inside the look-up that needs it, which may itself serve an evaluation: bounding this
  // nesting bounds the call stack (each level is a handful of frames).
  keyNesting++;
  try {
    const result = getStaticValue(sourceCode, key);
    return result && isKeyable(result.value) ? String(result.value) : null;
  } finally {
    keyNesting--;
  }
}

let keyNesting = 0;

function literalKey(literal: TSESTree.Literal): string | null {
  if (literal.value instanceof RegExp) return String(literal.value);
  if (typeof literal.value === "bigint") return literal.value.toString();
  return String(literal.value);
}

const isKeyable = (value: StaticPrimitive): boolean => typeof value !== "string" || value.length <= MAX_STRING_LENGTH;

/** What an object literal's own properties say, computed once per object: its last property per key, its spreads. */
interface ObjectSummary {
  /** The index of the last property written for each key. */
  readonly lastIndex: ReadonlyMap<string, number>;
  /** The indexes of the spreads, in order. */
  readonly spreads: readonly number[];
  /** A getter or setter, or a computed key that is not a constant. */
  readonly hasOpaqueProperty: boolean;
}

function summarise(sourceCode: SourceCode, object: TSESTree.ObjectExpression): ObjectSummary {
  const summaries = memosOf(sourceCode).summaries;
  let summary = summaries.get(object);
  if (!summary) {
    const lastIndex = new Map<string, number>();
    const spreads: number[] = [];
    let hasOpaqueProperty = false;
    object.properties.forEach((property, index) => {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        spreads.push(index);
        return;
      }
      const key = getPropertyKey(sourceCode, property);
      if (key === null) hasOpaqueProperty = true;
      else lastIndex.set(key, index);
      if (property.kind !== "init") hasOpaqueProperty = true;
    });
    summary = { lastIndex, spreads, hasOpaqueProperty };
    summaries.set(object, summary);
  }
  return summary;
}

/** Follows a spread's argument to an object literal, or gives undefined. */
export type SpreadResolver = (sourceCode: SourceCode, node: TSESTree.Node) => TSESTree.ObjectExpression | undefined;

/**
 * The property that gives `key` its value in an object literal: the last one written wins, and spreads that
 * `resolveSpread` follows to object literals are looked into (spreads it cannot follow are passed over). A getter or
 * setter for the key gives undefined. Each object is looked into once (a seen-set), at most MAX_LOOKUP_STEPS
 * spreads a look-up, which then gives undefined; each object's own keys are indexed once, and each (object, key) is
 * answered once per file.
 */
export function lookupProperty(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  key: string,
  resolveSpread: SpreadResolver,
): TSESTree.Property | undefined {
  const summary = summarise(sourceCode, object);
  if (summary.spreads.length === 0) {
    // No spreads (most objects): the object's own summary answers, without a search or a memo entry.
    const own = summary.lastIndex.get(key);
    const property = own === undefined ? undefined : object.properties[own];
    return property?.type === AST_NODE_TYPES.Property && property.kind === "init" ? property : undefined;
  }
  const lookups = memosOf(sourceCode).lookups;
  let byObject = lookups.get(resolveSpread);
  if (!byObject) lookups.set(resolveSpread, (byObject = new Map<TSESTree.ObjectExpression, Map<string, TSESTree.Property | null>>()));
  let byKey = byObject.get(object);
  if (!byKey) byObject.set(object, (byKey = new Map<string, TSESTree.Property | null>()));
  let found = byKey.get(key);
  if (found === undefined) {
    const seen = new Set<TSESTree.ObjectExpression>();
    let steps = 0;
    // undefined: not here; null: a getter or setter for the key, or the step bound was hit: stop with nothing. The
    // seen-set and the step bound keep the recursion under MAX_LOOKUP_STEPS + 1 frames.
    const search = (current: TSESTree.ObjectExpression): TSESTree.Property | null | undefined => {
      if (seen.has(current)) return undefined;
      seen.add(current);
      const summary = summarise(sourceCode, current);
      const own = summary.lastIndex.get(key) ?? -1;
      for (let s = summary.spreads.length - 1; s >= 0; s--) {
        const index = summary.spreads[s] ?? -1;
        if (index < own) break;
        if (++steps > MAX_LOOKUP_STEPS) return null;
        const spread = current.properties[index];
        const inner = spread?.type === AST_NODE_TYPES.SpreadElement ? resolveSpread(sourceCode, spread.argument) : undefined;
        const result = inner ? search(inner) : undefined;
        if (result !== undefined) return result;
      }
      if (own < 0) return undefined;
      const property = current.properties[own];
      return property?.type === AST_NODE_TYPES.Property && property.kind === "init" ? property : null;
    };
    found = search(object) ?? null;
    byKey.set(key, found);
  }
  return found ?? undefined;
}

/**
 * True when the object may hold properties nobody can name from the code: a spread that `resolveSpread` cannot follow
 * (also inside spread object literals), a computed key that is not a constant, a getter or setter. Passing
 * MAX_LOOKUP_STEPS spreads also counts as hiding. Answered once per object and file.
 */
export function mayHidePropertiesWith(sourceCode: SourceCode, object: TSESTree.ObjectExpression, resolveSpread: SpreadResolver): boolean {
  const hiding = memosOf(sourceCode).hiding;
  let byObject = hiding.get(resolveSpread);
  if (!byObject) hiding.set(resolveSpread, (byObject = new Map<TSESTree.ObjectExpression, boolean>()));
  let hides = byObject.get(object);
  if (hides === undefined) {
    const seen = new Set<TSESTree.ObjectExpression>();
    let steps = 0;
    // An object already seen is being or has been checked by its first visit. Every spread of every object in reach
    // is counted against the same bound as in lookupProperty, so a look-up that gives up on an object is never
    // trusted: this then answers true.
    const visit = (current: TSESTree.ObjectExpression): boolean => {
      if (seen.has(current)) return false;
      seen.add(current);
      const summary = summarise(sourceCode, current);
      if (summary.hasOpaqueProperty) return true;
      return summary.spreads.some((index) => {
        if (++steps > MAX_LOOKUP_STEPS) return true;
        const spread = current.properties[index];
        const inner = spread?.type === AST_NODE_TYPES.SpreadElement ? resolveSpread(sourceCode, spread.argument) : undefined;
        return !inner || visit(inner);
      });
    };
    hides = visit(object);
    byObject.set(object, hides);
  }
  return hides;
}

/** Spreads of object literals in reach: through constants nobody writes into, type wrappers and `Object.freeze`. */
const resolveObjectSpread: SpreadResolver = (sourceCode, node) => {
  const container = resolveContainer(sourceCode, node);
  return container?.type === AST_NODE_TYPES.ObjectExpression ? container : undefined;
};

// ---------------------------------------------------------------------------------------------------------------
// The evaluator

/** A node's evaluation: yields the nodes whose values it needs, one at a time, and returns its own. */
type Evaluation<T> = Generator<TSESTree.Node, T, T>;

const VISITING = Symbol("visiting");

/** What a leaf function gives for a node that is not a leaf: its evaluation then runs as a generator. */
const NOT_LEAF = Symbol("not a leaf");

/**
 * Runs `evaluate` on `root` with an explicit stack instead of recursion, and keeps every node's result in `memo`, so
 * that each node is evaluated at most once per file. A node that needs itself (cyclic constants, a TDZ error at run
 * time) gets `onCycle` for that inner use.
 */
function runMemoised<T>(
  sourceCode: SourceCode,
  memo: Map<TSESTree.Node, T | typeof VISITING>,
  root: TSESTree.Node,
  evaluate: (sourceCode: SourceCode, node: TSESTree.Node) => Evaluation<T>,
  leafOf: (sourceCode: SourceCode, node: TSESTree.Node) => T | typeof NOT_LEAF,
  onCycle: T,
): T {
  const known = memo.get(root);
  if (known !== undefined || memo.has(root)) return known === VISITING ? onCycle : (known as T);
  const rootLeaf = leafOf(sourceCode, root);
  if (rootLeaf !== NOT_LEAF) {
    memo.set(root, rootLeaf);
    return rootLeaf;
  }
  const stack: { node: TSESTree.Node; evaluation: Evaluation<T> }[] = [{ node: root, evaluation: evaluate(sourceCode, root) }];
  memo.set(root, VISITING);
  let input: T = onCycle;
  for (;;) {
    const top = stack[stack.length - 1];
    if (!top) return input;
    const step = top.evaluation.next(input);
    if (step.done) {
      memo.set(top.node, step.value);
      stack.pop();
      input = step.value;
      continue;
    }
    const needed = step.value;
    const result = memo.get(needed);
    if (result === VISITING) {
      input = onCycle;
    } else if (result !== undefined || memo.has(needed)) {
      input = result as T;
    } else {
      const leaf = leafOf(sourceCode, needed);
      if (leaf !== NOT_LEAF) {
        memo.set(needed, leaf);
        input = leaf;
        continue;
      }
      memo.set(needed, VISITING);
      stack.push({ node: needed, evaluation: evaluate(sourceCode, needed) });
      input = onCycle;
    }
  }
}

const known = (value: StaticPrimitive): StaticResult => ({ value });

/** A string the evaluator built, or unknown when it is longer than MAX_STRING_LENGTH. */
const built = (value: string): StaticResult => (value.length <= MAX_STRING_LENGTH ? { value } : undefined);

/** Operands of string operations must be small too: comparing or converting a long literal costs its length. */
const small = (value: StaticPrimitive): boolean => typeof value !== "string" || value.length <= MAX_STRING_LENGTH;

/**
 * The value of an expression when it is a constant primitive: literals, templates, `String.raw`, unary and binary
 * operators, `&&` `||` `??` `?:` and sequences, constants (`const`, or `let`/`var` never written again), `undefined`,
 * `NaN` and `Infinity`, members of object and array literals held in constants (`METHODS.post`, `LIST[0]`), a
 * string's `length`, and `String(x)`, `Number(x)`, `Boolean(x)`, `x.toUpperCase()`, `x.toLowerCase()`, `x.trim()`,
 * `x.toString()`. Undefined when unknown. BigInt arithmetic is not evaluated (`10n ** 10n ** 7n` would take minutes).
 */
export function getStaticValue(sourceCode: SourceCode, node: TSESTree.Node): StaticResult {
  return runMemoised(sourceCode, memosOf(sourceCode).values, node, evaluateValue, leafValue, undefined);
}

/**
 * The value of a node that needs no other node's, as `evaluateValue` gives it, without making a generator: a literal,
 * a template without substitutions, a variable that is no constant, and a member of one (`order.total`). Most nodes
 * asked about are these.
 */
function leafValue(sourceCode: SourceCode, node: TSESTree.Node): StaticResult | typeof NOT_LEAF {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return node.value instanceof RegExp ? undefined : known(node.value);
    case AST_NODE_TYPES.TemplateLiteral: {
      if (node.expressions.length > 0) return NOT_LEAF;
      const cooked = node.quasis[0]?.value.cooked;
      return typeof cooked === "string" ? known(cooked) : undefined;
    }
    case AST_NODE_TYPES.Identifier:
      return isUnknownVariable(sourceCode, node) ? undefined : NOT_LEAF;
    case AST_NODE_TYPES.MemberExpression:
      // Neither a container in reach (resolveContainer) nor a known object value: unknown, whatever the key.
      return !node.computed && node.object.type === AST_NODE_TYPES.Identifier && isUnknownVariable(sourceCode, node.object) ? undefined : NOT_LEAF;
    default:
      return NOT_LEAF;
  }
}

/** An identifier `evaluateValue` knows nothing of: not `undefined`, `NaN` or `Infinity`, and no constant. */
function isUnknownVariable(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  const name = identifier.name;
  return name !== "undefined" && name !== "NaN" && name !== "Infinity" && !findConstantVariable(sourceCode, identifier);
}

/** A fully static string (literal, constant, template or concatenation of those), or undefined. */
export function getStaticString(sourceCode: SourceCode, node: TSESTree.Node): string | undefined {
  const result = getStaticValue(sourceCode, node);
  return typeof result?.value === "string" ? result.value : undefined;
}

function* evaluateValue(sourceCode: SourceCode, node: TSESTree.Node): Evaluation<StaticResult> {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return yield node.expression;
    case AST_NODE_TYPES.Literal:
      return node.value instanceof RegExp ? undefined : known(node.value);
    case AST_NODE_TYPES.TemplateLiteral:
      if (node.expressions.length === 0) {
        const cooked = node.quasis[0]?.value.cooked;
        return typeof cooked === "string" ? known(cooked) : undefined;
      }
      return yield* evaluateTemplate(node.quasis.map((quasi) => quasi.value.cooked), node.expressions);
    case AST_NODE_TYPES.TaggedTemplateExpression:
      if (!isGlobalMember(sourceCode, node.tag, "String", "raw")) return undefined;
      return yield* evaluateTemplate(node.quasi.quasis.map((quasi) => quasi.value.raw), node.quasi.expressions);
    case AST_NODE_TYPES.Identifier:
      if ((node.name === "undefined" || node.name === "NaN" || node.name === "Infinity") && isGlobal(sourceCode, node)) {
        return known(node.name === "undefined" ? undefined : node.name === "NaN" ? Number.NaN : Number.POSITIVE_INFINITY);
      }
      {
        const init = resolveConstantInit(sourceCode, node);
        return init ? yield init : undefined;
      }
    case AST_NODE_TYPES.UnaryExpression: {
      if (node.operator === "delete") return undefined;
      const argument = yield node.argument;
      if (!argument || typeof argument.value === "bigint" || !small(argument.value)) return undefined;
      const value = argument.value;
      switch (node.operator) {
        case "-":
          return known(-(value as number));
        case "+":
          return known(+(value as number));
        case "!":
          return known(!value);
        case "~":
          return known(~(value as number));
        case "typeof":
          return known(typeof value);
        case "void":
          return known(undefined);
      }
      return undefined;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
      const left = yield node.left;
      if (!left) return undefined;
      const right = yield node.right;
      return right ? binary(node.operator, left.value, right.value) : undefined;
    }
    case AST_NODE_TYPES.LogicalExpression: {
      const left = yield node.left;
      if (!left) return undefined;
      const settled = node.operator === "||" ? Boolean(left.value) : node.operator === "&&" ? !left.value : left.value != null;
      return settled ? left : yield node.right;
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      const test = yield node.test;
      if (!test) return undefined;
      return yield test.value ? node.consequent : node.alternate;
    }
    case AST_NODE_TYPES.SequenceExpression: {
      const last = node.expressions[node.expressions.length - 1];
      return last ? yield last : undefined;
    }
    case AST_NODE_TYPES.AssignmentExpression:
      return node.operator === "=" ? yield node.right : undefined;
    case AST_NODE_TYPES.ChainExpression:
      return yield node.expression;
    case AST_NODE_TYPES.MemberExpression:
      return yield* evaluateMember(sourceCode, node);
    case AST_NODE_TYPES.CallExpression:
      return yield* evaluateCall(sourceCode, node);
    default:
      return undefined;
  }
}

function* evaluateTemplate(
  strings: readonly (string | null)[],
  expressions: readonly TSESTree.Node[],
): Evaluation<StaticResult> {
  let text = strings[0] ?? null;
  if (text === null) return undefined;
  for (let index = 0; index < expressions.length; index++) {
    const expression = expressions[index];
    const part = expression ? yield expression : undefined;
    const next = strings[index + 1];
    if (!part || !small(part.value) || typeof next !== "string") return undefined;
    text += String(part.value) + next;
    if (text.length > MAX_STRING_LENGTH) return undefined;
  }
  return built(text);
}

function binary(operator: TSESTree.BinaryExpression["operator"], left: StaticPrimitive, right: StaticPrimitive): StaticResult {
  if (typeof left === "bigint" || typeof right === "bigint" || !small(left) || !small(right)) return undefined;
  // The operands are primitives other than bigints; the casts only let TypeScript accept JavaScript's coercions, which
  // run as written (`"a" + 1`, `"2" * 3`, `null == undefined`).
  const a = left as number;
  const b = right as number;
  switch (operator) {
    case "+": {
      const sum: unknown = a + b;
      return typeof sum === "string" ? built(sum) : known(sum as number);
    }
    case "-":
      return known(a - b);
    case "*":
      return known(a * b);
    case "/":
      return known(a / b);
    case "%":
      return known(a % b);
    case "**":
      return known(a ** b);
    case "<<":
      return known(a << b);
    case ">>":
      return known(a >> b);
    case ">>>":
      return known(a >>> b);
    case "&":
      return known(a & b);
    case "|":
      return known(a | b);
    case "^":
      return known(a ^ b);
    case "==":
      return known(left == right);
    case "!=":
      return known(left != right);
    case "===":
      return known(left === right);
    case "!==":
      return known(left !== right);
    case "<":
      return known(a < b);
    case "<=":
      return known(a <= b);
    case ">":
      return known(a > b);
    case ">=":
      return known(a >= b);
    default:
      return undefined;
  }
}

const ARRAY_INDEX = /^(?:0|[1-9]\d{0,8})$/;

/** `OBJ.key`, `OBJ[key]`, `LIST[0]`, `LIST.length`, `text.length`, and `null?.x`. */
function* evaluateMember(sourceCode: SourceCode, node: TSESTree.MemberExpression): Evaluation<StaticResult> {
  if (node.property.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  let key: string;
  if (node.computed) {
    const property = yield node.property;
    if (!property || !isKeyable(property.value)) return undefined;
    key = String(property.value);
  } else {
    key = node.property.name;
  }
  const container = resolveContainer(sourceCode, node.object);
  if (container?.type === AST_NODE_TYPES.ObjectExpression) {
    if (mayHidePropertiesWith(sourceCode, container, resolveObjectSpread)) return undefined;
    const property = lookupProperty(sourceCode, container, key, resolveObjectSpread);
    return property ? yield property.value : undefined;
  }
  if (container?.type === AST_NODE_TYPES.ArrayExpression) {
    const elements = container.elements;
    const spread = elements.some((element) => element?.type === AST_NODE_TYPES.SpreadElement);
    if (spread) return undefined;
    if (key === "length") return known(elements.length);
    if (!ARRAY_INDEX.test(key)) return undefined;
    const index = Number(key);
    if (index >= elements.length) return undefined;
    const element = elements[index];
    return element ? yield element : known(undefined);
  }
  const object = yield node.object;
  if (!object) return undefined;
  if (object.value == null) return node.optional ? known(undefined) : undefined;
  if (typeof object.value === "string" && key === "length") return known(object.value.length);
  return undefined;
}

const STRING_METHODS: Readonly<Record<string, (text: string) => string>> = {
  toUpperCase: (text) => text.toUpperCase(),
  toLowerCase: (text) => text.toLowerCase(),
  trim: (text) => text.trim(),
  toString: (text: string) => text,
};

/** `String(x)`, `Number(x)`, `Boolean(x)` and a few string methods whose result is no more than thrice their input. */
function* evaluateCall(sourceCode: SourceCode, node: TSESTree.CallExpression): Evaluation<StaticResult> {
  const callee = node.callee;
  if (callee.type === AST_NODE_TYPES.Identifier && ["String", "Number", "Boolean"].includes(callee.name) && isGlobal(sourceCode, callee)) {
    const [argument, ...rest] = node.arguments;
    if (rest.length > 0 || argument?.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const input = argument ? yield argument : known(undefined);
    if (!input || !small(input.value)) return undefined;
    if (callee.name === "String") return argument ? built(String(input.value)) : known("");
    if (callee.name === "Number") return typeof input.value === "bigint" ? undefined : known(argument ? Number(input.value) : 0);
    return known(Boolean(input.value));
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const method = Object.hasOwn(STRING_METHODS, callee.property.name) ? STRING_METHODS[callee.property.name] : undefined;
  if (!method || node.arguments.length > 0) return undefined;
  const receiver = yield callee.object;
  if (!receiver) return undefined;
  if (receiver.value == null) return node.optional || callee.optional ? known(undefined) : undefined;
  return typeof receiver.value === "string" && small(receiver.value) ? built(method(receiver.value)) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// String patterns

/**
 * Joins pattern parts, with one UNKNOWN_PART where two meet (an unknown next to an unknown is one unknown), and gives
 * UNKNOWN_PART for the whole once it would exceed MAX_STRING_LENGTH.
 */
const joinParts = (parts: readonly string[]): string => {
  let text = "";
  for (const part of parts) {
    text += text.endsWith(UNKNOWN_PART) && part.startsWith(UNKNOWN_PART) ? part.slice(UNKNOWN_PART.length) : part;
    if (text.length > MAX_STRING_LENGTH) return UNKNOWN_PART;
  }
  return text;
};

/**
 * The statically known parts of a string expression, with UNKNOWN_PART where a part is unknown:
 * `${process.env.BASE}/ecomm/v2/payments/${id}/capture` gives "\0/ecomm/v2/payments/\0/capture". Memoised per node and
 * file like the values; a pattern longer than MAX_STRING_LENGTH is UNKNOWN_PART.
 */
export function getStringPattern(sourceCode: SourceCode, node: TSESTree.Node): string {
  return runMemoised(sourceCode, memosOf(sourceCode).patterns, node, evaluatePattern, leafPattern, UNKNOWN_PART);
}

/** The pattern of a literal, as `evaluatePattern` gives it, without making a generator. */
function leafPattern(_sourceCode: SourceCode, node: TSESTree.Node): string | typeof NOT_LEAF {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === "string" ? node.value : UNKNOWN_PART;
  return NOT_LEAF;
}

function* evaluatePattern(sourceCode: SourceCode, node: TSESTree.Node): Evaluation<string> {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return yield node.expression;
    case AST_NODE_TYPES.Literal:
      return typeof node.value === "string" ? node.value : UNKNOWN_PART;
    case AST_NODE_TYPES.TemplateLiteral: {
      const parts: string[] = [];
      for (let index = 0; index < node.quasis.length; index++) {
        parts.push(node.quasis[index]?.value.cooked ?? UNKNOWN_PART);
        const expression = node.expressions[index];
        if (expression) parts.push(yield expression);
      }
      return joinParts(parts);
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== "+") return UNKNOWN_PART;
      const left = yield node.left;
      const right = yield node.right;
      return joinParts([left, right]);
    }
    case AST_NODE_TYPES.Identifier: {
      const init = resolveConstantInit(sourceCode, node);
      return init ? yield init : UNKNOWN_PART;
    }
    case AST_NODE_TYPES.NewExpression:
      return isNewUrl(node) ? yield* evaluateNewUrl(node) : UNKNOWN_PART;
    case AST_NODE_TYPES.MemberExpression: {
      // `url.href` of a `new URL(...)` constant, or a constant object's property.
      if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === "href") {
        const target = resolveExpression(sourceCode, node.object);
        if (target.type === AST_NODE_TYPES.NewExpression && isNewUrl(target)) return yield target;
      }
      return getStaticString(sourceCode, node) ?? UNKNOWN_PART;
    }
    case AST_NODE_TYPES.CallExpression: {
      // `url.toString()`
      const callee = node.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === "toString") {
        return yield callee.object;
      }
      return UNKNOWN_PART;
    }
    default:
      return UNKNOWN_PART;
  }
}

function isNewUrl(node: TSESTree.NewExpression): boolean {
  return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "URL";
}

/** A scheme at the start (`https://`), found without a regular expression that could rescan a long run of letters. */
export function hasScheme(text: string): boolean {
  let index = 0;
  while (index < text.length && isAsciiLetter(text.charCodeAt(index))) index++;
  return index > 0 && text.startsWith("://", index);
}

const isAsciiLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * `text` without the slashes that end it, found by hand: `/\/+$/` tries every start in a long run of slashes that is
 * not at the end, quadratic in the run.
 */
export function trimTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 47) end--;
  return text.slice(0, end);
}

/** `text` without the slashes that start it. */
export function trimLeadingSlashes(text: string): string {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) === 47) start++;
  return text.slice(start);
}

function* evaluateNewUrl(node: TSESTree.NewExpression): Evaluation<string> {
  const [pathArg, baseArg] = node.arguments;
  if (!pathArg || pathArg.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN_PART;
  const path = yield pathArg;
  if (!baseArg || baseArg.type === AST_NODE_TYPES.SpreadElement || hasScheme(path)) return path;
  const base = yield baseArg;
  return base.endsWith("/") && path.startsWith("/") ? joinParts([base, path.slice(1)]) : joinParts([base, path]);
}
