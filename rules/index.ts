import mobileNumberFormat from "./mobile-number-format.js";

/** Every rule of the plugin, by name without the `vipps/` prefix. */
export const rules = {
  "mobile-number-format": mobileNumberFormat,
};
