// The package as a user meets it: n8n 2.41.1's editor in a real (headless) Chromium.
import type { Browser, Page } from 'playwright-core';
import { openEditor } from '../../harness/browser';
import { actionWorkflow, CREDENTIAL_TYPE } from '../../harness/workflows';
import { useN8nWithBigdd } from './fixture';

const CREDENTIAL_ID = 'bigddBrowserCred';
const WORKFLOW_ID = 'bigddBrowserWf001';

describe('the editor in a real browser', () => {
	const setup = useN8nWithBigdd({
		bigdd: { orders: 120, products: 5, files: 10, licenseKeys: 10 },
		credentialId: CREDENTIAL_ID,
		workflows: () => [
			actionWorkflow({
				id: WORKFLOW_ID,
				credentialId: CREDENTIAL_ID,
				nodes: [
					// The node version the editor adds today.
					{
						name: 'Get order',
						typeVersion: 1.1,
						parameters: {
							resource: 'order',
							operation: 'get',
							orderId: { __rl: true, mode: 'list', value: '' },
						},
					},
					{ name: 'Next', type: 'n8n-nodes-base.noOp', after: 'Get order', parameters: {} },
				],
			}),
		],
	});
	let browser: Browser;
	let page: Page;
	let consoleErrors: string[];

	beforeAll(async () => {
		({ browser, page, consoleErrors } = await openEditor(setup.n8n()));
		await page.goto(`${setup.n8n().baseUrl}/workflow/${WORKFLOW_ID}`);
		await page
			.locator('[data-test-id="canvas-node"][data-node-name="Get order"]')
			.waitFor({ timeout: 60_000 });
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("before anything ran, the next node's input already lists the fields Get order returns", async () => {
		await page.locator('[data-test-id="canvas-node"][data-node-name="Next"]').dblclick();
		await page
			.getByTestId('ndv-input-panel')
			.getByText('financial_status', { exact: true })
			.first()
			.waitFor();
		await page.keyboard.press('Escape');
	});

	it('the Order picker lists orders from BigDD, finds one by name, and the picked order runs', async () => {
		const order = setup.shop().orders[40];
		await page.locator('[data-test-id="canvas-node"][data-node-name="Get order"]').dblclick();
		await page.getByTestId('rlc-input').click();
		await page.getByTestId('rlc-item').first().waitFor();
		expect(await page.getByTestId('rlc-item').count()).toBeGreaterThanOrEqual(50);
		// The picker's search box has the focus once the list is open.
		await page.keyboard.type(order.name);
		const match = page
			.getByTestId('rlc-item')
			.filter({ hasText: `${order.name} — ${order.customer.email}` });
		await match.waitFor();
		await match.click();
		setup.bigdd().clear();
		await page.getByTestId('node-execute-button').click();
		await page.getByText('Node executed successfully').waitFor({ timeout: 60_000 });
		expect(
			setup
				.bigdd()
				.requests()
				.map((r: { path: string }) => r.path),
		).toEqual([`/public-api/v1/orders/${order.id}`]);
		await page.keyboard.press('Escape');
	});

	it('the canvas names the operation ("Get order"), not its raw values', async () => {
		const subtitle = page
			.locator('[data-test-id="canvas-node"][data-node-name="Get order"]')
			.getByText('Get order', { exact: true });
		// The node's own name and, under it, the subtitle.
		await subtitle.nth(1).waitFor();
		expect(
			await page
				.locator('[data-test-id="canvas-node"][data-node-name="Get order"]')
				.getByText('get: order')
				.count(),
		).toBe(0);
	});

	it('the node creator shows the action node with its 22 actions and the 4 trigger events', async () => {
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('Big Digital Downloads');
		await page
			.getByTestId('node-creator-item-name')
			.getByText('Big Digital Downloads', { exact: true })
			.click();
		await page.getByText('Actions (22)').waitFor();
		await page.getByText('Triggers (4)').waitFor();
		await page.getByText('Triggers (4)').click();
		for (const event of [
			'On order purchased',
			'On order delivered',
			'On file downloaded',
			'On file redownloaded',
		])
			await page.getByText(event, { exact: true }).first().waitFor();
		for (const action of [
			'Validate license key',
			'Create license keys',
			'Resend order delivery email',
			'Upload file',
			'Create download link for order',
		]) {
			await page.getByText(action, { exact: true }).first().waitFor();
		}
		await page.keyboard.press('Escape');
	});

	it("the credential dialog shows the package's own message for a refused token", async () => {
		const created = await setup.rest()('POST', '/rest/credentials', {
			name: 'BigDD with a wrong token',
			type: CREDENTIAL_TYPE,
			data: { apiToken: 'not-a-valid-token', baseUrl: setup.bigdd().url, webhookSigningSecret: '' },
		});
		expect(created.status).toBe(200);
		await page.goto(`${setup.n8n().baseUrl}/home/credentials/${created.body.data.id}`);
		// n8n tests a saved credential when its dialog opens, and shows the reason under "More details".
		await page.getByText(/Couldn.t connect with these settings/).waitFor({ timeout: 30_000 });
		await page.getByText('More details').click();
		await page
			.getByText('The API token was refused. Copy a valid token from Settings > Public API.')
			.waitFor({ timeout: 10_000 });
		await page.keyboard.press('Escape');
	});

	it('nothing the package ships makes the browser log an error (a missing schema or icon would)', () => {
		// The editor also asks registry.npmjs.org whether the installed package has an update: not the
		// package's doing, and it fails where there is no internet.
		const fromPackage = consoleErrors.filter(
			(error) =>
				/big-digital-downloads|bigDigitalDownloads/i.test(error) &&
				!error.includes('registry.npmjs.org'),
		);
		expect(fromPackage).toEqual([]);
	});
});
