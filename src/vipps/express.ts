/**
 * Express checkout ("Vipps Hurtigkasse") in the eCom API: how an initiate body asks for it, and how shipping options
 * are named. (Finding them in code is src/detect/express.ts.) Sources: vippsas/vipps-ecom-api docs/swagger.yaml (InitiatePaymentCommand, merchantInfo,
 * staticShippingDetails), the 2022-01 technical update (seed/), ../shared/vipps-api-facts.md.
 */

/** `merchantInfo.paymentType` of an express checkout; the regular payment is `"eComm Regular Payment"`. */
export const EXPRESS_PAYMENT_TYPE = "eComm Express Payment";

/** The click-and-collect shipping option of the 2022-01 technical update, as it recommends sending it. */
export const SEED_CLICK_AND_COLLECT_OPTION = {
  isDefault: "Y",
  priority: 0,
  shippingCost: 0,
  shippingMethod: "Click and collect",
  shippingMethodId: "click-and-collect",
} as const;

const SEPARATOR = String.raw`[\s_-]*`;
const START = "(?<![a-zæøå])";

/**
 * What a click-and-collect shipping method is called in English and Norwegian webshops: "Click & collect",
 * "click-and-collect", "Klikk og hent", "Pick up in store", "in-store pickup", "Hent i butikken", "butikkhenting", ...
 * Not matched: "Collect on delivery", "Pickup point", "Post i butikk" (parcels to an agent chosen by address).
 * Linear: no two separator runs are ever adjacent (an optional word between two runs takes its own run with it), so
 * a long run of spaces is scanned once from each place a word starts, not split every possible way.
 */
export const DEFAULT_CLICK_AND_COLLECT_PATTERN = [
  `${START}click${SEPARATOR}(?:(?:and|&|n|'n'|’n’|\\+)${SEPARATOR})?collect`,
  `${START}klikk${SEPARATOR}(?:(?:og|&|\\+)${SEPARATOR})?hent`,
  `${START}(?:pick${SEPARATOR}up|collect|hent(?:e|es|ing)?)${SEPARATOR}(?:in|at|from|i|på|fra)${SEPARATOR}(?:the${SEPARATOR})?(?:store|shop|butikk)`,
  `${START}(?:in${SEPARATOR})?(?:store|shop|butikk)${SEPARATOR}(?:pick${SEPARATOR}up|collect|henting)`,
].join("|");

/**
 * The longest shipping method name worth testing: the API takes at most 256 characters for `shippingMethod` and 100
 * for `shippingMethodId`. Longer strings are not names, and skipping them bounds what any pattern, a user's too, costs.
 */
export const MAX_SHIPPING_NAME_LENGTH = 256;

/** Whether a shipping method name matches the click-and-collect pattern; names longer than the API takes never do. */
export function isClickAndCollectName(name: string, pattern: RegExp): boolean {
  return name.length <= MAX_SHIPPING_NAME_LENGTH && pattern.test(name);
}
