import { describe, expect, it } from 'vitest';
import { describeRefusal } from './refusal';

describe('describeRefusal', () => {
	it('names the kind of document and the reason, without the rule path', () => {
		expect(
			describeRefusal({ id: 'task:01J', reason: 'task.priority: must be one of low, medium' })
		).toBe('task: priority: must be one of low, medium');
		expect(describeRefusal({ id: 'comment:1:2', reason: 'only the author may edit' })).toBe(
			'comment: only the author may edit'
		);
		expect(describeRefusal({ id: '?', reason: '' })).toBe('document: refused');
	});
});
