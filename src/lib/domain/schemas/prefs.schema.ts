import { z } from 'zod';
import { IMAGE_MAX_EDGES } from '../attachments';
import { baseDoc } from './common.schema';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const DEFAULT_VIEWS = ['board', 'list'] as const;
export const WEEK_STARTS = ['monday', 'sunday', 'saturday'] as const;

/** IANA zone names such as `Europe/Berlin` or `UTC`, or empty for the device's own zone. */
const timeZone = z
	.string()
	.max(64)
	.regex(/^$|^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/, 'invalid time zone');

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid time (HH:MM)');

/**
 * A user's preferences: the single `prefs` document of their private database, so they
 * follow the user across devices. Only that user can read or write it.
 */
export const prefsSchema = z.object({
	_id: z.literal('prefs'),
	type: z.literal('prefs'),
	theme: z.enum(THEMES),
	defaultView: z.enum(DEFAULT_VIEWS),
	weekStart: z.enum(WEEK_STARTS),
	timeZone,
	notifications: z.object({
		assigned: z.boolean(),
		dueSoon: z.boolean(),
		overdue: z.boolean(),
		/** Status or due date changed on a task you are assigned, reported, created or watch. */
		statusChanged: z.boolean(),
		/** Someone wrote `@you` in a comment or description (absent: on). */
		mentioned: z.boolean().optional()
	}),
	/** Hours before a due date to remind (absent: 24 and 1). */
	reminderLeadHours: z
		.array(
			z
				.number()
				.int()
				.min(1)
				.max(24 * 14)
		)
		.max(4)
		.optional(),
	/** No toasts, popups or e-mail between these local times (absent or null: none). */
	quietHours: z.object({ from: clockTime, to: clockTime }).nullable().optional(),
	/** Longest edge of attached photos in pixels, 0 to keep them as taken (absent: 1600). */
	photoMaxEdge: z.literal(IMAGE_MAX_EDGES).optional(),
	/** Text encoder for suggestions, `owner/name` under /models/ (absent or empty: built-in). */
	mlModel: z
		.string()
		.max(100)
		.regex(/^$|^[\w.-]+\/[\w.-]+$/, 'invalid model id')
		.optional(),
	...baseDoc
});

export type Prefs = z.infer<typeof prefsSchema>;

/** What a user who never opened the settings gets. */
export function defaultPrefs(user: string, now: string): Prefs {
	return {
		_id: 'prefs',
		type: 'prefs',
		theme: 'system',
		defaultView: 'board',
		weekStart: 'monday',
		timeZone: '',
		notifications: {
			assigned: true,
			dueSoon: true,
			overdue: true,
			statusChanged: false,
			mentioned: true
		},
		createdBy: user,
		createdAt: now,
		updatedAt: now
	};
}

/** Every document type a user's private database may hold that the user writes. */
export const userDocSchemas = { prefs: prefsSchema } as const satisfies Record<string, z.ZodType>;
