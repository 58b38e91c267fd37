import { describe, expect, it } from 'vitest';
import {
	cleanFileName,
	countByTask,
	DEFAULT_IMAGE_MAX_EDGE,
	fitWithin,
	formatBytes,
	imageMaxEdge,
	isScalableImage,
	MAX_ATTACHMENT_BYTES,
	renamedFor,
	sizeError
} from './attachments';

describe('fitWithin', () => {
	it('scales the longest edge down to the limit, keeping the aspect ratio', () => {
		expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200, scaled: true });
		expect(fitWithin(1080, 1920, 1600)).toEqual({ width: 900, height: 1600, scaled: true });
	});

	it('leaves small images and the "keep as taken" choice alone', () => {
		expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600, scaled: false });
		expect(fitWithin(1600, 10, 1600).scaled).toBe(false);
		expect(fitWithin(5000, 4000, 0)).toEqual({ width: 5000, height: 4000, scaled: false });
	});

	it('never produces a zero edge', () => {
		expect(fitWithin(10_000, 1, 256)).toEqual({ width: 256, height: 1, scaled: true });
	});
});

describe('sizes', () => {
	it('formats bytes for people', () => {
		expect(formatBytes(12)).toBe('12 B');
		expect(formatBytes(820 * 1024)).toBe('820 KB');
		expect(formatBytes(3.4 * 1024 * 1024)).toBe('3.4 MB');
		expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
	});

	it('explains a file over the limit or empty, and accepts one that fits', () => {
		expect(sizeError('a.pdf', MAX_ATTACHMENT_BYTES)).toBeNull();
		expect(sizeError('a.pdf', MAX_ATTACHMENT_BYTES + 1)).toBe(
			'“a.pdf” is 10 MB; files can be at most 10 MB.'
		);
		expect(sizeError('big.mov', 50 * 1024 * 1024, 1024 * 1024)).toMatch(/50 MB.*1.0 MB/);
		expect(sizeError('x', 0)).toBe('“x” is empty.');
	});
});

describe('names and types', () => {
	it('downscales raster photos but keeps GIF animations and SVG as they are', () => {
		expect(isScalableImage('image/jpeg')).toBe(true);
		expect(isScalableImage('IMAGE/PNG')).toBe(true);
		expect(isScalableImage('image/gif')).toBe(false);
		expect(isScalableImage('image/svg+xml')).toBe(false);
		expect(isScalableImage('application/pdf')).toBe(false);
	});

	it('strips paths and control characters from names', () => {
		expect(cleanFileName('C:\\photos\\pump.jpg')).toBe('pump.jpg');
		expect(cleanFileName('../../etc/passwd')).toBe('passwd');
		expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
		expect(cleanFileName('   ')).toBe('file');
		expect(cleanFileName('x'.repeat(300))).toHaveLength(200);
	});

	it('renames a re-encoded photo to its new type', () => {
		expect(renamedFor('IMG_1.HEIC.webp', 'image/jpeg')).toBe('IMG_1.HEIC.jpg');
		expect(renamedFor('scan', 'image/png')).toBe('scan.png');
		expect(renamedFor('notes.txt', 'text/plain')).toBe('notes.txt');
	});

	it('reads the photo edge preference, falling back to the default', () => {
		expect(imageMaxEdge(undefined)).toBe(DEFAULT_IMAGE_MAX_EDGE);
		expect(imageMaxEdge(2048)).toBe(2048);
		expect(imageMaxEdge(0)).toBe(0);
		expect(imageMaxEdge(1234)).toBe(DEFAULT_IMAGE_MAX_EDGE);
	});
});

describe('countByTask', () => {
	it('counts files per task', () => {
		const counts = countByTask([{ task: 'task:A' }, { task: 'task:B' }, { task: 'task:A' }]);
		expect(Object.fromEntries(counts)).toEqual({ 'task:A': 2, 'task:B': 1 });
	});
});
