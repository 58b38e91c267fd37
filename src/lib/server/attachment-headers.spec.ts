import { describe, expect, it } from 'vitest';
import { attachmentHeaders } from './attachment-headers';

describe('attachmentHeaders', () => {
	it('serves raster images inline, sandboxed and never sniffed', () => {
		const h = attachmentHeaders('image/png', 'pump.png');
		expect(h['content-type']).toBe('image/png');
		expect(h['content-disposition']).toMatch(/^inline; filename="pump.png"/);
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['content-security-policy']).toMatch(/^sandbox/);
	});

	it.each([
		['text/html', 'page.html'],
		['image/svg+xml', 'logo.svg'],
		['application/javascript', 'x.js'],
		['text/javascript; charset=utf-8', 'x.js'],
		['TEXT/HTML', 'upper.html'],
		['application/pdf', 'report.pdf'],
		['', 'blank']
	])('makes %s a download of opaque bytes', (type, name) => {
		const h = attachmentHeaders(type, name);
		expect(h['content-type']).toBe('application/octet-stream');
		expect(h['content-disposition']).toMatch(/^attachment;/);
		expect(h['content-security-policy']).toMatch(/^sandbox/);
	});

	it('keeps header injection out of the file name', () => {
		const h = attachmentHeaders('text/plain', 'a"b\r\nSet-Cookie: x=1.txt');
		expect(h['content-disposition']).not.toMatch(/[\r\n]/);
		expect(h['content-disposition']).toContain('filename="a_b__Set-Cookie: x=1.txt"');
	});
});
