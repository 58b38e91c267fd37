/**
 * Per-person estimate calibration: how logged time compares with what the assignee
 * estimated on their finished tasks ("your estimates run 1.3× over").
 */
import type { HeadTask } from './head-types';
import { median } from './vector-math';

/** Logged ÷ estimated hours for one person; above 1 means work ran over the estimate. */
export interface Calibration {
	person: string;
	ratio: number;
	samples: number;
}

/** Fewer finished tasks than this say nothing reliable about a person. */
export const MIN_CALIBRATION_SAMPLES = 3;

/** Calibration for each assignee with enough finished, estimated and logged tasks. */
export function calibrations(tasks: Iterable<HeadTask>): Map<string, Calibration> {
	const ratios = new Map<string, number[]>();
	for (const t of tasks) {
		if (t.status !== 'done' || !t.assignee || !t.estimate || t.loggedHours <= 0) continue;
		const list = ratios.get(t.assignee) ?? [];
		list.push(t.loggedHours / t.estimate);
		ratios.set(t.assignee, list);
	}
	const out = new Map<string, Calibration>();
	for (const [person, list] of ratios) {
		if (list.length < MIN_CALIBRATION_SAMPLES) continue;
		// The median keeps one forgotten running timer from skewing a person's ratio.
		out.set(person, { person, ratio: Math.round(median(list) * 100) / 100, samples: list.length });
	}
	return out;
}

/** A sentence for the UI, or null when estimates are about right (within 10 %). */
export function calibrationText(c: Calibration, you: boolean): string | null {
	if (Math.abs(c.ratio - 1) < 0.1) return null;
	const who = you ? 'Your estimates' : `${c.person}'s estimates`;
	return c.ratio > 1
		? `${who} run ${c.ratio.toFixed(1)}× over (${c.samples} finished tasks)`
		: `${who} run ${(1 / c.ratio).toFixed(1)}× under (${c.samples} finished tasks)`;
}
