/**
 * Views of the registry's design document (server admins only). ES5, as CouchDB stores them.
 */

/* global emit */

/** `name` → role, for every member of every workspace entry. */
export var byMember = {
	map: function (/** @type {any} */ doc) {
		if (doc.type !== 'workspace' || !doc.members) return;
		for (var name in doc.members) {
			if (Object.prototype.hasOwnProperty.call(doc.members, name)) emit(name, doc.members[name]);
		}
	}
};

export var registryViews = { by_member: byMember };
