/**
 * Files on tasks and comments. Each file is its own `attachment:<task>:<id>` document whose
 * CouchDB attachments hold the bytes (`file`, and `thumb` for photos), so files replicate
 * and open offline like everything else, and task documents stay small. Attachment
 * documents are never edited: removing one is a delete, undone by writing it again.
 */
import { MAX_ATTACHMENT_BYTES, sizeError, storableType } from '../domain/attachments';
import { newAttachmentId, type TaskId } from '../domain/ids';
import type { Attachment } from '../domain/schemas/attachment.schema';
import { appendActivity, createDoc } from './doc-writes';
import type { Db } from './pouch';
import type { Writer } from './writer';

/** A file ready to store: downscaling and thumbnails happen before this. */
export interface AttachmentInput {
	task: TaskId;
	comment?: string | null;
	name: string;
	file: Blob;
	thumb?: Blob | null;
	width?: number | null;
	height?: number | null;
}

/** Which stored part to read. */
export type AttachmentPart = 'file' | 'thumb';

/** The file was over the limit: nothing was stored. */
export class AttachmentTooLargeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AttachmentTooLargeError';
	}
}

export class AttachmentsRepo {
	constructor(
		private readonly db: Db,
		private readonly writer: Writer
	) {}

	async add(input: AttachmentInput): Promise<Attachment> {
		const tooBig = sizeError(input.name, input.file.size, MAX_ATTACHMENT_BYTES);
		if (tooBig) throw new AttachmentTooLargeError(tooBig);
		const contentType = storableType(input.file.type);
		const files: Record<string, { content_type: string; data: Blob }> = {
			file: { content_type: contentType, data: input.file }
		};
		if (input.thumb) files.thumb = { content_type: input.thumb.type, data: input.thumb };
		return createDoc<Attachment & { _attachments?: typeof files }>(
			this.db,
			this.writer,
			(ctx) => ({
				_id: newAttachmentId(input.task),
				type: 'attachment',
				task: input.task,
				comment: input.comment ?? null,
				name: input.name,
				contentType,
				size: input.file.size,
				width: input.width ?? null,
				height: input.height ?? null,
				createdBy: ctx.user,
				createdAt: ctx.now,
				updatedAt: ctx.now,
				_attachments: files
			}),
			(a) => ({ doc: a._id, task: a.task })
		);
	}

	/** The bytes of one part, from this device's database (works offline once synced). */
	async read(id: string, part: AttachmentPart): Promise<Blob> {
		return (await this.db.getAttachment(id, part)) as Blob;
	}

	/**
	 * Deletes the document (and so its files), returning what `restore` needs to undo it.
	 * The server lets only its creator or a workspace admin do this.
	 */
	async remove(attachment: Attachment): Promise<AttachmentInput> {
		const undo: AttachmentInput = {
			task: attachment.task as TaskId,
			comment: attachment.comment,
			name: attachment.name,
			file: await this.read(attachment._id, 'file'),
			thumb: await this.read(attachment._id, 'thumb').catch(() => null),
			width: attachment.width,
			height: attachment.height
		};
		const current = await this.db.get(attachment._id);
		const ctx = this.writer.context();
		await this.db.remove(current);
		await appendActivity(this.db, [
			this.writer.activity(
				ctx,
				'delete',
				{ doc: attachment._id, task: attachment.task },
				{ field: 'attachment', from: attachment.name, to: null }
			)
		]);
		return undo;
	}
}
