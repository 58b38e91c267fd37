import { describe, expect, it } from 'vitest';
import {
	exportEnvelope,
	exportFileName,
	parseWorkspaceExport,
	slug,
	type ExportedDoc
} from './workspace-export';

const now = new Date('2026-03-04T05:06:07.000Z');
const ws = { id: 'abc', name: 'Field crew' };

describe('exportEnvelope', () => {
	it('wraps documents and leaves out design and local ones', () => {
		const docs: ExportedDoc[] = [
			{ _id: '_design/taskflow' },
			{ _id: '_local/x' },
			{ _id: 'task:1', _rev: '1-a', type: 'task' }
		];
		expect(exportEnvelope(ws, docs, now)).toEqual({
			format: 'taskflow-workspace',
			version: 1,
			exportedAt: '2026-03-04T05:06:07.000Z',
			workspace: ws,
			docs: [{ _id: 'task:1', _rev: '1-a', type: 'task' }]
		});
	});
});

describe('exportFileName', () => {
	it('slugs the name and dates the file', () => {
		expect(exportFileName('Field crew #2', now)).toBe('taskflow-field-crew-2-2026-03-04.json');
		expect(slug('Équipe été')).toBe('equipe-ete');
		expect(slug('***')).toBe('workspace');
	});
});

describe('parseWorkspaceExport', () => {
	it('reads what exportEnvelope writes', () => {
		const file = exportEnvelope(ws, [{ _id: 'task:1' }], now);
		expect(parseWorkspaceExport(JSON.stringify(file))).toEqual({ ok: true, value: file });
	});

	it('refuses what is not an export, with a readable message', () => {
		expect(parseWorkspaceExport('not json')).toMatchObject({ ok: false, error: /not JSON/ });
		expect(parseWorkspaceExport('{"a":1}')).toMatchObject({ ok: false, error: /not a TaskFlow/ });
		const v2 = { ...exportEnvelope(ws, [], now), version: 2 };
		expect(parseWorkspaceExport(JSON.stringify(v2))).toMatchObject({
			ok: false,
			error: /version 2/
		});
		const noDocs = { ...exportEnvelope(ws, [], now), docs: null };
		expect(parseWorkspaceExport(JSON.stringify(noDocs))).toMatchObject({ ok: false });
	});
});
