/**
 * Time-tracking views of the workspace design document. Each map function runs in CouchDB's
 * JavaScript engine (deployed via `Function.prototype.toString`) and, unchanged, in the
 * browser on the local database (see `src/lib/db/views/`), so it is ES5, self-contained and
 * calls the global `emit` CouchDB provides.
 *
 * Keys use the calendar date an entry was recorded on: `start` is written with the offset of
 * the user's time zone (`2026-11-16T09:00:00+01:00`), so its first ten characters are the
 * local date. Values are small: `[minutes, billable minutes]`, summed with `_sum`. Running
 * timers (no `end`) are left out of the sums and listed by `time_running`.
 */

/* global emit */

/** @typedef {{ map: (doc: any) => void, reduce?: string }} ViewSource */

/** @type {ViewSource} `[day, user, project, task]` → `[minutes, billable minutes]` */
export var timeByDay = {
	map: function (doc) {
		if (doc.type === 'time' && doc.end) {
			emit(
				[doc.start.slice(0, 10), doc.user, doc.project, doc.task],
				[doc.minutes, doc.billable ? doc.minutes : 0]
			);
		}
	},
	reduce: '_sum'
};

/** @type {ViewSource} `[user, day, project, task]` → `[minutes, billable minutes]` */
export var timeByUserDay = {
	map: function (doc) {
		if (doc.type === 'time' && doc.end) {
			emit(
				[doc.user, doc.start.slice(0, 10), doc.project, doc.task],
				[doc.minutes, doc.billable ? doc.minutes : 0]
			);
		}
	},
	reduce: '_sum'
};

/** @type {ViewSource} `[project, ISO week, user]` → `[minutes, billable minutes]` */
export var timeByProjectWeek = {
	map: function (doc) {
		if (doc.type !== 'time' || !doc.end) return;
		var p = doc.start.slice(0, 10).split('-');
		var d = new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
		var dow = d.getUTCDay() || 7;
		d.setUTCDate(d.getUTCDate() + 4 - dow);
		var year = d.getUTCFullYear();
		var week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
		emit(
			[doc.project, year + '-W' + (week < 10 ? '0' : '') + week, doc.user],
			[doc.minutes, doc.billable ? doc.minutes : 0]
		);
	},
	reduce: '_sum'
};

/** @type {ViewSource} `[task, user]` → minutes: tracked time per task (and per member on it). */
export var timeByTask = {
	map: function (doc) {
		if (doc.type === 'time' && doc.end) emit([doc.task, doc.user], doc.minutes);
	},
	reduce: '_sum'
};

/** @type {ViewSource} `[user, start]` → null: running timers, to be read with `include_docs`. */
export var timeRunning = {
	map: function (doc) {
		if (doc.type === 'time' && !doc.end) emit([doc.user, doc.start], null);
	}
};

/** Every time view, by the name it is queried with. */
export var timeViews = {
	time_by_day: timeByDay,
	time_by_user_day: timeByUserDay,
	time_by_project_week: timeByProjectWeek,
	time_by_task: timeByTask,
	time_running: timeRunning
};
