/**
 * Browser-only export plumbing for ChartCard: saving a Blob as a file, and rendering a chart's
 * <svg> to PNG. The chart's colours are CSS variables (light-dark() tokens) that a standalone
 * SVG image cannot see, so every element's computed paint is written onto a clone first.
 */

/** Saves `blob` as a download called `name`. */
export function download(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Computed properties copied onto the clone as presentation attributes. */
const PAINT = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-linecap',
	'stroke-linejoin',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'text-anchor',
	'shape-rendering'
] as const;

/**
 * A standalone copy of `svg` as markup: each element's computed paint and text style written
 * as attributes (so var() and light-dark() colours resolve to the current theme), classes and
 * inline styles dropped, and the on-screen size made explicit.
 */
export function standaloneSvg(svg: SVGSVGElement): {
	markup: string;
	width: number;
	height: number;
} {
	const { width, height } = svg.getBoundingClientRect();
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const source = [svg, ...svg.querySelectorAll('*')];
	const target = [clone, ...clone.querySelectorAll('*')];
	source.forEach((el, i) => {
		const out = target[i];
		if (!out) return;
		const style = getComputedStyle(el);
		for (const prop of PAINT) {
			const value = style.getPropertyValue(prop);
			if (value) out.setAttribute(prop, value);
		}
		out.removeAttribute('class');
		out.removeAttribute('style');
	});
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/** `svg` drawn at `scale`× on a `background` canvas, as a PNG Blob. */
export async function svgToPng(svg: SVGSVGElement, background: string, scale = 2): Promise<Blob> {
	const { markup, width, height } = standaloneSvg(svg);
	const img = new Image();
	img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
	await img.decode();
	const canvas = document.createElement('canvas');
	canvas.width = Math.max(1, Math.round(width * scale));
	canvas.height = Math.max(1, Math.round(height * scale));
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('Canvas is not available');
	ctx.fillStyle = background;
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('Could not encode the PNG'))),
			'image/png'
		)
	);
}
