/** Scenarios 9–11 measure features that are not built yet; they say so in the table. */
import { existsSync } from 'node:fs';
import { notAvailable, type Row } from '../table';

const FEATURES = [
	{ scenario: '9 analytics', issue: '#9', paths: ['src/lib/analytics'] },
	{ scenario: '10 in-browser model', issue: '#10', paths: ['src/lib/ml'] },
	{
		scenario: '11 reminders',
		issue: '#11',
		paths: ['src/lib/reminders', 'src/lib/server/reminders']
	}
];

export function notBuiltRows(): Row[] {
	return FEATURES.map((f) =>
		notAvailable(
			f.scenario,
			f.paths.some((p) => existsSync(p))
				? `${f.issue} has started (${f.paths.find((p) => existsSync(p))}); no bench for it yet`
				: `feature not built (${f.issue})`
		)
	);
}
