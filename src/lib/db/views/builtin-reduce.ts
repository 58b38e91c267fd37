/**
 * CouchDB's built-in reduce functions (`_sum`, `_count`, `_stats`), for our own view engines
 * (the browser's local views and the embedded server). Custom JavaScript reduces are not
 * supported on purpose: the built-ins are what CouchDB runs natively and fast.
 */

export type ReduceFn = (keys: unknown, values: unknown[], rereduce: boolean) => unknown;

export interface Stats {
	sum: number;
	count: number;
	min: number;
	max: number;
	sumsqr: number;
}

/** Sums numbers, or arrays of numbers element by element, as CouchDB's `_sum` does. */
export function sumValues(values: readonly unknown[]): number | number[] {
	let total: number | number[] = 0;
	for (const v of values) {
		if (typeof v === 'number') {
			if (typeof total === 'number') total += v;
			else total[0] = (total[0] ?? 0) + v;
		} else if (Array.isArray(v)) {
			const acc: number[] = typeof total === 'number' ? [total] : total;
			v.forEach((n: unknown, i) => {
				if (typeof n !== 'number') throw builtinError('_sum');
				acc[i] = (acc[i] ?? 0) + n;
			});
			total = acc;
		} else {
			throw builtinError('_sum');
		}
	}
	return total;
}

function stats(values: readonly unknown[], rereduce: boolean): Stats {
	const out: Stats = { sum: 0, count: 0, min: Infinity, max: -Infinity, sumsqr: 0 };
	for (const v of values) {
		if (rereduce || (typeof v === 'object' && v !== null && 'sum' in v)) {
			const s = v as Stats;
			out.sum += s.sum;
			out.count += s.count;
			out.min = Math.min(out.min, s.min);
			out.max = Math.max(out.max, s.max);
			out.sumsqr += s.sumsqr;
		} else if (typeof v === 'number') {
			out.sum += v;
			out.count += 1;
			out.min = Math.min(out.min, v);
			out.max = Math.max(out.max, v);
			out.sumsqr += v * v;
		} else {
			throw builtinError('_stats');
		}
	}
	return out;
}

function builtinError(name: string): Error {
	const err = new Error(`builtin ${name} function requires map values to be numbers`);
	err.name = 'builtin_reduce_error';
	return err;
}

const BUILTINS: Record<string, ReduceFn> = {
	_sum: (_keys, values) => sumValues(values),
	_count: (_keys, values, rereduce) => (rereduce ? sumValues(values) : values.length),
	_stats: (_keys, values, rereduce) => stats(values, rereduce)
};

/** The reduce function for a view's `reduce` text; throws for anything but a built-in. */
export function builtinReducer(source: string): ReduceFn {
	const fn = BUILTINS[source.trim()];
	if (!fn) throw new Error(`only built-in reduces (_sum, _count, _stats) are supported`);
	return fn;
}
