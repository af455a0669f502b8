/**
 * Query parameters or form fields as one object for a zod schema: the first value of each name, as
 * URLSearchParams.get and FormData.get answer, so a repeated name cannot turn a field into a list.
 */
export function firstValues<V>(entries: Iterable<[string, V]>): Record<string, V> {
  const values: Record<string, V> = {};
  for (const [name, value] of entries) if (!Object.hasOwn(values, name)) values[name] = value;
  return values;
}
