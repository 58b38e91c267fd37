/**
 * Generic CSV import: the person maps TaskFlow fields to the file's columns (a first guess
 * comes from the header names), then every row becomes a task draft or a skipped row with
 * its reason. A row's identity is its full content plus how many identical rows came
 * before it, so the same file imported twice yields the same drafts, whatever the mapping.
 */
import { cell, type CsvRow, type CsvTable } from './csv-table';
import type { RawPlan, SkippedRow, TaskDraft } from './import-types';
import { parseDate, parseEstimate, parsePriority, splitTags } from './import-values';

export const CSV_FIELDS = [
	'title',
	'description',
	'status',
	'priority',
	'assignee',
	'due',
	'start',
	'estimate',
	'tags'
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

export const CSV_FIELD_LABELS: Record<CsvField, string> = {
	title: 'Title',
	description: 'Description',
	status: 'Status',
	priority: 'Priority',
	assignee: 'Assignee',
	due: 'Due date',
	start: 'Start date',
	estimate: 'Estimate (hours)',
	tags: 'Tags'
};

/** TaskFlow field → index of the source column it comes from. */
export type CsvMapping = Partial<Record<CsvField, number>>;

const HEADER_HINTS: Record<CsvField, RegExp> = {
	title: /^(title|name|task|task name|summary|subject|card name|content)$/,
	description: /^(description|desc|details|notes?|body|card description)$/,
	status: /^(status|state|stage|list|list name|column|section)$/,
	priority: /^(priority|prio|importance|severity)$/,
	assignee: /^(assignee|assigned to|owner|responsible|member|members)$/,
	due: /^(due|due date|deadline|due on|end date)$/,
	start: /^(start|start date|begin|starts)$/,
	estimate: /^(estimate|estimated|effort|hours|estimate hours|time estimate|story points)$/,
	tags: /^(tags?|labels?|categor(y|ies))$/
};

/** A first mapping guessed from the header names; every column is used at most once. */
export function guessMapping(headers: readonly string[]): CsvMapping {
	const mapping: CsvMapping = {};
	const used = new Set<number>();
	for (const field of CSV_FIELDS) {
		const i = headers.findIndex(
			(h, idx) =>
				!used.has(idx) &&
				HEADER_HINTS[field].test(
					h
						.trim()
						.toLowerCase()
						.replace(/[_()]+/g, ' ')
						.replace(/\s+/g, ' ')
						.trim()
				)
		);
		if (i >= 0) {
			mapping[field] = i;
			used.add(i);
		}
	}
	return mapping;
}

/** The distinct values of the status column, in order of first appearance. */
export function csvStatusValues(table: CsvTable, mapping: CsvMapping): string[] {
	if (mapping.status === undefined) return [];
	const values = new Set<string>();
	for (const r of table.rows) {
		const v = cell(r, mapping.status);
		if (v) values.add(v);
	}
	return [...values];
}

/** Turn each row into a draft, or a skipped row with the reason. */
export function planCsv(table: CsvTable, mapping: CsvMapping): RawPlan {
	const drafts: TaskDraft[] = [];
	const skipped: SkippedRow[] = [];
	const seen = new Map<string, number>();
	for (const r of table.rows) {
		const content = JSON.stringify(r.cells.map((c) => c.trim()));
		const nth = seen.get(content) ?? 0;
		seen.set(content, nth + 1);
		const result = rowDraft(r, mapping, `row:${content}#${nth}`);
		if ('reason' in result) skipped.push(result);
		else drafts.push(result);
	}
	return { source: 'csv', drafts, skipped, warnings: [] };
}

function rowDraft(r: CsvRow, mapping: CsvMapping, key: string): TaskDraft | SkippedRow {
	const where = `Row ${r.row}`;
	const title = cell(r, mapping.title);
	const skip = (reason: string): SkippedRow => ({ where, title, reason });
	if (!title) return skip('missing title');
	const priority = parsePriority(cell(r, mapping.priority));
	if (!priority) return skip(`unknown priority “${cell(r, mapping.priority)}”`);
	const due = parseDate(cell(r, mapping.due));
	if (due === undefined) return skip(`bad due date “${cell(r, mapping.due)}”`);
	const start = parseDate(cell(r, mapping.start));
	if (start === undefined) return skip(`bad start date “${cell(r, mapping.start)}”`);
	const estimate = parseEstimate(cell(r, mapping.estimate));
	if (estimate === undefined) return skip(`bad estimate “${cell(r, mapping.estimate)}”`);
	const assignee = cell(r, mapping.assignee);
	return {
		key,
		where,
		title,
		description: cell(r, mapping.description),
		statusValue: cell(r, mapping.status) || null,
		priority,
		assignees: assignee ? [assignee] : [],
		due,
		start,
		estimate,
		tags: splitTags(cell(r, mapping.tags)),
		parentKey: null,
		comments: []
	};
}
