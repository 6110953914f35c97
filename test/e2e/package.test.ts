// What users download: only the built package, and everything n8n is told to load is in it.
import { packedFiles } from '../../harness/runtime';
import packageJson from '../../package.json';

describe('published package', () => {
	const files: string[] = packedFiles();

	it('contains only dist/, README, LICENSE and package.json', () => {
		expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual([
			'LICENSE',
			'README.md',
			'package.json',
		]);
		expect(files.some((f) => f.startsWith('dist/') && /\.test\.|\/test\//.test(f))).toBe(false);
	});

	it('carries only what n8n loads and npm shows: code, codex and output schemas, icons (no pictures, no build leftovers)', () => {
		const shipped =
			/^dist\/(credentials|nodes)\/.+\.(js|js\.map|d\.ts|json)$|^dist\/icons\/[^/]+\.svg$/;
		expect(
			files.filter((f) => f.startsWith('dist/') && f !== 'dist/package.json' && !shipped.test(f)),
		).toEqual([]);
		expect(files.some((f) => f.endsWith('.png'))).toBe(false);
	});

	it('contains every credential and node listed in the n8n field, with their icons', () => {
		for (const entry of [...packageJson.n8n.credentials, ...packageJson.n8n.nodes])
			expect(files).toContain(entry);
		expect(files).toEqual(
			expect.arrayContaining([
				'dist/icons/bigDigitalDownloads.svg',
				'dist/icons/bigDigitalDownloads.dark.svg',
			]),
		);
	});

	it('has no runtime dependencies and n8n-workflow only as a peer', () => {
		expect(packageJson).not.toHaveProperty('dependencies');
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});
});
