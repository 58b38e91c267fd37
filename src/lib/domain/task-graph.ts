/**
 * Subtasks and dependencies as a graph over a workspace's tasks: who blocks whom, whether a
 * new link would close a cycle, and a parent's progress. Pure; the lookups take the live
 * tasks by id (trashed ones are ignored: they neither block nor count).
 *
 * CouchDB validates one document at a time, so cycles are refused here, by the UI that
 * makes the link; a cycle that still forms (two offline devices each adding half of it)
 * only shows both tasks as blocked, and either link can be removed.
 */
import type { Task } from './schemas/task.schema';

export type TaskLookup = (id: string) => Task | undefined;

const live = (t: Task | undefined): t is Task => !!t && !t.deletedAt;

/** Tasks that `task` depends on and that are not done yet. */
export function openBlockers(task: Task, get: TaskLookup): Task[] {
	return task.dependencies
		.map(get)
		.filter(live)
		.filter((b) => b.status !== 'done');
}

/** Tasks that depend on `id` (are blocked by it, done or not). */
export function dependentsOf(id: string, tasks: Iterable<Task>): Task[] {
	const out: Task[] = [];
	for (const t of tasks) if (live(t) && t.dependencies.includes(id)) out.push(t);
	return out;
}

/**
 * The chain that making `task` depend on `blocker` would close into a cycle — `[blocker, …,
 * task]`, each depending on the next — or null when the link is safe.
 */
export function dependencyCycle(task: string, blocker: string, get: TaskLookup): string[] | null {
	if (task === blocker) return [task];
	// Is `task` reachable from `blocker` by following dependencies?
	const previous = new Map<string, string>();
	const queue = [blocker];
	const seen = new Set(queue);
	while (queue.length) {
		const id = queue.shift()!;
		for (const dep of get(id)?.dependencies ?? []) {
			if (seen.has(dep)) continue;
			seen.add(dep);
			previous.set(dep, id);
			if (dep === task) {
				const path = [task];
				let at = task;
				while (at !== blocker) {
					at = previous.get(at)!;
					path.unshift(at);
				}
				return path;
			}
			queue.push(dep);
		}
	}
	return null;
}

/** Whether `parent` is `task` itself or one of its descendants (which would loop). */
export function parentLoops(task: string, parent: string, get: TaskLookup): boolean {
	let at: string | null = parent;
	const seen = new Set<string>();
	while (at) {
		if (at === task) return true;
		if (seen.has(at)) return true; // an existing loop: refuse to extend it
		seen.add(at);
		at = get(at)?.parent ?? null;
	}
	return false;
}

export interface SubtaskIndex {
	children(parent: string): Task[];
	progress(parent: string): { done: number; total: number } | null;
}

/** Children of every task, by rank, from one pass over the tasks. */
export function subtaskIndex(tasks: Iterable<Task>): SubtaskIndex {
	const byParent = new Map<string, Task[]>();
	for (const t of tasks) {
		if (!live(t) || !t.parent) continue;
		const list = byParent.get(t.parent) ?? [];
		list.push(t);
		byParent.set(t.parent, list);
	}
	for (const list of byParent.values()) list.sort((a, b) => (a.rank < b.rank ? -1 : 1));
	return {
		children: (parent) => byParent.get(parent) ?? [],
		progress(parent) {
			const list = byParent.get(parent);
			if (!list?.length) return null;
			return { done: list.filter((t) => t.status === 'done').length, total: list.length };
		}
	};
}

/** Every live descendant of `id` (children, their children, …), parents before children. */
export function descendantsOf(id: string, index: SubtaskIndex): Task[] {
	const out: Task[] = [];
	const seen = new Set([id]);
	const queue = [id];
	while (queue.length) {
		for (const child of index.children(queue.shift()!)) {
			if (seen.has(child._id)) continue;
			seen.add(child._id);
			out.push(child);
			queue.push(child._id);
		}
	}
	return out;
}

/** A readable chain for messages: "A → B → A". */
export const chainText = (ids: readonly string[], title: (id: string) => string): string =>
	ids.map(title).join(' → ');
