/** What the bench page (bench-page.ts, bundled for Chromium) offers to the scenarios. */
export interface LocalCommitResult {
	/** `put` resolved: the write is committed to IndexedDB. */
	put: number[];
	/** `put` called → the changes listener saw the document (what the UI stores wait for). */
	notify: number[];
	/** The app's write path: TasksRepo.update (read, validate, put, activity) → listener. */
	repo: number[];
	/** Baseline: one raw IndexedDB `put` of the same JSON, transaction complete. */
	rawIdb: number[];
}

export interface BulkResult {
	pouch: number[];
	rawIdb: number[];
}

export interface FindResult {
	/** createIndex plus the first query (which builds the index). */
	buildMs: number;
	query: number[];
	matches: number;
}

export interface ViewBuildResult {
	/** The first query: builds the view's index over every document. */
	buildMs: number;
	/** Later queries on the built index. */
	query: number[];
	rows: number;
}

export interface BenchApi {
	localCommit(n: number, template: object): Promise<LocalCommitResult>;
	bulkWrite(docs: object[], reps: number): Promise<BulkResult>;
	/** The board/list path: taskMatcher + listComparator('priority') over `tasks`. */
	memoryQuery(tasks: object[], today: string, reps: number): { samples: number[]; matches: number };
	findQuery(tasks: object[], today: string, reps: number): Promise<FindResult>;
	docCount(dbName: string): Promise<number>;
	/** Builds a workspace view on this device's copy, then queries it `reps` times. */
	viewBuild(
		dbName: string,
		view: string,
		opts: Record<string, unknown>,
		reps: number
	): Promise<ViewBuildResult>;
	/**
	 * Creates tasks in `dbName` at `perSecond` for `ms`; returns title → Date.now() when each
	 * write was started (`sent`) and when it was stored (`stored`).
	 */
	liveWrites(
		dbName: string,
		user: string,
		project: string,
		perSecond: number,
		ms: number
	): Promise<{ sent: Record<string, number>; stored: Record<string, number> }>;
}

/**
 * The bench page's window. Code passed to `page.evaluate` runs in the page and cannot call
 * helpers from here, so it casts: `(window as unknown as BenchWindow).__bench`.
 */
export interface BenchWindow {
	__bench: BenchApi;
}
