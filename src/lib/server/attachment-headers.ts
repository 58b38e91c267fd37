/**
 * How a stored file is served from the app's origin. An uploaded HTML, SVG or JavaScript
 * file served as itself would be a page or script of the app (same origin, same cookies),
 * so every file is a download under a sandboxing CSP, except the raster image types the app
 * shows inline, and nothing is ever sniffed into something else.
 */

/** Image types shown inline (never SVG: it can carry script). */
export const INLINE_TYPES = new Set([
	'image/png',
	'image/jpeg',
	'image/gif',
	'image/webp',
	'image/avif'
]);

/** The response headers for a file named `name` stored with `contentType`. */
export function attachmentHeaders(contentType: string, name: string): Record<string, string> {
	const type = contentType.split(';')[0]!.trim().toLowerCase();
	const inline = INLINE_TYPES.has(type);
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return {
		'content-type': inline ? type : 'application/octet-stream',
		'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
		'x-content-type-options': 'nosniff',
		'content-security-policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'",
		'cross-origin-resource-policy': 'same-origin',
		'cache-control': 'private, no-cache'
	};
}
