/**
 * The calls, by the name their callee ends in, that give a new random value each time: `crypto.randomUUID()`,
 * the uuid package (`v4`, `uuidv4`, …), nanoid, ulid, cuid, `crypto.randomBytes(…)` and common token helpers.
 * `Math.random()` is not here: `random` alone names too many other things, so each user checks the owner.
 */
export const RANDOM_VALUE_CALLS: ReadonlySet<string> = new Set([
  "randomUUID",
  "uuid",
  "uuidv1",
  "uuidv4",
  "uuidv7",
  "v1",
  "v4",
  "v7",
  "nanoid",
  "ulid",
  "cuid",
  "createId",
  "randomBytes",
  "generateUUID",
  "generateUuid",
  "generateToken",
  "generateRandomToken",
]);
