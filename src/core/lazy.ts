// Values made on first use. The extension host evaluates every module of the bundle when the extension
// activates; a module-level regular expression with Unicode property classes (`\p{L}`) is parsed, and its
// classes built, when it is created, and a table built by a loop runs then too. Such a value is made here on
// its first use instead, so activation pays for none of them.

/** `make()`, called once, on the first call of the function returned. */
export function lazy<T extends object>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
