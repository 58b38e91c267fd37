/**
 * Custom fields on the server: `validate_doc_update` (fed by the zod schemas) accepts
 * field definitions on projects and values on tasks of the allowed shapes, and refuses
 * others, whatever client writes them.
 */
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, door, newTask, ownerWithWorkspace, type TestDoc } from './helpers';

let me: Awaited<ReturnType<typeof ownerWithWorkspace>>;
beforeAll(async () => {
	me = await ownerWithWorkspace('cf');
});

const put = (doc: TestDoc) =>
	as(me.cookie, door(`/${me.ws.db}/${doc._id}`), { method: 'PUT', json: doc });

function project(fields: unknown): TestDoc {
	const at = new Date().toISOString();
	return {
		_id: `project:${ulid()}`,
		type: 'project',
		name: 'Pumps',
		description: '',
		color: 'blue',
		archived: false,
		fields,
		clocks: {},
		createdBy: me.name,
		createdAt: at,
		updatedAt: at
	};
}

describe('custom fields on the server', () => {
	it('accepts field definitions and refuses unknown types or bad ids', async () => {
		const good = [
			{ id: 'size', name: 'Size', type: 'select', options: ['S', 'M'] },
			{ id: 'cost', name: 'Cost', type: 'number' }
		];
		expect((await put(project(good))).status).toBe(201);
		const badType = [{ id: 'x', name: 'X', type: 'colour' }];
		expect((await put(project(badType))).status).toBe(403);
		const badId = [{ id: 'Has Space', name: 'X', type: 'text' }];
		expect((await put(project(badId))).status).toBe(403);
	});

	it('accepts values of the allowed shapes on tasks and refuses others', async () => {
		const ok = { ...newTask(me.name), custom: { size: 'M', cost: 12.5, visit: null } };
		expect((await put(ok)).status).toBe(201);
		for (const custom of [
			{ size: { nested: true } },
			{ 'Bad Key': 'x' },
			{ note: 'x'.repeat(501) }
		]) {
			const res = await put({ ...newTask(me.name), custom });
			expect(res.status, JSON.stringify(custom)).toBe(403);
		}
	});
});
