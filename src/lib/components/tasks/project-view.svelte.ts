/**
 * State of one project's task view: filter, board or list, selection, and the derived
 * columns. Page-scoped (one per open project), shared with its components by context.
 */
import { getContext, setContext } from 'svelte';
import { todayLocal } from '$lib/domain/local-date';
import {
	STATUS_LABELS,
	TASK_STATUSES,
	type Task,
	type TaskStatus
} from '$lib/domain/schemas/task.schema';
import type { CustomFieldDef } from '$lib/domain/schemas/custom-field.schema';
import { emptyFilter, isFilterActive, taskMatcher, type TaskFilter } from '$lib/domain/task-filter';
import { moveTarget } from '$lib/domain/task-move';
import { groupByStatus, listComparator, type ListSort } from '$lib/domain/task-order';
import { uniqueSorted } from '$lib/domain/unique';
import { LiveQuery } from '$lib/db/live-query.svelte';
import { prefsStore } from '$lib/db/prefs-store.svelte';
import { minutesByTask } from '$lib/db/time.queries';
import type { WorkspaceContext } from '$lib/components/workspace/workspace-context';
import { MeaningSearch } from './meaning-search.svelte';
import { changeTask } from './task-actions';

export type ViewMode = 'board' | 'list';

const EMPTY: ReadonlyMap<string, number> = new Map();
const EMPTY_MAP = new Map<string, number>();

export class ProjectView {
	filter = $state<TaskFilter>(emptyFilter());
	/** Starts as the user's preferred view (Settings); switching here lasts while the project is open. */
	mode = $derived<ViewMode>(prefsStore.prefs.defaultView);
	listSort = $state<ListSort>('rank');
	selectedId = $state<string | null>(null);
	today = $state(todayLocal());

	/** "By meaning" for the search box: adds paraphrase matches to the word matches. */
	readonly meaning: MeaningSearch;

	readonly #ws: () => WorkspaceContext;
	readonly #projectId: () => string;

	/** Minutes tracked per task, from the time views; follows every time entry change. */
	readonly #tracked: LiveQuery<Map<string, number>>;

	constructor(ws: () => WorkspaceContext, projectId: () => string) {
		this.#ws = ws;
		this.#projectId = projectId;
		this.meaning = new MeaningSearch(ws, projectId, () => this.filter.text);
		// Only read when shown or filtered by: on a fresh device the first read builds an index.
		this.#tracked = new LiveQuery(() => {
			const s = this.#ws().session;
			void s.time.revision;
			const needed =
				this.mode === 'list' || this.filter.tracked !== null || this.listSort === 'tracked';
			return needed ? minutesByTask(s.db) : Promise.resolve(EMPTY_MAP);
		});
	}

	/** Minutes tracked on each task (absent: none). */
	get tracked(): ReadonlyMap<string, number> {
		return this.#tracked.value ?? EMPTY;
	}

	/** The project's custom field definitions (none when it defines none). */
	get fields(): CustomFieldDef[] {
		return this.#ws().session.projects.get(this.#projectId())?.fields ?? [];
	}

	get projectId(): string {
		return this.#projectId();
	}

	/** The project's live tasks, trash excluded. */
	readonly tasks = $derived.by(() => {
		const pid = this.#projectId();
		const out: Task[] = [];
		for (const t of this.#ws().session.tasks.values()) {
			if (t.project === pid && !t.deletedAt) out.push(t);
		}
		return out;
	});

	/** The project's tasks in the trash, most recently deleted first. */
	readonly trashed = $derived.by(() => {
		const pid = this.#projectId();
		const out: Task[] = [];
		for (const t of this.#ws().session.tasks.values()) {
			if (t.project === pid && t.deletedAt) out.push(t);
		}
		return out.sort((a, b) => (a.deletedAt! < b.deletedAt! ? 1 : -1));
	});

	readonly visible = $derived.by(() => {
		const matches = taskMatcher(this.filter, this.today, this.tracked);
		const hits = this.meaning.hits;
		if (hits.size === 0) return this.tasks.filter(matches);
		// A task found by meaning still has to pass every other filter.
		const others = taskMatcher({ ...this.filter, text: '' }, this.today, this.tracked);
		return this.tasks.filter((t) => matches(t) || (hits.has(t._id) && others(t)));
	});
	/** How many visible tasks only the meaning search found (for the search box's status). */
	readonly byMeaningOnly = $derived.by(() => {
		const hits = this.meaning.hits;
		if (hits.size === 0) return 0;
		const words = taskMatcher({ ...emptyFilter(), text: this.filter.text }, this.today, EMPTY);
		return this.visible.filter((t) => hits.has(t._id) && !words(t)).length;
	});
	readonly columns = $derived(groupByStatus(this.visible));
	readonly filtering = $derived(isFilterActive(this.filter));

	/** The order j/k walks: column by column on the board, the sorted rows in the list. */
	readonly ordered = $derived(
		this.mode === 'board'
			? TASK_STATUSES.flatMap((s) => this.columns[s])
			: [...this.visible].sort(listComparator(this.listSort, this.tracked))
	);

	/** People and tags that appear in this project, for filter menus and pickers. */
	readonly assignees = $derived(
		uniqueSorted(this.tasks.flatMap((t) => (t.assignee ? [t.assignee] : [])))
	);
	readonly tags = $derived(uniqueSorted(this.tasks.flatMap((t) => t.tags)));

	selectRelative(delta: number): string | null {
		const list = this.ordered;
		if (list.length === 0) return null;
		const at = list.findIndex((t) => t._id === this.selectedId);
		const next =
			at === -1
				? delta > 0
					? 0
					: list.length - 1
				: Math.max(0, Math.min(list.length - 1, at + delta));
		this.selectedId = list[next]?._id ?? null;
		return this.selectedId;
	}

	/** Drop `task` into `status` at `index` among that column's other visible tasks. */
	async move(task: Task, status: TaskStatus, index: number): Promise<void> {
		const target = moveTarget(task, status, this.columns[status], index);
		const label =
			status === task.status
				? `Reordered “${task.title}”`
				: `Moved “${task.title}” to ${STATUS_LABELS[status]}`;
		await changeTask(this.#ws().session.tasksRepo, task, target, label);
	}

	/** Keyboard moves: one column left/right (to its end) or one place up/down. */
	async nudge(task: Task, dx: number, dy: number): Promise<void> {
		if (dx !== 0) {
			const col = TASK_STATUSES.indexOf(task.status) + dx;
			const status = TASK_STATUSES[col];
			if (!status) return;
			await this.move(task, status, this.columns[status].length);
			return;
		}
		const column = this.columns[task.status];
		const at = column.findIndex((t) => t._id === task._id);
		const to = at + dy;
		if (at === -1 || to < 0 || to >= column.length) return;
		await this.move(task, task.status, to);
	}

	clearFilter(): void {
		this.filter = emptyFilter();
	}
}

const KEY = Symbol('project-view');
export const setProjectView = (v: ProjectView): ProjectView => setContext(KEY, v);
export const useProjectView = (): ProjectView => getContext<ProjectView>(KEY);
