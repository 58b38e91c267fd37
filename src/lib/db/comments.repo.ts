/** Comment writes: each comment is its own document, so two people never fight over one. */
import { newCommentId, type TaskId } from '../domain/ids';
import type { Comment } from '../domain/schemas/comment.schema';
import { sameValue } from '../domain/write-context';
import { appendActivity, createDoc, patchDoc } from './doc-writes';
import type { Db } from './pouch';
import type { Writer } from './writer';

export class CommentsRepo {
	constructor(
		private readonly db: Db,
		private readonly writer: Writer
	) {}

	add(task: TaskId, body: string): Promise<Comment> {
		return createDoc<Comment>(
			this.db,
			this.writer,
			(ctx) => ({
				_id: newCommentId(task),
				type: 'comment',
				task,
				body: body.trim(),
				author: ctx.user,
				editedAt: null,
				createdBy: ctx.user,
				createdAt: ctx.now,
				updatedAt: ctx.now
			}),
			(c) => ({ doc: c._id, task: c.task })
		);
	}

	edit(comment: Comment, body: string): Promise<Comment> {
		this.#assertAuthor(comment);
		return patchDoc<Comment>(
			this.db,
			this.writer,
			comment._id,
			(current, ctx) => {
				const next = body.trim();
				if (sameValue(current.body, next)) return { doc: current, changes: [] };
				return {
					doc: { ...current, body: next, editedAt: ctx.now, updatedAt: ctx.now },
					changes: [{ field: 'body', from: current.body, to: next }]
				};
			},
			(c) => ({ doc: c._id, task: c.task })
		);
	}

	async remove(comment: Comment): Promise<void> {
		this.#assertAuthor(comment);
		const current = await this.db.get<Comment>(comment._id);
		const ctx = this.writer.context();
		await this.db.remove(current);
		// The text is kept in the activity log, so a deleted comment can still be read back.
		await appendActivity(this.db, [
			this.writer.activity(
				ctx,
				'delete',
				{ doc: current._id, task: current.task },
				{ field: 'body', from: current.body, to: null }
			)
		]);
	}

	#assertAuthor(comment: Comment): void {
		if (comment.author !== this.writer.user) {
			throw new Error('Only the author can change a comment.');
		}
	}
}
