import { describe, expect, it } from 'vitest';
import {
	escapeText,
	foldLine,
	nextDay,
	renderCalendar,
	utcStamp,
	type CalendarEvent
} from './ics-render';

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
	uid: 'task-01J0@taskflow',
	date: '2026-03-09',
	title: 'Check the pumps',
	url: 'https://tf.example/w/ws1/p/P1?task=T1',
	where: 'Field work',
	done: false,
	updatedAt: '2026-03-01T10:15:30.123Z',
	completedAt: null,
	...over
});

const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('escapeText', () => {
	it('escapes backslash, semicolon, comma and every kind of newline', () => {
		expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
	});
	it('leaves colons and quotes alone', () => {
		expect(escapeText('Re: "pumps"')).toBe('Re: "pumps"');
	});
});

describe('foldLine', () => {
	it('keeps short lines as they are', () => {
		expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
	});
	it('folds at 75 octets with a leading space on continuation lines', () => {
		const line = `SUMMARY:${'x'.repeat(200)}`;
		const physical = foldLine(line).split('\r\n');
		expect(physical.length).toBe(3);
		for (const p of physical) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
		expect(physical.slice(1).every((p) => p.startsWith(' '))).toBe(true);
		expect(unfold(foldLine(line))).toBe(line);
	});
	it('never splits a multi-byte character', () => {
		const line = `SUMMARY:${'é'.repeat(60)}${'😀'.repeat(10)}`;
		const folded = foldLine(line);
		for (const p of folded.split('\r\n')) {
			expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
			expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
		}
		expect(unfold(folded)).toBe(line);
	});
});

describe('dates', () => {
	it('gives the next day across month, year and leap-day ends', () => {
		expect(nextDay('2026-03-09')).toBe('2026-03-10');
		expect(nextDay('2026-01-31')).toBe('2026-02-01');
		expect(nextDay('2026-12-31')).toBe('2027-01-01');
		expect(nextDay('2028-02-28')).toBe('2028-02-29');
		expect(nextDay('2027-02-28')).toBe('2027-03-01');
	});
	it('writes UTC stamps without separators or milliseconds', () => {
		expect(utcStamp('2026-03-01T10:15:30.123Z')).toBe('20260301T101530Z');
		expect(utcStamp('2026-03-01T12:15:30+02:00')).toBe('20260301T101530Z');
	});
});

describe('renderCalendar', () => {
	it('wraps all-day events in a VCALENDAR with CRLF line ends only', () => {
		const text = renderCalendar('TaskFlow — ana', [event()]);
		expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(text).toContain('\r\nDTSTART;VALUE=DATE:20260309\r\n');
		expect(text).toContain('\r\nDTEND;VALUE=DATE:20260310\r\n');
		expect(text).toContain('\r\nUID:task-01J0@taskflow\r\n');
		expect(text).toContain('\r\nDTSTAMP:20260301T101530Z\r\n');
		expect(text).toContain('\r\nSUMMARY:Check the pumps\r\n');
		expect(text).not.toContain('X-TASKFLOW-STATUS');
	});
	it('escapes user text and keeps the link in the description', () => {
		const text = unfold(renderCalendar('c', [event({ title: 'Pumps; valves, hoses\nand more' })]));
		expect(text).toContain('SUMMARY:Pumps\\; valves\\, hoses\\nand more\r\n');
		expect(text).toContain('DESCRIPTION:Field work\\nhttps://tf.example/w/ws1/p/P1?task=T1\r\n');
	});
	it('marks finished tasks', () => {
		const text = unfold(
			renderCalendar('c', [event({ done: true, completedAt: '2026-03-08T09:00:00.000Z' })])
		);
		expect(text).toContain('SUMMARY:✓ Check the pumps\r\n');
		expect(text).toContain('DESCRIPTION:Done on 2026-03-08.\\nField work');
		expect(text).toContain('X-TASKFLOW-STATUS:COMPLETED\r\n');
	});
	it('sorts events by date and folds long lines', () => {
		const text = renderCalendar('c', [
			event({ uid: 'b', date: '2026-05-01', title: 'y'.repeat(300) }),
			event({ uid: 'a', date: '2026-04-01' })
		]);
		expect(text.indexOf('UID:a')).toBeLessThan(text.indexOf('UID:b'));
		for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
	});
	it('renders an empty but valid calendar when nothing is due', () => {
		expect(renderCalendar('c', [])).not.toContain('BEGIN:VEVENT');
	});
});
