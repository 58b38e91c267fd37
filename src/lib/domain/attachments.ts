/**
 * Attachment rules shared by the UI, the repository and the server's `validate_doc_update`:
 * size limits, which files are images we downscale, and the sizes they are scaled to.
 * Pure: no DOM, no PouchDB.
 */

/** Largest stored file (after downscaling, for images). The server refuses bigger ones too. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Longest edge of a stored photo unless the user chose otherwise. */
export const DEFAULT_IMAGE_MAX_EDGE = 1600;
/** Longest-edge choices offered in the preferences; `0` keeps photos as taken. */
export const IMAGE_MAX_EDGES = [1024, 1600, 2048, 3200, 0] as const;
/** Longest edge of a thumbnail. */
export const THUMB_EDGE = 256;
/** JPEG quality of downscaled photos and of thumbnails. */
export const JPEG_QUALITY = 0.85;
export const THUMB_QUALITY = 0.75;
/** Images larger than this are not even decoded: a phone would run out of memory. */
export const MAX_IMAGE_INPUT_BYTES = 60 * 1024 * 1024;
/** Most files one drop or pick may add at once. */
export const MAX_FILES_AT_ONCE = 20;

/** Raster types the browser decodes and we re-encode; GIFs (animation) and SVG are kept as is. */
const SCALABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/bmp']);

/** Whether a file of this type is downscaled and gets a thumbnail. */
export const isScalableImage = (contentType: string): boolean =>
	SCALABLE.has(contentType.toLowerCase());

/** Whether the UI shows this type as a picture (thumbnails exist only for scalable ones). */
export const isImageType = (contentType: string): boolean =>
	contentType.toLowerCase().startsWith('image/');

/** Dimensions that fit `width`×`height` inside a `maxEdge` square, keeping the aspect ratio. */
export function fitWithin(
	width: number,
	height: number,
	maxEdge: number
): { width: number; height: number; scaled: boolean } {
	const longest = Math.max(width, height);
	if (maxEdge <= 0 || longest <= maxEdge) return { width, height, scaled: false };
	const k = maxEdge / longest;
	return {
		width: Math.max(1, Math.round(width * k)),
		height: Math.max(1, Math.round(height * k)),
		scaled: true
	};
}

/** "3.4 MB", "820 KB", "12 B". */
export function formatBytes(n: number): string {
	if (n < 1024) return `${n} B`;
	if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
	const mb = n / (1024 * 1024);
	return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** Why a file of `size` bytes cannot be stored, or `null` when it fits. */
export function sizeError(name: string, size: number, limit = MAX_ATTACHMENT_BYTES): string | null {
	if (size <= 0) return `“${name}” is empty.`;
	if (size > limit) {
		return `“${name}” is ${formatBytes(size)}; files can be at most ${formatBytes(limit)}.`;
	}
	return null;
}

/** A file name safe to store and offer for download: no paths, no control characters. */
export function cleanFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex -- stripping control characters is the point
	const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
	return (clean || 'file').slice(0, 200);
}

/** The stored name of a downscaled photo: its extension follows the new type. */
export function renamedFor(name: string, contentType: string): string {
	const ext = contentType === 'image/png' ? 'png' : contentType === 'image/jpeg' ? 'jpg' : null;
	if (!ext) return name;
	const dot = name.lastIndexOf('.');
	const stem = dot > 0 ? name.slice(0, dot) : name;
	return `${stem}.${ext}`;
}

/** The photo edge to use from a stored preference (absent or unknown: the default). */
export function imageMaxEdge(pref: number | undefined): number {
	return pref !== undefined && (IMAGE_MAX_EDGES as readonly number[]).includes(pref)
		? pref
		: DEFAULT_IMAGE_MAX_EDGE;
}

/** A content type CouchDB and our schema accept, or `application/octet-stream`. */
export function storableType(type: string): string {
	const t = type.split(';')[0]!.trim().toLowerCase();
	return /^[\w.+-]+\/[\w.+-]+$/.test(t) && t.length <= 100 ? t : 'application/octet-stream';
}

/** How many files each task has (comment files included), for the paperclip on cards. */
export function countByTask(attachments: Iterable<{ task: string }>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const a of attachments) counts.set(a.task, (counts.get(a.task) ?? 0) + 1);
	return counts;
}
