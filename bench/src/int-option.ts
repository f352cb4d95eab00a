/** A command-line option that must be an integer of at least `min`; a clear error otherwise. */
export function intOption(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return value;
}
