/**
 * Drag and drop on the board with pointer events, so mouse, pen and touch behave the same.
 * Mouse drags start after a few pixels of movement; touch drags start after a long press,
 * so a quick swipe still scrolls the board. While dragging, a floating copy of the card
 * follows the pointer and `over` says where it would land. Esc cancels.
 */
import type { TaskStatus } from '$lib/domain/schemas/task.schema';

export interface DropTarget {
	status: TaskStatus;
	/** Index among the column's other cards. */
	index: number;
}

const MOUSE_THRESHOLD_PX = 5;
const LONG_PRESS_MS = 280;
const TOUCH_SLOP_PX = 8;

export class BoardDnd {
	draggingId = $state<string | null>(null);
	over = $state<DropTarget | null>(null);

	readonly #onDrop: (taskId: string, target: DropTarget) => void;
	#ghost: HTMLElement | null = null;
	#offset = { x: 0, y: 0 };
	#cleanup: (() => void) | null = null;

	constructor(onDrop: (taskId: string, target: DropTarget) => void) {
		this.#onDrop = onDrop;
	}

	pointerDown(e: PointerEvent, taskId: string, card: HTMLElement): void {
		if (e.button !== 0 || this.draggingId) return;
		if ((e.target as HTMLElement).closest('button, input, select, textarea')) return;
		const start = { x: e.clientX, y: e.clientY };
		const touch = e.pointerType === 'touch';
		let timer: ReturnType<typeof setTimeout> | null = null;

		const begin = (x: number, y: number) => {
			const rect = card.getBoundingClientRect();
			this.#offset = { x: start.x - rect.left, y: start.y - rect.top };
			this.#ghost = card.cloneNode(true) as HTMLElement;
			Object.assign(this.#ghost.style, {
				position: 'fixed',
				left: '0',
				top: '0',
				width: `${rect.width}px`,
				pointerEvents: 'none',
				zIndex: '1000',
				opacity: '0.92',
				transform: 'rotate(2deg)',
				boxShadow: 'var(--shadow-lg)'
			});
			this.#ghost.setAttribute('aria-hidden', 'true');
			document.body.append(this.#ghost);
			this.draggingId = taskId;
			navigator.vibrate?.(10);
			this.#track(x, y);
		};

		const move = (ev: PointerEvent) => {
			if (ev.pointerId !== e.pointerId) return;
			if (this.draggingId) {
				ev.preventDefault();
				this.#track(ev.clientX, ev.clientY);
				return;
			}
			const dist = Math.hypot(ev.clientX - start.x, ev.clientY - start.y);
			if (touch) {
				if (dist > TOUCH_SLOP_PX) finish(false);
			} else if (dist > MOUSE_THRESHOLD_PX) {
				begin(ev.clientX, ev.clientY);
			}
		};
		const up = (ev: PointerEvent) => {
			if (ev.pointerId === e.pointerId) finish(true);
		};
		const cancel = () => finish(false);
		const key = (ev: KeyboardEvent) => {
			if (ev.key === 'Escape') finish(false);
		};
		// Once a touch drag has started, stop the page from scrolling under the finger.
		const touchMove = (ev: TouchEvent) => {
			if (this.draggingId) ev.preventDefault();
		};
		const click = (ev: MouseEvent) => {
			ev.stopPropagation();
			ev.preventDefault();
		};

		const finish = (drop: boolean) => {
			if (timer) clearTimeout(timer);
			removeEventListener('pointermove', move);
			removeEventListener('pointerup', up);
			removeEventListener('pointercancel', cancel);
			removeEventListener('keydown', key);
			removeEventListener('touchmove', touchMove);
			const wasDragging = this.draggingId !== null;
			const target = this.over;
			this.#ghost?.remove();
			this.#ghost = null;
			this.draggingId = null;
			this.over = null;
			this.#cleanup = null;
			if (wasDragging) {
				// The click that follows a drag must not open the card.
				addEventListener('click', click, { capture: true, once: true });
				setTimeout(() => removeEventListener('click', click, { capture: true }), 0);
				if (drop && target) this.#onDrop(taskId, target);
			}
		};

		addEventListener('pointermove', move, { passive: false });
		addEventListener('pointerup', up);
		addEventListener('pointercancel', cancel);
		addEventListener('keydown', key);
		addEventListener('touchmove', touchMove, { passive: false });
		if (touch) timer = setTimeout(() => begin(start.x, start.y), LONG_PRESS_MS);
		this.#cleanup = () => finish(false);
	}

	destroy(): void {
		this.#cleanup?.();
	}

	#track(x: number, y: number): void {
		if (this.#ghost) {
			this.#ghost.style.transform = `translate(${x - this.#offset.x}px, ${y - this.#offset.y}px) rotate(2deg)`;
		}
		// Look through whatever floats above the board (toasts, say) for the column underneath.
		let column: HTMLElement | null = null;
		for (const el of document.elementsFromPoint(x, y)) {
			column = el.closest<HTMLElement>('[data-column]');
			if (column) break;
		}
		if (!column) {
			this.over = null;
			return;
		}
		const status = column.dataset.column as TaskStatus;
		const cards = [...column.querySelectorAll<HTMLElement>('[data-task-id]')].filter(
			(c) => c.dataset.taskId !== this.draggingId
		);
		// A long column renders only part of its cards: `data-offset` counts the ones above.
		const offset = Number(column.querySelector<HTMLElement>('[data-offset]')?.dataset.offset ?? 0);
		let index = offset + cards.length;
		for (let i = 0; i < cards.length; i++) {
			const r = cards[i]!.getBoundingClientRect();
			if (y < r.top + r.height / 2) {
				index = offset + i;
				break;
			}
		}
		if (this.over?.status !== status || this.over.index !== index) this.over = { status, index };
	}
}
