import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeText } from './text-merge';

const words = (n: number, seed: number) => {
	const vocab = ['the', 'pump', 'valve', 'log', 'pressure', 'check', 'and', 'a', 'of', 'seal'];
	return Array.from({ length: n }, (_, i) => vocab[(i * 7 + seed * 3 + i * i) % vocab.length]!);
};

describe('mergeText', () => {
	it('keeps both edits to different sentences', () => {
		const base = 'Check the pump.\nLog the pressure.';
		expect(
			mergeText(
				base,
				'Check the pump and valve.\nLog the pressure.',
				'Check the pump.\nLog the pressure twice.'
			)
		).toEqual({ text: 'Check the pump and valve.\nLog the pressure twice.', conflict: false });
	});

	it('keeps the preferred wording where both changed the same words, and says so', () => {
		const base = 'Check the pump.\nLog the pressure.';
		expect(
			mergeText(base, 'Check the motor.\nLog the pressure.', 'Check the fan.\nLog the pressure.')
		).toEqual({ text: 'Check the motor.\nLog the pressure.', conflict: true });
		// The same change on both sides is no conflict.
		expect(mergeText(base, 'Check it.\nLog the pressure.', 'Check it.\nLog the pressure.')).toEqual(
			{ text: 'Check it.\nLog the pressure.', conflict: false }
		);
	});

	it('takes either side whole when the other did not change the text', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (base, side) => {
				expect(mergeText(base, side, base)).toEqual({ text: side, conflict: false });
				expect(mergeText(base, base, side)).toEqual({ text: side, conflict: false });
			})
		);
	});

	it('applies edits to separate parts of a text both, in any text', () => {
		const edit = fc.record({
			at: fc.nat(),
			cut: fc.nat({ max: 4 }),
			insert: fc.array(fc.constantFrom('new ', 'words ', 'here ', 'pump '), { maxLength: 4 })
		});
		fc.assert(
			fc.property(fc.integer({ min: 16, max: 80 }), fc.nat(), edit, edit, (n, seed, e1, e2) => {
				const base = words(n, seed).map((w) => `${w} `);
				const half = Math.floor(n / 2);
				// Left half for one side, right half for the other, a shared word between.
				const at1 = e1.at % (half - 6);
				const at2 = half + 1 + (e2.at % (n - half - 6));
				const left = [...base];
				left.splice(at1, Math.min(e1.cut, 4), ...e1.insert);
				const right = [...base];
				right.splice(at2, Math.min(e2.cut, 4), ...e2.insert);
				const both = [...base];
				both.splice(at2, Math.min(e2.cut, 4), ...e2.insert);
				both.splice(at1, Math.min(e1.cut, 4), ...e1.insert);
				const r = mergeText(base.join(''), left.join(''), right.join(''));
				expect(r).toEqual({ text: both.join(''), conflict: false });
			}),
			{ numRuns: 300 }
		);
	});

	it('merges small edits of a 20,000-character description, and keeps one side of a rewrite', () => {
		const base = words(3400, 1).join(' ').slice(0, 19_900);
		const a = `Start. ${base.slice(0, 9000)} inserted here ${base.slice(9000)}`;
		const b = `${base.slice(0, 19_000)} changed at the end ${base.slice(19_100)}`;
		const merged = mergeText(base, a, b);
		expect(merged.conflict).toBe(false);
		expect(merged.text.startsWith('Start. ')).toBe(true);
		expect(merged.text).toContain(' inserted here ');
		expect(merged.text).toContain(' changed at the end ');
		const rewrite = words(3400, 5).join(' ').toUpperCase();
		expect(mergeText(base, a, rewrite)).toEqual({ text: a, conflict: true });
	});
	it('merges edits of different sentences in text written without spaces', () => {
		const base = '今日はポンプを点検する。圧力を記録する。';
		expect(
			mergeText(
				base,
				'今日はポンプとバルブを点検する。圧力を記録する。',
				'今日はポンプを点検する。圧力を二回記録する。'
			)
		).toEqual({ text: '今日はポンプとバルブを点検する。圧力を二回記録する。', conflict: false });
		const thai = 'ตรวจปั๊มน้ำ บันทึกแรงดัน';
		expect(mergeText(thai, 'ตรวจปั๊มน้ำเช้า บันทึกแรงดัน', 'ตรวจปั๊มน้ำ บันทึกแรงดันสองครั้ง').conflict).toBe(
			false
		);
	});

	it('gives up quickly on two rewrites of a long text', () => {
		const han = (seed: number) =>
			Array.from({ length: 20_000 }, (_, i) =>
				String.fromCodePoint(0x4e00 + ((i * seed) % 5000))
			).join('');
		const [base, a, b] = [han(7), han(11), han(13)];
		expect(mergeText(base, a, b)).toEqual({ text: a, conflict: true });
	});
});
