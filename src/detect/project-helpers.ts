import type { TSESTree } from "../core/eslint-api.js";
import type { HelperSetting } from "../settings.js";
import { getApi, getEndpoint } from "../vipps/apis.js";
import { FAILURE_CHECKS } from "./failure.js";
import type { VippsRequest } from "./index.js";

/**
 * A call of a project's own helper declared in `settings.vipps.helpers`: a function, usually in another file, that
 * returns the answer of a Vipps request unchecked. The setting is the evidence that the call goes to Vipps, so no URL
 * is needed; the call's answer is checked where it is called, as a `fetch` response or an SDK result.
 */
export function helperRequest(call: TSESTree.CallExpression, helper: HelperSetting): VippsRequest {
  const endpoint = helper.endpoint === undefined ? undefined : getEndpoint(helper.endpoint);
  const apiName = endpoint?.api ?? helper.api;
  const result = helper.returns === "result";
  return {
    node: call,
    transport: "wrapper",
    api: apiName === undefined ? undefined : getApi(apiName),
    endpoint,
    method: endpoint?.method,
    url: undefined,
    urlPattern: undefined,
    body: undefined,
    headers: undefined,
    options: undefined,
    // The setting itself says the call goes to Vipps.
    evidence: undefined,
    response: {
      node: call,
      failure: result ? "result" : "resolves",
      check: result ? FAILURE_CHECKS.sdkResult : FAILURE_CHECKS.response,
    },
  };
}
