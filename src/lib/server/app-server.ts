/**
 * The single HTTP server: `/db/*` → the door to CouchDB, `/api/*` → accounts API,
 * `/healthz`, `/readyz`, `/metrics`, and everything else → the built SvelteKit app
 * (adapter-node handler).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerScope } from 'nano';
import { createAccountsApi } from './accounts-api';
import { clientAddress } from './client-address';
import { DoorSessions } from './door/door-sessions';
import { StorageGate } from './door/storage-gate';
import { DEFAULT_LIMITS, type Limits } from './config';
import { createDbDoor, DOOR_PREFIX } from './door/db-door';
import { sendJson } from './http-json';
import { LoginLimiter } from './login-limiter';
import { checkReadiness } from './readiness';
import { routeLabel } from './route-label';
import { ServerMetrics } from './server-metrics';
import { applySecurityHeaders, loggablePath } from './security-headers';
import { MembershipStore } from './workspace-members';
import { metricsAllowed } from './metrics-access';
import type { WorkerStatus } from './workers/workspace-workers';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The `/db` and `/api` handlers, shared by the app server and the Vite dev plugin. */
export function createTaskflowRoutes(opts: {
	upstream: string;
	couch: ServerScope;
	/** Status of this process's workers; null when they run in another process. */
	workers?: () => WorkerStatus[] | null;
	/** Proxies in front whose X-Forwarded-* headers are believed (TRUST_PROXY). */
	trustedHops?: number;
	/** The app's public origin (ORIGIN), when configured. */
	origin?: string | null;
	/** Bearer token for `/metrics` (METRICS_TOKEN); null: loopback callers only. */
	metricsToken?: string | null;
	/** This server's own base URL, for readiness to go through the door as a browser would. */
	selfUrl?: () => string;
	/** Quotas (MAX_WORKSPACES_PER_ACCOUNT, MAX_WORKSPACE_MB). */
	limits?: Limits;
}) {
	const limits = opts.limits ?? DEFAULT_LIMITS;
	// One limiter for every way of presenting a password: sign-in, Basic auth, password change.
	const limiter = new LoginLimiter();
	const members = new MembershipStore(opts.couch);
	const sessions = new DoorSessions(opts.upstream, limiter);
	const hops = opts.trustedHops ?? 0;
	const door = createDbDoor({
		upstream: opts.upstream,
		limiter,
		members,
		sessions,
		trustedHops: hops,
		origin: opts.origin ?? null,
		storage: new StorageGate(opts.couch, limits.workspaceBytes)
	});
	members.onRolesChanged((ws, names) => door.rolesChanged(ws, names));
	const api = createAccountsApi({
		...opts,
		limiter,
		members,
		sessions,
		limits,
		secureCookies: (opts.origin ?? '').startsWith('https:'),
		address: (req) => clientAddress(req, hops)
	});
	const metrics = new ServerMetrics();
	return {
		metrics,
		/** Handles the request and returns true if it belongs to `/db`, `/api` or operations. */
		handle(req: IncomingMessage, res: ServerResponse): boolean {
			const p = (req.url ?? '/').split('?')[0]!;
			if (p === DOOR_PREFIX || p.startsWith(`${DOOR_PREFIX}/`)) {
				door.handle(req, res);
			} else if (p === '/api' || p.startsWith('/api/')) {
				void api(req, res);
			} else if (p === '/healthz') {
				sendJson(res, 200, { ok: true });
			} else if (p === '/readyz') {
				void checkReadiness(opts.upstream, opts.couch, opts.workers, opts.selfUrl?.()).then((r) =>
					sendJson(res, r.ready ? 200 : 503, { ok: r.ready, checks: r.checks })
				);
			} else if (p === '/metrics') {
				if (!metricsAllowed(req, opts.metricsToken ?? null)) {
					sendJson(res, 404, { error: 'not_found', reason: 'no such page' });
					return true;
				}
				void metrics.text().then((text) => {
					res.writeHead(200, { 'content-type': metrics.registry.contentType });
					res.end(text);
				});
			} else {
				return false;
			}
			return true;
		},
		/** Ends waiting long polls at once (shutdown), so only real requests are waited for. */
		drain: () => door.drain(),
		close: () => door.close()
	};
}

/** Loads `build/handler.js` (SvelteKit adapter-node) if the UI has been built. */
export async function loadUiHandler(buildDir: string): Promise<NodeHandler | null> {
	const file = path.join(buildDir, 'handler.js');
	if (!existsSync(file)) return null;
	// adapter-node reads this at import time; the API has its own, smaller limit.
	process.env.BODY_SIZE_LIMIT ??= String(16 * 1024 * 1024);
	const mod = (await import(pathToFileURL(file).href)) as { handler: NodeHandler };
	return mod.handler;
}

/** Creates the server; it logs one JSON line per request (never bodies or queries). */
export function createAppServer(opts: {
	routes: ReturnType<typeof createTaskflowRoutes>;
	ui: NodeHandler | null;
	log?: (line: string) => void;
}): Server {
	const log = opts.log ?? ((line: string) => console.log(line));
	return createServer((req, res) => {
		const started = performance.now();
		// Read before routing: the door rewrites req.url for the upstream.
		const rawPath = (req.url ?? '/').split('?')[0]!;
		const logPath = loggablePath(rawPath);
		applySecurityHeaders(res, /^\/(db|api)(\/|$)/.test(logPath));
		// One id per request, taken from a proxy in front when it sends a sane one.
		const given = req.headers['x-request-id'];
		const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
		res.setHeader('x-request-id', id);
		const done = opts.routes.metrics.track(routeLabel(rawPath), req.method ?? 'GET', req.url ?? '');
		res.on('close', () => {
			// A response cut off (client gone, shutdown) has no status to report: say so.
			const sent = res.writableFinished;
			done(sent ? res.statusCode : 499);
			log(
				JSON.stringify({
					time: new Date().toISOString(),
					level: sent ? 'info' : 'warn',
					msg: sent ? 'request' : 'request not answered',
					id,
					method: req.method,
					path: logPath,
					status: sent ? res.statusCode : null,
					ms: Math.round(performance.now() - started)
				})
			);
		});
		if (opts.routes.handle(req, res)) return;
		if (opts.ui) {
			opts.ui(req, res, () => sendJson(res, 404, { error: 'not_found', reason: 'no such page' }));
		} else {
			res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
			res.end('UI not built, run npm run build\n');
		}
	});
}
