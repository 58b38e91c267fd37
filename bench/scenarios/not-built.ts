/** Scenario 10 measures a feature that is not built yet; it says so in the table. */
import { existsSync, readdirSync } from 'node:fs';
import { notAvailable, type Row } from '../table';

/** Scenarios whose feature is missing; 10 (in-browser model) is measured by ml-model.ts. */
const FEATURES: { scenario: string; issue: string; paths: string[] }[] = [];

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
