/** Distinct values in locale order (for filter menus and pickers). */
export function uniqueSorted(values: Iterable<string>): string[] {
	return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}
