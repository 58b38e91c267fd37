import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// Absolute asset paths: the service worker serves one cached shell for every route.
		paths: { relative: false },
		// Registered by src/lib/pwa/pwa-updates.svelte.ts through workbox-window (update flow).
		serviceWorker: { register: false },
		// The Node server (src/lib/server/main.ts) mounts the SvelteKit handler itself.
		csrf: { trustedOrigins: [] },
		typescript: {
			// Type-check the server-side setup code and design documents with the app.
			config: (tsconfig) => {
				tsconfig.include.push(
					'../couchdb/**/*.ts',
					'../design-docs/**/*.ts',
					'../design-docs/**/*.js',
					'../scripts/**/*.js',
					'../bench/**/*.ts'
				);
			}
		}
	}
};

export default config;
