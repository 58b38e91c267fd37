/** How big and how long: the full run, or `--quick` (under a minute). */
import type { WorkspaceSize } from './generate-workspace';

export interface BenchOptions {
	quick: boolean;
	/** `--only 3,7`: run just these scenario numbers (null: all). */
	only: Set<number> | null;
	/** `--profile DIR`: save CPU profiles of the pages in scenarios 1 and 7 there. */
	profileDir: string | null;
	size: WorkspaceSize;
	/** Writes timed one by one in the local-commit scenario. */
	commits: number;
	bulkDocs: number;
	bulkReps: number;
	queryReps: number;
	findReps: number;
	boardEdits: number;
	coldStarts: number;
	liveWritesPerSecond: number;
	liveMs: number;
	/** Fleet sizes tried in the server-load scenario, smallest first. */
	loadSteps: number[];
	loadMs: number;
	loadWritesPerSecond: number;
	/** Wait after the last write of a load step for deliveries still on their way. */
	loadDrainMs: number;
}

export function parseOptions(argv: string[]): BenchOptions {
	const quick = argv.includes('--quick');
	const only = parseOnly(argv);
	const profileDir = parseProfileDir(argv);
	if (quick) {
		return {
			quick,
			only,
			profileDir,
			size: { tasks: 1000, comments: 3000, timeEntries: 2000, projects: 2 },
			commits: 60,
			bulkDocs: 1000,
			bulkReps: 2,
			queryReps: 50,
			findReps: 10,
			boardEdits: 20,
			coldStarts: 2,
			liveWritesPerSecond: 50,
			liveMs: 2000,
			loadSteps: [3],
			loadMs: 2000,
			loadWritesPerSecond: 10,
			loadDrainMs: 1500
		};
	}
	return {
		quick,
		only,
		profileDir,
		size: { tasks: 10_000, comments: 30_000, timeEntries: 20_000, projects: 10 },
		commits: 300,
		bulkDocs: 1000,
		bulkReps: 7,
		queryReps: 200,
		findReps: 30,
		boardEdits: 200,
		coldStarts: 5,
		liveWritesPerSecond: 50,
		liveMs: 60_000,
		loadSteps: [2, 5, 10, 20, 40, 80],
		loadMs: 8000,
		loadWritesPerSecond: 10,
		loadDrainMs: 3000
	};
}

/** Reads `--only 3,7` or `--only=3,7`; throws on anything but scenario numbers. */
export function parseOnly(argv: string[]): Set<number> | null {
	const i = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
	if (i < 0) return null;
	const raw = argv[i]!.includes('=') ? argv[i]!.slice('--only='.length) : (argv[i + 1] ?? '');
	const nums = raw.split(',').map((s) => Number(s.trim()));
	if (nums.length === 0 || nums.some((n) => !Number.isInteger(n) || n < 1 || n > 12)) {
		throw new Error(`--only takes scenario numbers 1–12, e.g. --only 3,7 (got "${raw}")`);
	}
	return new Set(nums);
}

/** Reads `--profile DIR` or `--profile=DIR` (null without it). */
export function parseProfileDir(argv: string[]): string | null {
	const i = argv.findIndex((a) => a === '--profile' || a.startsWith('--profile='));
	if (i < 0) return null;
	const dir = argv[i]!.includes('=') ? argv[i]!.slice('--profile='.length) : argv[i + 1];
	if (!dir || dir.startsWith('--')) {
		throw new Error('--profile takes a folder, e.g. --profile /tmp/prof');
	}
	return dir;
}
