import { describe, expect, it } from 'vitest';
import {
	commentRange,
	idRange,
	newActivityId,
	newCommentId,
	newProjectId,
	newTaskId,
	newWorkspaceId,
	ULID_PATTERN,
	ulidOf,
	userDbName,
	WORKSPACE_ID_PATTERN,
	workspaceDbName,
	type TaskId
} from './ids';

const anchored = (pattern: string) => new RegExp(`^${pattern}$`);

/** Whether `id` falls in an `_all_docs` range, compared as CouchDB compares ASCII ids. */
const inRange = (id: string, r: { startkey: string; endkey: string }) =>
	id >= r.startkey && id <= r.endkey;

describe('new ids', () => {
	it('prefix each document type and carry a ULID', () => {
		expect(newProjectId()).toMatch(anchored(`project:${ULID_PATTERN}`));
		expect(newTaskId()).toMatch(anchored(`task:${ULID_PATTERN}`));
		expect(newActivityId()).toMatch(anchored(`activity:${ULID_PATTERN}`));
	});

	it('sort in creation order, even within one millisecond', () => {
		const ids = Array.from({ length: 200 }, () => newTaskId());
		expect([...ids].sort()).toEqual(ids);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('put a comment under its task', () => {
		const task = newTaskId();
		const id = newCommentId(task);
		expect(id).toMatch(anchored(`comment:${ULID_PATTERN}:${ULID_PATTERN}`));
		expect(id.startsWith(`comment:${ulidOf(task)}:`)).toBe(true);
	});

	it('make lowercase workspace ids that fit database names', () => {
		const ws = newWorkspaceId();
		expect(ws).toMatch(anchored(WORKSPACE_ID_PATTERN));
		expect(workspaceDbName(ws)).toBe(`tf-ws-${ws}`);
		// CouchDB database names: lowercase letter first, then [a-z0-9_$()+/-].
		expect(workspaceDbName(ws)).toMatch(/^[a-z][a-z0-9_$()+/-]*$/);
	});

	it('never use the letters Crockford base32 leaves out', () => {
		const sample = Array.from({ length: 50 }, () => ulidOf(newTaskId())).join('');
		expect(sample).not.toMatch(/[ILOU]/);
	});
});

describe('ulidOf', () => {
	it('takes the part after the last colon', () => {
		expect(ulidOf('task:01ABC')).toBe('01ABC');
		expect(ulidOf('comment:01TASK:01SELF')).toBe('01SELF');
	});

	it('returns a bare id unchanged', () => {
		expect(ulidOf('01ABC')).toBe('01ABC');
	});
});

describe('idRange', () => {
	it('selects every id with the prefix and no other', () => {
		const r = idRange('task:');
		expect(inRange('task:01H', r)).toBe(true);
		expect(inRange('task:ZZZZ', r)).toBe(true);
		expect(inRange('project:01H', r)).toBe(false);
		expect(inRange('tasks:01H', r)).toBe(false);
		expect(inRange('comment:01H', r)).toBe(false);
	});
});

describe('commentRange', () => {
	it("selects exactly one task's comments", () => {
		const tasks: TaskId[] = [newTaskId(), newTaskId(), newTaskId()];
		const comments = tasks.flatMap((t) => [newCommentId(t), newCommentId(t)]);
		const others = [...tasks, newProjectId(), newActivityId(), ...comments];
		const [, middle] = tasks;
		const range = commentRange(middle!);
		const selected = others.filter((id) => inRange(id, range));
		expect(selected).toEqual(comments.slice(2, 4));
	});

	it('does not select the comments of a task whose ULID extends this one', () => {
		const task: TaskId = `task:${'0'.repeat(26)}`;
		const longer = `comment:${'0'.repeat(26)}1:${'1'.repeat(26)}`;
		expect(inRange(longer, commentRange(task))).toBe(false);
	});
});

describe('userDbName', () => {
	it('hex-encodes the user name as couch_peruser does', () => {
		expect(userDbName('alice')).toBe('tf-user-616c696365');
		expect(userDbName('a.b-c_1')).toBe('tf-user-612e622d635f31');
	});

	it('encodes non-ASCII names as UTF-8 bytes', () => {
		expect(userDbName('é')).toBe('tf-user-c3a9');
	});

	it('is a valid lowercase database name', () => {
		expect(userDbName('Bob')).toMatch(/^tf-user-[0-9a-f]+$/);
	});
});
