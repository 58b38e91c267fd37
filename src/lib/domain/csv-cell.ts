/**
 * Cells of the CSV files TaskFlow exports (tasks, time entries, chart data), written so a
 * spreadsheet shows what people typed and never runs it. Excel, LibreOffice and Google
 * Sheets read a cell that starts with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(…)`,
 * `=WEBSERVICE(…)`, DDE), some after skipping leading spaces, and tab or CR at the start
 * has been used to smuggle one past importers. A leading apostrophe makes such a cell text
 * and is not shown. Every line of a multi-line cell gets the same treatment, since some
 * importers split a cell's lines into rows of their own.
 */

/**
 * A line start (of the cell or after a line break) followed by what a spreadsheet would
 * read as a formula: a tab, or `=`, `+`, `-`, `@` after any spaces other than line breaks.
 */
const FORMULA_LINE = /(^|\r\n|\r|\n)(?=\t|[^\S\r\n]*[=+\-@])/g;

/**
 * `text` with an apostrophe before every line that could start a formula, and before the
 * whole when it starts with a CR. Plain text comes back unchanged.
 */
export function neutraliseFormula(text: string): string {
	const guarded = text.replace(FORMULA_LINE, "$1'");
	return guarded.startsWith('\r') ? `'${guarded}` : guarded;
}

/**
 * One CSV field per RFC 4180: wrapped in double quotes, with quotes doubled, when it
 * contains a comma, a double quote, CR or LF; otherwise as is. No formula guard: for values
 * the app formats itself (dates, ids, amounts); text goes through `textField`.
 */
export function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A text cell, whoever wrote it: formulas neutralised, then quoted as needed. */
export function textField(value: string): string {
	return csvField(neutraliseFormula(value));
}
