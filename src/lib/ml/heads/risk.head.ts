/**
 * Schedule risk: does the task's remaining effort, on top of the assignee's other open work
 * due no later than it, fit in the working hours left before its due date?
 */
import { daysUntil } from './priority-signals';
import type { OpenWork } from './workload';

/** Focused hours a person gets through in a working day; a deliberate, modest default. */
export const HOURS_PER_DAY = 6;

/** The verdict with the numbers behind it. */
export interface RiskFlag {
	atRisk: boolean;
	/** Hours needed before the due date: this task plus earlier-due open work. */
	demandHours: number;
	availableHours: number;
	reason: string;
}

/** Weekdays from today (inclusive) up to and including due. */
export function workingDays(today: string, due: string): number {
	const n = daysUntil(due, today);
	let days = 0;
	for (let i = 0; i <= n; i++) {
		const dow = new Date(Date.parse(`${today}T00:00:00Z`) + i * 86_400_000).getUTCDay();
		if (dow !== 0 && dow !== 6) days++;
	}
	return days;
}

/** Null when there is nothing to judge (no due date, no assignee's work, nothing remaining). */
export function assessRisk(
	task: { id: string; due: string | null },
	remaining: number,
	assigneeWork: readonly OpenWork[],
	today: string,
	hoursPerDay = HOURS_PER_DAY
): RiskFlag | null {
	if (!task.due || remaining <= 0) return null;
	const due = task.due;
	const before = assigneeWork
		.filter((w) => w.id !== task.id && w.due !== null && w.due <= due)
		.reduce((s, w) => s + w.hours, 0);
	const demandHours = Math.round((remaining + before) * 10) / 10;
	const availableHours = workingDays(today, due) * hoursPerDay;
	const atRisk = demandHours > availableHours;
	const reason = atRisk
		? `Needs about ${demandHours} h (this task and earlier-due work) but only ${availableHours} h remain before ${due}`
		: `About ${demandHours} h of work fits in the ${availableHours} h before ${due}`;
	return { atRisk, demandHours, availableHours, reason };
}
