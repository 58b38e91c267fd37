/**
 * Reading the story-point data set (../shared/data/storypoints): one CSV per project with
 * chronological train/val/test marks, plus the published per-project MAE table.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

/** One issue of a project. */
export interface StoryIssue {
	key: string;
	title: string;
	description: string;
	points: number;
	split: 'train' | 'val' | 'test';
}

/** Published test MAE figures for one project (null when the table has none). */
export interface PublishedMae {
	median: number | null;
	mean: number | null;
	deepSe: number | null;
	gpt2sp: number | null;
}

const SPLITS = new Set(['train', 'val', 'test']);

/** Project names (file stems) of the CSVs in `folder`, sorted. */
export function projectNames(folder: string): string[] {
	return readdirSync(folder)
		.filter((f) => f.endsWith('.csv') && !f.startsWith('published'))
		.map((f) => f.slice(0, -4))
		.sort();
}

/** A project's issues in file order (which is chronological within each split). */
export function readProject(folder: string, project: string): StoryIssue[] {
	const text = readFileSync(path.join(folder, `${project}.csv`), 'utf8');
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	const issues: StoryIssue[] = [];
	for (const r of parsed.data) {
		const points = Number(r.storypoint);
		const split = r.split_mark ?? '';
		if (!Number.isFinite(points) || !SPLITS.has(split)) continue;
		issues.push({
			key: r.issuekey ?? '',
			title: r.title ?? '',
			description: r.description ?? '',
			points,
			split: split as StoryIssue['split']
		});
	}
	return issues;
}

/** The published table keyed by project; empty when the file is missing. */
export function readPublished(folder: string): Map<string, PublishedMae> {
	const out = new Map<string, PublishedMae>();
	let text: string;
	try {
		text = readFileSync(path.join(folder, 'published-within-project-mae.csv'), 'utf8');
	} catch {
		return out;
	}
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	const num = (s: string | undefined) => (s && Number.isFinite(Number(s)) ? Number(s) : null);
	for (const r of parsed.data) {
		if (!r.Project) continue;
		out.set(r.Project, {
			median: num(r.Median),
			mean: num(r.Mean),
			deepSe: num(r.DeepSE),
			gpt2sp: num(r.GPT2SP)
		});
	}
	return out;
}
