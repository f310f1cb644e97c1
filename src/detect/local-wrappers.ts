import { AST_NODE_TYPES, DefinitionType, type TSESTree } from "../core/eslint-api.js";
import { climbTypeWrappers, enclosingFunction, type FunctionNode } from "../core/ast.js";
import { MAX_LOCAL_WRAPPER_DEPTH } from "../core/limits.js";
import { findVariable, getPropertyKey } from "../core/static.js";
import type { SourceCode } from "../core/types.js";
import type { ResponseFacts, VippsRequest } from "./index.js";
import { callsOf, functionReturning } from "./local-calls.js";

/**
 * A project's own wrappers in the same file: a local function that sends a Vipps request and hands its response, SDK
 * result or their promise back unchecked makes each of its calls a Vipps request whose answer must be checked there.
 *
 * The response-flow analysis (src/analysis/) sits above detection and cannot be imported here, so the question "is
 * the answer returned unchecked?" is answered by a small check of its own that says yes only in the plain forms:
 *
 * - `return send(...)`, `return await send(...)`, `() => send(...)`;
 * - `const response = await send(...)`, then `return response`, with every other use a read of a property that is
 *   no failure check (`response.headers`), and no check of the failure (`response.ok`, `response.status`,
 *   `result.error`) anywhere.
 *
 * Anything else (the answer passed to a function, checked, stored, caught in a `try`) makes the function no wrapper:
 * its callers then get nothing new to check, so a doubt never turns into a report.
 */
export function localWrapperRequests(sourceCode: SourceCode, requests: readonly VippsRequest[]): VippsRequest[] {
  const known = new Set<TSESTree.Node>(requests.map((request) => request.node));
  const added: VippsRequest[] = [];
  // Call-site requests whose target is fixed inside their wrapper: a wrapper of one of them passes it on unchanged.
  const fixedTargets = new Set<VippsRequest>();
  let level: readonly VippsRequest[] = requests;
  for (let depth = 0; depth < MAX_LOCAL_WRAPPER_DEPTH && level.length > 0; depth++) {
    const next: VippsRequest[] = [];
    for (const request of level) {
      const response = request.response;
      if (!response || response.failure === "callback") continue;
      const wrapper = wrapperReturning(sourceCode, response);
      if (!wrapper) continue;
      const fixed = fixedTargets.has(request) || request.transport === "sdk" || !targetDependsOnParameters(sourceCode, wrapper, request);
      for (const call of callsOf(sourceCode, wrapper)) {
        if (known.has(call)) continue;
        known.add(call);
        const callSite = callSiteRequest(request, response, call, fixed);
        if (fixed) fixedTargets.add(callSite);
        next.push(callSite);
      }
    }
    added.push(...next);
    level = next;
  }
  return added;
}

/**
 * The call of a wrapper as a request of its own: the same API and failure mode, with the call as its answer; the same
 * endpoint only where the wrapper fixes it (`fixed`), since a URL or method built from the wrapper's parameters names
 * another endpoint at each call. The URL, body and headers stay with the request inside the wrapper, so that rules
 * about them report once, there.
 */
function callSiteRequest(request: VippsRequest, response: ResponseFacts, call: TSESTree.CallExpression, fixed: boolean): VippsRequest {
  return {
    ...request,
    ...(!fixed && { endpoint: undefined, method: undefined }),
    node: call,
    url: undefined,
    body: undefined,
    headers: undefined,
    options: undefined,
    response: { ...response, node: call },
  };
}

/**
 * Whether a parameter of the wrapper is read anywhere but in the request's body: then the URL, method or options may
 * come from the caller, and the endpoint found inside the wrapper is only the one its parameters leave open.
 */
function targetDependsOnParameters(sourceCode: SourceCode, wrapper: FunctionNode, request: VippsRequest): boolean {
  const body = request.body?.node.range;
  for (const variable of sourceCode.getDeclaredVariables(wrapper)) {
    if (!variable.defs.some((def) => def.type === DefinitionType.Parameter)) continue;
    for (const reference of variable.references) {
      const [start, end] = reference.identifier.range;
      if (!body || start < body[0] || end > body[1]) return true;
    }
  }
  return false;
}

/** The function that returns the request's answer (or its promise) without checking it. */
function wrapperReturning(sourceCode: SourceCode, response: ResponseFacts): FunctionNode | undefined {
  const promise = climbTypeWrappers(response.node);
  const returning = functionReturning(promise);
  if (returning) return returning;
  const awaited = promise.parent;
  if (awaited?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const viaAwait = functionReturning(awaited);
  if (viaAwait) return viaAwait;
  const value = climbTypeWrappers(awaited);
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value || declarator.id.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const fn = enclosingFunction(declarator);
  const variable = findVariable(sourceCode, declarator.id);
  if (!fn || !variable) return undefined;
  const checks = response.check?.checks;
  let returned = false;
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) return undefined;
    const use = climbTypeWrappers(reference.identifier);
    const parent = use.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
      const property = getPropertyKey(sourceCode, parent);
      // A computed read may be the check itself; a check of the failure means the wrapper handles it.
      if (property === null || checks?.has(property)) return undefined;
      continue;
    }
    if (functionReturning(reference.identifier) !== fn) return undefined;
    returned = true;
  }
  return returned ? fn : undefined;
}
