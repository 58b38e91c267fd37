/** Scenarios 10 and 11 measure features that are not built yet; they say so in the table. */
import { existsSync, readdirSync } from 'node:fs';
import { notAvailable, type Row } from '../table';

const FEATURES = [
	{ scenario: '10 in-browser model', issue: '#8', paths: ['src/lib/ml'] },
	{
		scenario: '11 reminders',
		issue: '#7',
		paths: ['src/lib/reminders', 'src/lib/server/reminders']
	}
];

/** A folder that holds code (an empty scaffold folder does not count). */
const hasCode = (p: string): boolean => existsSync(p) && readdirSync(p).length > 0;

export function notBuiltRows(): Row[] {
	return FEATURES.map((f) => {
		const started = f.paths.find(hasCode);
		return notAvailable(
			f.scenario,
			started
				? `${f.issue} has started (${started}); no bench for it yet`
				: `feature not built (${f.issue})`
		);
	});
}
