import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { analyzeResponseFlow, enclosingCatchClauses, type ResponseFlow } from "../../src/analysis/response-flow.js";
import { getVippsRequests } from "../../src/detect/index.js";

const URL = "https://api.vipps.no/epayment/v1/payments";

/** The flows of every Vipps request in `code`, summarised: site kinds, property reads, escapes, promise ends. */
function flows(code: string) {
  const found: ResponseFlow[] = [];
  const catches: number[] = [];
  const rule = {
    meta: { type: "problem", messages: {}, schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        Program() {
          for (const request of getVippsRequests(context)) {
            const flow = analyzeResponseFlow(context.sourceCode, request);
            if (flow) found.push(flow);
            catches.push(enclosingCatchClauses(context.sourceCode, request.node).length);
          }
        },
      };
    },
  };
  const config = [
    {
      files: ["**/*.ts"],
      plugins: { test: { rules: { flow: rule } } },
      languageOptions: { parser: tsParser },
      rules: { "test/flow": "error" },
    },
  ] as unknown as Linter.Config[];
  const messages = new Linter().verify(code, config, "file.ts");
  expect(messages).toEqual([]);
  return found.map((flow, index) => ({
    sites: flow.sites.map((site) => site.kind),
    reads: flow.reads.map((read) => read.property ?? "(value)"),
    escapes: flow.escapes,
    unused: flow.unused,
    ends: flow.promiseEnds.map((end) => end.kind),
    handlers: flow.rejectionHandlers.length,
    catches: catches[index],
  }));
}

describe("analyzeResponseFlow", () => {
  it("follows an awaited response into a binding, its aliases and their property reads", () => {
    expect(flows(`async function f() { const res = await fetch("${URL}"); const r = res; if (r.ok) return r.json(); }`)).toEqual([
      { sites: ["bound"], reads: ["ok", "json"], escapes: false, unused: false, ends: ["awaited"], handlers: 0, catches: 0 },
    ]);
  });

  it("follows a promise variable to where it is awaited", () => {
    expect(flows(`async function f() { const p = fetch("${URL}"); const { data, status } = await p; }`)).toEqual([
      { sites: ["destructured"], reads: ["data", "status"], escapes: false, unused: false, ends: ["awaited"], handlers: 0, catches: 0 },
    ]);
  });

  it("reads a .then callback's parameter, and stops following the value after .then", () => {
    expect(flows(`async function f() { const x = await fetch("${URL}").then((r) => r.json()).catch(log); return x; }`)).toEqual([
      { sites: ["callback"], reads: ["json"], escapes: false, unused: false, ends: ["awaited"], handlers: 1, catches: 0 },
    ]);
  });

  it("marks returned, passed and stored values as escaping", () => {
    const summaries = flows(`async function f(list: unknown[]) {
  const a = await fetch("${URL}/a"); list.push(a);
  return await fetch("${URL}/b");
}
function g() { return fetch("${URL}/c"); }
const h = { p: fetch("${URL}/d") };`);
    expect(summaries.map((summary) => [summary.escapes, summary.ends])).toEqual([
      [true, ["awaited"]],
      [true, ["awaited"]],
      [false, ["returned"]],
      [false, ["escaped"]],
    ]);
  });

  it("tells dropped, unused, voided and awaited promises apart", () => {
    const summaries = flows(`async function f() {
  fetch("${URL}/a");
  const p = fetch("${URL}/b");
  void fetch("${URL}/c");
  await fetch("${URL}/d");
}`);
    expect(summaries.map((summary) => [summary.ends, summary.sites, summary.unused])).toEqual([
      [["dropped"], [], false],
      [["unused"], [], false],
      [["voided"], [], false],
      [["awaited"], ["dropped"], true],
    ]);
  });

  it("reads through TypeScript wrappers and straight off an awaited call", () => {
    expect(flows(`async function f() { const body = await (await fetch("${URL}") as Response).json(); const s = (await fetch("${URL}")).status; }`).map(
      (summary) => [summary.sites, summary.reads],
    )).toEqual([
      [["other"], ["json"]],
      [["member"], ["status"]],
    ]);
  });

  it("finds the catch clauses a failure reaches: the nearest, and further out only while they rethrow", () => {
    const summaries = flows(`async function f() {
  try {
    try { await fetch("${URL}/a"); } catch (e) { throw e; }
  } catch (e) { log(e); }
  try {
    try { await fetch("${URL}/b"); } catch (e) { log(e); }
  } catch {}
  try { setTimeout(() => fetch("${URL}/c")); } catch {}
}`);
    expect(summaries.map((summary) => summary.catches)).toEqual([2, 1, 0]);
  });
});
