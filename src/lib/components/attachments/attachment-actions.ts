/**
 * What the attachment UI does: store picked files (prepared first), download one, and
 * delete one with an undo toast. Errors come back as sentences for the person.
 */
import { toasts } from '$lib/components/ui/toast/toast.svelte';
import type { AttachmentsRepo } from '$lib/db/attachments.repo';
import { errorMessage } from '$lib/db/pouch';
import type { TaskId } from '$lib/domain/ids';
import type { Attachment } from '$lib/domain/schemas/attachment.schema';
import { ValidationError } from '$lib/domain/validation';
import { prepareFile } from './image-prepare';

/** Prepares and stores one file; returns why it failed, or `null`. */
export async function attachOne(
	repo: AttachmentsRepo,
	target: { task: TaskId; comment: string | null },
	file: File,
	maxEdge: number
): Promise<string | null> {
	try {
		const prepared = await prepareFile(file, maxEdge);
		await repo.add({ ...target, ...prepared });
		return null;
	} catch (err) {
		if (err instanceof ValidationError) return `“${file.name}”: ${err.message}`;
		return err instanceof Error ? err.message : errorMessage(err);
	}
}

/** Saves the stored file under its name, from this device's copy (works offline). */
export async function downloadAttachment(repo: AttachmentsRepo, a: Attachment): Promise<void> {
	try {
		const blob = await repo.read(a._id, 'file');
		const url = URL.createObjectURL(blob);
		const link = Object.assign(document.createElement('a'), { href: url, download: a.name });
		document.body.append(link);
		link.click();
		link.remove();
		// The browser reads the URL asynchronously after the click.
		setTimeout(() => URL.revokeObjectURL(url), 60_000);
	} catch (err) {
		toasts.error(`Could not open “${a.name}”: ${errorMessage(err)}`);
	}
}

/** Deletes a file, offering to bring it back. */
export async function deleteAttachment(repo: AttachmentsRepo, a: Attachment): Promise<void> {
	try {
		const undo = await repo.remove(a);
		toasts.show(`Deleted “${a.name}”`, {
			ms: 8000,
			action: {
				label: 'Undo',
				run: () => {
					repo
						.add(undo)
						.catch((err: unknown) => toasts.error(`Could not restore: ${errorMessage(err)}`));
				}
			}
		});
	} catch (err) {
		toasts.error(`Could not delete “${a.name}”: ${errorMessage(err)}`);
	}
}
