import { AST_NODE_TYPES, type TSESTree } from "../src/core/eslint-api.js";
import { unwrap } from "../src/core/ast.js";
import { findProperty } from "../src/core/objects.js";
import { getStaticValue, getStringPattern, UNKNOWN_PART } from "../src/core/static.js";
import { fileQuote, inSameQuotes, quoteString } from "../src/core/style.js";
import { idempotencyKeyVerdicts } from "../src/analysis/idempotency-keys.js";
import { sdkClientsWithoutSystemName } from "../src/analysis/sdk-clients.js";
import type { HeaderEntry, VippsRequest } from "../src/detect/index.js";
import { isNameInScope } from "../src/fix/imports.js";
import { insertProperty, printKey, detectStyle } from "../src/fix/object-literal.js";
import { defineVippsRule, optionsSchema } from "../src/rule-kit.js";
import { endpointHeaders, HEADER_VALUE_RULES, NO_SUBSCRIPTION_KEY, OFFICIAL_HEADERS, WRONG_HEADER_NAMES } from "../src/vipps/headers.js";

type MessageIds =
  | "missingHeader"
  | "addHeader"
  | "wrongName"
  | "bearerForClientCredentials"
  | "basicExpected"
  | "missingBearerPrefix"
  | "addBearerPrefix"
  | "subscriptionKeyNotTaken"
  | "secretNotTaken"
  | "badValue"
  | "freshKey"
  | "constantKey"
  | "sharedKey"
  | "sdkSystemHeaders";
type Options = [{ checkSdkSystemHeaders?: boolean }];

/** What a missing header costs, as messages say it. */
const CONSEQUENCE: Readonly<Record<string, string>> = {
  "Idempotency-Key": "without it a retried call may run the operation twice",
  "X-Request-Id": "without it a retried call may run the operation twice",
};

/** Names a value for a missing header may be taken from, when one is in scope. */
const MSN_NAMES = ["merchantSerialNumber", "MERCHANT_SERIAL_NUMBER", "msn", "MSN"];
const REFERENCE_NAMES = ["reference", "orderId"];

/** The suggestions' messages, as `messageId:` properties (where eslint-plugin's unused-message check looks for them). */
const SUGGESTIONS = { addHeader: { messageId: "addHeader" }, addBearerPrefix: { messageId: "addBearerPrefix" } } as const;

/** The lower-case official names of the headers sent, misspelled ones included. */
function officialNamesSent(entries: ReadonlyMap<string, HeaderEntry>): Set<string> {
  const names = new Set<string>();
  for (const name of entries.keys()) names.add((WRONG_HEADER_NAMES.get(name) ?? name).toLowerCase());
  return names;
}

/** A value that reads like an access token: a name with "token" in it, bare or alone in a template. */
const TOKEN_NAME = /token/i;

export default defineVippsRule<Options, MessageIds>({
  name: "valid-headers",
  meta: {
    type: "problem",
    docs: {
      description: "Require the headers each Vipps API takes, spelled right, with idempotency keys that work",
      recommended: true,
      suggestionOnly: ["addHeader", "addBearerPrefix"],
      allConfigOptions: { checkSdkSystemHeaders: true },
    },
    fixable: "code",
    hasSuggestions: true,
    schema: optionsSchema({
      checkSdkSystemHeaders: {
        type: "boolean",
        description:
          "Report `Client({...})` of @vippsmobilepay/sdk without `systemName` and `systemVersion` (the Vipps-System-* headers, mandatory for partners and plugin makers).",
      },
    }),
    defaultOptions: [{ checkSdkSystemHeaders: false }],
    messages: {
      missingHeader: "{{target}} requires {{article}} {{header}} header ({{source}}); {{consequence}}.",
      addHeader: "Add the {{header}} header with {{value}}.",
      wrongName: '"{{name}}" is not a header Vipps APIs read; the header is "{{official}}".',
      bearerForClientCredentials:
        "{{target}} authenticates with the client_id and client_secret headers, not an Authorization Bearer token ({{source}}).",
      basicExpected: "{{target}} authenticates with Authorization: Basic (client id and secret), not a Bearer token.",
      missingBearerPrefix: 'The Authorization header of {{target}} must be "Bearer <access token>"; this value has no "Bearer " prefix.',
      addBearerPrefix: 'Prefix the token with "Bearer ".',
      subscriptionKeyNotTaken: "{{target}} must not be sent an Ocp-Apim-Subscription-Key header.",
      secretNotTaken: "{{target}} does not take client_secret; sending it hands the secret to a service that has no use for it.",
      badValue: '{{header}} of {{target}} must be {{rule}}; got "{{value}}".',
      freshKey:
        "The Idempotency-Key of {{target}} is made fresh by {{maker}} on each call, so a retry becomes a new operation; derive it from the operation (`${reference}-{{operation}}`, with a number for each partial capture or refund) or create it once and pass it in.",
      constantKey:
        'The Idempotency-Key of {{target}} is the constant "{{key}}", shared by every call: later operations are answered from the first or refused with 409. Derive it from the reference and the operation.',
      sharedKey:
        "The Idempotency-Key of {{target}} is the bare {{key}}, also the key of {{others}}: the later calls are answered from the first. Add the operation (and its number for partial captures or refunds) to the key.",
      sdkSystemHeaders:
        "This @vippsmobilepay/sdk Client is created without {{missing}}: the Vipps-System-* headers they set are mandatory for partners and plugin makers.",
    },
  },
  create(kit) {
    const { sourceCode, options } = kit;
    // Headers shared by several requests (a constant, instance defaults) are reported once where they are written.
    const reported = new Set<string>();
    const once = (node: TSESTree.Node, messageId: string): boolean => {
      const key = `${node.range[0]}:${messageId}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };

    const checkNames = (request: VippsRequest, entries: ReadonlyMap<string, HeaderEntry>): void => {
      for (const [lower, entry] of entries) {
        const official = WRONG_HEADER_NAMES.get(lower);
        const at = entry.nameNode;
        if (!official || !at || !once(at, "wrongName")) continue;
        const clash = entries.has(official.toLowerCase());
        kit.report({
          at: { node: at },
          messageId: "wrongName",
          data: { name: entry.name, official },
          repairs: [clash ? undefined : renameRepair(at, official)],
        });
      }
    };

    const renameRepair = (at: TSESTree.Node, official: string) => {
      const parent = at.parent;
      if (at.type === AST_NODE_TYPES.Literal && typeof at.value === "string") {
        return kit.repair(undefined, (fixer) => fixer.replaceText(at, inSameQuotes(sourceCode, at, official)));
      }
      if (at.type !== AST_NODE_TYPES.Identifier || parent?.type !== AST_NODE_TYPES.Property || parent.computed || parent.key !== at) return undefined;
      const key = /^[A-Za-z_$][\w$]*$/.test(official) ? official : quoteString(official, fileQuote(sourceCode));
      // `{ merchantSerialNumber }` keeps its value under the new name.
      return kit.repair(undefined, (fixer) =>
        parent.shorthand ? fixer.replaceText(parent, `${key}: ${at.name}`) : fixer.replaceText(at, key),
      );
    };

    const checkValues = (request: VippsRequest, entries: ReadonlyMap<string, HeaderEntry>): void => {
      for (const [lower, entry] of entries) {
        const rule = HEADER_VALUE_RULES.get(lower);
        const value = entry.value;
        if (!rule || !value) continue;
        const constant = getStaticValue(sourceCode, value)?.value;
        if (typeof constant !== "string" && typeof constant !== "number") continue;
        const text = String(constant);
        const ok = (!rule.pattern || rule.pattern.test(text)) && (rule.maxLength === undefined || text.length <= rule.maxLength);
        if (ok || !once(value, "badValue")) continue;
        const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
        kit.report({
          at: { node: value },
          messageId: "badValue",
          data: { header: OFFICIAL_HEADERS.get(lower) ?? entry.name, target: kit.labels(request).target, rule: rule.description, value: shown },
        });
      }
    };

    const checkAuth = (request: VippsRequest, entries: ReadonlyMap<string, HeaderEntry>): void => {
      const wanted = request.endpoint && endpointHeaders(request.endpoint.id, request.endpoint.api);
      // Labels and the value's pattern only where a report may need them: most requests have nothing to report here.
      const target = (): string => kit.labels(request).target;
      const value = entries.get("authorization")?.value;
      const startsWithBearer = (node: TSESTree.Node): boolean => getStringPattern(sourceCode, node).toLowerCase().startsWith("bearer");
      if (wanted && value) {
        if (wanted.auth === "client-credentials") {
          if (startsWithBearer(value) && once(value, "bearerForClientCredentials")) {
            kit.report({ at: { node: value }, messageId: "bearerForClientCredentials", data: { target: target(), source: wanted.source } });
          }
        } else if (wanted.auth === "basic") {
          if (startsWithBearer(value) && once(value, "basicExpected")) kit.report({ at: { node: value }, messageId: "basicExpected", data: { target: target() } });
        } else if (wanted.auth === "bearer" && looksLikeBareToken(value) && getStringPattern(sourceCode, value).startsWith(UNKNOWN_PART) && once(value, "missingBearerPrefix")) {
          kit.report({
            at: { node: value },
            messageId: "missingBearerPrefix",
            data: { target: target() },
            repairs: [kit.repair(SUGGESTIONS.addBearerPrefix.messageId, (fixer) => bearerPrefixFix(fixer, value))],
          });
        }
      }
      const key = entries.get("ocp-apim-subscription-key");
      if (key?.nameNode && request.api && NO_SUBSCRIPTION_KEY.has(request.api.name) && once(key.nameNode, "subscriptionKeyNotTaken")) {
        kit.report({ at: { node: key.nameNode }, messageId: "subscriptionKeyNotTaken", data: { target: target() } });
      }
      const secret = entries.get("client_secret");
      if (wanted && secret?.nameNode && !wanted.accepted.has("client_secret") && once(secret.nameNode, "secretNotTaken")) {
        kit.report({ at: { node: secret.nameNode }, messageId: "secretNotTaken", data: { target: target() } });
      }
    };

    const looksLikeBareToken = (value: TSESTree.Node): boolean => {
      const node = unwrap(value);
      const only = node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 1 && node.quasis[0]?.value.cooked === "" ? node.expressions[0] : node;
      const name = only?.type === AST_NODE_TYPES.Identifier ? only.name : only?.type === AST_NODE_TYPES.MemberExpression && !only.computed && only.property.type === AST_NODE_TYPES.Identifier ? only.property.name : "";
      return TOKEN_NAME.test(name);
    };

    const bearerPrefixFix = (fixer: Parameters<Parameters<typeof kit.repair>[1]>[0], value: TSESTree.Node) => {
      const node = unwrap(value);
      if (node.type === AST_NODE_TYPES.TemplateLiteral) return fixer.insertTextAfterRange([node.range[0], node.range[0] + 1], "Bearer ");
      return fixer.replaceText(value, `\`Bearer \${${sourceCode.getText(value)}}\``);
    };

    const checkMissing = (request: VippsRequest, entries: ReadonlyMap<string, HeaderEntry>): void => {
      const endpoint = request.endpoint;
      const wanted = endpoint && endpointHeaders(endpoint.id, endpoint.api);
      if (!endpoint || !wanted || !request.headers?.complete) return;
      // A Bearer token sent instead of client credentials is reported as that, once, not as two missing headers.
      const authorization = entries.get("authorization")?.value;
      const bearerInstead =
        wanted.auth === "client-credentials" && authorization !== undefined && getStringPattern(sourceCode, authorization).toLowerCase().startsWith("bearer");
      // Where a suggestion may add a header, and the request's label, found once for the request: most requests miss none.
      let ownLookedUp = false;
      let ownFound: TSESTree.ObjectExpression | undefined;
      let target = "";
      // The official names of the headers sent, made only for a header not sent under its own name.
      let spelled: ReadonlySet<string> | undefined;
      for (const header of wanted.required) {
        const lower = header.toLowerCase();
        // An official name is never a misspelling: a header sent under its own name needs no look at the others.
        if (entries.has(lower) || (spelled ??= officialNamesSent(entries)).has(lower)) continue;
        if (bearerInstead && header.startsWith("client_")) continue;
        if (!ownLookedUp) {
          ownFound = ownHeadersObject(request);
          target = kit.labels(request).target;
          ownLookedUp = true;
        }
        const own = ownFound;
        // A value is looked for (names in scope) only where the suggestion has somewhere to write it.
        const value = own ? derivedValue(request, header) : undefined;
        kit.report({
          at: { node: request.node },
          messageId: "missingHeader",
          data: {
            target,
            header,
            // "an Idempotency-Key", "an X-Request-Id", "an Ocp-Apim-Subscription-Key"; "a Merchant-Serial-Number".
            article: /^[aeiox]/i.test(header) ? "an" : "a",
            source: wanted.source,
            consequence: CONSEQUENCE[header] ?? "without it the call is refused",
          },
          repairs: [
            own && value !== undefined
              ? kit.repair(SUGGESTIONS.addHeader.messageId, (fixer) => insertProperty(fixer, sourceCode, own, `${printKey(header, detectStyle(sourceCode, own))}: ${value}`), { header, value })
              : undefined,
          ],
        });
      }
    };

    /** A value for a missing header from a name in scope: the MSN constant, or the reference and the operation. */
    const derivedValue = (request: VippsRequest, header: string): string | undefined => {
      const inScope = (names: readonly string[]) => names.find((name) => isNameInScope(sourceCode, request.node, name));
      if (header === "Merchant-Serial-Number") return inScope(MSN_NAMES);
      const reference = header === "Idempotency-Key" ? inScope(REFERENCE_NAMES) : undefined;
      const operation = request.endpoint?.id.split(".").pop();
      return reference && operation ? `\`\${${reference}}-${operation}\`` : undefined;
    };

    /** The request's own headers, written inline in its options: where a suggestion may add one. */
    const ownHeadersObject = (request: VippsRequest): TSESTree.ObjectExpression | undefined => {
      const optionsObject = request.options;
      if (!optionsObject || optionsObject.parent?.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const headers = findProperty(sourceCode, optionsObject, "headers")?.value;
      const object = headers && unwrap(headers);
      return object?.type === AST_NODE_TYPES.ObjectExpression ? object : undefined;
    };

    /** Only keys sent to an endpoint that reads them are judged (an unknown endpoint of ePayment or Recurring may). */
    const takesIdempotencyKey = (request: VippsRequest): boolean => {
      const endpoint = request.endpoint;
      if (endpoint) return endpointHeaders(endpoint.id, endpoint.api)?.accepted.has("idempotency-key") ?? false;
      return request.api?.name === "epayment" || request.api?.name === "recurring";
    };

    const checkKeys = (): void => {
      for (const verdict of idempotencyKeyVerdicts(sourceCode, kit.requests().filter(takesIdempotencyKey))) {
        if (!once(verdict.value, verdict.kind)) continue;
        const target = kit.labels(verdict.request).target;
        if (verdict.kind === "fresh") {
          kit.report({ at: { node: verdict.value }, messageId: "freshKey", data: { target, maker: verdict.maker, operation: verdict.request.endpoint?.id.split(".").pop() ?? "<operation>" } });
        } else if (verdict.kind === "constant") {
          kit.report({ at: { node: verdict.value }, messageId: "constantKey", data: { target, key: verdict.key } });
        } else {
          const others = [...new Set(verdict.others.map((other) => kit.labels(other).target))].join(", ");
          kit.report({ at: { node: verdict.value }, messageId: "sharedKey", data: { target, key: verdict.key, others } });
        }
      }
    };

    return {
      Program() {
        for (const request of kit.requests()) {
          const entries = request.headers?.entries;
          if (!entries) continue;
          checkNames(request, entries);
          checkValues(request, entries);
          checkAuth(request, entries);
          checkMissing(request, entries);
        }
        checkKeys();
        if (options.checkSdkSystemHeaders) {
          for (const finding of sdkClientsWithoutSystemName(sourceCode)) {
            kit.report({ at: { node: finding.call }, messageId: "sdkSystemHeaders", data: { missing: finding.missing.join(" and ") } });
          }
        }
      },
    };
  },
});
