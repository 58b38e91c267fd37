/** Valid workspace documents and ways to break them, shared by the design-doc specs. */
import { securityObject, type WorkspaceRole } from '../../../src/lib/server/membership-rules';
export const T = '01HZX3K9Q8R7M6N5P4V3W2Y1AB';
export const U = '01HZX3K9Q8R7M6N5P4V3W2Y1AC';
const at = '2024-05-01T10:00:00.000Z';
const clock = '00lvq3k2a-0000-abc123';

export const validDocs: Record<string, Record<string, unknown>> = {
	project: {
		_id: `project:${T}`,
		type: 'project',
		name: 'Field work',
		description: '',
		color: 'blue',
		archived: false,
		clocks: { name: clock },
		createdBy: 'alice',
		createdAt: at,
		updatedAt: at
	},
	task: {
		_id: `task:${T}`,
		type: 'task',
		project: `project:${T}`,
		title: 'Check the pumps',
		description: 'All **three**',
		status: 'todo',
		priority: 'high',
		assignee: null,
		reporter: 'alice',
		due: '2024-06-01',
		start: null,
		estimate: 2.5,
		tags: ['field', 'pumps'],
		parent: null,
		dependencies: [`task:${U}`],
		rank: 'a0',
		completedAt: null,
		deletedAt: null,
		clocks: { title: clock },
		suggestions: [
			{ field: 'priority', value: 'high', confidence: 0.8, model: 'knn-1', accepted: null }
		],
		createdBy: 'alice',
		createdAt: at,
		updatedAt: at
	},
	comment: {
		_id: `comment:${T}:${U}`,
		type: 'comment',
		task: `task:${T}`,
		body: 'Done, see photo',
		author: 'alice',
		editedAt: null,
		createdBy: 'alice',
		createdAt: at,
		updatedAt: at
	},
	time: {
		_id: `time:${U}`,
		type: 'time',
		user: 'alice',
		task: `task:${T}`,
		project: `project:${T}`,
		start: at,
		end: null,
		minutes: 0,
		note: '',
		billable: true,
		createdBy: 'alice',
		createdAt: at,
		updatedAt: at
	},
	activity: {
		_id: `activity:${U}`,
		type: 'activity',
		action: 'update',
		doc: `task:${T}`,
		task: `task:${T}`,
		project: null,
		field: 'status',
		from: 'todo',
		to: { any: ['json'] },
		actor: 'alice',
		at,
		createdBy: 'alice'
	},
	watch: {
		_id: `watch:${T}:alice`,
		type: 'watch',
		task: `task:${T}`,
		user: 'alice',
		on: true,
		createdBy: 'alice',
		createdAt: at,
		updatedAt: at
	}
};

/** [label, type, change applied to a copy of the valid doc]; each makes it invalid. */
export const invalidChanges: [string, string, Record<string, unknown>][] = [
	['missing title', 'task', { title: undefined }],
	['blank title', 'task', { title: '   ' }],
	['empty title', 'task', { title: '' }],
	['long title', 'task', { title: 'x'.repeat(201) }],
	['bad status', 'task', { status: 'doing' }],
	['bad assignee', 'task', { assignee: 'Not A User' }],
	['bad due', 'task', { due: '01/06/2024' }],
	['negative estimate', 'task', { estimate: -1 }],
	['string estimate', 'task', { estimate: '3' }],
	['tag with comma', 'task', { tags: ['a,b'] }],
	['too many tags', 'task', { tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }],
	['bad dependency', 'task', { dependencies: ['task:nope'] }],
	['bad clock', 'task', { clocks: { title: 'yesterday' } }],
	[
		'suggestion confidence',
		'task',
		{ suggestions: [{ field: 'priority', value: 'x', confidence: 2, model: 'm', accepted: null }] }
	],
	[
		'suggestion accepted',
		'task',
		{ suggestions: [{ field: 'priority', value: 'x', confidence: 1, model: 'm', accepted: 'yes' }] }
	],
	['bad id', 'task', { _id: 'task:123' }],
	['wrong type const', 'project', { type: 'task' }],
	['bad color', 'project', { color: 'pink' }],
	['archived string', 'project', { archived: 'no' }],
	['missing createdAt', 'project', { createdAt: undefined }],
	['bad createdAt', 'project', { createdAt: '2024-05-01' }],
	['null body', 'comment', { body: null }],
	['bad author', 'comment', { author: 'A' }],
	['bad comment id', 'comment', { _id: `comment:${T}` }],
	['fractional minutes', 'time', { minutes: 1.5 }],
	['bad end', 'time', { end: 'later' }],
	['missing user', 'time', { user: undefined }],
	['billable string', 'time', { billable: 'yes' }],
	['bad time id', 'time', { _id: 'time:1' }],
	['bad action', 'activity', { action: 'rename' }],
	['long field', 'activity', { field: 'f'.repeat(41) }],
	['missing actor', 'activity', { actor: undefined }]
];

/** A copy of a valid doc with `change` applied (`undefined` removes a field). */
export function withChange(type: string, change: Record<string, unknown>): Record<string, unknown> {
	const doc: Record<string, unknown> = structuredClone(validDocs[type]!);
	for (const [k, v] of Object.entries(change)) {
		if (v === undefined) delete doc[k];
		else doc[k] = v;
	}
	return doc;
}

/**
 * The security object the server keeps for database `userCtx.db` when `userCtx` has the
 * workspace role its test notation names (`ws.<id>.<role>`): the specs say who someone is
 * the way people talk about it, the validator reads it from `_security` (see
 * membership-rules.ts).
 */
export function secObjFor(userCtx: { name?: string | null; roles?: string[]; db?: string }) {
	const ws = /^tf-ws-(.+)$/.exec(userCtx.db ?? '')?.[1];
	const role = (userCtx.roles ?? [])
		.map((r) => new RegExp(`^ws\\.${ws}\\.(owner|admin|member|viewer)$`).exec(r)?.[1])
		.find(Boolean) as WorkspaceRole | undefined;
	return securityObject(ws && role && userCtx.name ? { [userCtx.name]: role } : {});
}
