/**
 * A database's security object on the embedded server, stored as the `_local/_security`
 * document (where express-pouchdb kept it, so existing data keeps its access rules). That
 * id is reserved: no document API reads or writes it, only `GET/PUT /{db}/_security`.
 *
 * Who may read: server admins, and the names and roles in `admins` and `members`. A
 * database whose members are empty admits server admins only (CouchDB would open it to
 * everyone; TaskFlow never wants that).
 */
import { badRequest, isObject } from './http-kit';
import type { UserCtx } from './sessions';

export const SECURITY_DOC = '_local/_security';

interface NamesRoles {
	names?: string[];
	roles?: string[];
}
export interface SecurityObject {
	admins?: NamesRoles;
	members?: NamesRoles;
	[field: string]: unknown;
}

interface LocalDb {
	get(id: string): Promise<unknown>;
	put(doc: object): Promise<unknown>;
}

export async function readSecurity(db: LocalDb): Promise<SecurityObject> {
	try {
		const doc = (await db.get(SECURITY_DOC)) as { security?: unknown };
		return isObject(doc.security) ? doc.security : {};
	} catch {
		return {};
	}
}

export async function writeSecurity(db: LocalDb, sec: unknown): Promise<void> {
	if (!isObject(sec)) throw badRequest('the security object must be a JSON object');
	for (const part of ['admins', 'members'] as const) {
		const v = sec[part];
		if (v === undefined) continue;
		if (!isObject(v)) throw badRequest(`${part} must be an object`);
		for (const list of ['names', 'roles'] as const) {
			const l = v[list];
			if (l !== undefined && !(Array.isArray(l) && l.every((x) => typeof x === 'string'))) {
				throw badRequest(`${part}.${list} must be a list of strings`);
			}
		}
	}
	let rev: string | undefined;
	try {
		rev = ((await db.get(SECURITY_DOC)) as { _rev?: string })._rev;
	} catch {
		rev = undefined;
	}
	await db.put({ _id: SECURITY_DOC, ...(rev ? { _rev: rev } : {}), security: sec });
}

export const isServerAdmin = (ctx: UserCtx) => ctx.roles.includes('_admin');

function inList(ctx: UserCtx, list: NamesRoles | undefined): boolean {
	if (!list) return false;
	if (ctx.name !== null && (list.names ?? []).includes(ctx.name)) return true;
	return ctx.roles.some((r) => (list.roles ?? []).includes(r));
}

/** Whether `ctx` may read (and so try to write) the database. */
export function canRead(ctx: UserCtx, sec: SecurityObject): boolean {
	return isServerAdmin(ctx) || inList(ctx, sec.admins) || inList(ctx, sec.members);
}
