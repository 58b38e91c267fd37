/**
 * The dashboard's figures, stale-while-revalidate: the figures this device last computed for
 * the same scope and range are shown at once, then brought up to date from the best source
 * (see read-best.ts). When this device is the best source and its database has not changed
 * since they were saved (same `update_seq`), they are exactly what the views would answer,
 * so nothing is queried. Call during component initialisation.
 */
import {
	localUpdateSeq,
	readCachedFigures,
	saveCachedFigures,
	type CachedFigures
} from '$lib/db/analytics-cache.repo';
import { errorMessage } from '$lib/db/pouch';
import { bestSource, readBest, type ReadSource } from '$lib/db/read-best';
import type { WorkspaceSession } from '$lib/db/workspace-session.svelte';
import { decodeDashboard, encodeDashboard, type EncodedDashboard } from './dashboard-codec';
import { loadDashboard, type DashboardRaw } from './dashboard-load';

/** What the figures are for; `projects` is every project of the workspace. */
export interface DashboardParams {
	project: string | null;
	weeks: number;
	from: string;
	to: string;
	projects: readonly string[];
}

interface Shown {
	raw: DashboardRaw;
	source: ReadSource;
	/** False while these are saved figures being brought up to date. */
	fresh: boolean;
}

export class DashboardFigures {
	#shown = $state.raw<Shown | undefined>(undefined);
	#error = $state<string | null>(null);
	#shownParams = '';
	/** The parameters asked for last, and the newest run whose answer is on screen. */
	#wanted = '';
	#shownRun = 0;

	/** The figures on screen, or undefined before the first ones arrive. */
	get shown(): Shown | undefined {
		return this.#shown;
	}
	get error(): string | null {
		return this.#error;
	}

	/**
	 * `params` and `recompute` are read inside an effect: a change of either, or of the sync
	 * state, re-runs the read. `recompute()` returning a new number forces a fresh query.
	 */
	constructor(
		session: () => WorkspaceSession,
		params: () => DashboardParams,
		recompute: () => number
	) {
		let run = 0;
		let lastForce = recompute();
		$effect(() => {
			const s = session();
			// Until the projects are read, the parameters (every project's snapshots) are not
			// known yet: a read now would be thrown away.
			if (s.projects.status === 'loading') return;
			const p = params();
			const force = recompute();
			// Re-read after each sync burst and when time entries change.
			void s.sync.state.lastSyncedAt;
			void s.time.revision;
			const best = bestSource(s);
			const forced = force !== lastForce;
			lastForce = force;
			const id = ++run;
			this.#wanted = paramsKey(p);
			this.#read(s, p, best, forced, id, () => id === run).catch((err: unknown) => {
				if (id === run) this.#error = errorMessage(err);
			});
		});
	}

	#show(params: string, shown: Shown): void {
		this.#shownParams = params;
		this.#shown = shown;
		this.#error = null;
	}

	async #read(
		s: WorkspaceSession,
		p: DashboardParams,
		best: ReadSource,
		forced: boolean,
		run: number,
		current: () => boolean
	): Promise<void> {
		const slot = `${p.project ?? 'workspace'}-${p.weeks}w`;
		const params = paramsKey(p);
		const [saved, seq] = await Promise.all([
			readCachedFigures<EncodedDashboard>(s.db, slot).catch(() => null),
			localUpdateSeq(s.db)
		]);
		if (!current()) return;
		const usable = saved?.params === params ? decodeSaved(saved) : null;
		const exact = !!usable && !forced && best !== 'server' && saved?.seq === seq;
		if (exact) this.#shownRun = run;
		if (usable && (exact || this.#shownParams !== params)) {
			this.#show(params, { raw: usable, source: exact ? best : saved!.source, fresh: exact });
		} else if (this.#shown) {
			this.#shown = { ...this.#shown, fresh: false };
		}
		if (exact) return;

		const { value, source } = await readBest(s, (db) =>
			loadDashboard(db, p.project, p.from, p.to, p.projects)
		);
		// A newer run (say, a sync went idle meanwhile) may still be busy: until it answers,
		// this answer is the best there is.
		if (params !== this.#wanted || run < this.#shownRun) return;
		this.#shownRun = run;
		this.#show(params, { raw: value, source, fresh: true });
		// Figures this device computed stay the ones to check against its sequence next time.
		if (source === 'server' && usable && saved?.seq != null) return;
		const figures: Omit<CachedFigures<EncodedDashboard>, 'savedAt'> = {
			params,
			// Server figures may hold documents this device has not pulled yet: always re-check.
			seq: source === 'server' ? null : seq,
			source,
			value: encodeDashboard(value)
		};
		// Only a speed-up: a full or busy disk must not turn into an error on screen.
		void saveCachedFigures(s.db, slot, figures).catch(() => undefined);
	}
}

const paramsKey = (p: DashboardParams) => JSON.stringify([p.project, p.from, p.to, p.projects]);

function decodeSaved(saved: CachedFigures<EncodedDashboard>): DashboardRaw | null {
	try {
		return decodeDashboard(saved.value);
	} catch {
		return null;
	}
}
