/**
 * A small JSON Schema checker for the subset that `z.toJSONSchema` emits for TaskFlow's
 * document schemas. It runs inside CouchDB's JavaScript engine (inlined into
 * `validate_doc_update` via `Function.prototype.toString`), so the function body must stay
 * ES5 and self-contained: `var` and `function` only, no closures over module scope.
 *
 * Lengths count UTF-16 code units, as zod does, so both sides refuse the same strings.
 *
 * @param {any} schema a JSON Schema (subset)
 * @param {any} value the value to check
 * @param {string} path where `value` sits, e.g. `title` or `tags.2`
 * @returns {string | null} `"<path>: <message>"` for the first problem, or null
 */
export function checkJsonSchema(schema, value, path) {
	/** @param {any} v */
	function typeOf(v) {
		if (v === null) return 'null';
		if (Object.prototype.toString.call(v) === '[object Array]') return 'array';
		return typeof v;
	}

	/** @param {any} v @param {string} t */
	function isType(v, t) {
		var actual = typeOf(v);
		if (t === 'integer') return actual === 'number' && isFinite(v) && Math.floor(v) === v;
		if (t === 'number') return actual === 'number' && isFinite(v);
		return actual === t;
	}

	/** @param {any} a @param {any} b */
	function same(a, b) {
		return a === b || JSON.stringify(a) === JSON.stringify(b);
	}

	/** @param {string} at @param {string} key */
	function join(at, key) {
		return at ? at + '.' + key : key;
	}

	/** @param {string} at @param {string} message */
	function fail(at, message) {
		return (at || '(document)') + ': ' + message;
	}

	/** @param {any} s @param {any} v @param {string} at @returns {string | null} */
	function check(s, v, at) {
		var i, key, err, types, ok, matches;
		if (s === true || s === undefined || s === null) return null;
		if (s === false) return fail(at, 'is not allowed');
		if (s.type !== undefined) {
			types = typeOf(s.type) === 'array' ? s.type : [s.type];
			ok = false;
			for (i = 0; i < types.length; i++) if (isType(v, types[i])) ok = true;
			if (!ok) return fail(at, 'must be ' + types.join(' or '));
		}
		if (Object.prototype.hasOwnProperty.call(s, 'const') && !same(v, s['const'])) {
			return fail(at, 'must be ' + JSON.stringify(s['const']));
		}
		if (s['enum']) {
			ok = false;
			for (i = 0; i < s['enum'].length; i++) if (same(v, s['enum'][i])) ok = true;
			if (!ok) return fail(at, 'must be one of ' + JSON.stringify(s['enum']));
		}
		if (typeof v === 'string') {
			if (s.minLength !== undefined && v.length < s.minLength) {
				return fail(at, s.minLength === 1 ? 'required' : 'at least ' + s.minLength + ' characters');
			}
			if (s.maxLength !== undefined && v.length > s.maxLength) {
				return fail(at, 'at most ' + s.maxLength + ' characters');
			}
			if (s.pattern !== undefined && !new RegExp(s.pattern).test(v)) {
				return fail(at, 'does not match ' + s.pattern);
			}
		}
		if (typeof v === 'number') {
			if (s.minimum !== undefined && v < s.minimum) return fail(at, 'must be >= ' + s.minimum);
			if (s.maximum !== undefined && v > s.maximum) return fail(at, 'must be <= ' + s.maximum);
		}
		if (typeOf(v) === 'array') {
			if (s.minItems !== undefined && v.length < s.minItems) {
				return fail(at, 'at least ' + s.minItems + ' items');
			}
			if (s.maxItems !== undefined && v.length > s.maxItems) {
				return fail(at, 'at most ' + s.maxItems + ' items');
			}
			if (s.items !== undefined) {
				for (i = 0; i < v.length; i++) {
					err = check(s.items, v[i], join(at, String(i)));
					if (err) return err;
				}
			}
		}
		if (typeOf(v) === 'object') {
			if (s.required) {
				for (i = 0; i < s.required.length; i++) {
					if (!Object.prototype.hasOwnProperty.call(v, s.required[i])) {
						return fail(join(at, s.required[i]), 'required');
					}
				}
			}
			for (key in v) {
				if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
				if (s.propertyNames !== undefined) {
					err = check(s.propertyNames, key, join(at, key));
					if (err) return err;
				}
				if (s.properties && Object.prototype.hasOwnProperty.call(s.properties, key)) {
					err = check(s.properties[key], v[key], join(at, key));
				} else {
					err = check(s.additionalProperties, v[key], join(at, key));
				}
				if (err) return err;
			}
		}
		if (s.anyOf || s.oneOf) {
			var branches = s.anyOf || s.oneOf;
			var firstTyped = null;
			matches = 0;
			for (i = 0; i < branches.length; i++) {
				err = check(branches[i], v, at);
				if (!err) matches++;
				else if (firstTyped === null && branches[i].type !== undefined) {
					// The branch of the value's own type explains the problem best.
					if (check({ type: branches[i].type }, v, at) === null) firstTyped = err;
				}
			}
			if (matches === 0) return firstTyped || fail(at, 'does not match any allowed form');
			if (s.oneOf && matches > 1) return fail(at, 'matches more than one allowed form');
		}
		return null;
	}

	return check(schema, value, path);
}
