/**
 * How each HTTP client and SDK shows a failed request in the value it resolves, and how code inserted by a repair
 * checks it. A transport entry (transports.ts) names one of these; no rule falls back to another client's style.
 */

export interface FailureCheck {
  /** The name a new binding of the value gets. */
  readonly base: string;
  /** Properties whose read counts as a check. */
  readonly checks: ReadonlySet<string>;
  /** The SDK's `{ ok, data, error }` result rather than an HTTP response. */
  readonly isResult: boolean;
  /**
   * The call's promise may also reject (network errors; the official SDK's retried POST), besides resolving a failed
   * value: a place that sees the rejection is needed as well as a check of the value.
   */
  readonly rejects: boolean;
  /** An expression, true when the value `name` is a failure. */
  readonly failed: (name: string) => string;
  /** What messages tell the user to check. */
  readonly check: (name: string) => string;
  /** The failure, as template literal text: status and body, or the SDK's error. */
  readonly detail: (name: string) => string;
  /** `detail` awaits (it reads the body text). */
  readonly awaits: boolean;
  /** What an `errorHandler` is given. */
  readonly handlerArgument: (name: string) => string;
}

const STATUS_CHECKS: ReadonlySet<string> = new Set(["ok", "status", "statusCode"]);

const httpCheck = (style: Pick<FailureCheck, "failed" | "check" | "detail" | "awaits">): FailureCheck => ({
  base: "response",
  checks: STATUS_CHECKS,
  isResult: false,
  // Every HTTP client rejects on network errors.
  rejects: true,
  handlerArgument: (name) => name,
  ...style,
});

export const FAILURE_CHECKS = {
  /** fetch, ky, and wrappers configured to resolve like fetch: a WHATWG Response. */
  response: httpCheck({
    failed: (name) => `!${name}.ok`,
    check: (name) => `${name}.ok`,
    detail: (name) => `\${${name}.status} \${await ${name}.text()}`,
    awaits: true,
  }),
  /** axios with a `validateStatus` that lets errors through. */
  axios: httpCheck({
    failed: (name) => `${name}.status >= 400`,
    check: (name) => `${name}.status`,
    detail: (name) => `\${${name}.status} \${JSON.stringify(${name}.data)}`,
    awaits: false,
  }),
  /** got, and request-promise with `resolveWithFullResponse: true`: `statusCode` and `body`. */
  statusCode: httpCheck({
    failed: (name) => `${name}.statusCode >= 400`,
    check: (name) => `${name}.statusCode`,
    detail: (name) => `\${${name}.statusCode} \${JSON.stringify(${name}.body)}`,
    awaits: false,
  }),
  superagent: httpCheck({
    failed: (name) => `!${name}.ok`,
    check: (name) => `${name}.ok`,
    detail: (name) => `\${${name}.status} \${${name}.text}`,
    awaits: false,
  }),
  /**
   * `@vippsmobilepay/sdk` 2.4: resolves `{ ok: true, data } | { ok: false, error }`, and rejects on network errors and
   * on a POST retried after a 5xx. Reading any field but `ok` and `error` before narrowing uses the result unchecked.
   * (`@vippsno/vipps-sdk` 0.9.13 resolves the raw body and rejects every non-2xx: it has no entry here.)
   */
  sdkResult: {
    base: "result",
    checks: new Set(["ok", "error"]),
    isResult: true,
    rejects: true,
    failed: (name) => `!${name}.ok`,
    check: (name) => `${name}.ok`,
    detail: (name) => `\${JSON.stringify(${name}.error)}`,
    awaits: false,
    handlerArgument: (name) => `${name}.error`,
  },
} as const satisfies Record<string, FailureCheck>;
