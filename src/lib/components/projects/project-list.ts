/** Sorting and counting helpers for project lists (pure). */
import type { Project } from '$lib/domain/schemas/project.schema';
import type { Task } from '$lib/domain/schemas/task.schema';

export function sortProjects(projects: Iterable<Project>): Project[] {
	return [...projects].sort((a, b) => a.name.localeCompare(b.name) || a._id.localeCompare(b._id));
}

/** Open (not done, not trashed) task counts per project id. */
export function openCounts(tasks: Iterable<Task>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const t of tasks) {
		if (t.deletedAt || t.status === 'done') continue;
		counts.set(t.project, (counts.get(t.project) ?? 0) + 1);
	}
	return counts;
}

export const PROJECT_COLOR_VALUES: Record<Project['color'], string> = {
	blue: '#2458d6',
	green: '#1f8a4c',
	orange: '#d46b08',
	purple: '#7a3fd1',
	red: '#c62f2f',
	teal: '#0f8a8a',
	gray: '#6b7480'
};
