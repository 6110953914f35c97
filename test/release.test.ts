// What n8n's verification and a user's npm see: one project identity, workflows that test and publish
// with provenance, a changelog entry for the version being released.
import { parse } from 'yaml';
import { isRepoFolder, readRepoFile, repoFiles } from '../harness/runtime';
import { BigDigitalDownloadsApi } from '../credentials/BigDigitalDownloadsApi.credentials';
import { BigDigitalDownloads } from '../nodes/BigDigitalDownloads/BigDigitalDownloads.node';
import { BigDigitalDownloadsTrigger } from '../nodes/BigDigitalDownloads/BigDigitalDownloadsTrigger.node';
import { BigDigitalDownloadsPollingTrigger } from '../nodes/BigDigitalDownloads/BigDigitalDownloadsPollingTrigger.node';
import type { INodeType } from 'n8n-workflow';

function read(file: string): string {
	const text = readRepoFile(file);
	if (text === undefined) throw new Error(`${file} is missing`);
	return text;
}
const pkg = JSON.parse(read('package.json'));
/** The nodes the package ships (package.json's n8n.nodes), by file name. */
const NODE_FILES = (pkg.n8n.nodes as string[]).map((file) =>
	file.replace(/^.*\//, '').replace(/\.node\.js$/, ''),
);
const NODES: Record<string, INodeType> = {
	BigDigitalDownloads: new BigDigitalDownloads(),
	BigDigitalDownloadsTrigger: new BigDigitalDownloadsTrigger(),
	BigDigitalDownloadsPollingTrigger: new BigDigitalDownloadsPollingTrigger(),
};

/** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function githubAnchors(markdown: string): string[] {
	const seen = new Map<string, number>();
	const headings =
		markdown
			.split('```')
			.filter((_, i) => i % 2 === 0)
			.join('\n')
			.match(/^#{1,6} .+$/gm) ?? [];
	return headings.map((heading) => {
		const slug = heading
			.replace(/^#+ /, '')
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		return count === 0 ? slug : `${slug}-${count}`;
	});
}
const REPOSITORY = 'https://github.com/big-digital-downloads/n8n-nodes-big-digital-downloads';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
}
interface Workflow {
	on: Record<string, unknown>;
	jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}
const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const runs = (w: Workflow) =>
	Object.values(w.jobs).flatMap((job) => job.steps.map((step) => step.run).filter(Boolean));

describe('release', () => {
	it('package.json names one project everywhere', () => {
		expect(pkg.repository.url).toBe(`${REPOSITORY}.git`);
		expect(pkg.homepage).toBe(`${REPOSITORY}#readme`);
		expect(pkg.bugs.url).toBe(`${REPOSITORY}/issues`);
		expect(pkg.author).toMatchObject({
			name: 'Big Digital Downloads',
			url: 'https://github.com/big-digital-downloads',
			email: expect.stringContaining('@'),
		});
		for (const file of [
			'credentials/BigDigitalDownloadsApi.credentials.ts',
			'nodes/BigDigitalDownloads/BigDigitalDownloads.node.json',
		]) {
			const links = read(file).match(/https:\/\/github\.com\/[^\s"'#)]+/g) ?? [];
			expect(links.length).toBeGreaterThan(0);
			for (const link of links) expect(link).toBe(REPOSITORY);
		}
	});

	it('a laptop npm publish is stopped; publishing goes through n8n-node release', () => {
		expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
		expect(pkg.scripts.release).toBe('n8n-node release');
		expect(pkg.dependencies ?? {}).toEqual({});
	});

	it('CI runs exactly the README test command, as .ci/run does', () => {
		const ci = workflow('ci.yml');
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(runs(ci).slice(-2)).toEqual(['npm ci', 'npm test']);
		expect(read('.ci/run').trim().split('\n').slice(-2)).toEqual(['npm ci', 'npm test']);
		expect(read('README.md')).toContain('npm test');
	});

	it('publishing happens on a version tag, after the tests, with an OIDC token for provenance', () => {
		const publish = workflow('publish.yml');
		expect(publish.on).toEqual({ push: { tags: ['*.*.*'] } });
		const [job] = Object.values(publish.jobs);
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		const commands = runs(publish);
		expect(commands.indexOf('npm test')).toBeGreaterThan(commands.indexOf('npm ci'));
		expect(commands[commands.length - 1]).toContain('npm run release');
		// The checksum for env-managed installs (README), read back from npm after publishing, into the summary.
		const release = String(commands[commands.length - 1]);
		expect(release.indexOf('dist.integrity')).toBeGreaterThan(release.indexOf('npm run release'));
		expect(release).toContain('N8N_COMMUNITY_PACKAGES=');
		expect(release).toContain('GITHUB_STEP_SUMMARY');
		expect(commands.some((c) => c?.includes('GITHUB_REF_NAME'))).toBe(true);
	});

	it('every Docs link the editor shows (the credential, each node) and every link inside the README lands on a heading of the README', () => {
		const readme = read('README.md');
		const anchors = new Set(githubAnchors(readme));
		const editorLinks = [
			`${new BigDigitalDownloadsApi().documentationUrl}`,
			...NODE_FILES.flatMap((node) => {
				const codex = JSON.parse(read(`nodes/BigDigitalDownloads/${node}.node.json`)) as {
					resources: Record<string, { url: string }[]>;
				};
				return Object.values(codex.resources).flatMap((links) => links.map((link) => link.url));
			}),
		];
		expect(editorLinks.length).toBe(1 + 2 * NODE_FILES.length);
		for (const link of editorLinks) {
			const [page, anchor] = link.split('#');
			expect({ link, page }).toEqual({ link, page: REPOSITORY });
			expect({ link, found: anchor === 'readme' || anchors.has(anchor) }).toEqual({
				link,
				found: true,
			});
		}
		const inReadme = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]);
		expect(inReadme.filter((anchor) => !anchors.has(anchor))).toEqual([]);
	});

	it("each codex file names its node's type and the version new nodes get (n8n's verification reads them together)", () => {
		expect(NODE_FILES).toEqual(Object.keys(NODES));
		for (const file of NODE_FILES) {
			const node = NODES[file];
			const codex = JSON.parse(read(`nodes/BigDigitalDownloads/${file}.node.json`)) as {
				node: string;
				nodeVersion: string;
			};
			const { name, version, defaultVersion } = node.description;
			const newest = defaultVersion ?? Math.max(...[version].flat());
			expect({ file, node: codex.node, nodeVersion: codex.nodeVersion }).toEqual({
				file,
				node: `${pkg.name}.${name}`,
				nodeVersion: Number.isInteger(newest) ? `${newest}.0` : String(newest),
			});
		}
	});

	it("the README's pictures are linked from the repository (the package does not carry them) and exist there", () => {
		const pictures = [...read('README.md').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(
			(match) => match[1],
		);
		expect(pictures.length).toBeGreaterThan(0);
		for (const picture of pictures) {
			expect(
				picture.startsWith(
					`${REPOSITORY.replace('https://github.com/', 'https://raw.githubusercontent.com/')}/main/`,
				),
			).toBe(true);
			expect(readRepoFile(picture.split('/main/')[1])).toBeDefined();
		}
	});

	it.each(['README.md', 'CONTRIBUTING.md'])(
		'the layout tree in %s names only folders and files that exist',
		(file) => {
			const tree = read(file)
				.split('```')
				.find((block) => block.startsWith('\nnodes/') || block.startsWith('\ncredentials/'));
			expect(tree).toBeDefined();
			let parent = '';
			for (const line of tree!.split('\n').filter((l) => l.trim() !== '' && !/^\s{10,}/.test(l))) {
				const indented = line.startsWith('  ');
				for (const name of line
					.trim()
					.split(/\s{3,}/)[0]
					.split(/\s+/)) {
					const entry =
						(indented ? parent : '') + name.replace('<resource>', 'order').replace('<op>', 'get');
					if (!indented && name.endsWith('/')) parent = name;
					expect({
						entry,
						exists: isRepoFolder(entry) || readRepoFile(entry) !== undefined,
					}).toEqual({ entry, exists: true });
				}
			}
		},
	);

	it('test/unit mirrors nodes/ and credentials/, as CONTRIBUTING says: each unit test file tests the source file at its path (the layering and description invariants aside)', () => {
		const invariants = ['description.test.ts', 'layers.test.ts'].map(
			(f) => `test/unit/nodes/BigDigitalDownloads/${f}`,
		);
		const unmirrored = [...repoFiles('test/unit/nodes'), ...repoFiles('test/unit/credentials')]
			.filter((file) => file.endsWith('.test.ts') && !invariants.includes(file))
			.filter((file) => {
				const source = file.replace(/^test\/unit\//, '').replace(/\.test\.ts$/, '');
				return ['.ts', '.node.ts', '.credentials.ts'].every(
					(ending) => readRepoFile(source + ending) === undefined,
				);
			});
		expect(unmirrored).toEqual([]);
	});

	it("the first-hour browser test follows the README's trigger steps, one comment per step naming what the step names", () => {
		const readme = read('README.md');
		const section = readme.slice(
			readme.indexOf('## Set up the trigger'),
			readme.indexOf('\n## ', readme.indexOf('## Set up the trigger') + 5),
		);
		const steps =
			section
				.split('\n')
				.join(' ')
				.match(/ \d\. .*?(?= \d\. | Another trigger workflow)/g) ?? [];
		expect(steps).toHaveLength(8);
		const test = read('test/e2e/firstHour.test.ts');
		for (const [index, step] of steps.entries()) {
			const comment = test.match(new RegExp(`// ${index + 1}\\. (.*)`))?.[1];
			const named = [...step.matchAll(/\*\*([^*]+)\*\*/g)].map((match) =>
				match[1].toLowerCase().replace(/\s+/g, ' '),
			);
			expect({
				step: index + 1,
				named,
				comment,
				follows: named.some((term) => comment?.toLowerCase().includes(term)),
			}).toMatchObject({ follows: true });
		}
	});

	it('the changelog has an entry for the current version', () => {
		expect(read('CHANGELOG.md')).toMatch(
			new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\]`, 'm'),
		);
	});
});
