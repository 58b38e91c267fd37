/** Which importer a file needs, judged from its content rather than its name. */
import { parseCsvTable, type CsvTable } from './csv-table';
import type { ImportSource } from './import-types';

export type DetectedFile =
	| { kind: 'trello'; board: unknown }
	| { kind: 'todoist' | 'csv'; table: CsvTable }
	| { kind: 'error'; message: string };

const TODOIST_COLUMNS = ['TYPE', 'CONTENT', 'PRIORITY', 'INDENT'];

/** Detect the format of a file's text: Trello JSON, Todoist's CSV export, or any CSV. */
export function detectFormat(text: string): DetectedFile {
	const trimmed = text.replace(/^\uFEFF/, '').trimStart();
	if (!trimmed) return { kind: 'error', message: 'The file is empty.' };
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		let json: unknown;
		try {
			json = JSON.parse(trimmed);
		} catch {
			return { kind: 'error', message: 'The file looks like JSON but could not be read.' };
		}
		const board = json as { cards?: unknown; lists?: unknown };
		if (Array.isArray(board.cards) && Array.isArray(board.lists)) return { kind: 'trello', board };
		return {
			kind: 'error',
			message: 'This JSON is not a Trello board export (it has no lists and cards).'
		};
	}
	const table = parseCsvTable(text);
	if (table.headers.length < 1 || table.rows.length === 0) {
		return { kind: 'error', message: 'The file has a header row but no data rows.' };
	}
	const upper = new Set(table.headers.map((h) => h.toUpperCase()));
	const kind: ImportSource = TODOIST_COLUMNS.every((c) => upper.has(c)) ? 'todoist' : 'csv';
	return { kind, table };
}
