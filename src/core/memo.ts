/** The value kept under `key` in `memo`, made by `make` on first use: the per-file caches' one shape. */
export function memoised<Key extends object, Value>(memo: WeakMap<Key, Value>, key: Key, make: () => Value): Value {
  let value = memo.get(key);
  if (value === undefined) {
    value = make();
    memo.set(key, value);
  }
  return value;
}
