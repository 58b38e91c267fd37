/** Scenarios 9–11 measure features that are not built yet; they say so in the table. */
import { existsSync, readdirSync } from 'node:fs';
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
