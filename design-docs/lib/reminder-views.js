/**
 * Views the reminders worker reads when it (re)starts: which open tasks have a due date,
 * so its schedule does not depend on having seen every change since the beginning. ES5,
 * global `emit`, like the other views.
 */

/* global emit */

/** @typedef {{ map: (doc: any) => void, reduce?: string }} ViewSource */

/** @type {ViewSource} `due date` → null, for open (not done, not trashed) tasks */
export var openDue = {
	map: function (doc) {
		if (doc.type === 'task' && !doc.deletedAt && doc.status !== 'done' && doc.due) {
			emit(doc.due, null);
		}
	}
};

/** @type {ViewSource} `blocking task` → null, for each dependency of a live task */
export var blockedBy = {
	map: function (doc) {
		if (doc.type !== 'task' || doc.deletedAt || !doc.dependencies) return;
		for (var i = 0; i < doc.dependencies.length; i++) emit(doc.dependencies[i], null);
	}
};

/** Every reminder view, by the name it is queried with. */
export var reminderViews = {
	open_due: openDue,
	blocked_by: blockedBy
};
