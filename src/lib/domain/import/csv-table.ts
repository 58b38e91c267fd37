/**
 * Reading a CSV file into a header and rows with papaparse: a byte-order mark is dropped,
 * the delimiter (comma, semicolon, tab) is detected, quoted fields may hold delimiters and
 * line breaks. Row numbers are those a spreadsheet shows (the header is row 1).
 */
import Papa from 'papaparse';

export interface CsvRow {
	/** Spreadsheet row number: the header is row 1, the first data row is row 2. */
	row: number;
	cells: string[];
}

export interface CsvTable {
	headers: string[];
	rows: CsvRow[];
}

/** Parse `text`; rows whose cells are all blank are dropped (they keep their numbers). */
export function parseCsvTable(text: string): CsvTable {
	const clean = text.replace(/^\uFEFF/, '');
	const result = Papa.parse<string[]>(clean, {
		delimiter: guessDelimiter(clean),
		skipEmptyLines: false
	});
	const [header = [], ...data] = result.data;
	const headers = header.map((h, i) => h.trim() || `Column ${i + 1}`);
	const rows: CsvRow[] = [];
	data.forEach((cells, i) => {
		if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 2, cells });
	});
	return { headers, rows };
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The delimiter used most in the header line, outside quotes. Papaparse's own guess needs
 * several consistent rows and falls back to a comma for a short file.
 */
export function guessDelimiter(text: string): string {
	const counts = new Map(DELIMITERS.map((d) => [d, 0]));
	let quoted = false;
	for (const ch of text) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
	}
	let best = ',';
	for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
	return best;
}

/** The cell of `row` in column `index`, trimmed; empty when the row is short. */
export const cell = (row: CsvRow, index: number | undefined): string =>
	index === undefined ? '' : (row.cells[index] ?? '').trim();
