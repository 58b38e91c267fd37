/** The sample export files under tests/fixtures/import, for the importers' specs. */
import { readFileSync } from 'node:fs';

/** The text of `tests/fixtures/import/<name>`. */
export const fixture = (name: string): string =>
	readFileSync(new URL(`../../../../tests/fixtures/import/${name}`, import.meta.url), 'utf8');
