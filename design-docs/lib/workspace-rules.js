/**
 * Who may write what in a workspace database: the body of `validate_doc_update`. Runs in
 * CouchDB's JavaScript engine (inlined via `Function.prototype.toString`), so it is ES5 and
 * self-contained; the schemas, size limit and checker come in as arguments.
 *
 * Server admins (`_admin`) skip authorization but are still schema-checked. Everyone else
 * must be named in the database's security object: `secObj.taskflow.writers` may write,
 * `secObj.taskflow.admins` may also set rates and remove others' files. The security object
 * is rewritten from the workspace's member list on every change, so a role change holds on
 * the very next write; a session's roles (cached by CouchDB) play no part.
 *
 * @param {any} newDoc
 * @param {any} oldDoc
 * @param {{ name: string | null, roles: string[], db?: string }} userCtx
 * @param {{ taskflow?: { writers?: string[], admins?: string[] } } | null} secObj
 * @param {Record<string, any>} schemas JSON Schema per document `type`
 * @param {number} maxDocBytes
 * @param {(schema: any, value: any, path: string) => string | null} checkJsonSchema
 * @param {number} [maxAttachmentBytes] largest `_attachments` entry (absent: no limit)
 * @param {number} [maxClockAheadMs] how far ahead of the server's time a new clock may be
 */
export function workspaceRules(
	newDoc,
	oldDoc,
	userCtx,
	secObj,
	schemas,
	maxDocBytes,
	checkJsonSchema,
	maxAttachmentBytes,
	maxClockAheadMs
) {
	var roles = userCtx.roles || [];
	var isAdmin = roles.indexOf('_admin') !== -1;
	var user = userCtx.name;
	var tf = (secObj && secObj.taskflow) || {};
	var writers = tf.writers || [];
	var wsAdmins = tf.admins || [];
	/** @type {Record<string, unknown>} */
	var body = {};
	var key, type, err, size;
	var old = oldDoc && !oldDoc._deleted ? oldDoc : null;

	var isWsAdmin = isAdmin || (!!user && wsAdmins.indexOf(user) !== -1);
	if (!isAdmin) {
		if (!user) throw { unauthorized: 'sign in as a member of this workspace to write' };
		if (writers.indexOf(user) === -1) {
			throw { unauthorized: 'only workspace admins and members may write; viewers read only' };
		}
	}
	if (newDoc._id.indexOf('_design/') === 0) {
		if (!isAdmin) throw { unauthorized: 'design documents are deployed by the server' };
		return;
	}

	if (!isAdmin && (newDoc._id.indexOf('snapshot:') === 0 || (old && old.type === 'snapshot'))) {
		throw { unauthorized: 'snapshots are written by the server' };
	}

	// CouchDB's own underscore fields (revisions, attachments, conflicts) are not document content.
	for (key in newDoc) {
		if (
			Object.prototype.hasOwnProperty.call(newDoc, key) &&
			(key.charAt(0) !== '_' || key === '_id')
		) {
			body[key] = newDoc[key];
		}
	}
	if (newDoc._deleted === true) {
		// A deletion keeps whatever body it carries, for good (compaction keeps the winning
		// tombstone): TaskFlow's deletions carry none, so 4 KiB is room for any other client's
		// bookkeeping and none for storing content in tombstones.
		err = pollutingKey(newDoc, 'doc', 0);
		if (err) throw { forbidden: err };
		size = unescape(encodeURIComponent(JSON.stringify(body))).length;
		if (size > 4096) throw { forbidden: 'doc.(deletion): larger than 4096 bytes' };
		if (newDoc._attachments) throw { forbidden: 'doc._attachments: a deletion carries no files' };
		type = old ? old.type : newDoc._id.split(':')[0];
		if (type === 'activity') throw { forbidden: 'activity.doc: activity is append-only' };
		if (type === 'comment' && !isAdmin) {
			var author = old ? old.author : newDoc.author;
			if (author !== undefined && author !== user) {
				throw { forbidden: 'comment.author: only the author may delete a comment' };
			}
		}
		if (type === 'watch' && !isAdmin) {
			var watcher = old ? old.user : newDoc.user;
			if (watcher !== undefined && watcher !== user) {
				throw { forbidden: 'watch.user: only its user may remove a watch' };
			}
		}
		if (type === 'attachment' && !isWsAdmin) {
			var uploader = old ? old.createdBy : newDoc.createdBy;
			if (uploader !== undefined && uploader !== user) {
				throw {
					forbidden: 'attachment.createdBy: only who attached it or a workspace admin may delete it'
				};
			}
		}
		if (type === 'time' && !isAdmin) {
			var owner = old ? old.user : newDoc.user;
			if (owner !== undefined && owner !== user) {
				throw { forbidden: 'time.user: only its user may delete a time entry' };
			}
		}
		return;
	}

	// JSON.parse makes __proto__ an own key; copied into a plain object it would replace
	// that object's prototype, and downstream JavaScript consumers could be polluted.
	err = pollutingKey(newDoc, 'doc', 0);
	if (err) throw { forbidden: err };

	type = newDoc.type;
	if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(schemas, type)) {
		throw { forbidden: 'doc.type: unknown document type ' + JSON.stringify(type) };
	}
	size = unescape(encodeURIComponent(JSON.stringify(body))).length;
	if (size > maxDocBytes) {
		throw { forbidden: type + '.(document): larger than ' + maxDocBytes + ' bytes' };
	}
	if (old && old.type !== type) throw { forbidden: type + '.type: the type cannot change' };
	err = checkJsonSchema(schemas[type], body, '');
	if (err) throw { forbidden: type + '.' + err };

	if (type === 'activity' && old) throw { forbidden: 'activity.doc: activity is append-only' };
	err = futureClockError(newDoc, old, type);
	if (err) throw { forbidden: err };
	err = attachmentsError(newDoc, type, !old);
	if (err) throw { forbidden: err };
	if (isAdmin) return;

	if (!old && newDoc.createdBy !== user) {
		throw { forbidden: type + '.createdBy: must be you when creating' };
	}
	if (old && newDoc.createdBy !== old.createdBy) {
		throw { forbidden: type + '.createdBy: cannot change' };
	}
	if (type === 'comment') {
		if (!old && newDoc.author !== user) throw { forbidden: 'comment.author: must be you' };
		if (old && old.author !== user) {
			throw { forbidden: 'comment.author: only the author may edit a comment' };
		}
		if (old && newDoc.author !== old.author) throw { forbidden: 'comment.author: cannot change' };
	}
	if (type === 'activity' && newDoc.actor !== user) {
		throw { forbidden: 'activity.actor: must be you' };
	}
	if (type === 'time') {
		if (!old && newDoc.user !== user) throw { forbidden: 'time.user: must be you' };
		if (old && old.user !== user) {
			throw { forbidden: 'time.user: only its user may edit a time entry' };
		}
		if (old && newDoc.user !== old.user) throw { forbidden: 'time.user: cannot change' };
		err = timeSpanError(newDoc);
		if (err) throw { forbidden: err };
	}
	if (type === 'watch') {
		if (newDoc.user !== user) throw { forbidden: 'watch.user: must be you' };
		if (newDoc._id !== 'watch:' + newDoc.task.slice(5) + ':' + user) {
			throw { forbidden: 'watch._id: must be watch:<task>:<you>' };
		}
	}
	if (type === 'project' && !isWsAdmin && !sameRates(old, newDoc)) {
		throw { forbidden: 'project.rate: only workspace admins set rates' };
	}
	if (type === 'attachment' && old) {
		throw { forbidden: 'attachment.doc: cannot be changed; delete it and attach again' };
	}

	/**
	 * Files ride only on attachment documents, as "file" (+ "thumb"), each within the limit.
	 * CouchDB hands validate_doc_update stubs that carry "length"; PouchDB-based servers
	 * hand the inline base64 "data" instead, so the size comes from whichever is there. A
	 * stub without either is an attachment already stored (checked when it was written).
	 */
	function attachmentsError(
		/** @type {any} */ doc,
		/** @type {string} */ docType,
		/** @type {boolean} */ creating
	) {
		var atts = doc._attachments;
		var name, bytes;
		var any = false;
		for (name in atts || {}) if (Object.prototype.hasOwnProperty.call(atts, name)) any = true;
		if (!any) {
			return docType === 'attachment' && creating ? 'attachment._attachments.file: required' : null;
		}
		if (docType !== 'attachment') return docType + '._attachments: only attachments carry files';
		if (typeof atts !== 'object') return 'attachment._attachments: invalid';
		if (creating && !atts.file) return 'attachment._attachments.file: required';
		for (name in atts) {
			if (!Object.prototype.hasOwnProperty.call(atts, name)) continue;
			if (name !== 'file' && name !== 'thumb') {
				return 'attachment._attachments.' + name + ': only file and thumb are allowed';
			}
			bytes = attachmentBytes(atts[name]);
			if (bytes !== null && maxAttachmentBytes !== undefined && bytes > maxAttachmentBytes) {
				return 'attachment._attachments.' + name + ': larger than ' + maxAttachmentBytes + ' bytes';
			}
			if (name === 'file' && bytes !== null && bytes !== doc.size) {
				return 'attachment.size: must be the size of the file (' + bytes + ' bytes)';
			}
		}
		return null;
	}

	/** @param {any} att @returns {number | null} */
	function attachmentBytes(att) {
		if (!att || typeof att !== 'object') return null;
		if (typeof att.length === 'number') return att.length;
		if (typeof att.data !== 'string') return null;
		var data = att.data.replace(/\s+/g, '');
		var pad =
			data.charAt(data.length - 1) === '=' ? (data.charAt(data.length - 2) === '=' ? 2 : 1) : 0;
		return Math.floor((data.length * 3) / 4) - pad;
	}

	/**
	 * A clock this write sets (new or changed) may not be far ahead of the server's time: such
	 * a clock would win every concurrent edit of its field for as long as it is ahead.
	 */
	function futureClockError(
		/** @type {any} */ doc,
		/** @type {any} */ before,
		/** @type {string} */ docType
	) {
		if (maxClockAheadMs === undefined || !doc.clocks || typeof doc.clocks !== 'object') return null;
		var limit = Date.now() + maxClockAheadMs;
		var field, clock;
		for (field in doc.clocks) {
			if (!Object.prototype.hasOwnProperty.call(doc.clocks, field)) continue;
			clock = doc.clocks[field];
			if (typeof clock !== 'string') continue;
			if (before && before.clocks && before.clocks[field] === clock) continue;
			if (parseInt(clock.slice(0, 9), 36) > limit) {
				return (
					docType + '.clocks.' + field + ": ahead of the server's time; check this device's clock"
				);
			}
		}
		return null;
	}

	/** Times an entry must keep: end after start, at most a day, minutes that match. */
	function timeSpanError(/** @type {any} */ doc) {
		if (doc.end === null) {
			return doc.minutes === 0 ? null : 'time.minutes: must be 0 while the timer runs';
		}
		var ms = Date.parse(doc.end) - Date.parse(doc.start);
		if (!(ms > 0)) return 'time.end: must be after start';
		if (ms > 24 * 3600000) return 'time.end: an entry cannot be longer than 24 hours';
		if (doc.minutes !== Math.round(ms / 60000)) return 'time.minutes: must match start and end';
		return null;
	}

	/** Whether a project keeps the rates of its previous revision (none before: no rates). */
	function sameRates(/** @type {any} */ before, /** @type {any} */ after) {
		var a = before || {};
		if ((a.rate == null ? null : a.rate) !== (after.rate == null ? null : after.rate)) return false;
		var x = a.memberRates || {};
		var y = after.memberRates || {};
		var k;
		for (k in x) if (Object.prototype.hasOwnProperty.call(x, k) && x[k] !== y[k]) return false;
		for (k in y) if (Object.prototype.hasOwnProperty.call(y, k) && x[k] !== y[k]) return false;
		return true;
	}

	/** @param {any} v @param {string} at @param {number} depth @returns {string | null} */
	function pollutingKey(v, at, depth) {
		var k, found;
		if (v === null || typeof v !== 'object') return null;
		if (depth > 16) return at + ': nested too deeply';
		for (k in v) {
			if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
			if (k === '__proto__' || k === 'constructor' || k === 'prototype') {
				return at + '.' + k + ': key is not allowed';
			}
			found = pollutingKey(v[k], at + '.' + k, depth + 1);
			if (found) return found;
		}
		return null;
	}
}
