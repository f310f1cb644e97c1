import clickAndCollectStaticShipping from "./click-and-collect-static-shipping.js";
import handleErrorResponses from "./handle-error-responses.js";
import mobileNumberFormat from "./mobile-number-format.js";
import requireExplicitCheckoutFlow from "./require-explicit-checkout-flow.js";
import validEndpoint from "./valid-endpoint.js";

/** Every rule of the plugin, by name without the `vipps/` prefix. */
export const rules = {
  "click-and-collect-static-shipping": clickAndCollectStaticShipping,
  "handle-error-responses": handleErrorResponses,
  "mobile-number-format": mobileNumberFormat,
  "require-explicit-checkout-flow": requireExplicitCheckoutFlow,
  "valid-endpoint": validEndpoint,
};
