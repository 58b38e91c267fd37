/**
 * Makes a `<details>` menu behave like a menu: it closes on a click or tap outside it and on
 * Escape (returning focus to its summary). Use as `<details {@attach dismissible}>`.
 */
import type { Attachment } from 'svelte/attachments';

export const dismissible: Attachment<HTMLDetailsElement> = (details) => {
	const onPointerDown = (e: PointerEvent) => {
		if (details.open && !details.contains(e.target as Node)) details.open = false;
	};
	const onKeyDown = (e: KeyboardEvent) => {
		if (e.key !== 'Escape' || !details.open) return;
		e.stopPropagation();
		details.open = false;
		details.querySelector('summary')?.focus();
	};
	document.addEventListener('pointerdown', onPointerDown);
	details.addEventListener('keydown', onKeyDown);
	return () => {
		document.removeEventListener('pointerdown', onPointerDown);
		details.removeEventListener('keydown', onKeyDown);
	};
};
