// @ts-check
'use strict';

// Debian's Chromium (scripts/install-browser.sh) driven by playwright-core, logged in to an n8n.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromium, selectors } = require('playwright-core');
const { REPO_ROOT } = require('./runtime');

// n8n's editor marks its elements with data-test-id.
selectors.setTestIdAttribute('data-test-id');

/**
 * A headless Chromium with one page logged in to `n8n` as its owner. `consoleErrors` collects what
 * the page logs as errors.
 * @param {{ baseUrl: string, owner: { email: string, password: string } }} n8n
 */
async function openEditor(n8n) {
	const executablePath = execFileSync(
		'bash',
		[path.join(REPO_ROOT, 'scripts', 'install-browser.sh')],
		{ encoding: 'utf8' },
	)
		.trim()
		.split('\n')
		.pop();
	// As root Chromium refuses to start with its sandbox.
	const browser = await chromium.launch({
		executablePath,
		args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
	});
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	/** @type {string[]} */
	const consoleErrors = [];
	page.on('console', (message) => {
		if (message.type() === 'error')
			consoleErrors.push(`${message.text()} ${message.location().url}`);
	});
	try {
		await page.goto(`${n8n.baseUrl}/signin`);
		await page.locator('input[type=email]').fill(n8n.owner.email);
		await page.locator('input[type=password]').fill(n8n.owner.password);
		await page.getByTestId('form-submit-button').click();
		await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 60_000 });
	} catch (error) {
		await browser.close();
		throw error;
	}
	return { browser, page, consoleErrors };
}

/**
 * For `npm run demo`: a screenshot of the page as step `name` of the walk-through n8n's reviewers ask for
 * (install, credential Test, an operation, the trigger firing), saved in BIGDD_DEMO_DIR; nothing otherwise.
 * @param {import('playwright-core').Page} page @param {string} name
 */
async function demoShot(page, name) {
	const dir = process.env.BIGDD_DEMO_DIR;
	if (!dir) return;
	await page.waitForTimeout(500); // let transitions settle
	fs.mkdirSync(dir, { recursive: true });
	await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

module.exports = { openEditor, demoShot };
