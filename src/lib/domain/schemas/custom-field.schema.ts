import { z } from 'zod';
import { text } from './common.schema';

/** Kinds of project-defined task fields. */
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
export const CUSTOM_FIELD_TYPE_LABELS: Record<CustomFieldType, string> = {
	text: 'Text',
	number: 'Number',
	date: 'Date',
	select: 'Choice'
};

/** Most fields a project may define, and most choices a select field may offer. */
export const MAX_CUSTOM_FIELDS = 20;
export const MAX_FIELD_OPTIONS = 50;
/** Longest text value. */
export const MAX_CUSTOM_TEXT = 500;

/** A field id: short, lowercase, stable when the field is renamed (values are keyed by it). */
export const customFieldIdSchema = z
	.string()
	.regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'invalid field id');

/** One field a project defines for its tasks. */
export const customFieldDefSchema = z.object({
	id: customFieldIdSchema,
	name: text(60),
	type: z.enum(CUSTOM_FIELD_TYPES),
	/** The choices of a `select` field, in display order. */
	options: z.array(z.string().min(1).max(60)).max(MAX_FIELD_OPTIONS).optional()
});
export type CustomFieldDef = z.infer<typeof customFieldDefSchema>;

/**
 * A task's values by field id. The server checks shape and size only; whether a value fits
 * its field's type is checked where the definitions are known (the UI, `custom-fields.ts`).
 */
export const customValuesSchema = z.record(
	customFieldIdSchema,
	z.union([z.string().max(MAX_CUSTOM_TEXT), z.number(), z.null()])
);
export type CustomValues = z.infer<typeof customValuesSchema>;
