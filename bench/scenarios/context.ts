/** What every scenario gets: options, the generated workspace, the server and the browser. */
import type { Browser, BrowserContext } from 'playwright-core';
import type { GeneratedWorkspace } from '../generate-workspace';
import type { BenchOptions } from '../options';
import type { BenchServer } from '../support/server-fixture';

export interface BenchContext {
	opts: BenchOptions;
	ws: GeneratedWorkspace;
	server: BenchServer;
	browser: Browser;
	/** A fresh browser context (one device) that can open the bench page. */
	newContext(): Promise<BrowserContext>;
	/** A fresh context signed in as the owner (cookie set, nothing stored yet). */
	signedInContext(): Promise<BrowserContext>;
	log(message: string): void;
}
