/**
 * The private calendar feed:
 *
 * - `GET /api/calendar` → `{ exists, createdAt }` of the caller's feed
 * - `POST /api/calendar` `{}` → 201 `{ token, path, createdAt }`: creates it, or replaces it
 *   (the old URL then answers 404); the token is shown this once
 * - `DELETE /api/calendar` → revokes it
 * - `GET /api/calendar/<token>.ics` → the iCalendar text. No cookie: calendar apps only
 *   have the URL, so the token is the whole credential. Unknown, replaced and revoked
 *   tokens all answer the same 404.
 */
import type { IncomingMessage } from 'node:http';
import type { ApiDeps, Route } from '../api-router';
import { HttpError } from '../http-json';
import { feedOwner, feedStatus, revokeFeed, rotateFeed } from './calendar-service';
import { feedEvents } from './feed-events';
import { tokenOfFile } from './feed-token';
import { renderCalendar } from './ics-render';
import { z } from 'zod';

const rotateInput = z.object({}).strict();

/**
 * The app's public origin for absolute task links: `ORIGIN` when set (as adapter-node reads
 * it behind a proxy), else the origin the caller used.
 */
function originOf(req: IncomingMessage): string {
	const configured = process.env.ORIGIN;
	if (configured && /^https?:\/\/[^/]+$/.test(configured)) return configured;
	const forwarded = req.headers['x-forwarded-proto'];
	const proto = typeof forwarded === 'string' && /^https?$/.test(forwarded) ? forwarded : 'http';
	const host = req.headers.host ?? 'localhost';
	return `${proto}://${/^[\w.:[\]-]+$/.test(host) ? host : 'localhost'}`;
}

export function calendarRoutes({ couch, members }: ApiDeps): Route[] {
	return [
		[
			'/api/calendar',
			{
				GET: async (c) => c.send(200, await feedStatus(couch, (await c.user()).name)),
				POST: async (c) => {
					const { name } = await c.user();
					await c.body(rotateInput);
					c.send(201, await rotateFeed(couch, name));
				},
				DELETE: async (c) => {
					const { name } = await c.user();
					if (!(await revokeFeed(couch, name))) {
						throw new HttpError(404, 'not_found', 'you have no calendar feed');
					}
					c.send(200, { ok: true });
				}
			}
		],
		[
			'/api/calendar/:file',
			{
				GET: async (c) => {
					const token = tokenOfFile(c.params.file!);
					if (!token) throw new HttpError(404, 'not_found', 'no such calendar feed');
					const user = await feedOwner(couch, token);
					const text = renderCalendar(
						`TaskFlow — ${user}`,
						await feedEvents(couch, members, user, originOf(c.req))
					);
					c.res.writeHead(200, {
						'content-type': 'text/calendar; charset=utf-8',
						'content-length': Buffer.byteLength(text),
						'content-disposition': 'inline; filename="taskflow.ics"',
						'cache-control': 'private, max-age=300'
					});
					c.res.end(text);
				}
			}
		]
	];
}
