/**
 * Turns a picked or dropped file into what is stored: photos are downscaled to the user's
 * longest-edge setting (re-encoded as JPEG, PNG stays PNG) and get a small JPEG thumbnail;
 * other files pass through. Runs in the browser (createImageBitmap + canvas), before
 * anything is written, so an oversized file is refused with a message and nothing stored.
 */
import {
	cleanFileName,
	fitWithin,
	formatBytes,
	isScalableImage,
	JPEG_QUALITY,
	MAX_ATTACHMENT_BYTES,
	MAX_IMAGE_INPUT_BYTES,
	renamedFor,
	sizeError,
	storableType,
	THUMB_EDGE,
	THUMB_QUALITY
} from '$lib/domain/attachments';

/** A file ready for `AttachmentsRepo.add`. */
export interface PreparedFile {
	name: string;
	file: Blob;
	thumb: Blob | null;
	width: number | null;
	height: number | null;
}

/** Why a file cannot be attached, worded for the person who picked it. */
export class AttachError extends Error {
	override name = 'AttachError';
}

export async function prepareFile(input: File, maxEdge: number): Promise<PreparedFile> {
	const name = cleanFileName(input.name);
	const type = storableType(input.type);
	if (!isScalableImage(type)) {
		const tooBig = sizeError(name, input.size);
		if (tooBig) throw new AttachError(tooBig);
		const file = type === input.type ? input : new Blob([input], { type });
		return { name, file, thumb: null, width: null, height: null };
	}
	if (input.size > MAX_IMAGE_INPUT_BYTES) {
		throw new AttachError(
			`“${name}” is ${formatBytes(input.size)}; photos can be at most ${formatBytes(MAX_IMAGE_INPUT_BYTES)} before downscaling.`
		);
	}
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(input, { imageOrientation: 'from-image' });
	} catch {
		throw new AttachError(`“${name}” could not be read as an image.`);
	}
	try {
		const target = fitWithin(bitmap.width, bitmap.height, maxEdge);
		let file: Blob = input;
		let stored = name;
		if (target.scaled) {
			const outType = type === 'image/png' ? 'image/png' : 'image/jpeg';
			file = await encode(bitmap, target, outType, JPEG_QUALITY);
			stored = renamedFor(name, outType);
		}
		const tooBig = sizeError(stored, file.size, MAX_ATTACHMENT_BYTES);
		if (tooBig) throw new AttachError(`${tooBig} Try a smaller photo size in Settings.`);
		const thumb = await encode(
			bitmap,
			fitWithin(bitmap.width, bitmap.height, THUMB_EDGE),
			'image/jpeg',
			THUMB_QUALITY
		);
		return { name: stored, file, thumb, width: target.width, height: target.height };
	} finally {
		bitmap.close();
	}
}

async function encode(
	bitmap: ImageBitmap,
	size: { width: number; height: number },
	type: string,
	quality: number
): Promise<Blob> {
	const canvas =
		typeof OffscreenCanvas === 'undefined'
			? Object.assign(document.createElement('canvas'), size)
			: new OffscreenCanvas(size.width, size.height);
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new AttachError('This browser cannot resize images.');
	// JPEG has no transparency: without a backdrop, transparent pixels turn black.
	if (type === 'image/jpeg') {
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, size.width, size.height);
	}
	ctx.imageSmoothingQuality = 'high';
	ctx.drawImage(bitmap, 0, 0, size.width, size.height);
	if (canvas instanceof HTMLCanvasElement) {
		return new Promise((resolve, reject) =>
			canvas.toBlob(
				(b) => (b ? resolve(b) : reject(new AttachError('The image could not be encoded.'))),
				type,
				quality
			)
		);
	}
	return canvas.convertToBlob({ type, quality });
}
