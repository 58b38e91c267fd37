/** Merging conflicting revisions of a project: per field, later clock wins (see clocked-merge). */
import {
	canonicalJson,
	canonicalOrder,
	latestUpdate,
	mergeFields,
	type LostValue
} from './clocked-merge';
import { PROJECT_FIELDS as FIELDS } from './project-ops';
import type { Project } from './schemas/project.schema';

export function mergeProjectRevisions(revisions: readonly Project[]): {
	project: Project;
	lost: LostValue[];
	changed: boolean;
} {
	if (revisions.length === 0) throw new Error('nothing to merge');
	const revs = canonicalOrder(revisions);
	const { _rev: _drop, ...first } = revs[0]!;
	const merged: Project = { ...first, clocks: { ...first.clocks } };
	const lost = mergeFields(revs, FIELDS, merged);
	merged.updatedAt = latestUpdate(revs).at;
	return { project: canonicalJson(merged), lost, changed: lost.length > 0 };
}
