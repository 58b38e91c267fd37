/**
 * Consistency harness, first part: several devices (browser contexts, each its own
 * IndexedDB) run the app and make random, seeded edits to the same tasks through its UI,
 * while faults strike at random: devices go offline for stretches, and reload right after
 * an edit, before it could be stored. Then everyone heals, and the harness checks what
 * TaskFlow promises (docs/consistency.md):
 * - no conflict is left on the server, and every device shows what the server holds;
 * - every acknowledged edit is the final value, or was followed by a later edit of the same
 *   field, or is in the task's history (restorable).
 *
 * Quick in `npm test` (5 devices, 24 operations); `npm run consistency -- --devices 10
 * --minutes 30` runs a long one. The seed is printed, and `CONSISTENCY_SEED` replays it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser';
import { freshAccount } from './support/fresh-account';
import { AppPage } from './pages/app.page';
import { PRIORITIES, TASK_STATUSES } from '$lib/domain/schemas/task.schema';

const baseUrl = inject('baseUrl');
const env = process.env;
const DEVICES = Number(env.CONSISTENCY_DEVICES ?? 5);
const OPS = Number(env.CONSISTENCY_OPS ?? 24);
const MINUTES = Number(env.CONSISTENCY_MINUTES ?? 0);
const SEED = Number(env.CONSISTENCY_SEED ?? Math.floor(Math.random() * 2 ** 31));
const TAGS = ['Ta', 'Tb', 'Tc', 'Td'];
// The values the task panel offers, from the schema it renders them from.
const VALUES = { priority: PRIORITIES, status: TASK_STATUSES } as const;
type Field = 'title' | 'priority' | 'status';

/** mulberry32: a small seeded generator, so a run can be replayed. */
function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
	return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

interface Device {
	n: number;
	ctx: BrowserContext;
	app: AppPage;
	offline: boolean;
}

interface Edit {
	op: number;
	device: number;
	tag: string;
	field: Field;
	value: string;
	/** When the UI showed it (the driver's clock). */
	at: number;
}

interface ServerTask {
	_id: string;
	title: string;
	priority: string;
	status: string;
	_conflicts?: string[];
}

describe('consistency under faults', () => {
	let browser: Browser;
	const devices: Device[] = [];
	let projectUrl = '';
	let db = '';
	const log: string[] = [];
	const edits: Edit[] = [];

	beforeAll(async () => {
		const user = await freshAccount('jepsen');
		browser = await launchBrowser();
		for (let n = 0; n < DEVICES; n++) {
			const ctx = await newContext(browser);
			const app = new AppPage(await ctx.newPage(), baseUrl);
			await app.login(user.name, user.password);
			if (n === 0) {
				projectUrl = await app.createProject('Consistency');
				for (const tag of TAGS) await app.createTask({ title: `${tag} v0` });
				db = `tf-ws-${/\/w\/([^/]+)/.exec(projectUrl)![1]!.toLowerCase()}`;
			} else {
				await app.page.goto(projectUrl);
			}
			for (const tag of TAGS) await app.card(`${tag} `).waitFor({ timeout: 30_000 });
			devices.push({ n, ctx, app, offline: false });
		}
	});

	afterAll(async () => {
		await browser?.close();
	});

	async function closePanel(d: Device) {
		if (await d.app.page.getByTestId('task-detail').count()) await d.app.closeTask();
	}

	/** Makes one edit through the task panel; returns once the UI shows it. */
	async function edit(d: Device, e: Omit<Edit, 'at'>, thenReload: boolean) {
		await closePanel(d);
		const detail = await d.app.openTask(`${e.tag} `);
		if (e.field === 'title') {
			const title = detail.locator('textarea[name=title]');
			await title.fill(e.value);
			await title.press('Enter');
		} else {
			const select = detail.locator(`select[name=${e.field}]`);
			// Choosing what is already shown changes nothing: no edit to keep.
			if ((await select.inputValue()) === e.value) {
				log.push(`${e.op}: (no change: ${e.tag}.${e.field} already ${e.value} on device ${d.n})`);
				return;
			}
			await select.selectOption(e.value);
		}
		edits.push({ ...e, at: Date.now() });
		if (thenReload) {
			// Before the write can land: the journal must carry it across the reload.
			await d.app.page.reload();
			await d.app.card(`${e.tag} `).waitFor({ timeout: 30_000 });
			// The page's address still names the task: its panel opens again.
			await d.app.page.getByTestId('task-detail').waitFor();
			await d.app.closeTask();
		}
	}

	async function serverTasks(): Promise<ServerTask[]> {
		const { user, password } = inject('admin');
		const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
		const q = 'include_docs=true&conflicts=true&startkey="task:"&endkey="task:\uffff"';
		const res = await fetch(`${inject('couchUrl')}/${db}/_all_docs?${q}`, {
			headers: { authorization: auth }
		});
		const body = (await res.json()) as { rows: { doc: ServerTask }[] };
		return body.rows.map((r) => r.doc);
	}

	async function history(): Promise<{ task: string; field: string; from: unknown }[]> {
		const { user, password } = inject('admin');
		const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
		const q = 'include_docs=true&startkey="activity:"&endkey="activity:\uffff"';
		const res = await fetch(`${inject('couchUrl')}/${db}/_all_docs?${q}`, {
			headers: { authorization: auth }
		});
		const body = (await res.json()) as {
			rows: { doc: { action: string; task: string; field: string; from: unknown } }[];
		};
		return body.rows.map((r) => r.doc).filter((a) => a.action === 'merge');
	}

	/** What a device's board shows: title, priority and column of every card. */
	function board(d: Device): Promise<string[]> {
		return d.app.page.evaluate(() =>
			[...document.querySelectorAll('[data-testid=task-card]')]
				.map((card) => {
					const title = card.querySelector('[data-task-link]')?.textContent?.trim();
					const prio = card.querySelector('.prio')?.textContent?.trim().toLowerCase();
					const column = card.closest<HTMLElement>('[data-column]')?.dataset.column;
					return `${title}|${prio}|${column}`;
				})
				.sort()
		);
	}

	it(
		`keeps every acknowledged edit across ${DEVICES} devices (seed ${SEED})`,
		async () => {
			const rnd = random(SEED);
			const until = MINUTES > 0 ? Date.now() + MINUTES * 60_000 : 0;
			let faults = 0;
			for (let op = 1; until ? Date.now() < until : op <= OPS; op++) {
				const d = rnd.pick(devices);
				const roll = rnd.next();
				if (roll < 0.15) {
					d.offline = !d.offline;
					await d.ctx.setOffline(d.offline);
					log.push(`${op}: device ${d.n} ${d.offline ? 'offline' : 'online'}`);
					faults++;
					continue;
				}
				const field = rnd.pick(['title', 'priority', 'status'] as const);
				const tag = rnd.pick(TAGS);
				const value = field === 'title' ? `${tag} v${op}` : rnd.pick(VALUES[field]);
				// A reload needs the app from the network or its cache: only online devices reload.
				const thenReload = !d.offline && rnd.next() < 0.2;
				log.push(
					`${op}: device ${d.n} sets ${tag}.${field} = ${value}${thenReload ? ', reloads' : ''}`
				);
				if (thenReload) faults++;
				await edit(d, { op, device: d.n, tag, field, value }, thenReload);
			}

			// Heal: everyone online, then wait until devices and server agree and settle.
			for (const d of devices) {
				await d.ctx.setOffline(false);
				d.offline = false;
				await closePanel(d);
			}
			let tasks: ServerTask[] = [];
			let boards: string[][] = [];
			const deadline = Date.now() + 120_000;
			for (;;) {
				tasks = await serverTasks();
				boards = await Promise.all(devices.map(board));
				const expected = tasks
					.map((t) => `${t.title}|${t.priority}|${t.status}`)
					.sort()
					.join('\n');
				const agreed = boards.every((b) => b.join('\n') === expected);
				if (agreed && tasks.every((t) => !t._conflicts?.length)) break;
				if (Date.now() > deadline) {
					console.error(`seed ${SEED}\n${log.join('\n')}`);
					expect(
						boards.map((b) => b.join('\n')),
						'devices and server agree'
					).toEqual(devices.map(() => expected));
					expect(tasks.filter((t) => t._conflicts?.length)).toEqual([]);
				}
				await new Promise((r) => setTimeout(r, 1000));
			}

			// Every acknowledged edit is final, superseded by a later one, or in the history.
			const merges = await history();
			const byTag = new Map(
				TAGS.map((tag) => [tag, tasks.find((t) => t.title.startsWith(`${tag} `))!])
			);
			const missing = edits.filter((e) => {
				const task = byTag.get(e.tag)!;
				if (task[e.field] === e.value) return false;
				const later = edits.some((o) => o.tag === e.tag && o.field === e.field && o.at > e.at);
				if (later) return false;
				return !merges.some(
					(m) => m.task === task._id && m.field === e.field && m.from === e.value
				);
			});
			console.log(
				`consistency: seed ${SEED}, ${DEVICES} devices, ${edits.length} acknowledged edits, ` +
					`${faults} faults (offline/online and reloads right after an edit), ` +
					`${merges.length} merge history entries, anomalies: ${missing.length}`
			);
			if (missing.length) console.error(`seed ${SEED}\n${log.join('\n')}`);
			expect(missing).toEqual([]);
		},
		240_000 + MINUTES * 60_000 + OPS * 4_000
	);
});
