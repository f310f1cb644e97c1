import { getInboundHandlers, INBOUND_TEXT_HINT, namedAsInboundFile } from "../src/detect/inbound.js";
import { analyseWebhookVerification, findEventNameLiterals } from "../src/detect/inbound-verification.js";
import { inSameQuotes } from "../src/core/style.js";
import { defineVippsRule, optionsSchema } from "../src/rule-kit.js";
import { WEBHOOK_EVENTS } from "../src/vipps/webhooks.js";

type MessageIds =
  | "missingVerification"
  | "verifiedTooLate"
  | "contentHashOnly"
  | "reserialisedBody"
  | "hmacOfBody"
  | "decodedSecret"
  | "useSecretAsGiven"
  | "hexDigest"
  | "useBase64"
  | "badSigningString"
  | "authorizationIsNotSecret"
  | "unknownEvent"
  | "notConstantTime";
type Options = [{ constantTimeComparison?: boolean }];

const KNOWN_EVENTS = new Set(WEBHOOK_EVENTS);

/** The one spelling slip the two APIs invite: Recurring's `canceled` against ePayment's `cancelled`. */
function correctedEvent(name: string): string | undefined {
  for (const [from, to] of [
    ["cancelled", "canceled"],
    ["canceled", "cancelled"],
  ] as const) {
    const corrected = name.replace(from, to);
    if (corrected !== name && KNOWN_EVENTS.has(corrected)) return corrected;
  }
  return undefined;
}

export default defineVippsRule<Options, MessageIds>({
  name: "verify-webhook-signature",
  meta: {
    type: "problem",
    docs: {
      description: "Require Vipps webhook handlers to verify each delivery's signature, as the Webhooks API signs it, before using it",
      recommended: true,
      suggestionOnly: ["useSecretAsGiven", "useBase64"],
    },
    fixable: "code",
    hasSuggestions: true,
    schema: optionsSchema({
      constantTimeComparison: {
        type: "boolean",
        description: "Also report signatures and content hashes compared with `===` instead of `crypto.timingSafeEqual`.",
      },
    }),
    defaultOptions: [{ constantTimeComparison: false }],
    messages: {
      missingVerification:
        "This Vipps webhook handler uses the payload without verifying the delivery, so anyone can send it. First compare x-ms-content-sha256 with the SHA-256 of the raw body and the Authorization signature with an HMAC-SHA256 of the signed headers.",
      verifiedTooLate: "The payload is acted on here before the delivery is verified (line {{line}}): verify the signature first.",
      contentHashOnly:
        "Only the content hash is checked: anyone can send a body with its own SHA-256. Also check the Authorization signature, an HMAC-SHA256 with the webhook secret over the method, path and query, x-ms-date, host and content hash.",
      reserialisedBody:
        "A re-serialised body never hashes to what Vipps hashed (key order, spacing and escapes differ): hash the raw body as received.",
      hmacOfBody: "x-ms-content-sha256 is a plain SHA-256 of the raw body, not an HMAC: use createHash(\"sha256\") for the content hash.",
      decodedSecret: "Vipps keys the HMAC with the webhook secret as given; a base64-decoded secret never gives a matching signature.",
      // Suggestion messages are used through kit.repair, which eslint-plugin's check does not follow.
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids
      useSecretAsGiven: "Use the secret as given.",
      hexDigest: "Vipps sends base64 digests: a hex digest never matches x-ms-content-sha256 or the signature.",
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids
      useBase64: "Digest to base64.",
      badSigningString:
        "The signed string must be `POST\\n{path and query}\\n{x-ms-date};{host};{x-ms-content-sha256}`; this one does not have that shape, so no signature will match.",
      authorizationIsNotSecret:
        "Vipps never sends the webhook secret: Authorization holds `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=…`. Verify the signature instead.",
      unknownEvent: '"{{name}}" is not a Vipps webhook event{{hint}}.',
      notConstantTime: "Compare signatures and hashes in constant time (crypto.timingSafeEqual), not with {{operator}}.",
    },
  },
  textHint: INBOUND_TEXT_HINT,
  fileHint: namedAsInboundFile,
  create(kit) {
    const { sourceCode } = kit;
    return {
      Program() {
        for (const { node, value } of findEventNameLiterals(sourceCode)) {
          if (KNOWN_EVENTS.has(value)) continue;
          const corrected = correctedEvent(value);
          kit.report({
            at: { node },
            messageId: "unknownEvent",
            data: { name: value, hint: corrected ? `; the name is "${corrected}"` : "" },
            repairs: [corrected ? kit.repair(undefined, (fixer) => fixer.replaceText(node, inSameQuotes(sourceCode, node, corrected))) : undefined],
          });
        }
        for (const handler of getInboundHandlers(kit.context)) {
          if (handler.kind !== "webhook") continue;
          const verification = analyseWebhookVerification(sourceCode, handler);
          if (!verification.start && verification.firstUse) kit.report({ at: { node: verification.firstUse }, messageId: "missingVerification" });
          if (verification.actedBefore && verification.start) {
            kit.report({ at: { node: verification.actedBefore }, messageId: "verifiedTooLate", data: { line: verification.start.loc.start.line } });
          }
          if (verification.contentHashOnly) kit.report({ at: { node: verification.contentHashOnly }, messageId: "contentHashOnly" });
          for (const node of verification.reserialised) kit.report({ at: { node }, messageId: "reserialisedBody" });
          for (const node of verification.hmacOfBody) kit.report({ at: { node }, messageId: "hmacOfBody" });
          for (const { node, secret } of verification.decodedKeys) {
            kit.report({
              at: { node },
              messageId: "decodedSecret",
              repairs: [kit.repair("useSecretAsGiven", (fixer) => fixer.replaceText(node, sourceCode.getText(secret)))],
            });
          }
          for (const node of verification.hexDigests) {
            kit.report({ at: { node }, messageId: "hexDigest", repairs: [kit.repair("useBase64", (fixer) => fixer.replaceText(node, inSameQuotes(sourceCode, node, "base64")))] });
          }
          for (const node of verification.badSigningStrings) kit.report({ at: { node }, messageId: "badSigningString" });
          for (const node of verification.secretComparisons) kit.report({ at: { node }, messageId: "authorizationIsNotSecret" });
          if (kit.options.constantTimeComparison) {
            for (const node of verification.plainComparisons) kit.report({ at: { node }, messageId: "notConstantTime", data: { operator: node.operator } });
          }
        }
      },
    };
  },
});
