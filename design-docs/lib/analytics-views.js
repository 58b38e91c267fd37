/**
 * Analytics views of the workspace design document: task counts and flow, from the task
 * documents and the activity log. Like time-views.js, each map function is ES5, calls
 * CouchDB's global `emit`, and runs unchanged in CouchDB and on the device. Keys lead with
 * the project so one range serves a project and `group_level: 0/1` the workspace. Values are
 * small numbers or pairs summed with `_sum`; deleted (trashed) tasks are left out.
 *
 * The ISO-week helper is repeated inside each map function on purpose: CouchDB compiles every
 * map function on its own, so a function cannot call code defined outside it.
 */

/* global emit */

/** @typedef {{ map: (doc: any) => void, reduce?: string }} ViewSource */

/** @type {ViewSource} `[project, status]` → `[tasks, estimated hours]` */
export var tasksByStatus = {
	map: function (doc) {
		if (doc.type === 'task' && !doc.deletedAt) {
			emit([doc.project, doc.status], [1, doc.estimate || 0]);
		}
	},
	reduce: '_sum'
};

/** @type {ViewSource} `[assignee or "", project]` → `[open tasks, estimated hours]` */
export var openWorkload = {
	map: function (doc) {
		if (doc.type === 'task' && !doc.deletedAt && doc.status !== 'done') {
			emit([doc.assignee || '', doc.project], [1, doc.estimate || 0]);
		}
	},
	reduce: '_sum'
};

/** @type {ViewSource} `[project, ISO week of creation]` → 1 */
export var createdPerWeek = {
	map: function (doc) {
		if (doc.type !== 'task' || doc.deletedAt) return;
		emit([doc.project, isoWeek(doc.createdAt.slice(0, 10))], 1);
		/** @param {any} day a YYYY-MM-DD date */
		function isoWeek(day) {
			var p = day.split('-');
			var d = new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
			d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
			var y = d.getUTCFullYear();
			var w = Math.ceil(((d.getTime() - Date.UTC(y, 0, 1)) / 86400000 + 1) / 7);
			return y + '-W' + (w < 10 ? '0' : '') + w;
		}
	},
	reduce: '_sum'
};

/** @type {ViewSource} `[project, ISO week of completion]` → 1, for tasks done now */
export var completedPerWeek = {
	map: function (doc) {
		if (doc.type !== 'task' || doc.deletedAt || doc.status !== 'done' || !doc.completedAt) {
			return;
		}
		emit([doc.project, isoWeek(doc.completedAt.slice(0, 10))], 1);
		/** @param {any} day a YYYY-MM-DD date */
		function isoWeek(day) {
			var p = day.split('-');
			var d = new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
			d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
			var y = d.getUTCFullYear();
			var w = Math.ceil(((d.getTime() - Date.UTC(y, 0, 1)) / 86400000 + 1) / 7);
			return y + '-W' + (w < 10 ? '0' : '') + w;
		}
	},
	reduce: '_sum'
};

/** @type {ViewSource} `[project, day completed]` → lead time in days (`_stats`; rows for percentiles) */
export var leadTimes = {
	map: function (doc) {
		if (doc.type !== 'task' || doc.deletedAt || doc.status !== 'done' || !doc.completedAt) {
			return;
		}
		var days = (Date.parse(doc.completedAt) - Date.parse(doc.createdAt)) / 86400000;
		emit([doc.project, doc.completedAt.slice(0, 10)], Math.max(0, days));
	},
	reduce: '_stats'
};

/**
 * @type {ViewSource} `[project, task, at]` → `[from, to]` for each status change in the
 * activity log, and `[project, task, createdAt]` → `["created", current status]` for each
 * live task, so a range over one project gives every task's whole status history in order.
 */
export var statusHistory = {
	map: function (doc) {
		if (doc.type === 'task' && !doc.deletedAt) {
			emit([doc.project, doc._id, doc.createdAt], ['created', doc.status]);
		} else if (doc.type === 'activity' && doc.field === 'status' && doc.task && doc.project) {
			emit([doc.project, doc.task, doc.at], [doc.from || null, doc.to]);
		}
	}
};

/** Every analytics view, by the name it is queried with. */
export var analyticsViews = {
	tasks_by_status: tasksByStatus,
	open_workload: openWorkload,
	created_per_week: createdPerWeek,
	completed_per_week: completedPerWeek,
	lead_times: leadTimes,
	status_history: statusHistory
};
