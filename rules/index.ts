import clickAndCollectStaticShipping from "./click-and-collect-static-shipping.js";
import handleErrorResponses from "./handle-error-responses.js";
import mobileNumberFormat from "./mobile-number-format.js";
import noClientSideSecrets from "./no-client-side-secrets.js";
import requireExplicitCheckoutFlow from "./require-explicit-checkout-flow.js";

/** Every rule of the plugin, by name without the `vipps/` prefix. */
export const rules = {
  "click-and-collect-static-shipping": clickAndCollectStaticShipping,
  "handle-error-responses": handleErrorResponses,
  "mobile-number-format": mobileNumberFormat,
  "no-client-side-secrets": noClientSideSecrets,
  "require-explicit-checkout-flow": requireExplicitCheckoutFlow,
};
