/** Project writes for one workspace database. */
import type { ProjectId } from '../domain/ids';
import { applyProjectPatch, createProject, type ProjectPatch } from '../domain/project-ops';
import type { Project } from '../domain/schemas/project.schema';
import { createDoc, patchDoc } from './doc-writes';
import type { Db } from './pouch';
import type { Writer } from './writer';

const target = (p: Project) => ({ doc: p._id, project: p._id });

export class ProjectsRepo {
	constructor(
		private readonly db: Db,
		private readonly writer: Writer
	) {}

	create(input: {
		name: string;
		description?: string;
		color?: Project['color'];
	}): Promise<Project> {
		return createDoc(this.db, this.writer, (ctx) => createProject(input, ctx), target);
	}

	update(id: ProjectId, patch: ProjectPatch): Promise<Project> {
		return patchDoc<Project>(
			this.db,
			this.writer,
			id,
			(current, ctx) => {
				const r = applyProjectPatch(current, patch, ctx);
				return { doc: r.project, changes: r.changes };
			},
			target
		);
	}
}
