/**
 * Private calendar feeds. A user has at most one live feed; the registry holds two
 * documents per feed: `calendar-user:<name>` (which token hash is live, and since when) and
 * `calendar-feed:<hash>` (hash → user, for the lookup by URL). The first is the truth: a feed
 * document whose hash is no longer the user's current one answers 404, so a rotation or
 * revocation that fails half way never leaves an old URL working.
 */
import type { ServerScope } from 'nano';
import { REGISTRY_DB, statusOf } from '../../../../couchdb/provision';
import { HttpError } from '../http-json';
import { feedDocId, feedOwnerId, feedPath, feedTokenHash, newFeedToken } from './feed-token';

interface FeedOwnerDoc {
	_id: string;
	_rev?: string;
	type: 'calendar-user';
	user: string;
	hash: string;
	createdAt: string;
}

interface FeedDoc {
	_id: string;
	_rev?: string;
	type: 'calendar-feed';
	user: string;
	createdAt: string;
}

/** What Settings shows about the caller's feed. */
export interface FeedStatus {
	exists: boolean;
	createdAt: string | null;
}

async function getOrNull<T>(
	couch: ServerScope,
	id: string
): Promise<(T & { _rev: string }) | null> {
	try {
		return (await couch.use(REGISTRY_DB).get(id)) as unknown as T & { _rev: string };
	} catch (err) {
		if (statusOf(err) === 404) return null;
		throw err;
	}
}

async function removeFeedDoc(couch: ServerScope, hash: string): Promise<void> {
	const doc = await getOrNull<FeedDoc>(couch, feedDocId(hash));
	if (!doc) return;
	try {
		await couch.use(REGISTRY_DB).destroy(doc._id, doc._rev);
	} catch (err) {
		// Someone else removed it first: the outcome we want.
		if (statusOf(err) !== 404 && statusOf(err) !== 409) throw err;
	}
}

/** Whether `user` has a feed, and since when. */
export async function feedStatus(couch: ServerScope, user: string): Promise<FeedStatus> {
	const owner = await getOrNull<FeedOwnerDoc>(couch, feedOwnerId(user));
	return { exists: !!owner, createdAt: owner?.createdAt ?? null };
}

/**
 * Creates `user`'s feed, or replaces it: the old URL stops working. The token is returned
 * once and never stored in clear.
 */
export async function rotateFeed(couch: ServerScope, user: string) {
	const db = couch.use(REGISTRY_DB);
	const old = await getOrNull<FeedOwnerDoc>(couch, feedOwnerId(user));
	const token = newFeedToken();
	const hash = feedTokenHash(token)!;
	const createdAt = new Date().toISOString();
	await db.insert({ _id: feedDocId(hash), type: 'calendar-feed', user, createdAt } as FeedDoc);
	const owner: FeedOwnerDoc = {
		_id: feedOwnerId(user),
		type: 'calendar-user',
		user,
		hash,
		createdAt
	};
	try {
		await db.insert(old ? { ...owner, _rev: old._rev } : owner);
	} catch (err) {
		await removeFeedDoc(couch, hash);
		if (statusOf(err) === 409) {
			throw new HttpError(409, 'conflict', 'The feed was changed at the same time; try again.');
		}
		throw err;
	}
	if (old) await removeFeedDoc(couch, old.hash);
	return { token, path: feedPath(token), createdAt };
}

/** Revokes `user`'s feed; its URL then answers 404. Returns whether there was one. */
export async function revokeFeed(couch: ServerScope, user: string): Promise<boolean> {
	const owner = await getOrNull<FeedOwnerDoc>(couch, feedOwnerId(user));
	if (!owner) return false;
	try {
		await couch.use(REGISTRY_DB).destroy(owner._id, owner._rev);
	} catch (err) {
		if (statusOf(err) === 409) {
			throw new HttpError(409, 'conflict', 'The feed was changed at the same time; try again.');
		}
		if (statusOf(err) !== 404) throw err;
	}
	await removeFeedDoc(couch, owner.hash);
	return true;
}

/** The user a live token belongs to; 404 for unknown, revoked or replaced tokens. */
export async function feedOwner(couch: ServerScope, token: string): Promise<string> {
	const hash = feedTokenHash(token);
	const feed = hash ? await getOrNull<FeedDoc>(couch, feedDocId(hash)) : null;
	const owner = feed ? await getOrNull<FeedOwnerDoc>(couch, feedOwnerId(feed.user)) : null;
	if (!feed || !owner || owner.hash !== hash) {
		throw new HttpError(404, 'not_found', 'no such calendar feed');
	}
	return feed.user;
}
