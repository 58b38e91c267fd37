/**
 * System notifications through the service worker (so they work on Android and stay in
 * the OS's list), used only when the user allowed them — asked from the bell's panel,
 * never on page load.
 */
export const systemNotificationsSupported = (): boolean =>
	typeof window !== 'undefined' && 'Notification' in window && 'serviceWorker' in navigator;

export const systemPermission = (): NotificationPermission | 'unsupported' =>
	systemNotificationsSupported() ? Notification.permission : 'unsupported';

export async function askSystemPermission(): Promise<NotificationPermission | 'unsupported'> {
	if (!systemNotificationsSupported()) return 'unsupported';
	return Notification.requestPermission();
}

/** Shows one system notification; `tag` replaces an earlier one with the same tag. */
export async function showSystemNotification(opts: {
	title: string;
	body: string;
	tag: string;
	url: string;
}): Promise<boolean> {
	if (systemPermission() !== 'granted') return false;
	try {
		const reg = await navigator.serviceWorker.ready;
		await reg.showNotification(opts.title, {
			body: opts.body,
			tag: opts.tag,
			icon: '/icons/icon-192.png',
			data: { url: opts.url }
		});
		return true;
	} catch {
		return false;
	}
}
