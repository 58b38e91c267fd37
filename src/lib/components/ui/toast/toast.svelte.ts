/** App-wide toasts: short messages with an optional action (e.g. "Undo"). */

export interface Toast {
	id: number;
	message: string;
	kind: 'info' | 'error' | 'success';
	action?: { label: string; run: () => void };
}

class Toasts {
	#items = $state<Toast[]>([]);
	#next = 1;

	get items(): Toast[] {
		return this.#items;
	}

	show(
		message: string,
		opts: Partial<Omit<Toast, 'id' | 'message'>> & { ms?: number } = {}
	): number {
		const id = this.#next++;
		this.#items = [
			...this.#items.slice(-3),
			{ id, message, kind: opts.kind ?? 'info', action: opts.action }
		];
		setTimeout(() => this.dismiss(id), opts.ms ?? (opts.kind === 'error' ? 8000 : 4000));
		return id;
	}

	error(message: string): number {
		return this.show(message, { kind: 'error' });
	}

	dismiss(id: number): void {
		this.#items = this.#items.filter((t) => t.id !== id);
	}
}

export const toasts = new Toasts();
