/**
 * Telling the user about a notification that just arrived (or a reminder this device
 * raised itself): a toast with "Open" while TaskFlow is on screen, a system notification
 * when it is in the background and the user allowed them.
 */
import { goto } from '$app/navigation';
import { taskPath, workspacePath } from '$lib/components/layout/paths';
import { toasts } from '$lib/components/ui/toast/toast.svelte';
import type { Notification } from '$lib/domain/schemas/notification.schema';
import { notificationHeadline } from '$lib/notifications/notification-text';
import { showSystemNotification } from './system-notify';

export const notificationHref = (n: Notification): string =>
	n.project ? taskPath(n.workspace, n.project, n.task) : workspacePath(n.workspace);

export function announce(n: Notification, onOpen?: () => void): void {
	const headline = notificationHeadline(n);
	const href = notificationHref(n);
	if (document.visibilityState === 'visible') {
		toasts.show(`${headline}: ${n.title}`, {
			ms: 8000,
			action: {
				label: 'Open',
				run: () => {
					onOpen?.();
					void goto(href);
				}
			}
		});
	} else {
		void showSystemNotification({ title: headline, body: n.title, tag: n._id, url: href });
	}
}
