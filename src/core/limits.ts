/**
 * Every bound on the work the plugin does per file, in one place, each with why it is safe. Whatever hits a bound is
 * "unknown", and rules stay silent on unknown values: a bound never turns into a guess. docs/performance.md ("Bounds")
 * gives the measured growth.
 */

/**
 * How far constants, spreads and nested objects are followed by the structural look-ups. Real code chains a few
 * constants (a base URL built from a host) and spreads a base object or two; 12 is far beyond that.
 */
export const MAX_DEPTH = 12;

/**
 * The longest string the evaluator builds. What it evaluates are HTTP methods, URLs, header and property names and
 * shipping method names: the longest of them, a URL, stays under a few kilobytes (the API limits `shippingMethod` to
 * 256 characters). 64 Ki characters leaves room for any of them and keeps every built value, and every operation on
 * one, small.
 */
export const MAX_STRING_LENGTH = 65_536;

/**
 * The most spreads one property look-up follows. An object literal in real code spreads one or two others; 256 is
 * only reached by generated or hostile code, which then gets "unknown" in bounded time.
 */
export const MAX_LOOKUP_STEPS = 256;

/**
 * How far a response is followed through aliases, `await`, promise chains and callbacks. Real code takes a response
 * through two or three of them; past 16 the value is treated as escaping (someone else owns it), which is silent.
 */
export const MAX_FLOW_DEPTH = 16;

/**
 * How many client instances deep calls are followed (`axios.create()` whose result is `.extend()`ed, and so on).
 * Real code makes one instance, sometimes from another; 4 levels is far beyond that.
 */
export const MAX_INSTANCE_DEPTH = 4;

/**
 * How many levels of a file's own wrappers are followed: a function that returns a request's answer unchecked makes
 * its calls requests, and a function that returns one of those calls is a second level. Real code wraps a client
 * once, sometimes twice (a `request` helper under `createPayment`); a deeper stack is treated as out of reach (silent).
 */
export const MAX_LOCAL_WRAPPER_DEPTH = 2;
