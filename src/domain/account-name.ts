/** Account names are unique regardless of case and surrounding spaces: "Contoso " and "contoso" clash. */
export function isSameAccountName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}
