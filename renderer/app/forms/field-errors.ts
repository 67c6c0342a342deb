/** Validation messages keyed by form field; a field without an entry is valid. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export function hasErrors<F extends string>(errors: FieldErrors<F>): boolean {
  return Object.values(errors).some((e) => e !== undefined);
}
