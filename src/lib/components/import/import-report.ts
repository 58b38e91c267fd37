/** The import's result as plain text, for copying or saving next to the source file. */
import type { ImportBatch } from '$lib/domain/import/import-plan';
import type { ImportOutcome } from '$lib/db/import.repo';

export interface ReportInput {
	fileName: string;
	source: string;
	project: string;
	batch: ImportBatch;
	outcome: ImportOutcome;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line per counted thing, then every skipped row, warning and failure with its reason. */
export function reportText({ fileName, source, project, batch, outcome }: ReportInput): string {
	const lines = [
		`Import of ${fileName} (${source}) into “${project}”`,
		'',
		`Created: ${plural(outcome.created.length, 'task')}, ${plural(outcome.comments, 'comment')}`,
		`Already imported before: ${plural(outcome.alreadyThere.length, 'task')}`,
		`Skipped: ${plural(batch.skipped.length, 'row')}`
	];
	if (outcome.failed.length) lines.push(`Refused by the database: ${outcome.failed.length}`);
	const section = (title: string, items: string[]) => {
		if (items.length) lines.push('', `${title}:`, ...items.map((i) => `- ${i}`));
	};
	const label = (where: string, title: string) => (title ? `${where} “${title}”` : where);
	section(
		'Skipped',
		batch.skipped.map((s) => `${label(s.where, s.title)}: ${s.reason}`)
	);
	section(
		'Imported with warnings',
		batch.warnings.map((w) => `${label(w.where, w.title)}: ${w.message}`)
	);
	section(
		'Refused by the database',
		outcome.failed.map((f) => `${label(f.where, f.title)}: ${f.reason}`)
	);
	return lines.join('\n') + '\n';
}
