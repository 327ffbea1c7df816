/** Format a share in [0, 1] as a whole percentage. */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
