/**
 * Neo4j keys a cached plan by each list parameter's size bucket (1-10, 11-100, 101-1,000,
 * 1,001-10,000 elements), so a query planned for 7 anchors is planned again, for 1.3-1.6 s, the
 * first time a batch brings 12, and again at 150 (measured on AN0445's chain, 2026-11-27). The
 * detection queries therefore always get their lists padded into one bucket, the one the warm-up
 * plans. The padding keys match no node (no `|`, which every uid has), so the extra index seeks
 * find nothing and cost microseconds.
 */
export const PLANNED_LIST_SIZE = 1_001;

export function plannedList(values: readonly string[]): string[] {
  if (values.length >= PLANNED_LIST_SIZE) return [...values];
  return [...values, ...Array.from({ length: PLANNED_LIST_SIZE - values.length }, (_, i) => `provhunt:pad:${i}`)];
}
