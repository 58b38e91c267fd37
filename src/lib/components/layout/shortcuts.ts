/** The keyboard shortcuts, listed once for the help dialog and matched by the handlers. */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
	{ keys: ['n'], action: 'New task' },
	{ keys: ['/'], action: 'Search tasks' },
	{ keys: ['j'], action: 'Select next task' },
	{ keys: ['k'], action: 'Select previous task' },
	{ keys: ['Enter'], action: 'Open selected task' },
	{ keys: ['Shift', '→'], action: 'Move selected task to the next column' },
	{ keys: ['Shift', '←'], action: 'Move selected task to the previous column' },
	{ keys: ['Shift', '↑'], action: 'Move selected task up in its column' },
	{ keys: ['Shift', '↓'], action: 'Move selected task down in its column' },
	{ keys: ['t'], action: 'Start or stop the timer on the open or selected task' },
	{ keys: ['b'], action: 'Board view' },
	{ keys: ['l'], action: 'List view' },
	{ keys: ['Esc'], action: 'Close the task or dialog' },
	{ keys: ['?'], action: 'Show these shortcuts' }
];

/** Whether a key event comes from a place where typing must not trigger shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	const tag = target.tagName;
	return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}
