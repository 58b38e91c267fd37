/**
 * Todoist's CSV export (and import template): one row per `task`, `section` or `note`,
 * columns TYPE, CONTENT, DESCRIPTION, PRIORITY, INDENT, AUTHOR, RESPONSIBLE, DATE, DATE_LANG,
 * TIMEZONE, DURATION, DURATION_UNIT, DEADLINE, DEADLINE_LANG. Per Todoist's documentation of
 * this format, PRIORITY 1 is p1 (the highest) and 4 is p4 (the default, "no priority") —
 * the reverse of Todoist's REST API. INDENT 2 makes a subtask of the task above; a `note`
 * row is a comment on the task above; labels are `@words` inside CONTENT; a `section` row
 * starts a section, which the person maps to a status like a board column.
 *
 * The export has no ids, so a task's identity is its section, its parents' identities,
 * its content and how many identical siblings came before it.
 */
import { cell, type CsvRow, type CsvTable } from './csv-table';
import type { ImportWarning, RawPlan, SkippedRow, TaskDraft } from './import-types';
import { parseDate } from './import-values';
import type { Priority } from '../schemas/task.schema';

const PRIORITIES: Record<string, Priority> = {
	'1': 'urgent',
	'2': 'high',
	'3': 'medium',
	'4': 'low'
};

type Columns = Record<string, number>;

/** Stands in the indent stack for a task that was skipped, so its subtasks say why. */
const SKIPPED = '\u0000skipped';

/** Labels written as `@label` in the content, and the title without them. */
export function splitLabels(content: string): { title: string; tags: string[] } {
	const tags: string[] = [];
	const title = content
		.replace(/(^|\s)@([^\s@,]+)/g, (_m, lead: string, label: string) => {
			tags.push(label.slice(0, 40));
			return lead;
		})
		.replace(/\s{2,}/g, ' ')
		.trim();
	return { title, tags };
}

/** `Evan (14781400)` → `evan`: the name part, lower-cased as TaskFlow user names are. */
export const personName = (raw: string): string =>
	raw
		.replace(/\s*\(\d+\)\s*$/, '')
		.trim()
		.toLowerCase();

/** Plan the import of a Todoist CSV export. */
export function planTodoist(table: CsvTable): RawPlan {
	const col: Columns = {};
	table.headers.forEach((h, i) => (col[h.toUpperCase()] = i));
	const drafts: TaskDraft[] = [];
	const skipped: SkippedRow[] = [];
	const warnings: ImportWarning[] = [];
	let section: string | null = null;
	/** Keys of the last task at each indent level (index 0 = INDENT 1). */
	let stack: string[] = [];
	let last: TaskDraft | null = null;
	let lastSkipped = false;
	const seen = new Map<string, number>();

	for (const r of table.rows) {
		const type = cell(r, col.TYPE).toLowerCase();
		const content = cell(r, col.CONTENT);
		const where = `Row ${r.row}`;
		if (type === 'section') {
			section = content || null;
			stack = [];
			last = null;
			lastSkipped = false;
			continue;
		}
		if (type === 'note') {
			if (!last) {
				const reason = lastSkipped ? 'its task was skipped' : 'comment with no task above it';
				skipped.push({ where, title: content, reason });
			} else if (content) {
				const author = cell(r, col.AUTHOR).replace(/\s*\(\d+\)\s*$/, '');
				const by = author ? `\n\n— ${author}, imported from Todoist` : '';
				last.comments.push({ key: `${last.key}/note#${last.comments.length}`, body: content + by });
			}
			continue;
		}
		if (type !== 'task') {
			skipped.push({ where, title: content, reason: `unknown row type “${type}”` });
			last = null;
			lastSkipped = true;
			continue;
		}
		const indent = Math.max(1, Number.parseInt(cell(r, col.INDENT), 10) || 1);
		const parent = indent > 1 ? (stack[indent - 2] ?? null) : null;
		stack = stack.slice(0, indent - 1);
		last = null;
		lastSkipped = true;
		if (indent > 1 && (!parent || parent === SKIPPED)) {
			const reason = parent ? 'its parent task was skipped' : 'subtask with no task above it';
			skipped.push({ where, title: content, reason });
			stack[indent - 1] = SKIPPED;
			continue;
		}
		const parentKey = parent;
		const base = `${section ?? ''}/${parentKey ?? ''}/${content}`;
		const nth = seen.get(base) ?? 0;
		seen.set(base, nth + 1);
		const key = `task:${base}#${nth}`;
		const result = taskDraft(r, col, { where, key, section, parentKey }, warnings);
		if ('reason' in result) {
			skipped.push(result);
			stack[indent - 1] = SKIPPED;
			continue;
		}
		drafts.push(result);
		stack[indent - 1] = key;
		last = result;
		lastSkipped = false;
	}
	return { source: 'todoist', drafts, skipped, warnings };
}

interface RowPlace {
	where: string;
	key: string;
	section: string | null;
	parentKey: string | null;
}

function taskDraft(
	r: CsvRow,
	col: Columns,
	at: RowPlace,
	warnings: ImportWarning[]
): TaskDraft | SkippedRow {
	const { title, tags } = splitLabels(cell(r, col.CONTENT));
	const skip = (reason: string): SkippedRow => ({ where: at.where, title, reason });
	if (!title) return skip('missing title');
	const rawPriority = cell(r, col.PRIORITY);
	const priority = rawPriority ? PRIORITIES[rawPriority] : 'medium';
	if (!priority) return skip(`unknown priority “${rawPriority}” (Todoist uses 1–4)`);
	const warn = (message: string) => warnings.push({ where: at.where, title, message });
	const date = todoistDate(cell(r, col.DATE), 'date', warn);
	const deadline = todoistDate(cell(r, col.DEADLINE), 'deadline', warn);
	const responsible = personName(cell(r, col.RESPONSIBLE));
	return {
		key: at.key,
		where: at.where,
		title,
		description: cell(r, col.DESCRIPTION),
		statusValue: at.section,
		priority,
		assignees: responsible ? [responsible] : [],
		// With a deadline, Todoist's date is when work is planned to start.
		due: deadline ?? date,
		start: deadline ? date : null,
		estimate: duration(cell(r, col.DURATION), cell(r, col.DURATION_UNIT)),
		tags,
		parentKey: at.parentKey,
		comments: []
	};
}

function todoistDate(raw: string, what: string, warn: (m: string) => void): string | null {
	const parsed = parseDate(raw);
	if (parsed !== undefined) return parsed;
	warn(
		/^every\b|^ev\b/i.test(raw)
			? `recurring ${what} “${raw}” not imported (TaskFlow has no repeating dates)`
			: `${what} “${raw}” not understood, left empty`
	);
	return null;
}

/** Todoist durations are minutes or whole days; TaskFlow estimates are hours. */
function duration(amount: string, unit: string): number | null {
	const n = Number(amount);
	if (!amount || !Number.isFinite(n) || n <= 0) return null;
	const hours = unit.toLowerCase().startsWith('day') ? n * 8 : n / 60;
	return Math.round(hours * 100) / 100;
}
