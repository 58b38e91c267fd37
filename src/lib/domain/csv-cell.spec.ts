import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, textField } from './csv-cell';

/** Whether a spreadsheet could read some line of `cell` (as parsed back) as a formula. */
const startsFormula = (cell: string): boolean =>
	cell.startsWith('\r') || cell.split(/\r\n|\r|\n/).some((line) => /^(\t|\s*[=+\-@])/.test(line));

/** Whether `out` is `text` with apostrophes inserted and nothing else changed. */
function onlyAddsApostrophes(out: string, text: string): boolean {
	let i = 0;
	for (const ch of out) {
		if (ch === text[i]) i++;
		else if (ch !== "'") return false;
	}
	return i === text.length;
}

describe('neutraliseFormula', () => {
	it.each([
		['=1+1', "'=1+1"],
		['+1', "'+1"],
		['-2', "'-2"],
		['-1.5', "'-1.5"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tindent', "'\tindent"],
		['\rX', "'\rX"],
		['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
		["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
		// After leading whitespace, which Sheets and LibreOffice may trim on import.
		[' =x', "' =x"],
		['   +x', "'   +x"],
		['\u00a0=x', "'\u00a0=x"],
		['\t=x', "'\t=x"],
		// Multi-line: the first line, a later line, every line, any line break.
		['=a\nb', "'=a\nb"],
		['a\n=b', "a\n'=b"],
		['a\r\n+b', "a\r\n'+b"],
		['a\r-b', "a\r'-b"],
		['=a\n@b\n c\n -d', "'=a\n'@b\n c\n' -d"],
		['line\n\tnext', "line\n'\tnext"],
		['\r\n=x', "'\r\n'=x"],
		['=a,"b"\nc', '\'=a,"b"\nc']
	])('guards %j as %j', (text, guarded) => {
		expect(neutraliseFormula(text)).toBe(guarded);
		expect(startsFormula(guarded)).toBe(false);
	});

	it.each([
		'plain',
		'',
		'a = b',
		'a=b',
		'x+1',
		'e-mail me',
		'ann@example.com',
		"'=already text",
		'line one\nline two, ünïcode',
		'5',
		'1.5'
	])('leaves %j as it is', (text) => {
		expect(neutraliseFormula(text)).toBe(text);
	});
});

describe('csvField', () => {
	it.each([
		['plain', 'plain'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['line1\nline2', '"line1\nline2"'],
		['=1+1', '=1+1']
	])('writes %j as %j, guarding nothing', (value, field) => {
		expect(csvField(value)).toBe(field);
	});
});

describe('textField', () => {
	it.each([
		'=HYPERLINK("http://evil.example","click")',
		'notes\n=1+1',
		'a,b\r\n@SUM(A1:A9)',
		' -2+3, "quoted"\n\t+x',
		'\r=1',
		'safe, "quoted"\nlines'
	])('reads back %j with no line that starts a formula', (text) => {
		const csv = `${textField(text)},next\r\n`;
		const [row] = Papa.parse<string[]>(csv, {
			newline: '\r\n',
			delimiter: ',',
			skipEmptyLines: true
		}).data;
		expect(row).toHaveLength(2);
		expect(startsFormula(row![0]!)).toBe(false);
		expect(onlyAddsApostrophes(row![0]!, text)).toBe(true);
	});
});

describe('textField, on any text', () => {
	// Text built from the characters that matter here, so the odd cases come up often.
	const risky = fc
		.array(
			fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' ', '\u00a0', ',', '"', "'", 'a', '1'),
			{ maxLength: 12 }
		)
		.map((chars) => chars.join(''));

	it('never leaves a line that starts a formula, and loses nothing', () => {
		fc.assert(
			fc.property(risky, (text) => {
				const csv = `${textField(text)},end\r\n`;
				const [row] = Papa.parse<string[]>(csv, { newline: '\r\n', delimiter: ',' }).data;
				expect(row).toHaveLength(2);
				expect(startsFormula(row![0]!)).toBe(false);
				expect(onlyAddsApostrophes(row![0]!, text)).toBe(true);
			}),
			{ numRuns: 2000 }
		);
	});
});
