/**
 * The last actions a person took, newest last, each with its inverse. Ctrl/Cmd+Z and the
 * toasts' "Undo" buttons pop from here. Inverses are field patches, so undoing an edit
 * does not clobber what others changed in other fields meanwhile.
 */
import { toasts } from '$lib/components/ui/toast/toast.svelte';
import { errorMessage } from '$lib/db/error-message';

export interface UndoEntry {
	label: string;
	undo: () => Promise<unknown>;
}

const LIMIT = 30;

class UndoStack {
	#entries = $state<UndoEntry[]>([]);

	get size(): number {
		return this.#entries.length;
	}

	push(entry: UndoEntry): void {
		this.#entries = [...this.#entries.slice(-(LIMIT - 1)), entry];
	}

	/** Undo a specific entry (from its toast) or, without one, the latest. */
	async undo(entry?: UndoEntry): Promise<void> {
		const target = entry ?? this.#entries.at(-1);
		if (!target) {
			toasts.show('Nothing to undo');
			return;
		}
		this.#entries = this.#entries.filter((e) => e !== target);
		try {
			await target.undo();
			toasts.show(`Undone: ${target.label}`);
		} catch (err) {
			toasts.error(`Could not undo ${target.label}: ${errorMessage(err)}`);
		}
	}
}

export const undoStack = new UndoStack();
