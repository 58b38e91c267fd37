/** What CouchDB's JavaScript view server gives map functions (see time-views.js). */
declare function emit(key: unknown, value: unknown): void;
