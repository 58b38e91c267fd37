import { z } from 'zod';
import { ULID_PATTERN } from '../ids';
import { baseDoc, hlcSchema, isoDate, text, userName } from './common.schema';
import { customFieldDefSchema, MAX_CUSTOM_FIELDS } from './custom-field.schema';

export const PROJECT_COLORS = ['blue', 'green', 'orange', 'purple', 'red', 'teal', 'gray'] as const;

export const projectSchema = z.object({
	_id: z.string().regex(new RegExp(`^project:${ULID_PATTERN}$`)),
	type: z.literal('project'),
	name: text(100),
	description: z.string().max(5000),
	color: z.enum(PROJECT_COLORS),
	archived: z.boolean(),
	/** Hourly rate for billable time; null or absent when the project is not billed. */
	rate: z.number().min(0).max(1_000_000).nullable().optional(),
	/** Per-member hourly rates that override `rate`. Only workspace admins set rates. */
	memberRates: z.record(userName, z.number().min(0).max(1_000_000)).optional(),
	/** When the team means to finish: the burn-down's ideal line runs to it. */
	targetDate: isoDate.nullable().optional(),
	/** Fields this project's tasks carry (see custom-field.schema.ts), in display order. */
	fields: z.array(customFieldDefSchema).max(MAX_CUSTOM_FIELDS).optional(),
	clocks: z.record(z.string(), hlcSchema),
	...baseDoc
});

export type Project = z.infer<typeof projectSchema>;
