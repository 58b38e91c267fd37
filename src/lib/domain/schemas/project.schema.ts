import { z } from 'zod';
import { ULID_PATTERN } from '../ids';
import { baseDoc, hlcSchema, text } from './common.schema';

export const PROJECT_COLORS = ['blue', 'green', 'orange', 'purple', 'red', 'teal', 'gray'] as const;

export const projectSchema = z.object({
	_id: z.string().regex(new RegExp(`^project:${ULID_PATTERN}$`)),
	type: z.literal('project'),
	name: text(100),
	description: z.string().max(5000),
	color: z.enum(PROJECT_COLORS),
	archived: z.boolean(),
	clocks: z.record(z.string(), hlcSchema),
	...baseDoc
});

export type Project = z.infer<typeof projectSchema>;
