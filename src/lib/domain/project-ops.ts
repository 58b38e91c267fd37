/** Pure operations on projects: create, patch (rename, archive, recolour). */
import { newProjectId, type ProjectId } from './ids';
import type { Project } from './schemas/project.schema';
import { sameValue, type FieldChange, type WriteContext } from './write-context';

export type ProjectPatch = Partial<
	Pick<
		Project,
		'name' | 'description' | 'color' | 'archived' | 'rate' | 'memberRates' | 'targetDate' | 'fields'
	>
>;
export const PROJECT_FIELDS = [
	'name',
	'description',
	'color',
	'archived',
	'rate',
	'memberRates',
	'targetDate',
	'fields'
] as const;

export function createProject(
	input: { name: string; description?: string; color?: Project['color'] },
	ctx: WriteContext,
	id: ProjectId = newProjectId()
): Project {
	const project: Project = {
		_id: id,
		type: 'project',
		name: input.name.trim(),
		description: input.description ?? '',
		color: input.color ?? 'blue',
		archived: false,
		clocks: {},
		createdBy: ctx.user,
		createdAt: ctx.now,
		updatedAt: ctx.now
	};
	// Rates start absent; they get a clock when first set.
	for (const f of ['name', 'description', 'color', 'archived'] as const) {
		project.clocks[f] = ctx.stamp;
	}
	return project;
}

export function applyProjectPatch(
	project: Project,
	patch: ProjectPatch,
	ctx: WriteContext
): { project: Project; changes: FieldChange[] } {
	const next: Project = { ...project, clocks: { ...project.clocks } };
	const changes: FieldChange[] = [];
	for (const field of PROJECT_FIELDS) {
		if (!(field in patch)) continue;
		let value = patch[field];
		if (field === 'name' && typeof value === 'string') value = value.trim();
		if (sameValue(next[field], value)) continue;
		changes.push({ field, from: next[field], to: value });
		(next as Record<string, unknown>)[field] = value;
		next.clocks[field] = ctx.stamp;
	}
	if (changes.length === 0) return { project, changes };
	next.updatedAt = ctx.now;
	return { project: next, changes };
}
