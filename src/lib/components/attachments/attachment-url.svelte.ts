/**
 * An object URL for one stored part of an attachment, read from this device's database and
 * revoked when the component using it goes away or the attachment changes.
 */
import type { AttachmentPart, AttachmentsRepo } from '$lib/db/attachments.repo';

export class AttachmentUrl {
	#url = $state<string | null>(null);
	#failed = $state(false);

	/** Call from component init; `id()` is read reactively. */
	constructor(repo: () => AttachmentsRepo, id: () => string | null, part: AttachmentPart) {
		$effect(() => {
			const current = id();
			this.#url = null;
			this.#failed = false;
			if (!current) return;
			let alive = true;
			let made: string | null = null;
			repo()
				.read(current, part)
				.then(
					(blob) => {
						if (!alive) return;
						made = URL.createObjectURL(blob);
						this.#url = made;
					},
					() => {
						if (alive) this.#failed = true;
					}
				);
			return () => {
				alive = false;
				if (made) URL.revokeObjectURL(made);
			};
		});
	}

	get url(): string | null {
		return this.#url;
	}
	get failed(): boolean {
		return this.#failed;
	}
}
