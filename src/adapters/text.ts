/** Strings, numbers and booleans as trimmed text; empty strings and the "-" placeholder (Sysmon, Zeek) count as absent. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' || t === '-' ? undefined : t;
  }
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return undefined;
}
