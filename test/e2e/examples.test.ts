// Every example workflow that npm start imports (and the README links) runs as published, one test
// (or more) per example: manual ones headless through the CLI, the others through their webhooks in
// a running n8n, fed by BigDD's signed events or by the HTTP calls a portal or helpdesk would make.
import type { Shop } from '../support/local-bigdd';
import { newOrder } from '../support/local-bigdd';
import { nodeOutput } from '../../harness/n8n';
import { startAppStandIns } from '../../harness/app-stand-ins';
import {
	addExampleEndpoints,
	exampleAiCredentials,
	exampleAppCredentials,
	exampleHeaderAuth,
	readExamples,
	startsFromWebhook,
} from '../../harness/workflows';
import { useN8nWithBigdd, type Bigdd, type N8n } from './fixture';
import { buildEvent, deliverWebhook } from '../../dev-server/webhooks';

const examples = readExamples();
/** The X-Api-Key the portal and helpdesk examples' Header Auth credential holds. */
const API_KEY = 'example-e2e-api-key-0123456789';
/** An example with its deactivated nodes activated, as the user does once the example's data is theirs. */
const activated = (id: string) => {
	const example = examples.find((e) => e.id === id)!;
	return { ...example, nodes: example.nodes.map((node) => ({ ...node, disabled: false })) };
};
const ID = {
	raiseLimits: 'bigddExample0001',
	licenseCheck: 'bigddExample0002',
	crm: 'bigddExample0003',
	bulkImport: 'bigddExample0004',
	notify: 'bigddExample0005',
	portal: 'bigddExample0006',
	helpdesk: 'bigddExample0007',
	stats: 'bigddExample0008',
	stamped: 'bigddExample0009',
	catchUp: 'bigddExample0010',
};
/** Examples run by another suite: the AI ones need a model stand-in and an MCP client (aiTools.test.ts). */
const RUN_ELSEWHERE = { aiAgent: 'bigddExample0011', mcpServer: 'bigddExample0012' };
const STARTED_BY_WEBHOOK = examples.filter(startsFromWebhook).map((example) => example.id);

type Run = Parameters<typeof nodeOutput>[0];
type Order = Shop['orders'][number];
const cents = (order: Order) =>
	order.lines.reduce((sum, line) => sum + line.price_cents * line.quantity, 0);
const filesOf = (order: Order) => [...new Set(order.lines.flatMap((line) => line.file_ids))];

describe('example workflows in real n8n', () => {
	let bigdd: Bigdd;
	let n8n: N8n;
	const shop = () => bigdd.server.shop as Shop;
	const received = (method: string, path: string) => setup.received(method, path);

	// As a merchant sets them up: one BigDD endpoint per trigger example, each with its own secret, all
	// the secrets in the shop's one credential.
	let endpoints: ReturnType<typeof addExampleEndpoints>['endpoints'] = [];
	// Slack, Google Sheets, HubSpot (through n8n's proxy setting, TLS from a test CA) and an SMTP server, local.
	let apps: Awaited<ReturnType<typeof startAppStandIns>>;
	beforeAll(async () => {
		apps = await startAppStandIns();
	});
	afterAll(async () => await apps?.stop());
	/** What the stand-in of `host` received for `route` (a path prefix). */
	const appCalls = (host: string, route: string) =>
		apps.calls.filter((c) => c.host === host && c.path.startsWith(route));
	const setup = useN8nWithBigdd({
		env: () => apps.env,
		credentialId: 'bigddLocalDemo01',
		credentialName: 'BigDD (local server)',
		webhookSigningSecret: ({ bigdd, n8n }) => {
			const added = addExampleEndpoints(bigdd.server, examples, n8n.baseUrl);
			endpoints = added.endpoints;
			return added.signingSecrets;
		},
		// The AI examples run in aiTools.test.ts; here they are imported and the MCP one published like the others.
		otherCredentials: () => [
			exampleHeaderAuth(API_KEY),
			...exampleAppCredentials({ smtp: apps.smtp }),
			...exampleAiCredentials({
				openAiUrl: 'http://127.0.0.1:9/v1',
				openAiKey: 'sk-example-unused',
				mcpToken: 'example-unused-token-0123456789',
			}),
		],
		workflows: () => examples,
		publish: STARTED_BY_WEBHOOK,
		// Started by the second group of tests, after the headless runs.
		start: false,
	});

	beforeAll(() => {
		bigdd = setup.bigdd();
		n8n = setup.n8n();
	});

	beforeEach(() => {
		bigdd.clear();
		apps.clear();
	});

	it('every example in examples/ has a test here (or in the suite named in RUN_ELSEWHERE)', () => {
		expect(examples.map((e) => e.id).sort()).toEqual(
			[...Object.values(ID), ...Object.values(RUN_ELSEWHERE)].sort(),
		);
		expect([...STARTED_BY_WEBHOOK].sort()).toEqual(
			[
				ID.licenseCheck,
				ID.crm,
				ID.notify,
				ID.portal,
				ID.helpdesk,
				ID.stamped,
				ID.catchUp,
				RUN_ELSEWHERE.aiAgent,
				RUN_ELSEWHERE.mcpServer,
			].sort(),
		);
	});

	describe('run from their Manual Trigger', () => {
		it('raise download limits, as imported: lists what would change and changes nothing', async () => {
			const before = JSON.stringify(shop().products);
			const run = await n8n.execute(ID.raiseLimits);
			expect(
				nodeOutput(run, 'Only products limited to 1-5 downloads').items.length,
			).toBeGreaterThan(0);
			expect(bigdd.requests().filter((r: { method: string }) => r.method !== 'GET')).toEqual([]);
			expect(JSON.stringify(shop().products)).toBe(before);
		});

		it('raise download limits, activated: products limited to 1-5 get 10, unlimited ones stay unlimited', async () => {
			const limited = shop()
				.products.filter(
					(p) =>
						!p.is_archived &&
						p.max_downloads !== null &&
						p.max_downloads > 0 &&
						p.max_downloads <= 5,
				)
				.map((p) => p.id);
			await n8n.importWorkflows([activated(ID.raiseLimits)]);
			const run = await n8n.execute(ID.raiseLimits);
			const updated = nodeOutput(run, 'Raise max downloads to 10').items as {
				id: string;
				max_downloads: number;
			}[];
			expect(updated.map((p) => p.id).sort()).toEqual([...limited].sort());
			expect(updated.every((p) => p.max_downloads === 10)).toBe(true);
		});

		it('bulk key import, as imported: the stand-in keys are not added to the inventory', async () => {
			const keys = shop().licenseKeys.length;
			await n8n.execute(ID.bulkImport);
			expect(bigdd.requests()).toEqual([]);
			expect(shop().licenseKeys).toHaveLength(keys);
		});

		it('bulk key import, activated: 12,000 keys in 3 requests; run again, none is created twice', async () => {
			const tagged = () => shop().licenseKeys.filter((k) => k.tag === 'photoshop-plugin-v3');
			expect(tagged()).toHaveLength(0);
			await n8n.importWorkflows([activated(ID.bulkImport)]);

			const first = nodeOutput(await n8n.execute(ID.bulkImport), 'Import license keys').items;
			expect(first).toEqual([
				expect.objectContaining({ total: 12_000, created: 12_000, skipped: 0, batches: 3 }),
			]);
			const idempotencyKeys = () =>
				received('POST', '/license-keys')
					.map((r) => r.headers['idempotency-key'])
					.sort();
			expect(
				received('POST', '/license-keys')
					.map((r) => (r.body as { keys: string[] }).keys.length)
					.sort(),
			).toEqual([2000, 5000, 5000]);
			const firstKeys = idempotencyKeys();
			expect(new Set(firstKeys).size).toBe(3);

			// The same keys again: the same Idempotency-Keys, so BigDD replays its answers and creates nothing.
			bigdd.clear();
			const second = nodeOutput(await n8n.execute(ID.bulkImport), 'Import license keys').items;
			expect(second).toEqual(first);
			expect(idempotencyKeys()).toEqual(firstKeys);
			expect(tagged()).toHaveLength(12_000);
			expect(new Set(tagged().map((k) => k.key)).size).toBe(12_000);
		});

		it("monthly download stats: last month's window asked for, a totals row, then one row per top file", async () => {
			// The seeded shop ends on 2026-11-01; these downloads fall in last month whatever today is.
			const now = new Date();
			const midLastMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 12);
			const [popular, other] = shop().files;
			// Enough for the popular file to be among the top 10 files of a busy month.
			const added = [...Array(40).fill(popular), other].map((file: Shop['files'][number], i) => ({
				id: `e2e-download-${i}`,
				order_id: shop().orders[0].id,
				line_id: shop().orders[0].lines[0].id,
				customer_id: shop().orders[0].customer.id,
				file_id: file.id,
				is_redownload: i % 2 === 1,
				created_at: new Date(midLastMonth + i * 60_000).toISOString(),
			}));
			shop().downloads.push(...added);

			const rows = nodeOutput(await n8n.execute(ID.stats), 'One row per file').items;
			const [request] = received('GET', '/downloads/stats');
			const { start, end } = request.query as { start: string; end: string };
			const days = (Date.parse(end) - Date.parse(start)) / 86_400_000;
			expect(days).toBeGreaterThanOrEqual(28);
			expect(days).toBeLessThanOrEqual(31.1);
			for (const download of added)
				expect(
					download.created_at >= new Date(start).toISOString() &&
						download.created_at < new Date(end).toISOString(),
				).toBe(true);
			const inWindow = shop().downloads.filter(
				(d) =>
					d.created_at >= new Date(start).toISOString() &&
					d.created_at < new Date(end).toISOString(),
			);
			expect(rows[0]).toMatchObject({
				file: 'All files',
				downloads: inWindow.length,
				billable_downloads: inWindow.filter((d) => !d.is_redownload).length,
			});
			expect(rows.find((r: { file: string }) => r.file === popular.name)).toMatchObject({
				downloads: inWindow.filter((d) => d.file_id === popular.id).length,
			});
			expect(rows.length).toBeGreaterThanOrEqual(3);
		});
	});

	describe('started by BigDD events and HTTP calls in a running n8n', () => {
		const webhookUrl = (webhookPath: string) => `${n8n.baseUrl}/webhook/${webhookPath}`;
		/** BigDD sending an event to one example's endpoint, signed with that endpoint's own secret. */
		const sendEvent = async (webhookId: string, event: unknown) => {
			const endpoint = endpoints.find((e) => e.webhookId === webhookId)!;
			const response = await deliverWebhook({ url: endpoint.url, secret: endpoint.secret, event });
			expect(response.status).toBe(200);
		};
		const withKey = { 'X-Api-Key': API_KEY };
		const runs = async (workflowId: string, count: number) => {
			const executions = (await n8n.waitForExecutions(workflowId, count, 60_000)) as (Run & {
				status: string;
			})[];
			const outcome = (e: Run & { status: string }) =>
				e.status === 'success'
					? 'success'
					: `${e.status}: ${JSON.stringify(e.data.resultData.error)}`;
			expect(executions.map(outcome)).toEqual(Array(count).fill('success'));
			return executions.reverse();
		};
		const orderIndexWith = (matches: (order: Order) => boolean, after = -1) =>
			shop().orders.findIndex((o, i) => i > after && matches(o));

		beforeAll(async () => {
			await n8n.start();
			for (const webhookPath of [
				'bigdd-example-purchase/bigdd',
				'bigdd-example-notify/bigdd',
				'bigdd-example-stamped/bigdd',
				'bigdd-example-catchup/bigdd',
				'bigdd-helpdesk',
				'bigdd-license',
			])
				await n8n.waitForWebhook(webhookPath);
			await n8n.waitForWebhook('bigdd-portal', 60_000, n8n.baseUrl, 'GET');
			// As the never-miss example's note asks the merchant to do once.
			await n8n.createDataTable('bigdd_orders_in_crm', [{ name: 'order_id', type: 'string' }]);
		});

		it('CRM sync: each purchase creates or updates one HubSpot contact with that customer’s order count and spend', async () => {
			const first = orderIndexWith(() => true);
			const second = orderIndexWith(
				(o) => o.customer.email !== shop().orders[first].customer.email,
			);
			for (const orderIndex of [first, second])
				await sendEvent(
					'bigdd-example-purchase',
					buildEvent(shop(), 'digital_order.purchased', { orderIndex }),
				);

			await runs(ID.crm, 2);
			// What HubSpot received, in the order of the purchases: one upsert per purchase, by the app token.
			const upserts = appCalls('api.hubapi.com', '/contacts/v1/contact/createOrUpdate/email/');
			expect(upserts).toHaveLength(2);
			for (const [i, orderIndex] of [first, second].entries()) {
				const purchase = shop().orders[orderIndex];
				const theirs = shop().orders.filter((o) => o.customer.email === purchase.customer.email);
				const upsert = upserts.find(
					(call) => decodeURIComponent(call.path.split('/').pop()!) === purchase.customer.email,
				);
				expect({ i, method: upsert?.method, auth: upsert?.headers.authorization }).toEqual({
					i,
					method: 'POST',
					auth: 'Bearer pat-example-hubspot-token',
				});
				expect(
					Object.fromEntries(
						(upsert?.body.properties as { property: string; value: unknown }[]).map((p) => [
							p.property,
							p.value,
						]),
					),
				).toEqual({
					firstname: purchase.customer.firstname,
					lastname: purchase.customer.lastname,
					bigdd_last_order: purchase.name,
					bigdd_last_products: purchase.lines
						.map((line) => shop().products.find((p) => p.id === line.digital_product_id)?.name)
						.join(', '),
					bigdd_orders_count: theirs.length,
					bigdd_total_spent: theirs.reduce((sum, o) => sum + cents(o), 0) / 100,
				});
			}
		});

		it('no-code automation: a sale gives a Slack message, each download a sheet row', async () => {
			const orderIndex = orderIndexWith((o) => filesOf(o).length > 0);
			const order = shop().orders[orderIndex];
			for (const type of ['digital_order.purchased', 'file.downloaded', 'file.redownloaded'])
				await sendEvent('bigdd-example-notify', buildEvent(shop(), type, { orderIndex }));

			const [sale, download, redownload] = await runs(ID.notify, 3);
			// Slack got one message, for the sale, in the channel, with the bot token.
			const posts = appCalls('slack.com', '/api/chat.postMessage');
			expect(posts).toHaveLength(1);
			expect(posts[0].headers.authorization).toBe('Bearer xoxb-example-slack-token');
			expect(posts[0].body.channel).toBe('#sales');
			expect(posts[0].body.text).toMatch(
				new RegExp(`^New sale ${order.name}: .+ bought .+ for \\d+\\.\\d\\d [A-Z]{3}$`),
			);
			expect(posts[0].body.text).toContain(`for ${(cents(order) / 100).toFixed(2)} `);
			expect(sale.data.resultData.runData['Append to sheet']).toBeUndefined();
			// The sheet got one row per download, in its columns' order, with the token Google issued.
			const appends = appCalls(
				'sheets.googleapis.com',
				'/v4/spreadsheets/YOUR_SPREADSHEET_ID/values/',
			).filter((c) => c.method === 'POST');
			expect(appends.map((c) => c.headers.authorization)).toEqual([
				'Bearer ya29.example-sheets-token',
				'Bearer ya29.example-sheets-token',
			]);
			for (const [i, [run, isRedownload]] of (
				[
					[download, false],
					[redownload, true],
				] as const
			).entries()) {
				const [row] = nodeOutput(run, 'Sheet row').items as { date: string; file: string }[];
				expect(appends[i].body.values).toEqual([
					[row.date, order.name, order.customer.email, row.file, isRedownload],
				]);
				expect(run.data.resultData.runData['Slack message']).toBeUndefined();
			}
		});

		/** Products as BigDD's shop has them: one whose files every buyer gets, one of licence keys only. */
		const regular = () =>
			shop().products.find(
				(p) =>
					!p.is_archived &&
					p.access === 'FILE' &&
					p.delivering_type === 'REGULAR' &&
					p.file_ids.length > 0,
			)!;
		const keysOnly = () =>
			shop().products.find((p) => !p.is_archived && p.access === 'LICENSE_KEY')!;
		/** A purchase made now by `customer` (a seeded one by default), paid and with downloads on unless `changes` says otherwise. */
		const made: Order[] = [];
		const purchase = (products: Shop['products'], changes: Partial<Order> = {}) => {
			const order = newOrder(shop(), products, {
				financial_status: 'PAID',
				dl_access: 'enabled',
				...changes,
			});
			made.push(order);
			return order;
		};
		// Those purchases are this test's own: the catch-up example later lists the shop's recent orders.
		afterEach(() => {
			for (const order of made.splice(0)) shop().orders.splice(shop().orders.indexOf(order), 1);
		});

		it('stamped links: a paid purchase gets one link to its files, stamped with the buyer and order, and one e-mail; one in any other payment status, or of licence keys only, gets neither', async () => {
			const paid = purchase([regular()]);
			const statuses = ['AUTHORIZED', 'EXPIRED', 'PARTIALLY_PAID', 'PENDING', 'REFUNDED', 'VOIDED'];
			const refused = [
				...statuses.map((status) => purchase([regular()], { financial_status: status })),
				purchase([keysOnly()]),
			];
			const before = (await n8n.executions(ID.stamped)).length;
			for (const order of [paid, ...refused])
				await sendEvent(
					'bigdd-example-stamped',
					buildEvent(shop(), 'digital_order.purchased', {
						orderIndex: shop().orders.indexOf(order),
					}),
				);

			await runs(ID.stamped, before + 1 + refused.length);
			const links = received('POST', '/download-links');
			expect(links).toHaveLength(1);
			expect(links[0].body).toEqual({
				file_ids: regular().file_ids,
				use_download_limit: true,
				download_limit: 3,
				use_stamping: true,
				stamping_text: expect.any(String),
			});
			const { firstname, lastname, email } = paid.customer;
			expect((links[0].body as { stamping_text: string }).stamping_text).toBe(
				`Licensed to ${firstname} ${lastname} (${email}), order ${paid.name}`,
			);
			// The buyer got one e-mail, through the SMTP server, with the stamped link; nobody else got one.
			const emailed = (
				(await n8n.waitForExecutions(ID.stamped, before + 1 + refused.length)) as Run[]
			).filter((run) => Boolean(run.data.resultData.runData['Email to the customer']));
			expect(emailed).toHaveLength(1);
			const url = (nodeOutput(emailed[0], 'Stamped download link').items[0] as { url: string }).url;
			expect(apps.mails).toEqual([
				{
					from: 'downloads@your-shop.example',
					to: email,
					subject: `Your download for order ${paid.name}`,
					text: expect.stringContaining(url),
				},
			]);
		});

		it("download portal: the signed-in customer's orders in every payment status, a new 5-download link for each that may download (paid, partly refunded), the reason for each that may not", async () => {
			// A customer of the portal with only these orders.
			const template = shop().customers[0];
			const customer = {
				...template,
				id: `${template.id.slice(0, -6)}c0ffee`,
				gid: 'gid://shopify/Customer/4242424242',
				email: 'portal.customer@example.com',
			};
			shop().customers.push(customer);
			const open = [
				purchase([regular()], { customer }),
				purchase([regular(), keysOnly()], { customer, financial_status: 'PARTIALLY_REFUNDED' }),
			];
			const closed = [
				...['AUTHORIZED', 'EXPIRED', 'PARTIALLY_PAID', 'PENDING', 'REFUNDED', 'VOIDED'].map(
					(status) =>
						[
							purchase([regular()], { customer, financial_status: status }),
							`is not paid (financial status ${status})`,
						] as const,
				),
				[purchase([regular()], { customer, dl_access: 'disabled' }), 'Download access of order'],
				[purchase([keysOnly()], { customer }), 'has no files to download now'],
			] as const;

			const response = await fetch(`${webhookUrl('bigdd-portal')}?customer=4242424242`, {
				headers: withKey,
				signal: AbortSignal.timeout(60_000),
			});
			const failed = async () => ({
				status: response.status,
				error: (await n8n.waitForExecutions(ID.portal, 1))[0]?.data.resultData.error,
			});
			expect(response.status === 200 ? null : await failed()).toBeNull();
			const page = (await response.json()) as {
				customer: string;
				orders: { order: string; url?: string; download_limit?: number; unavailable?: string }[];
			};
			expect(page.customer).toBe('4242424242');
			const byName = new Map(page.orders.map((o) => [o.order, o]));
			expect([...byName.keys()].sort()).toEqual(
				[...open, ...closed.map(([o]) => o)].map((o) => o.name).sort(),
			);
			for (const order of open)
				expect(byName.get(order.name)).toMatchObject({
					url: expect.stringMatching(/^http/),
					download_limit: 5,
				});
			for (const [order, reason] of closed)
				expect({ order: order.name, ...byName.get(order.name) }).toEqual({
					order: order.name,
					products: expect.any(Array),
					unavailable: expect.stringContaining(reason),
				});
			// A link for each open order, to exactly its files; none for the others.
			const links = received('POST', '/download-links');
			expect(links.map((r) => (r.body as { file_ids: string[] }).file_ids)).toEqual([
				regular().file_ids,
				regular().file_ids,
			]);
			expect(new Set(open.map((o) => byName.get(o.name)?.url)).size).toBe(2);
		});

		it('licence check: the software gets the verdict only; an empty, over-long or non-text key is refused without asking BigDD', async () => {
			const check = async (body: unknown) => {
				const response = await fetch(webhookUrl('bigdd-license'), {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify(body),
					signal: AbortSignal.timeout(60_000),
				});
				return {
					status: response.status,
					answer: (await response.json()) as Record<string, unknown>,
				};
			};
			const sold = shop().licenseKeys.find((k) => k.order_id !== null)!;
			const unsold = shop().licenseKeys.find((k) => k.order_id === null)!;
			const unknown = `UNKNOWN-${sold.id}`;
			expect(await check({ key: sold.key })).toEqual({
				status: 200,
				answer: { valid: true, assigned: true, licensed: true },
			});
			expect(await check({ key: `  ${sold.key}\n` })).toEqual({
				status: 200,
				answer: { valid: true, assigned: true, licensed: true },
			});
			expect(await check({ key: unsold.key })).toEqual({
				status: 200,
				answer: { valid: true, assigned: false, licensed: false },
			});
			expect(await check({ key: unknown })).toEqual({
				status: 200,
				answer: { valid: false, assigned: false, licensed: false },
			});
			expect(received('GET', '/license-keys/validate').map((r) => r.query.key)).toEqual([
				sold.key,
				sold.key,
				unsold.key,
				unknown,
			]);

			bigdd.clear();
			for (const body of [
				{},
				{ key: '' },
				{ key: '   ' },
				{ key: 'K'.repeat(257) },
				{ key: 42 },
				{ key: [sold.key] },
				{ key: { $ne: null } },
				null,
			]) {
				expect({ body, ...(await check(body)) }).toEqual({
					body,
					status: 400,
					answer: { licensed: false, error: expect.stringContaining('1 to 256 characters') },
				});
			}
			expect(bigdd.requests()).toEqual([]);
		});

		it('helpdesk: a ticket resets every line of the order and resends the email once, to the new address', async () => {
			const order = shop().orders.find((o) => o.lines.length >= 2)!;
			const response = await fetch(webhookUrl('bigdd-helpdesk'), {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', ...withKey },
				body: JSON.stringify({
					email: order.customer.email,
					order: order.name,
					new_email: 'new-address@example.com',
				}),
				signal: AbortSignal.timeout(60_000),
			});
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual({
				order: order.name,
				lines_reset: order.lines.length,
				email_sent_to: 'new-address@example.com',
			});
			// The lines are reset concurrently (n8n sends a declarative node's items at once).
			expect(
				received('POST', `/orders/${order.id}/reset-downloads`)
					.map((r) => (r.body as { line_id: string }).line_id)
					.sort(),
			).toEqual(order.lines.map((l) => l.id).sort());
			expect(received('POST', `/orders/${order.id}/resend-email`).map((r) => r.body)).toEqual([
				{ customer_email: 'new-address@example.com' },
			]);
			expect(
				shop()
					.emails.filter((e) => e.order_id === order.id)
					.map((e) => e.to),
			).toEqual(['new-address@example.com']);
			// The helpdesk's reply, once, through the SMTP server, to where the delivery email went.
			expect(apps.mails).toEqual([
				{
					from: 'support@your-shop.example',
					to: 'new-address@example.com',
					subject: `Your downloads for order ${order.name} are reset`,
					text: expect.stringContaining(
						`reset the downloads of order ${order.name} and sent the delivery email again to new-address@example.com`,
					),
				},
			]);
		});

		it('helpdesk: a ticket without a new address resends to the address on the order', async () => {
			const order = shop().orders.filter((o) => o.lines.length >= 2)[1];
			const response = await fetch(webhookUrl('bigdd-helpdesk'), {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', ...withKey },
				body: JSON.stringify({ email: order.customer.email, order: order.name }),
				signal: AbortSignal.timeout(60_000),
			});
			expect(await response.json()).toEqual({
				order: order.name,
				lines_reset: order.lines.length,
				email_sent_to: order.customer.email,
			});
			expect(received('POST', `/orders/${order.id}/resend-email`).map((r) => r.body)).toEqual([{}]);
			expect(apps.mails.map((mail) => mail.to)).toEqual([order.customer.email]);
		});

		it.each([
			[
				'portal',
				() =>
					fetch(`${webhookUrl('bigdd-portal')}?customer=1`, {
						signal: AbortSignal.timeout(60_000),
					}),
				ID.portal,
			],
			[
				'portal (wrong key)',
				() =>
					fetch(`${webhookUrl('bigdd-portal')}?customer=1`, {
						headers: { 'X-Api-Key': 'guess' },
						signal: AbortSignal.timeout(60_000),
					}),
				ID.portal,
			],
			[
				'helpdesk',
				() =>
					fetch(webhookUrl('bigdd-helpdesk'), {
						method: 'POST',
						headers: { 'Content-Type': 'application/json' },
						body: JSON.stringify({
							email: shop().orders[0].customer.email,
							order: shop().orders[0].name,
						}),
						signal: AbortSignal.timeout(60_000),
					}),
				ID.helpdesk,
			],
		] as const)(
			'%s without its X-Api-Key: 403, nothing asked of BigDD, no run',
			async (_name, call, workflowId) => {
				const runsBefore = (await n8n.executions(workflowId)).length;
				const response = await call();
				expect(response.status).toBe(403);
				expect(bigdd.requests()).toEqual([]);
				expect(await n8n.executions(workflowId)).toHaveLength(runsBefore);
			},
		);

		it("one credential for the shop: a purchase BigDD sends to every endpoint runs each purchase example once, each request signed with its endpoint's own secret", async () => {
			const purchaseExamples = [ID.crm, ID.notify, ID.stamped, ID.catchUp];
			const before = await Promise.all(
				purchaseExamples.map(async (id) => (await n8n.executions(id)).length),
			);
			const { deliveries } = await bigdd.server.endpoints.emit(shop(), 'digital_order.purchased', {
				orderIndex: 7,
			});
			expect(deliveries.map((d: { status: number }) => d.status)).toEqual([200, 200, 200, 200]);
			expect(new Set(endpoints.map((e) => e.secret)).size).toBe(4);
			for (const [i, id] of purchaseExamples.entries()) await runs(id, before[i] + 1);
		});

		it('never miss an order: each order reaches HubSpot once, whether the trigger ran it, n8n was down, or HubSpot refused it once (5xx live, then 401 in a catch-up)', async () => {
			/** The contacts this example wrote to HubSpot (taken: 2xx) so far: its upserts carry the buyer's names and the order only (the CRM example's also carry counts). */
			const handled = () =>
				appCalls('api.hubapi.com', '/contacts/v1/contact/createOrUpdate/email/')
					.filter((call) => (call.status ?? 0) < 300)
					.map(
						(call): Record<string, unknown> => ({
							email: decodeURIComponent(call.path.split('/').pop()!),
							auth: call.headers.authorization,
							...Object.fromEntries(
								(call.body.properties as { property: string; value: unknown }[]).map((p) => [
									p.property,
									p.value,
								]),
							),
						}),
					)
					.filter((contact) => !('bigdd_orders_count' in contact));
			const sentToHubspot = () => handled().map((contact) => contact.bigdd_last_order);
			/** An upsert of this example (a purchase also runs the CRM example, whose upserts carry counts; HubSpot's other calls have no body). */
			const isThisExamples = (call: { path: string; body: unknown }) =>
				call.path.startsWith('/contacts/v1/contact/createOrUpdate/') &&
				!JSON.stringify(call.body ?? null).includes('bigdd_orders_count');
			const purchase = async () =>
				(await (
					await fetch(`${bigdd.url}/__admin/purchases`, {
						method: 'POST',
						headers: { 'Content-Type': 'application/json' },
						body: '{}',
					})
				).json()) as { order: { id: string; name: string }; event: { id: string } };
			const runsBefore = (await n8n.executions(ID.catchUp)).length;
			// Two checkouts while n8n runs: the trigger handles them.
			const live = [await purchase(), await purchase()];
			await runs(ID.catchUp, runsBefore + 2);
			expect(sentToHubspot().sort()).toEqual(live.map((p) => p.order.name).sort());
			// Each contact as HubSpot received it: the buyer's e-mail and names, with the app token.
			const buyer = shop().orders.find((o) => o.id === live[0].order.id)!.customer;
			expect(handled().find((contact) => contact.bigdd_last_order === live[0].order.name)).toEqual({
				email: buyer.email,
				auth: 'Bearer pat-example-hubspot-token',
				firstname: buyer.firstname,
				lastname: buyer.lastname,
				bigdd_last_order: live[0].order.name,
			});
			// HubSpot down for a moment: a live order it refuses (503) is not remembered; the run itself succeeds.
			apps.failNext('api.hubapi.com', [503], isThisExamples);
			const refusedLive = await purchase();
			await runs(ID.catchUp, runsBefore + 3);
			expect(sentToHubspot()).toHaveLength(2);
			// n8n down: two checkouts whose events BigDD cannot deliver.
			await n8n.stop();
			const missed = [await purchase(), await purchase()];
			await n8n.start();
			await n8n.waitForWebhook('bigdd-example-catchup/bigdd');
			// The catch-up (Catch up now, as in the editor; the hourly schedule runs the same path), HubSpot refusing its first write (an expired token).
			const catchUp = async () =>
				(await (
					await n8n.startByHand(ID.catchUp, 'Catch up now')
				)(120_000)) as Run & { status: string };
			apps.failNext('api.hubapi.com', [401], isThisExamples);
			expect((await catchUp()).status).toBe('success');
			const owed = [refusedLive, ...missed].map((p) => p.order.name);
			expect(sentToHubspot().slice(2)).toHaveLength(2);
			const stillOwed = owed.filter((name) => !sentToHubspot().includes(name));
			expect(stillOwed).toHaveLength(1);
			// The next catch-up writes the one HubSpot refused, and only it; the one after, nothing.
			expect((await catchUp()).status).toBe('success');
			expect(sentToHubspot().slice(4)).toEqual(stillOwed);
			const again = await catchUp();
			expect(again.data.resultData.runData['HubSpot contact']?.[0].data?.main[0] ?? []).toEqual([]);
			// BigDD's late retry of a missed order's event runs the trigger, but nothing reaches HubSpot again.
			const endpoint = endpoints.find((e) => e.webhookId === 'bigdd-example-catchup')!;
			const retried = buildEvent(shop(), 'digital_order.purchased', {
				id: missed[0].event.id,
				orderIndex: shop().orders.findIndex((o) => o.id === missed[0].order.id),
			});
			expect(
				(await deliverWebhook({ url: endpoint.url, secret: endpoint.secret, event: retried }))
					.status,
			).toBe(200);
			// Runs so far: the three live purchases, the three catch-ups, and now the retry.
			const latest = (await runs(ID.catchUp, runsBefore + 7)).pop()!;
			expect(latest.data.resultData.runData['On purchase'][0].data.main[0][0].json.id).toBe(
				missed[0].event.id,
			);
			expect(latest.data.resultData.runData['HubSpot contact']?.[0].data?.main[0] ?? []).toEqual(
				[],
			);
			// Each order reached HubSpot exactly once.
			expect(sentToHubspot().sort()).toEqual(
				[...live, refusedLive, ...missed].map((p) => p.order.name).sort(),
			);
		});
	});
});
