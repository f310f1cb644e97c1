import handleErrorResponses from "./handle-error-responses.js";
import mobileNumberFormat from "./mobile-number-format.js";

/** Every rule of the plugin, by name without the `vipps/` prefix. */
export const rules = {
  "handle-error-responses": handleErrorResponses,
  "mobile-number-format": mobileNumberFormat,
};
