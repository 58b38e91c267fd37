/**
 * The dashboard's raw figures as plain JSON (maps as entry lists), so they can be kept on
 * this device between visits (see analytics-cache.repo.ts) and read back unchanged.
 */
import type { DashboardRaw } from './dashboard-load';

type Pairs = [string, [number, number]][];

/** `DashboardRaw` with its maps as `[key, value]` lists. */
export type EncodedDashboard = Omit<DashboardRaw, 'counts' | 'load' | 'tracked'> & {
	counts: Pairs;
	load: Pairs;
	tracked: [string, number][];
};

/** JSON-safe form of `raw`. */
export function encodeDashboard(raw: DashboardRaw): EncodedDashboard {
	return {
		...raw,
		counts: [...raw.counts],
		load: [...raw.load],
		tracked: [...raw.tracked]
	};
}

/** Back from {@link encodeDashboard}; throws on something that is not one (an old format). */
export function decodeDashboard(json: EncodedDashboard): DashboardRaw {
	const lists = [json.counts, json.load, json.tracked, json.created, json.completed];
	const more = [json.leads, json.histories, json.time, json.snapshots];
	if (![...lists, ...more].every(Array.isArray)) throw new Error('not saved dashboard figures');
	return {
		...json,
		counts: new Map(json.counts),
		load: new Map(json.load),
		tracked: new Map(json.tracked)
	};
}
