#!/usr/bin/env node
// @ts-check
'use strict';

// `npm run screenshots`: regenerates the README's pictures in docs/images from a real n8n with the
// package, the local BigDD server and the example workflows, in headless Chromium.
const fs = require('node:fs');
const path = require('node:path');
const { createBigddServer } = require('../dev-server/server');
const { openEditor } = require('../harness/browser');
const { createN8n } = require('../harness/n8n');
const { packPackage, REPO_ROOT } = require('../harness/runtime');
const {
	actionWorkflow,
	bigddCredential,
	exampleAiCredentials,
	exampleAppCredentials,
	readExamples,
} = require('../harness/workflows');

const IMAGES = path.join(REPO_ROOT, 'docs', 'images');

async function main() {
	const bigdd = createBigddServer();
	const bigddUrl = await bigdd.start();
	const n8n = await createN8n({ tarball: packPackage() });
	/** @type {Awaited<ReturnType<typeof openEditor>> | undefined} */
	let editor;
	try {
		// The apps' credentials as placeholders, as `npm start` imports them: the canvas shows no missing credential.
		await n8n.importCredentials([
			bigddCredential({
				id: 'bigddLocalDemo01',
				name: 'BigDD (local server)',
				baseUrl: bigddUrl,
				apiToken: bigdd.token,
			}),
			...exampleAppCredentials({ smtp: { host: '127.0.0.1', port: 2525 } }),
			...exampleAiCredentials({
				openAiUrl: 'http://127.0.0.1:9/v1',
				openAiKey: 'sk-example-placeholder',
				mcpToken: 'example-placeholder-token-0123456789',
			}),
		]);
		const picker = actionWorkflow({
			id: 'bigddShotPicker1',
			name: 'Look up an order',
			credentialId: 'bigddLocalDemo01',
			nodes: [
				{
					name: 'Get order',
					typeVersion: 1.1,
					parameters: {
						resource: 'order',
						operation: 'get',
						orderId: { __rl: true, mode: 'list', value: '' },
					},
				},
			],
		});
		const soldKey = bigdd.shop.licenseKeys.find((k) => k.order_id !== null)?.key;
		const keysWorkflow = actionWorkflow({
			id: 'bigddShotValidate',
			name: 'Check keys customers entered',
			credentialId: 'bigddLocalDemo01',
			nodes: [
				{
					name: 'Keys customers entered',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					parameters: {
						jsCode: `return [{ json: { key: ${JSON.stringify(soldKey)} } }, { json: { key: 'MADE-UP-0000-0000' } }];`,
					},
				},
				{
					name: 'Validate license key',
					typeVersion: 1.1,
					after: 'Keys customers entered',
					parameters: { resource: 'licenseKey', operation: 'validate', key: '={{ $json.key }}' },
				},
			],
		});
		await n8n.importWorkflows([...readExamples(), picker, keysWorkflow]);
		await n8n.start();
		editor = await openEditor(n8n);
		const { page } = editor;
		fs.mkdirSync(IMAGES, { recursive: true });
		const shot = async (/** @type {string} */ name) => {
			await page.waitForTimeout(500); // let transitions settle
			await page.screenshot({ path: path.join(IMAGES, name) });
			console.log(`docs/images/${name}`);
		};

		await page.goto(`${n8n.baseUrl}/workflow/bigddExample0002`);
		await page
			.locator('[data-test-id="canvas-node"][data-node-name="Validate license key"]')
			.waitFor({ timeout: 60_000 });
		await shot('example-license-check.png');

		// Validate with keys coming in: a sold key of the shop and a made-up one.
		await page.goto(`${n8n.baseUrl}/workflow/bigddShotValidate`);
		const validate = page.locator(
			'[data-test-id="canvas-node"][data-node-name="Validate license key"]',
		);
		await validate.waitFor({ timeout: 60_000 });
		await page.getByTestId('execute-workflow-button').click();
		await page.getByText('Workflow executed successfully').waitFor({ timeout: 60_000 });
		await validate.dblclick();
		await page.getByTestId('ndv-input-panel').waitFor();
		await shot('validate-panel.png');
		await page.keyboard.press('Escape');

		await page.goto(`${n8n.baseUrl}/workflow/bigddShotPicker1`);
		const getOrder = page.locator('[data-test-id="canvas-node"][data-node-name="Get order"]');
		await getOrder.waitFor({ timeout: 60_000 });
		await getOrder.dblclick();
		await page.getByTestId('rlc-input').click();
		await page.getByTestId('rlc-item').first().waitFor();
		await page.keyboard.type('#100');
		await page.waitForTimeout(1000);
		await shot('order-picker.png');
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');

		await page.goto(`${n8n.baseUrl}/workflow/bigddExample0006`);
		await page
			.locator('[data-test-id="canvas-node"][data-node-name="Download link of each order"]')
			.waitFor({ timeout: 60_000 });
		await shot('example-download-portal.png');

		await page.goto(`${n8n.baseUrl}/workflow/bigddExample0011`);
		await page
			.locator('[data-test-id="canvas-node"][data-node-name="Find my orders"]')
			.waitFor({ timeout: 60_000 });
		// One step back, so the tools' names clear the Execute button.
		await page.getByTestId('zoom-out-button').click();
		await shot('example-ai-agent.png');

		await page.goto(`${n8n.baseUrl}/workflow/bigddExample0003`);
		await page
			.locator('[data-test-id="canvas-node"][data-node-name="HubSpot contact"]')
			.waitFor({ timeout: 60_000 });
		await shot('example-crm-hubspot.png');
		// The trigger as step 2 of the README's setup shows it: the notice with the steps, the Test URL.
		await page.locator('[data-test-id="canvas-node"][data-node-name="On purchase"]').dblclick();
		await page.getByTitle('Click to display webhook URLs').click();
		await shot('trigger-setup.png');
		await page.keyboard.press('Escape');
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('Big Digital Downloads');
		await page
			.getByTestId('node-creator-item-name')
			.getByText('Big Digital Downloads', { exact: true })
			.click();
		await page.getByText('Actions (22)').waitFor();
		await shot('node-creator-actions.png');
	} finally {
		await editor?.browser.close();
		await n8n.dispose();
		await bigdd.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
