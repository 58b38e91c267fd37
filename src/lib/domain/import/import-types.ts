/**
 * What every importer produces: task drafts in source order (parents before their
 * subtasks) plus the rows it could not use, each with where it was and why. Drafts carry
 * source values (a Trello list, a Todoist section, a CSV status cell) that the person maps
 * to TaskFlow statuses before `finalisePlan` turns them into validated documents.
 */
import type { Priority, TaskStatus } from '../schemas/task.schema';

export type ImportSource = 'csv' | 'todoist' | 'trello';

export const SOURCE_LABELS: Record<ImportSource, string> = {
	csv: 'CSV',
	todoist: 'Todoist CSV export',
	trello: 'Trello board (JSON)'
};

/** A comment that belongs to a draft (Todoist notes, Trello card comments). */
export interface CommentDraft {
	/** Stable identity within the source, for a deterministic id. */
	key: string;
	body: string;
}

export interface TaskDraft {
	/** Stable identity within the source: a source id, or the row's content. */
	key: string;
	/** Where the draft came from, for reports: "Row 12", "Card 3". */
	where: string;
	title: string;
	description: string;
	/** The source's status value, mapped through the status map; null means "to do". */
	statusValue: string | null;
	/** A status the source states outright (a ticked checklist item), bypassing the map. */
	status?: TaskStatus;
	priority: Priority;
	/** Candidate assignees in preference order; the first workspace member wins. */
	assignees: string[];
	due: string | null;
	start: string | null;
	estimate: number | null;
	tags: string[];
	/** Key of the parent draft, for subtasks. */
	parentKey: string | null;
	comments: CommentDraft[];
	/** Creation time in the source when it has one, for the id's time part. */
	createdMillis?: number;
}

export interface SkippedRow {
	where: string;
	title: string;
	reason: string;
}

/** Something left out of a task that was imported anyway. */
export interface ImportWarning {
	where: string;
	title: string;
	message: string;
}

export interface RawPlan {
	source: ImportSource;
	drafts: TaskDraft[];
	skipped: SkippedRow[];
	warnings: ImportWarning[];
}

/** Source status value → TaskFlow status, or `skip` to leave those rows out. */
export type StatusChoice = TaskStatus | 'skip';
export type StatusMap = Record<string, StatusChoice>;

/** Skip reason used when a draft's status value has no entry in the map. */
export const unknownStatus = (value: string): string => `unknown status “${value}”`;
