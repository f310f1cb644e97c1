import { AST_NODE_TYPES, type TSESTree } from "../src/core/eslint-api.js";
import { getLiteralCandidates } from "../src/core/literals.js";
import { nodesOfType } from "../src/core/node-index.js";
import { resolveExpression } from "../src/core/static.js";
import { clientFileReason, eventHandlerOf, hasModuleDirective, hasUseServerDirective, isExported } from "../src/detect/client-code.js";
import {
  credentialOfProperty,
  credentialSlotsOf,
  publicEnvReadOfBinding,
  publicEnvReadOfMember,
  tokenExposures,
  type CredentialSlot,
  type PublicEnvRead,
} from "../src/detect/credentials.js";
import type { VippsRequest } from "../src/detect/index.js";
import { defineVippsRule } from "../src/rule-kit.js";
import { looksLikeCredential, secretKindOfName, SECRET_HEADERS, type SecretKind } from "../src/vipps/secrets.js";

type MessageIds = "publicEnv" | "clientRequest" | "literalSecret" | "serverActionToken" | "tokenSent";

/**
 * The names a public Vipps secret variable can start with, up to "VIPPS"/"MOBILEPAY": the text hint that lets a
 * config module without any Vipps request through the pre-filter. Bounded: at most 60 name characters are tried
 * from each prefix.
 */
const PUBLIC_SECRET_HINT = /(?:NEXT_PUBLIC|NUXT_PUBLIC|EXPO_PUBLIC|VITE|REACT_APP|GATSBY|PUBLIC)_[A-Z0-9_]{0,60}(?:VIPPS|MOBILEPAY)/;

const CLIENT_WHERE: Record<string, string> = {
  "use client": 'a "use client" module',
  "component file": "a Vue or Svelte component",
  clientFiles: "a file settings.vipps.clientFiles names as client code",
};

export default defineVippsRule<[], MessageIds>({
  name: "no-client-side-secrets",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Vipps credentials and access tokens in browser code, public environment variables and source control",
      recommended: true,
    },
    schema: [],
    messages: {
      publicEnv:
        "{{name}} holds the Vipps {{kind}}, but {{framework}} inlines every {{prefix}}* variable into the code it ships to browsers: anyone can read it. Rename it without the prefix and read it only in server code (then rotate the {{kind}}).",
      clientRequest:
        "This {{target}} runs in the browser ({{where}}) and sends the Vipps {{kind}}: anyone can read it from the page. Call Vipps from server code and let the browser call your server.",
      literalSecret:
        "A Vipps {{kind}} is written in the source ({{label}}): whoever can read the repository or the bundle can use it. Read it from a server-side environment variable or secret store, and rotate it.",
      serverActionToken:
        'Server action "{{name}}" returns a Vipps access token: any browser can call an exported function of a "use server" module. Keep the token on the server and return only what the page needs.',
      tokenSent:
        "A Vipps access token is sent in this response: with it anyone can call the merchant's Vipps APIs until it expires (24 hours in production). Keep it on the server.",
    },
  },
  textHint: PUBLIC_SECRET_HINT,
  textHintWords: ["vipps", "mobilepay"],
  create(kit) {
    const { sourceCode, context } = kit;
    const reported = new Set<TSESTree.Node>();
    const report = (node: TSESTree.Node, messageId: MessageIds, data: Record<string, string>): void => {
      if (reported.has(node)) return;
      reported.add(node);
      kit.report({ at: { node }, messageId, data });
    };

    const reportEnv = (read: PublicEnvRead | undefined, kind = read && secretKindOfName(read.name)): void => {
      if (!read || !kind) return;
      const { name, prefix } = read;
      report(read.node, "publicEnv", { name, kind, prefix: prefix.prefix, framework: prefix.framework });
    };

    /** A credential slot whose value is a real-looking literal, or a public variable whatever its name. */
    const checkSlot = (slot: CredentialSlot): void => {
      for (const candidate of getLiteralCandidates(sourceCode, slot.value)) {
        if (looksLikeCredential(candidate.value, slot.kind)) {
          report(candidate.literal, "literalSecret", { kind: slot.kind, label: slot.label });
        }
      }
      // `const secret = process.env.NEXT_PUBLIC_…` a few lines above counts as written in place.
      const resolved = resolveExpression(sourceCode, slot.value);
      const value = resolved.type === AST_NODE_TYPES.ChainExpression ? resolved.expression : resolved;
      if (value.type === AST_NODE_TYPES.MemberExpression) reportEnv(publicEnvReadOfMember(sourceCode, value), slot.kind);
    };

    const clientKind = (request: VippsRequest): SecretKind | undefined => {
      for (const key of request.headers?.entries.keys() ?? []) {
        const kind = SECRET_HEADERS.get(key);
        // Userinfo takes the user's own Login token, which a browser may hold; every other API takes the merchant's.
        if (kind && !(kind === "access token" && request.api?.name === "userinfo")) return kind;
      }
      // The SDK sends the subscription key on every call; the token endpoint takes the client secret.
      if (request.endpoint?.id === "accesstoken.get") return "client secret";
      return request.transport === "sdk" ? "subscription key" : undefined;
    };

    return {
      Program(program) {
        const fileReason = clientFileReason(context);
        const serverModule = hasModuleDirective(program, "use server");
        for (const request of kit.requests()) {
          for (const slot of credentialSlotsOf(request)) checkSlot(slot);
          const kind = clientKind(request);
          const handler = kind && !fileReason ? eventHandlerOf(sourceCode, request.node) : undefined;
          if (kind && (fileReason || handler)) {
            const where = fileReason ? (CLIENT_WHERE[fileReason] ?? fileReason) : `an ${handler ?? ""} handler`;
            report(request.node, "clientRequest", { target: kit.labels(request).target, where, kind });
          }
          if (request.endpoint?.id !== "accesstoken.get" || fileReason) continue;
          for (const exposure of tokenExposures(sourceCode, request)) {
            if (exposure.kind === "sent") report(exposure.node, "tokenSent", {});
            else if (exposure.fn && (hasUseServerDirective(exposure.fn) || (serverModule && isExported(sourceCode, exposure.fn)))) {
              report(exposure.node, "serverActionToken", { name: functionName(exposure.fn) });
            }
          }
        }
        // Reads of public variables and credential properties anywhere in the file: from the file's node index, not
        // from listeners, which ESLint would call (and time) for every member and property. Each node list is read on
        // its own (no merged list of every member and property); the few nodes that report are then checked in the
        // order one walk would meet them, which decides whose report of a member is kept (its own or a credential
        // property's). Two of them never span the same text.
        const found: { readonly node: TSESTree.Node; readonly check: () => void }[] = [];
        for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.MemberExpression)) {
          const read = publicEnvReadOfMember(sourceCode, node);
          if (read) found.push({ node, check: () => reportEnv(read) });
        }
        for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.ImportSpecifier)) {
          const read = publicEnvReadOfBinding(node);
          if (read) found.push({ node, check: () => reportEnv(read) });
        }
        for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.Property)) {
          if (node.parent.type === AST_NODE_TYPES.ObjectPattern) {
            const read = publicEnvReadOfBinding(node);
            if (read) found.push({ node, check: () => reportEnv(read) });
          } else {
            const slot = credentialOfProperty(sourceCode, node);
            if (slot) found.push({ node, check: () => checkSlot(slot) });
          }
        }
        found.sort((a, b) => a.node.range[0] - b.node.range[0] || b.node.range[1] - a.node.range[1]);
        for (const { check } of found) check();
      },
    };
  },
});

function functionName(fn: TSESTree.Node): string {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : "default";
}
