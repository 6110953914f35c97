// A merchant's first hour, in n8n 2.41.1's editor in a real (headless) Chromium, following the README's
// numbered steps ("Set up the trigger") one by one; the local BigDD server's admin plays BigDD's
// Settings > Webhooks (Add endpoint shows the secret once, Test, See deliveries). If a step of the
// README changes, this test changes with it.
import type { Browser, Page } from 'playwright-core';
import { demoShot, openEditor } from '../../harness/browser';
import { startAppStandIns } from '../../harness/app-stand-ins';
import { startBigdd } from '../../harness/bigdd';
import { createN8n } from '../../harness/n8n';
import { poll } from '../../harness/processes';
import { REPO_ROOT } from '../../harness/runtime';
import { exampleAppCredentials } from '../../harness/workflows';
import { e2eTarball } from './setup/env';

const EXAMPLES = `${REPO_ROOT}/examples`;

describe("a merchant's first hour, as the README says (n8n 2.x in Chromium)", () => {
	let bigdd: Awaited<ReturnType<typeof startBigdd>>;
	let n8n: Awaited<ReturnType<typeof createN8n>>;
	let browser: Browser;
	let page: Page;
	/** What the merchant noted on the way: workflow ids, URLs, BigDD endpoints. */
	const noted: {
		workflows: string[];
		endpoints: { id: string; secret: string }[];
		testUrl?: string;
		productionUrl?: string;
	} = { workflows: [], endpoints: [] };

	/** BigDD's Settings > Webhooks, as the merchant clicks it (`/webhook-endpoints…`), and its shop's events (`/events`). */
	const bigddAdmin = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${bigdd.url}/__admin${path}`, {
			method,
			headers: { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return (await response.json()) as {
			id: string;
			secret: string;
			status: number;
			body: string;
			eventId: string;
			event: { id: string };
			deliveries: { endpoint: string; status: number }[];
		};
	};
	const node = (name: string) =>
		page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	const credentialDialog = () => page.getByTestId('editCredential-modal');
	/**
	 * Closes the credential dialog; a close pressed while n8n still saves is ignored, so it is pressed again
	 * (bounded). Escape only while the dialog is still there: once it has gone, Escape would close the node's
	 * panel under it (seen on a busy machine, where the dialog went just after a check found it still open).
	 */
	const closeCredentialDialog = async () => {
		for (let attempt = 0; attempt < 5; attempt++) {
			if (!(await credentialDialog().isVisible())) return;
			await credentialDialog()
				.getByRole('button', { name: /close/i })
				.click({ timeout: 3_000 })
				.catch(async () => {
					if (await credentialDialog().isVisible()) await page.keyboard.press('Escape');
				});
			if (
				await credentialDialog()
					.waitFor({ state: 'hidden', timeout: 3_000 })
					.then(
						() => true,
						() => false,
					)
			)
				return;
		}
		throw new Error('the credential dialog did not close');
	};
	/** Production runs of a workflow (the editor's listening run is a manual one). */
	const productionRuns = async (workflowId: string, count: number) =>
		(await n8n.waitForExecutions(
			workflowId,
			count,
			60_000,
			(e: { mode: string }) => e.mode === 'webhook',
		)) as {
			status: string;
			data: {
				resultData: { runData: Record<string, { data: { main: { json: { id: string } }[][] } }[]> };
			};
		}[];

	let apps: Awaited<ReturnType<typeof startAppStandIns>>;

	beforeAll(async () => {
		bigdd = await startBigdd({ orders: 20, products: 5, files: 10, licenseKeys: 5 });
		// The merchant's HubSpot, Slack, Google Sheets and SMTP credentials already exist in their n8n (the examples'
		// app nodes need them before n8n publishes), the services answered by local stand-ins.
		apps = await startAppStandIns();
		n8n = await createN8n({ tarball: e2eTarball(), env: apps.env });
		await n8n.importCredentials(exampleAppCredentials({ smtp: apps.smtp }));
		await n8n.start();
		({ browser, page } = await openEditor(n8n));
	});

	afterAll(async () => {
		await browser?.close();
		await n8n?.dispose();
		await bigdd?.server.stop();
		await apps?.stop();
	});

	it('Credential: a wrong token gets the package\'s own message, the right one "Connection tested successfully"', async () => {
		await page.goto(`${n8n.baseUrl}/home/credentials`);
		await page.getByTestId('add-resource-credential').first().click();
		await page.keyboard.type('Big Digital Downloads');
		await page.getByText('Big Digital Downloads API', { exact: true }).click();
		await page.getByTestId('new-credential-type-button').click();
		await page
			.getByTestId('parameter-input-apiToken')
			.locator('input')
			.fill('a-token-that-was-revoked');
		await page.getByTestId('parameter-input-baseUrl').locator('input').fill(bigdd.url);
		await page.getByTestId('credential-save-button').click();
		await credentialDialog()
			.getByText(/Couldn.t connect with these settings/)
			.waitFor({ timeout: 30_000 });
		await credentialDialog().getByText('More details').click();
		await credentialDialog()
			.getByText('The API token was refused. Copy a valid token from Settings > Public API.')
			.waitFor();
		await page.getByTestId('parameter-input-apiToken').locator('input').fill(bigdd.server.token);
		await page.getByTestId('credential-save-button').click();
		await credentialDialog()
			.getByText('Connection tested successfully')
			.waitFor({ timeout: 30_000 });
		await demoShot(page, '02-credential-test');
		// The signing secret fields, one per endpoint, all shown.
		expect(
			await page.locator('[data-test-id^="parameter-input-webhookSigningSecret"]').count(),
		).toBe(5);
		await page.keyboard.press('Escape');
	});

	/** Steps 1-9 of "Set up the trigger" for one example workflow, as the README numbers them. */
	async function setUpTrigger(example: string, triggerName: string, events: string[]) {
		// 1. The Big Digital Downloads Trigger (from an example): its Events selected, the credential picked.
		await page.goto(`${n8n.baseUrl}/workflow/new`);
		await page.getByTestId('workflow-import-input').setInputFiles(`${EXAMPLES}/${example}`);
		await page.waitForURL(/\/workflow\/[A-Za-z0-9]{8,}/);
		const workflowId = new URL(page.url()).pathname.split('/').pop()!;
		noted.workflows.push(workflowId);
		await node(triggerName).dblclick();
		// 2. Webhook URLs: the Test URL (and the Production URL, for step 6).
		await page.getByTitle('Click to display webhook URLs').click();
		noted.testUrl = (await page.getByTestId('node-parameters').innerText()).match(
			/http\S+\/webhook-test\/\S+/,
		)![0];
		await page.getByTestId('radio-button-production').click();
		noted.productionUrl = (await page.getByTestId('node-parameters').innerText()).match(
			/http\S+\/webhook\/\S+/,
		)![0];
		// 3. BigDD's Add endpoint with the Test URL and the same events: its signing secret, shown only once.
		const endpoint = await bigddAdmin('POST', '/webhook-endpoints', {
			name: example,
			url: noted.testUrl,
			events,
		});
		expect(endpoint.secret).toMatch(/^whsec_/);
		noted.endpoints.push({ id: endpoint.id, secret: endpoint.secret });
		// 4. The secret in the next empty Webhook Signing Secret field of the credential, from the node.
		await page.getByTestId('credential-edit-button').click();
		const next = noted.endpoints.length;
		await page
			.getByTestId(`parameter-input-webhookSigningSecret${next === 1 ? '' : next}`)
			.locator('input')
			.fill(endpoint.secret);
		await page.getByTestId('credential-save-button').click();
		await credentialDialog()
			.getByText('Connection tested successfully')
			.waitFor({ timeout: 30_000 });
		await closeCredentialDialog();
		return { workflowId, endpoint };
	}

	async function goLive(workflowId: string, endpointId: string) {
		// 6. The endpoint's URL becomes the Production URL.
		await bigddAdmin('PATCH', `/webhook-endpoints/${endpointId}`, { url: noted.productionUrl });
		// 7. Publish.
		await page.getByTestId('workflow-open-publish-modal-button').click();
		await page.getByTestId('workflow-publish-button').click();
		await page.getByTestId('workflowPublish-modal').waitFor({ state: 'hidden' });
		// n8n publishes through an outbox: bounded wait until it says so.
		const published = await poll(
			async () => (await n8n.publicationStatus(workflowId))?.status,
			(status) => status === 'published',
			{ timeoutMs: 60_000, intervalMs: 500 },
		);
		expect(published.value).toBe('published');
		// 8. BigDD's Test again: 200, acknowledged without a run.
		const test = await bigddAdmin('POST', `/webhook-endpoints/${endpointId}/test`);
		expect({ status: test.status, body: JSON.parse(test.body) }).toEqual({
			status: 200,
			body: { received: true, ignored: 'testEvent' },
		});
	}

	it("Trigger steps 1-5: the example imported, its Test URL an endpoint in BigDD, the secret in the credential; listening, BigDD's Test shows its event in the editor", async () => {
		const { endpoint } = await setUpTrigger('purchase-to-crm-contact.json', 'On purchase', [
			'digital_order.purchased',
		]);
		// 5. Execute step (listening), then BigDD's Test: the test event in the node's output.
		await page.getByTestId('trigger-execute-button').click();
		await page.getByTestId('trigger-listening').waitFor();
		const test = await bigddAdmin('POST', `/webhook-endpoints/${endpoint.id}/test`);
		expect(test.status).toBe(200);
		await page.getByTestId('radio-button-json').click();
		await page
			.getByTestId('output-panel')
			.getByText(test.eventId)
			.first()
			.waitFor({ timeout: 30_000 });
		await demoShot(page, '04-trigger-test-event');
		await page.keyboard.press('Escape');
	});

	it("Trigger steps 6-8: the Production URL in BigDD, the workflow published, BigDD's Test answered 200", async () => {
		await goLive(noted.workflows[0], noted.endpoints[0].id);
	});

	it('a real purchase runs the workflow once, with the event BigDD sent', async () => {
		const { event, deliveries } = await bigddAdmin('POST', '/events', {
			type: 'digital_order.purchased',
		});
		expect(deliveries.map((d) => d.status)).toEqual([200]);
		const runs = await productionRuns(noted.workflows[0], 1);
		expect(
			runs.map((run) => [
				run.status,
				run.data.resultData.runData['On purchase'][0].data.main[0][0].json.id,
			]),
		).toEqual([['success', event.id]]);
		// The run in the workflow's Executions tab, as the merchant checks it.
		await page.goto(`${n8n.baseUrl}/workflow/${noted.workflows[0]}/executions`);
		await page
			.getByTestId('current-executions-list')
			.getByTestId('execution-time')
			.first()
			.waitFor({ timeout: 30_000 });
		await page.keyboard.press('Escape');
		await demoShot(page, '05-trigger-fired');
	});

	it('a second trigger workflow on the same credential, its secret in the next field: each purchase runs both once', async () => {
		const { workflowId, endpoint } = await setUpTrigger(
			'sale-to-slack-and-sheets.json',
			'On sale or download',
			['digital_order.purchased', 'file.downloaded', 'file.redownloaded'],
		);
		await page.keyboard.press('Escape');
		await goLive(workflowId, endpoint.id);
		const { deliveries } = await bigddAdmin('POST', '/events', {
			type: 'digital_order.purchased',
			orderIndex: 3,
		});
		expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
		expect(await productionRuns(noted.workflows[0], 2)).toHaveLength(2);
		expect(await productionRuns(workflowId, 1)).toHaveLength(1);
		// One credential: both endpoints' secrets sit in its fields.
		expect(new Set(noted.endpoints.map((e) => e.secret)).size).toBe(2);
	});

	it("clearing the first endpoint's secret (rotation, a deleted endpoint) keeps the second one's: the second workflow still runs", async () => {
		await page.goto(`${n8n.baseUrl}/home/credentials`);
		await page.getByText('Big Digital Downloads account', { exact: true }).click();
		await page.getByTestId('parameter-input-webhookSigningSecret').locator('input').fill('');
		await page.getByTestId('credential-save-button').click();
		await credentialDialog()
			.getByText('Connection tested successfully')
			.waitFor({ timeout: 30_000 });
		await closeCredentialDialog();
		// What n8n stored: the first field empty, the second endpoint's secret still in the second.
		const stored = (
			(await n8n.storedCredentials()) as {
				type: string;
				data: Record<string, string | undefined>;
			}[]
		).find((c) => c.type === 'bigDigitalDownloadsApi')!;
		expect([stored.data.webhookSigningSecret ?? '', stored.data.webhookSigningSecret2]).toEqual([
			'',
			noted.endpoints[1].secret,
		]);
		const second = noted.workflows[1];
		const before = (await productionRuns(second, 1)).length;
		const { deliveries } = await bigddAdmin('POST', '/events', {
			type: 'file.downloaded',
			orderIndex: 4,
		});
		expect(deliveries).toEqual([
			expect.objectContaining({ endpoint: noted.endpoints[1].id, status: 200 }),
		]);
		expect(await productionRuns(second, before + 1)).toHaveLength(before + 1);
	});
});
