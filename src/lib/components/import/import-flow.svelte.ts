/**
 * State of one import on the Import screen: the chosen file and what it turned out to be,
 * the column and status mappings, the validated plan, and the write's progress and
 * outcome. Planning is pure (lib/domain/import); writing goes through `ImportRepo`.
 */
import {
	csvStatusValues,
	guessMapping,
	planCsv,
	type CsvMapping
} from '$lib/domain/import/csv-import';
import { detectFormat, type DetectedFile } from '$lib/domain/import/detect-format';
import { finalisePlan, type ImportBatch } from '$lib/domain/import/import-plan';
import type { RawPlan, StatusChoice, StatusMap } from '$lib/domain/import/import-types';
import { guessStatus } from '$lib/domain/import/import-values';
import { planTodoist } from '$lib/domain/import/todoist-import';
import { planTrello, type TrelloBoard } from '$lib/domain/import/trello-import';
import type { ProjectId } from '$lib/domain/ids';
import { ImportRepo, type ImportOutcome } from '$lib/db/import.repo';
import type { WorkspaceSession } from '$lib/db/workspace-session.svelte';
import { errorMessage } from '$lib/db/error-message';

export type ImportStep = 'pick' | 'map' | 'review' | 'importing' | 'done';

/** Files larger than this are refused before reading: a browser tab would struggle. */
const MAX_BYTES = 20 * 1024 * 1024;

export class ImportFlow {
	step = $state<ImportStep>('pick');
	fileName = $state('');
	project = $state('');
	mapping = $state<CsvMapping>({});
	error = $state<string | null>(null);
	progress = $state({ done: 0, total: 0 });
	#detected = $state.raw<DetectedFile | null>(null);
	#chosen = $state<StatusMap>({});
	batch = $state.raw<ImportBatch | null>(null);
	/** Ids of planned tasks that an earlier import already wrote. */
	present = $state.raw<ReadonlySet<string> | null>(null);
	outcome = $state.raw<ImportOutcome | null>(null);

	constructor(
		private readonly session: () => WorkspaceSession,
		private readonly workspaceId: () => string,
		private readonly members: () => Iterable<string>
	) {}

	get detected(): DetectedFile | null {
		return this.#detected;
	}

	/** The importer's drafts for the current file and mapping. */
	readonly raw: RawPlan | null = $derived.by(() => {
		const d = this.#detected;
		if (!d || d.kind === 'error') return null;
		if (d.kind === 'trello') return planTrello(d.board as TrelloBoard);
		if (d.kind === 'todoist') return planTodoist(d.table);
		return planCsv(d.table, this.mapping);
	});

	/** Source status values (lists, sections, cells) the person maps to statuses. */
	readonly statusValues: string[] = $derived.by(() => {
		const d = this.#detected;
		if (d?.kind === 'csv') return csvStatusValues(d.table, this.mapping);
		// Few distinct values, so a list lookup is cheap.
		const values: string[] = [];
		for (const draft of this.raw?.drafts ?? []) {
			const v = draft.statusValue;
			if (v !== null && !draft.status && !values.includes(v)) values.push(v);
		}
		return values;
	});

	/** Chosen statuses, with guesses for the rest; a CSV value nobody recognises stays unmapped. */
	readonly statusMap: StatusMap = $derived.by(() => {
		const map: StatusMap = {};
		for (const v of this.statusValues) {
			const choice =
				this.#chosen[v] ?? guessStatus(v) ?? (this.raw?.source === 'csv' ? null : 'todo');
			if (choice) map[v] = choice;
		}
		return map;
	});

	chooseStatus(value: string, choice: StatusChoice): void {
		this.#chosen[value] = choice;
	}

	/** Read and recognise a file; CSV and mapped sources go on to the mapping step. */
	async load(file: File): Promise<void> {
		this.error = null;
		if (file.size > MAX_BYTES) {
			this.error = 'This file is larger than 20 MB. Split it into smaller files and import each.';
			return;
		}
		const detected = detectFormat(await file.text());
		if (detected.kind === 'error') {
			this.error = detected.message;
			return;
		}
		this.fileName = file.name;
		this.#chosen = {};
		this.#detected = detected;
		this.mapping = detected.kind === 'csv' ? guessMapping(detected.table.headers) : {};
		this.step = 'map';
	}

	/** Validate the plan for the target project and look up what is already imported. */
	async review(): Promise<void> {
		const raw = this.raw;
		if (!raw || !this.project) return;
		const s = this.session();
		const ranks = [...s.tasks.values()]
			.filter((t) => t.project === this.project)
			.map((t) => t.rank);
		this.batch = finalisePlan(raw, {
			workspace: this.workspaceId(),
			project: this.project as ProjectId,
			members: this.members(),
			statusMap: this.statusMap,
			ctx: s.writer.context(),
			rankAfter: ranks.reduce<string | null>((max, r) => (max === null || r > max ? r : max), null)
		});
		this.present = await new ImportRepo(s.db, s.writer).present(
			this.batch.tasks.map((t) => t.task._id)
		);
		this.step = 'review';
	}

	/** Write the reviewed plan, batch by batch. */
	async run(): Promise<void> {
		const batch = this.batch;
		if (!batch) return;
		const s = this.session();
		this.step = 'importing';
		this.error = null;
		this.progress = { done: 0, total: batch.tasks.length };
		try {
			this.outcome = await new ImportRepo(s.db, s.writer).write(
				batch.tasks,
				s.writer.context(),
				(done, total) => (this.progress = { done, total })
			);
			this.step = 'done';
		} catch (err) {
			this.error = `The import stopped: ${errorMessage(err)}. Tasks written so far are kept; run the import again to finish — it skips what is already there.`;
			this.step = 'review';
		}
	}

	/** Start over with another file, keeping the target project. */
	reset(): void {
		this.#detected = null;
		this.batch = null;
		this.outcome = null;
		this.error = null;
		this.fileName = '';
		this.step = 'pick';
	}
}
