/**
 * Calls for the private calendar feed (`/api/calendar`): its status, creating or replacing
 * it, and revoking it. The token comes back only from `rotate`; the server keeps its hash.
 */
import { request } from './api-client';

/** Whether the signed-in user has a feed, and since when. */
export interface FeedStatus {
	exists: boolean;
	createdAt: string | null;
}

/** A freshly made feed: `path` (`/api/calendar/<token>.ics`) is shown to the user once. */
export interface CreatedFeed {
	token: string;
	path: string;
	createdAt: string;
}

export const calendarFeed = {
	status: () => request<FeedStatus>('GET', '/api/calendar'),
	rotate: () => request<CreatedFeed>('POST', '/api/calendar', {}),
	revoke: () => request<{ ok: true }>('DELETE', '/api/calendar')
};
