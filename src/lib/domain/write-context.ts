/** Who is writing, when, and with which clock: everything a pure document operation needs. */
export interface WriteContext {
	/** The signed-in user's name. */
	readonly user: string;
	/** Current time as an ISO string. */
	readonly now: string;
	/** Hybrid-logical-clock stamp for this write (one per write, shared by its fields). */
	readonly stamp: string;
}

/** One field's change, as recorded in the activity log. */
export interface FieldChange {
	readonly field: string;
	readonly from: unknown;
	readonly to: unknown;
}

/** Structural equality for the JSON values documents hold. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	// Without this, `[]` and `{}` compare equal key by key.
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
	}
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		const ka = Object.keys(a);
		const kb = Object.keys(b);
		return (
			ka.length === kb.length &&
			ka.every((k) =>
				sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
			)
		);
	}
	return false;
}
