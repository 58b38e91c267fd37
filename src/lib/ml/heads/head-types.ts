/**
 * What the suggestion heads read: plain task records (the worker builds them from task
 * documents and time entries) and unit embeddings looked up by task id. No PouchDB here.
 */
import type { Priority, TaskStatus } from '../../domain/schemas/task.schema';

/** The fields of a task the heads learn from. */
export interface HeadTask {
	id: string;
	title: string;
	description: string;
	tags: readonly string[];
	project: string;
	assignee: string | null;
	status: TaskStatus;
	priority: Priority;
	/** Estimated hours, as a person entered them. */
	estimate: number | null;
	/** Hours logged in time entries on this task. */
	loggedHours: number;
	/** YYYY-MM-DD or null. */
	due: string | null;
	dependencies: readonly string[];
}

/** Embedding of a task's text by id (unit length), or undefined when not embedded yet. */
export type VectorLookup = (id: string) => Float32Array | undefined;

/** A task from history that resembles the one a suggestion is for. */
export interface SimilarTask {
	id: string;
	title: string;
	/** Similarity in 0..1 (text mostly, plus shared tags and project). */
	similarity: number;
}

/** The text the encoder embeds for a task (title weighs most, so it comes first). */
export function embeddingText(t: Pick<HeadTask, 'title' | 'description' | 'tags'>): string {
	const tags = t.tags.length ? `\n${t.tags.join(' ')}` : '';
	return `${t.title}\n${t.description.slice(0, 1000)}${tags}`;
}

/** Hours a finished task really took: logged time, else its estimate, else unknown. */
export function actualHours(t: Pick<HeadTask, 'loggedHours' | 'estimate'>): number | null {
	if (t.loggedHours > 0) return t.loggedHours;
	return t.estimate !== null && t.estimate > 0 ? t.estimate : null;
}
