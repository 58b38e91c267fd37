import { describe, expect, it } from 'vitest';
import { reopened } from '$lib/analytics/history-fixtures';
import { decodeDashboard, encodeDashboard, type EncodedDashboard } from './dashboard-codec';
import type { DashboardRaw } from './dashboard-load';

const raw: DashboardRaw = {
	counts: new Map([
		['todo', [3, 8]],
		['done', [2, 0]]
	]),
	load: new Map([['', [1, 2]]]),
	created: [{ week: '2026-W10', count: 4 }],
	completed: [{ week: '2026-W11', count: 2 }],
	leads: [1.5, 4],
	histories: [reopened],
	time: [
		{
			day: '2026-03-02',
			user: 'ann',
			project: 'project:P',
			task: 'task:T',
			minutes: 30,
			billableMinutes: 0
		}
	],
	tracked: new Map([['task:T', 30]]),
	snapshots: []
};

describe('dashboard codec', () => {
	it('survives JSON unchanged, maps included', () => {
		const saved = JSON.parse(JSON.stringify(encodeDashboard(raw))) as EncodedDashboard;
		expect(decodeDashboard(saved)).toEqual(raw);
	});

	it('refuses something that is not saved figures', () => {
		const old = { ...encodeDashboard(raw), histories: undefined } as unknown as EncodedDashboard;
		expect(() => decodeDashboard(old)).toThrow(/saved dashboard/);
	});
});
