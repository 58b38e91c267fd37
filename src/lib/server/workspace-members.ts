/**
 * The member lists of workspaces, read and changed as the server admin. A workspace's
 * registry entry (`tf-registry/workspace:<id>`) holds `members` and is the one authority on
 * who belongs: the door and the accounts API read it (never a session's cached roles), and
 * every change rewrites the database's `_security` from it before it is reported done.
 *
 * Changes are compare-and-swap on the entry's `_rev`: two admins changing roles at the same
 * moment are applied one after the other, each re-checked against the other's outcome, so
 * racing demotions cannot leave a workspace without an admin.
 */
import type { ServerScope } from 'nano';
import {
	putWorkspaceSecurity,
	REGISTRY_DB,
	statusOf,
	type WorkspaceEntry
} from '../../../couchdb/provision';
import { HttpError } from './http-json';
import {
	isRefused,
	type Members,
	type RefusedChange,
	type WorkspaceRole
} from './membership-rules';

const ATTEMPTS = 8;

/** A workspace the caller belongs to. */
export interface Membership {
	id: string;
	name: string;
	role: WorkspaceRole;
}

/** Told after a member list changed: who lost or changed their role in `ws`. */
export type RolesChanged = (ws: string, names: string[]) => void;

export class MembershipStore {
	readonly #couch: ServerScope;
	readonly #listeners: RolesChanged[] = [];
	/** Reads on their way: requests arriving together share one (never a stale answer). */
	readonly #reading = new Map<string, Promise<WorkspaceEntry | null>>();

	constructor(couch: ServerScope) {
		this.#couch = couch;
	}

	/**
	 * The registry entry of `ws` as stored now, or null when there is no such workspace.
	 * Nothing is kept between requests: another process (a second app server, an operator's
	 * script) may change a member list, and a removal must hold on the very next request.
	 */
	entry(ws: string): Promise<WorkspaceEntry | null> {
		const pending = this.#reading.get(ws);
		if (pending) return pending;
		const entry = this.#read(ws).finally(() => this.#reading.delete(ws));
		this.#reading.set(ws, entry);
		return entry;
	}

	/** The registry entry of `ws`; a 404 for a workspace that does not exist. */
	async require(ws: string): Promise<WorkspaceEntry> {
		const entry = await this.entry(ws);
		if (!entry) throw new HttpError(404, 'not_found', 'no such workspace');
		return entry;
	}

	/** `name`'s role in `ws`, or null (no such workspace, or not a member). */
	async roleOf(ws: string, name: string): Promise<WorkspaceRole | null> {
		const members = (await this.entry(ws))?.members ?? {};
		return Object.hasOwn(members, name) ? members[name]! : null;
	}

	/**
	 * Applies `change` to the member list of `ws` and stores it, retrying on a concurrent
	 * change; then brings the database's `_security` in line. A refusal becomes an HttpError.
	 */
	async update(
		ws: string,
		change: (members: Members, entry: WorkspaceEntry) => Members | RefusedChange
	): Promise<Members> {
		const registry = this.#couch.use<WorkspaceEntry>(REGISTRY_DB);
		for (let attempt = 1; ; attempt++) {
			const entry = await this.#read(ws);
			if (!entry) throw new HttpError(404, 'not_found', 'no such workspace');
			const before = entry.members ?? {};
			const after = change(before, entry);
			if (isRefused(after)) {
				const error = { 403: 'forbidden', 404: 'not_found', 409: 'conflict' }[after.status];
				throw new HttpError(after.status, error, after.reason);
			}
			if (after === before) return before;
			try {
				await registry.insert({ ...entry, members: after });
			} catch (err) {
				if (statusOf(err) === 409 && attempt < ATTEMPTS) continue;
				throw err;
			}
			await putWorkspaceSecurity(this.#couch, ws, after);
			const changed = Object.keys(before).filter((n) => before[n] !== after[n]);
			for (const listener of this.#listeners) listener(ws, changed);
			return after;
		}
	}

	/** Calls `listener` after each change this store makes. */
	onRolesChanged(listener: RolesChanged): void {
		this.#listeners.push(listener);
	}

	/** The workspaces `name` belongs to, by workspace name. */
	async workspacesOf(name: string): Promise<Membership[]> {
		const res = await this.#couch.use(REGISTRY_DB).view<WorkspaceRole>('taskflow', 'by_member', {
			key: name,
			include_docs: true
		});
		return res.rows
			.flatMap((row) => {
				const doc = row.doc as WorkspaceEntry | undefined;
				return doc
					? [{ id: doc._id.slice('workspace:'.length), name: doc.name, role: row.value }]
					: [];
			})
			.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
	}

	async #read(ws: string): Promise<WorkspaceEntry | null> {
		try {
			return await this.#couch.use<WorkspaceEntry>(REGISTRY_DB).get(`workspace:${ws}`);
		} catch (err) {
			if (statusOf(err) === 404) return null;
			throw err;
		}
	}
}
