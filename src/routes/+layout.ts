// The app is a client-rendered shell: all data lives in the browser's PouchDB.
export const ssr = false;
export const prerender = false;
