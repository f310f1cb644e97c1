import { analyseCallbackHandler, findUnkeptCallbackTokens, routeMiddlewareVerifies } from "../src/analysis/callback-auth.js";
import { getInboundHandlers, INBOUND_TEXT_HINT, namedAsInboundFile, type InboundKind } from "../src/detect/inbound.js";
import { defineVippsRule } from "../src/rule-kit.js";

type MessageIds = "unauthenticatedCallback" | "bodyFieldAuthentication" | "tokenKeptNowhere";

/** How messages name each callback, and the initiate field whose token comes back in its `Authorization` header. */
const CALLBACKS: Readonly<Record<Exclude<InboundKind, "webhook">, { readonly label: string; readonly token: string }>> = {
  "ecom-callback": { label: "eCom payment update callback", token: "merchantInfo.authToken" },
  "ecom-shipping": { label: "eCom shipping details callback", token: "merchantInfo.authToken" },
  "ecom-consent": { label: "eCom consent removal callback", token: "merchantInfo.authToken" },
  "epayment-shipping": { label: "ePayment dynamic shipping callback", token: "shipping.dynamicOptions.callbackAuthorizationToken" },
  "checkout-callback": { label: "Checkout callback", token: "merchantInfo.callbackAuthorizationToken" },
  callback: { label: "Vipps callback", token: "merchantInfo.authToken or callbackAuthorizationToken" },
};

const CALLBACK_WORD = /callback/i;

export default defineVippsRule<[], MessageIds>({
  name: "verify-callback-authorization",
  meta: {
    type: "problem",
    docs: {
      description: "Require Vipps callback handlers to check the callback token, or read the payment back, before trusting the body",
      recommended: true,
    },
    schema: [],
    messages: {
      unauthenticatedCallback:
        "This {{callback}} handler trusts what the caller sent without comparing the `Authorization` header with the token sent as `{{token}}`, and without reading the payment back from the API: anyone who knows the URL can forge it.",
      bodyFieldAuthentication:
        "`{{field}}` comes from the callback body, which the caller writes, and it is no secret: compare the `Authorization` header with the token sent as `{{token}}`, or read the payment back from the API.",
      tokenKeptNowhere:
        "This callback token (`{{path}}`) is made here and kept nowhere, so no callback handler can compare the `Authorization` header with it: store it with the order, or derive it from a server secret.",
    },
  },
  // Callback handlers usually send no Vipps request themselves: the same hint as the webhook rule's.
  textHint: INBOUND_TEXT_HINT,
  fileHint: namedAsInboundFile,
  create(kit) {
    const { context, sourceCode } = kit;
    return {
      Program() {
        for (const token of findUnkeptCallbackTokens(sourceCode, kit.requests())) {
          kit.report({ at: { node: token.node }, messageId: "tokenKeptNowhere", data: { path: token.path } });
        }
        for (const handler of getInboundHandlers(context)) {
          // Webhook deliveries are signed, not token-authorised: vipps/verify-webhook-signature checks them.
          if (handler.kind === "webhook") continue;
          // A path that names Vipps and "notify" alone is often the shop's own endpoint (`routes/vipps.js` with
          // `/agreement/notify/change`): without other evidence, only a path that says "callback" counts.
          if (handler.evidence.every((item) => item.type === "path") && !CALLBACK_WORD.test(`${context.filename} ${handler.route}`)) continue;
          const callback = CALLBACKS[handler.kind];
          const facts = analyseCallbackHandler(
            context,
            handler.fn,
            handler.bodyReads.map((read) => read.node),
          );
          if (facts.authorizationChecked || facts.verifierCalled || facts.paymentReRead || routeMiddlewareVerifies(sourceCode, handler.fn)) continue;
          const firstRead = facts.payloadReads[0];
          // A handler that reads nothing the caller sent acts on nothing forged.
          if (!firstRead) continue;
          if (facts.bodyFieldComparisons.length > 0) {
            for (const comparison of facts.bodyFieldComparisons) {
              kit.report({ at: { node: comparison.node }, messageId: "bodyFieldAuthentication", data: { field: comparison.field, token: callback.token } });
            }
            continue;
          }
          kit.report({ at: { node: firstRead }, messageId: "unauthenticatedCallback", data: { callback: callback.label, token: callback.token } });
        }
      },
    };
  },
});
