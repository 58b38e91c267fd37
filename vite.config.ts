import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { taskflowDevServer } from './src/lib/server/vite-dev-plugin';

export default defineConfig({
	plugins: [taskflowDevServer(), sveltekit()],
	build: {
		target: 'es2022',
		// Fold tiny shared chunks into their neighbours: a cold start fetched ~55 files before
		// the first card, and each is a request in the waterfall (six at a time on HTTP/1.1).
		rollupOptions: { output: { experimentalMinChunkSize: 10_000 } }
	},
	// The ML worker runs ONNX Runtime on its WASM backend only: the plain build needs a 14 MB
	// .wasm where the WebGPU one transformers.js imports by default needs 27 MB.
	resolve: { alias: [{ find: /^onnxruntime-web\/webgpu$/, replacement: 'onnxruntime-web/wasm' }] },
	worker: { format: 'es' },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/integration/global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.e2e.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 90_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			}
		]
	}
});
