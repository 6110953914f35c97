// n8n's verification rules that the lint we run (n8n-node lint, and n8n's scanner in `npm run scan`) does
// not have yet: the community-node rules added to n8n-io/n8n after @n8n/eslint-plugin-community-nodes 0.32.0,
// read in its source (packages/@n8n/eslint-plugin-community-nodes/src/rules) and checked here on what the
// package ships: the nodes' descriptions as n8n loads them (properties built by helpers included, which the
// AST rules cannot see), the codex files, the icons and package.json. docs/verification.md lists each.
import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import { BigDigitalDownloadsApi } from '../../credentials/BigDigitalDownloadsApi.credentials';
import { BigDigitalDownloads } from '../../nodes/BigDigitalDownloads/BigDigitalDownloads.node';
import { BigDigitalDownloadsPollingTrigger } from '../../nodes/BigDigitalDownloads/BigDigitalDownloadsPollingTrigger.node';
import { BigDigitalDownloadsTrigger } from '../../nodes/BigDigitalDownloads/BigDigitalDownloadsTrigger.node';
import { readRepoFile } from '../../harness/runtime';

const read = (file: string) => {
	const text = readRepoFile(file);
	if (text === undefined) throw new Error(`${file} is missing`);
	return text;
};
const pkg = JSON.parse(read('package.json'));
const NODES: [string, INodeType][] = [
	['BigDigitalDownloads', new BigDigitalDownloads()],
	['BigDigitalDownloadsTrigger', new BigDigitalDownloadsTrigger()],
	['BigDigitalDownloadsPollingTrigger', new BigDigitalDownloadsPollingTrigger()],
];
const codexOf = (file: string) =>
	JSON.parse(read(`nodes/BigDigitalDownloads/${file}.node.json`)) as Record<string, unknown>;

/** Every parameter of a node at any depth (collection options, fixedCollection values), with where it sits. */
function allParameters(
	properties: INodeProperties[],
	at = '',
): { at: string; parameter: INodeProperties }[] {
	return properties.flatMap((parameter) => {
		const here = `${at}${parameter.name}`;
		const nested = (parameter.options ?? []).flatMap((option) => {
			if ('type' in option) return allParameters([option as INodeProperties], `${here}.`);
			if ('values' in option)
				return allParameters(
					(option as INodePropertyCollection).values,
					`${here}.${(option as INodePropertyCollection).name}.`,
				);
			return [];
		});
		return [{ at: here, parameter }, ...nested];
	});
}
const parametersOf = (node: INodeType) => allParameters(node.description.properties);

/** WCAG relative luminance and contrast ratio, as n8n's icon-contrast rule computes them. */
function luminance(hex: string): number {
	const full = hex.length === 4 ? hex.replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3') : hex;
	const [r, g, b] = [1, 3, 5]
		.map((i) => parseInt(full.slice(i, i + 2), 16) / 255)
		.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
};

describe("n8n's verification rules newer than the lint we run", () => {
	it.each(NODES)('require-param-default: every parameter of %s has a default', (_, node) => {
		expect(
			parametersOf(node)
				.filter(({ parameter }) => parameter.default === undefined)
				.map(({ at }) => at),
		).toEqual([]);
	});

	it.each(NODES)(
		'no-duplicate-param-options: no option name or value repeats within a list of %s',
		(_, node) => {
			const repeated = parametersOf(node)
				.filter(
					({ parameter }) => parameter.type === 'options' || parameter.type === 'multiOptions',
				)
				.flatMap(({ at, parameter }) => {
					const options = (parameter.options ?? []) as INodePropertyOptions[];
					const names = options.map((o) => o.name);
					const values = options.map((o) => JSON.stringify(o.value));
					return [
						...names.filter((n, i) => names.indexOf(n) !== i),
						...values.filter((v, i) => values.indexOf(v) !== i),
					].map((dup) => `${at}: ${dup}`);
				});
			expect(repeated).toEqual([]);
		},
	);

	it.each(NODES)('hint-max-length: every hint of %s is at most 120 characters', (_, node) => {
		expect(
			parametersOf(node)
				.filter(({ parameter }) => (parameter.hint ?? '').length > 120)
				.map(({ at }) => at),
		).toEqual([]);
	});

	it.each(NODES)('open-ended-node-fields: %s has no optional JSON field', (_, node) => {
		expect(
			parametersOf(node)
				.filter(({ parameter }) => parameter.type === 'json' && parameter.required !== true)
				.map(({ at }) => at),
		).toEqual([]);
	});

	it.each(NODES)(
		'node-class-description-name-camelcase: the name of %s is camelCase',
		(_, node) => {
			expect(node.description.name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
		},
	);

	it.each(NODES)('single-credential-per-node: %s uses one credential', (_, node) => {
		expect(node.description.credentials).toHaveLength(1);
	});

	it.each(NODES.filter(([file]) => file.endsWith('Trigger')))(
		'non-required-fields-in-collection: the top-level fields %s declares are required, collections, or notices',
		(_, node) => {
			const loose = node.description.properties.filter(
				(p) =>
					!['collection', 'fixedCollection', 'notice', 'callout', 'hidden'].includes(p.type) &&
					p.required !== true,
			);
			expect(loose.map((p) => p.name)).toEqual([]);
		},
	);

	it.each(NODES.map(([file]) => file))(
		'valid-node-categories and no-codex-subcategories: the codex of %s',
		(file) => {
			const codex = codexOf(file);
			const allowed = [
				'Data & Storage',
				'Finance & Accounting',
				'Marketing & Content',
				'Productivity',
				'Miscellaneous',
				'Sales',
				'Development',
				'Analytics',
				'Communication',
				'Utility',
			];
			expect(Array.isArray(codex.categories) && (codex.categories as unknown[]).length > 0).toBe(
				true,
			);
			expect(
				(codex.categories as string[]).filter((category) => !allowed.includes(category)),
			).toEqual([]);
			expect(codex).not.toHaveProperty('subcategories');
		},
	);

	it('icon-contrast: each icon stands out (at least 1.5:1) on its theme: light on white, dark on #2b2b2b', () => {
		const icons = [
			...NODES.map(([, node]) => node.description.icon),
			new BigDigitalDownloadsApi().icon,
		];
		for (const icon of icons) {
			for (const [theme, background] of [
				['light', '#ffffff'],
				['dark', '#2b2b2b'],
			] as const) {
				const file = String((icon as Record<string, string>)[theme]).replace(/^file:(\.\.\/)+/, '');
				const colors = [
					...read(file).matchAll(
						/(?:fill|stroke|stop-color)(?:="|:\s*)(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b/g,
					),
				].map((m) => m[1]);
				expect({ file, colors: colors.length > 0 }).toEqual({ file, colors: true });
				expect({
					file,
					best: Math.max(...colors.map((color) => contrast(color, background))) >= 1.5,
				}).toEqual({ file, best: true });
			}
		}
	});

	it('require-mit-license: package.json says MIT and the LICENSE file is the MIT licence', () => {
		expect(pkg.license).toBe('MIT');
		expect(read('LICENSE')).toMatch(/^MIT License\n/);
	});

	it('prefer-declarative-style: no node has an execute() that sends one request per item (the action node routes declaratively; its custom operations are the exceptions CONTRIBUTING explains)', () => {
		expect(
			NODES.filter(([, node]) => typeof node.execute === 'function').map(([file]) => file),
		).toEqual(['BigDigitalDownloadsTrigger']);
		// The webhook trigger's execute() sends nothing: it records the event id where n8n saves it.
		expect(read('nodes/BigDigitalDownloads/trigger/webhook.ts')).not.toMatch(/httpRequest/);
	});
});
