/**
 * A seeded generator of invalid workspace documents — wrong types, missing fields, oversized
 * strings, bad enums, prototype-pollution keys — mixed with valid ones. Seeded, so every run
 * pushes the same corpus and a failure can be replayed; ids come from the generator too,
 * which is safe because each run writes into a workspace database of its own.
 */

type Doc = Record<string, unknown> & { _id: string };

/** mulberry32: a tiny, well-distributed 32-bit PRNG. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const AT = '2026-01-01T10:00:00.000Z';

function ulidFrom(rnd: () => number): string {
	let s = '0';
	for (let i = 1; i < 26; i++) s += CROCKFORD[Math.floor(rnd() * 32)];
	return s;
}

/** A valid document of each type, created by `user`. */
function validDoc(type: string, user: string, rnd: () => number): Doc {
	const id = ulidFrom(rnd);
	const task = `task:${ulidFrom(rnd)}`;
	const project = `project:${ulidFrom(rnd)}`;
	const base = { createdBy: user, createdAt: AT, updatedAt: AT };
	switch (type) {
		case 'project':
			return {
				_id: `project:${id}`,
				type,
				name: 'Pumps',
				description: '',
				color: 'teal',
				archived: false,
				clocks: {},
				...base
			};
		case 'comment':
			return {
				_id: `comment:${task.slice(5)}:${id}`,
				type,
				task,
				body: 'ok',
				author: user,
				editedAt: null,
				...base
			};
		case 'time':
			return {
				_id: `time:${id}`,
				type,
				user,
				task,
				project,
				start: AT,
				end: null,
				minutes: 0,
				note: '',
				billable: true,
				...base
			};
		case 'activity':
			return {
				_id: `activity:${id}`,
				type,
				action: 'create',
				doc: task,
				task,
				project,
				field: null,
				actor: user,
				at: AT,
				createdBy: user
			};
		default:
			return {
				_id: `task:${id}`,
				type: 'task',
				project,
				title: 'Valve',
				description: '',
				status: 'todo',
				priority: 'low',
				assignee: null,
				reporter: user,
				due: null,
				start: null,
				estimate: null,
				tags: [],
				parent: null,
				dependencies: [],
				rank: 'a0',
				completedAt: null,
				deletedAt: null,
				clocks: {},
				...base
			};
	}
}

const TYPES = ['task', 'project', 'comment', 'time', 'activity'];
const WRONG_VALUES: unknown[] = [
	42,
	-1.5,
	true,
	null,
	[],
	{},
	'',
	'x'.repeat(70_000),
	['nested', { a: 1 }]
];
const BAD_ENUMS: Record<string, [string, unknown][]> = {
	task: [
		['status', 'doing'],
		['priority', 'critical'],
		['status', 'TODO']
	],
	project: [
		['color', 'pink'],
		['archived', 'no']
	],
	comment: [['editedAt', 'yesterday']],
	time: [
		['minutes', 1.5],
		['minutes', 99_999],
		['billable', 'yes']
	],
	activity: [
		['action', 'rename'],
		['action', '']
	]
};
const POLLUTING = ['__proto__', 'constructor', 'prototype'];

/** One way to break a document; every mutation yields a document the validator refuses. */
function mutate(doc: Doc, rnd: () => number, kind: number, noProto: boolean): Doc {
	const out: Doc = structuredClone(doc);
	const fields = Object.keys(out).filter((k) => k !== '_id' && k !== 'type');
	const field = fields[Math.floor(rnd() * fields.length)]!;
	switch (kind) {
		case 0: // missing field
			delete out[field];
			return out;
		case 1: {
			// wrong type: no field of any schema accepts a boolean where null is valid,
			// and every other candidate differs from the field's own JSON type
			const current = out[field];
			const candidates = WRONG_VALUES.filter(
				(v) =>
					typeof v !== typeof current ||
					Array.isArray(v) !== Array.isArray(current) ||
					(v === null) !== (current === null)
			);
			out[field] = current === null ? true : candidates[Math.floor(rnd() * candidates.length)];
			return out;
		}
		case 2: {
			// oversized strings
			const big = ['title', 'name', 'body', 'note', 'description', 'doc', 'rank'].find(
				(f) => typeof out[f] === 'string'
			);
			out[big ?? 'createdBy'] = 'y'.repeat(20_001 + Math.floor(rnd() * 50_000));
			return out;
		}
		case 3: {
			// bad enum or range
			const options = BAD_ENUMS[out.type as string]!;
			const [f, v] = options[Math.floor(rnd() * options.length)]!;
			out[f] = v;
			return out;
		}
		case 4: {
			// prototype-pollution key, at the top or one level down
			const keys = noProto ? POLLUTING.slice(1) : POLLUTING;
			const key = keys[Math.floor(rnd() * keys.length)]!;
			// CouchDB refuses top-level `_` members before validation, so `__proto__` goes one
			// level down, where only the validator stands between it and the database.
			const nested = key === '__proto__' || rnd() < 0.5;
			const target = nested ? (out.clocks ??= {}) : out;
			Object.defineProperty(target, key, {
				value: { polluted: true },
				enumerable: true,
				writable: true,
				configurable: true
			});
			return out;
		}
		case 5: // unknown or missing type
			out.type = rnd() < 0.5 ? 'user' : undefined;
			if (out.type === undefined) delete out.type;
			return out;
		default: // id that does not match its type
			out._id = `${out.type as string}:not-a-ulid-${Math.floor(rnd() * 1e6)}`;
			return out;
	}
}

/**
 * `invalid` broken documents and one valid document for every `validEvery` of them.
 * `noProto` leaves out `__proto__` keys: PouchDB's own document cloning turns them into a
 * prototype (dropping the key) before replication sends anything, so they cannot travel
 * that way; `_bulk_docs` carries them verbatim.
 */
export function corpus(opts: {
	seed: number;
	user: string;
	invalid: number;
	validEvery: number;
	noProto?: boolean;
}) {
	const rnd = seededRandom(opts.seed);
	const invalid: Doc[] = [];
	const valid: Doc[] = [];
	for (let i = 0; i < opts.invalid; i++) {
		const base = validDoc(TYPES[i % TYPES.length]!, opts.user, rnd);
		const broken = mutate(base, rnd, i % 7, opts.noProto ?? false);
		// Each invalid document gets an id of its own even when its mutation broke the id.
		if (broken._id === base._id) broken._id = base._id.replace(/[^:]+$/, ulidFrom(rnd));
		invalid.push(broken);
		if (i % opts.validEvery === 0) valid.push(validDoc(TYPES[i % TYPES.length]!, opts.user, rnd));
	}
	return { invalid, valid };
}
