/** The billing fields of the project dialog: text as typed ↔ the project's rates. */
import { USERNAME_PATTERN } from '$lib/domain/schemas/common.schema';

export interface RateRow {
	user: string;
	rate: string;
}

export type ParsedRates =
	| { ok: true; rate: number | null; memberRates: Record<string, number> }
	| { ok: false; error: string };

const MAX_RATE = 1_000_000;

function money(text: string): number | null | undefined {
	const t = text.trim().replace(',', '.');
	if (t === '') return null;
	if (!/^\d+(\.\d{1,2})?$/.test(t)) return undefined;
	const n = Number(t);
	return n <= MAX_RATE ? n : undefined;
}

/** Reads the typed rates; blank member rows are ignored, a blank project rate means none. */
export function parseRates(rate: string, rows: readonly RateRow[]): ParsedRates {
	const projectRate = money(rate);
	if (projectRate === undefined) {
		return { ok: false, error: 'Hourly rate: enter an amount such as 85 or 85.50' };
	}
	const memberRates: Record<string, number> = {};
	for (const row of rows) {
		const user = row.user.trim().toLowerCase();
		if (!user && !row.rate.trim()) continue;
		if (!new RegExp(USERNAME_PATTERN).test(user)) {
			return { ok: false, error: `Member rates: “${row.user}” is not a user name` };
		}
		const r = money(row.rate);
		if (r === undefined || r === null) {
			return { ok: false, error: `Member rates: enter an amount for ${user}` };
		}
		if (user in memberRates) return { ok: false, error: `Member rates: ${user} is listed twice` };
		memberRates[user] = r;
	}
	// Sorted keys: the same rates always make the same document.
	const sorted = Object.fromEntries(
		Object.entries(memberRates).sort(([a], [b]) => (a < b ? -1 : 1))
	);
	return { ok: true, rate: projectRate, memberRates: sorted };
}

/** The rows to edit for a project's current member rates. */
export const rateRows = (memberRates: Record<string, number> | undefined): RateRow[] =>
	Object.entries(memberRates ?? {}).map(([user, rate]) => ({ user, rate: String(rate) }));
