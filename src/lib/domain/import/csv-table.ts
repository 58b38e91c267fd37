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
		delimitersToGuess: [',', ';', '\t', '|'],
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

/** The cell of `row` in column `index`, trimmed; empty when the row is short. */
export const cell = (row: CsvRow, index: number | undefined): string =>
	index === undefined ? '' : (row.cells[index] ?? '').trim();
