/**
 * What a user's preferences say about notifications, in the form the worker and the device
 * use: which kinds they want, reminder lead times, quiet hours and their time zone.
 */
import type { NotificationKind } from '../domain/schemas/notification.schema';
import type { Prefs } from '../domain/schemas/prefs.schema';
import { localTimeOf } from '../domain/time/zoned-time';

export const DEFAULT_LEAD_HOURS = [24, 1] as const;

export interface NotificationSettings {
	kinds: Record<NotificationKind, boolean>;
	/** Hours before the due moment, largest first. */
	leadHours: number[];
	quietHours: { from: string; to: string } | null;
	/** IANA zone, or '' when the user left it to their device (the server then uses UTC). */
	timeZone: string;
}

/** Settings from a `prefs` document, or the defaults when the user never saved any. */
export function notificationSettings(prefs: Prefs | null): NotificationSettings {
	const n = prefs?.notifications;
	const changes = n?.statusChanged ?? false;
	const leads = prefs?.reminderLeadHours?.length
		? prefs.reminderLeadHours
		: [...DEFAULT_LEAD_HOURS];
	return {
		kinds: {
			assigned: n?.assigned ?? true,
			// "Your task can start" goes with assignments: it is about your own work.
			unblocked: n?.assigned ?? true,
			status: changes,
			due: changes,
			mention: n?.mentioned ?? true,
			due_soon: n?.dueSoon ?? true,
			overdue: n?.overdue ?? true
		},
		leadHours: [...new Set(leads)].sort((a, b) => b - a),
		quietHours: prefs?.quietHours ?? null,
		timeZone: prefs?.timeZone ?? ''
	};
}

/** Whether `instantMs` falls in the quiet hours (which may wrap midnight) in `zone`. */
export function inQuietHours(
	instantMs: number,
	zone: string,
	quiet: NotificationSettings['quietHours']
): boolean {
	if (!quiet || quiet.from === quiet.to) return false;
	const t = localTimeOf(instantMs, zone).slice(0, 5);
	return quiet.from < quiet.to ? t >= quiet.from && t < quiet.to : t >= quiet.from || t < quiet.to;
}
