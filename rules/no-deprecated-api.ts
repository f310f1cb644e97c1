import { findDeprecatedUses, type DeprecatedUse } from "../src/detect/deprecated.js";
import { defineVippsRule, optionsSchema } from "../src/rule-kit.js";

type MessageIds = "retired" | "retiredFieldsRead" | "switchAnyway";
type Options = [{ checkout?: boolean }];

/**
 * Calls, hosts, modules, SDK spellings and scopes that Vipps MobilePay has retired or is retiring. What is retired,
 * since when, by what it is replaced and whether the change is mechanical is data (src/vipps/deprecations.ts); this
 * file only says how a finding is reported and repaired.
 */
export default defineVippsRule<Options, MessageIds>({
  name: "no-deprecated-api",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Vipps MobilePay APIs, hosts, SDKs and scopes that are retired or retiring",
      recommended: true,
      suggestionOnly: ["switchAnyway"],
      allConfigOptions: { checkout: true },
    },
    fixable: "code",
    hasSuggestions: true,
    schema: optionsSchema({
      checkout: {
        type: "boolean",
        description:
          "Also report the Checkout API v3, which Vipps MobilePay transferred to Kustom (existing shops still run on it).",
      },
    }),
    defaultOptions: [{ checkout: false }],
    messages: {
      retired: "{{what}} {{status}}{{when}}: use {{replacement}}.",
      retiredFieldsRead:
        "{{what}} {{status}}{{when}}: use {{replacement}}. Its response has no {{fields}}, which this file reads: move those reads too.",
      switchAnyway: "Switch to {{replacement}} (then update the reads of {{fields}}).",
    },
  },
  // Retired hosts and scopes live in files without any Vipps request: redirect checks, CSP headers, login setups.
  // `nnin` as a word: as a substring it is in "running", "beginning", which would let most files through.
  textHint: /mobilepay\.(?:dk|fi)|\bnnin\b|loginrequests/i,
  create(kit) {
    const enabled = (use: DeprecatedUse): boolean => use.entry.option === undefined || kit.options[use.entry.option] === true;
    return {
      Program() {
        for (const use of findDeprecatedUses(kit.context)) {
          if (!enabled(use)) continue;
          const { entry, edits, lostFields } = use;
          const data = {
            what: entry.what,
            status: entry.status,
            when: entry.since ? ` (${entry.since})` : "",
            replacement: entry.replacement,
            fields: lostFields.join(", "),
          };
          const repair =
            edits.length === 0
              ? undefined
              : kit.repair(lostFields.length > 0 ? "switchAnyway" : undefined, (fixer) =>
                  edits.map((edit) => fixer.replaceTextRange([...edit.range], edit.text)),
                data);
          kit.report({
            at: { node: use.node },
            messageId: lostFields.length > 0 ? "retiredFieldsRead" : "retired",
            data,
            repairs: [repair],
          });
        }
      },
    };
  },
});
