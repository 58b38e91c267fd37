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
		// SvelteKit hashes its own inline bootstrap script, so no page needs 'unsafe-inline'
		// scripts. Styles keep it: Svelte sets style attributes for transitions and `style:`.
		// 'wasm-unsafe-eval' lets the ML worker compile WebAssembly; it does not allow eval().
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		typescript: {
			// Type-check the server-side setup code and design documents with the app.
			config: (tsconfig) => {
				tsconfig.include.push(
					'../couchdb/**/*.ts',
					'../design-docs/**/*.ts',
					'../design-docs/**/*.js',
					'../scripts/**/*.js',
					'../scripts/**/*.ts',
					'../bench/**/*.ts'
				);
			}
		}
	}
};

export default config;
