/**
 * A small deterministic workspace history for the heads' specs: tasks on a few topics, each
 * topic with its own typical effort and priority, and stand-in embeddings (a topic direction
 * plus seeded noise, unit length) so similarity behaves like the real encoder's.
 */
import type { Priority } from '../../domain/schemas/task.schema';
import type { HeadTask } from './head-types';
import { normalize } from './vector-math';

/** mulberry32: the same seed gives the same sequence everywhere. */
export function seeded(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Topics of the generated history. */
export const TOPICS = {
	migration: {
		title: 'Migrate database schema',
		hours: 8,
		priority: 'high' as Priority,
		who: 'dana'
	},
	typo: { title: 'Fix typo in settings page', hours: 1, priority: 'low' as Priority, who: 'eli' },
	outage: {
		title: 'Server outage after deploy',
		hours: 4,
		priority: 'urgent' as Priority,
		who: 'dana'
	}
};
export type Topic = keyof typeof TOPICS;
const DIM = 16;

/** A unit vector near the topic's direction (noise 0 gives the direction itself). */
export function topicVector(topic: Topic, rand: () => number, noise = 0.15): Float32Array {
	const axis = Object.keys(TOPICS).indexOf(topic);
	const v = new Float32Array(DIM);
	v[axis] = 1;
	for (let i = 0; i < DIM; i++) v[i] = v[i]! + (rand() - 0.5) * 2 * noise;
	return normalize(v);
}

/** A task with sensible defaults. */
export function task(id: string, over: Partial<HeadTask> = {}): HeadTask {
	return {
		id,
		title: id,
		description: '',
		tags: [],
		project: 'project:p1',
		assignee: null,
		status: 'todo',
		priority: 'medium',
		estimate: null,
		loggedHours: 0,
		due: null,
		dependencies: [],
		...over
	};
}

/** `perTopic` finished tasks per topic, with vectors; hours vary ±25 % around the topic's. */
export function history(
	perTopic = 6,
	seed = 7
): { tasks: HeadTask[]; vectors: Map<string, Float32Array> } {
	const rand = seeded(seed);
	const tasks: HeadTask[] = [];
	const vectors = new Map<string, Float32Array>();
	for (const [topic, spec] of Object.entries(TOPICS) as [Topic, (typeof TOPICS)[Topic]][]) {
		for (let i = 0; i < perTopic; i++) {
			const id = `task:${topic}-${i}`;
			const hours = Math.round(spec.hours * (0.75 + 0.5 * rand()) * 10) / 10;
			tasks.push(
				task(id, {
					title: `${spec.title} #${i}`,
					status: 'done',
					priority: spec.priority,
					assignee: spec.who,
					estimate: hours,
					loggedHours: hours,
					tags: [topic]
				})
			);
			vectors.set(id, topicVector(topic, rand));
		}
	}
	return { tasks, vectors };
}
