/**
 * A task's repeat rule. The server's `validate_doc_update` is generated from this schema,
 * so the rule grammar is a regular expression both sides can check: the RFC 5545 RRULE
 * parts TaskFlow understands, without DTSTART (the due date anchors each occurrence).
 */
import { z } from 'zod';
import { ULID_PATTERN } from '../ids';

const DAY = '(MO|TU|WE|TH|FR|SA|SU)';
const ORD_DAY = `([+-]?[1-5])?${DAY}`;
const MONTH_DAY = '-?([1-9]|[12][0-9]|3[01])';
const PART = [
	'INTERVAL=([1-9][0-9]{0,2})',
	`BYDAY=${ORD_DAY}(,${ORD_DAY}){0,6}`,
	`BYMONTHDAY=${MONTH_DAY}(,${MONTH_DAY}){0,30}`,
	'BYMONTH=([1-9]|1[0-2])(,([1-9]|1[0-2])){0,11}',
	'BYSETPOS=-?[1-9][0-9]{0,2}',
	`WKST=${DAY}`
].join('|');

/** RRULE body such as `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO`. */
export const RRULE_PATTERN = `^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;(${PART}))*$`;

/** IANA time zone names (`Europe/Berlin`, `America/Argentina/Salta`, `UTC`). */
export const ZONE_PATTERN = '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$';

export const RECURRENCE_MODES = ['schedule', 'after_completion'] as const;
export type RecurrenceMode = (typeof RECURRENCE_MODES)[number];

export const recurrenceSchema = z.object({
	/** RRULE body. In `after_completion` mode it counts from the day the task was done. */
	rule: z.string().max(300).regex(new RegExp(RRULE_PATTERN), 'invalid repeat rule'),
	/** `schedule`: next date from the due date; `after_completion`: from the completion day. */
	mode: z.enum(RECURRENCE_MODES),
	/** Time zone whose calendar decides which day a completion happened on. */
	zone: z.string().max(64).regex(new RegExp(ZONE_PATTERN), 'invalid time zone'),
	/** Shared by every occurrence of the series; part of the next occurrence's id. */
	series: z.string().regex(new RegExp(`^${ULID_PATTERN}$`)),
	/** 0 for the first occurrence, +1 for each next one. */
	index: z.number().int().min(0).max(1_000_000)
});

export type Recurrence = z.infer<typeof recurrenceSchema>;
