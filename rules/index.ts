import clickAndCollectStaticShipping from "./click-and-collect-static-shipping.js";
import handleErrorResponses from "./handle-error-responses.js";
import mobileNumberFormat from "./mobile-number-format.js";
import noClientSideSecrets from "./no-client-side-secrets.js";
import noDeprecatedApi from "./no-deprecated-api.js";
import requireExplicitCheckoutFlow from "./require-explicit-checkout-flow.js";
import validEndpoint from "./valid-endpoint.js";
import validHeaders from "./valid-headers.js";
import validRequestBody from "./valid-request-body.js";
import verifyCallbackAuthorization from "./verify-callback-authorization.js";
import verifyWebhookSignature from "./verify-webhook-signature.js";

/** Every rule of the plugin, by name without the `vipps/` prefix. */
export const rules = {
  "click-and-collect-static-shipping": clickAndCollectStaticShipping,
  "handle-error-responses": handleErrorResponses,
  "mobile-number-format": mobileNumberFormat,
  "no-client-side-secrets": noClientSideSecrets,
  "no-deprecated-api": noDeprecatedApi,
  "require-explicit-checkout-flow": requireExplicitCheckoutFlow,
  "valid-endpoint": validEndpoint,
  "valid-headers": validHeaders,
  "valid-request-body": validRequestBody,
  "verify-callback-authorization": verifyCallbackAuthorization,
  "verify-webhook-signature": verifyWebhookSignature,
};
