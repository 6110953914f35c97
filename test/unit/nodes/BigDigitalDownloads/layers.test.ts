// The layers of the action node and trigger, as the folders name them: transport/ sends requests,
// routing/ turns operations into requests (n8n's routing for lists, the item loop for one record per item,
// custom operations as tools), listSearch/ the record pickers, resources/ hold the operations, trigger/ the
// webhook, polling/ the polling trigger's poll. A lower layer never imports a higher one, and the
// triggers and the operations share only shared/ and transport/. No file imports itself through others,
// and only transport/request.ts sends a request to BigDD.
import { isFolder, relativeImports } from '../../../../harness/imports';

const NODE_DIR = 'nodes/BigDigitalDownloads';
const sources: { file: string; imports: string[]; text: string }[] = relativeImports(NODE_DIR);

/** The layer of a path relative to the node folder: its top folder; the node files themselves are 'node'. */
function layerOf(relative: string): string {
	const [first] = relative.split('/');
	if (first === '..') return 'outside';
	return isFolder(NODE_DIR, first) ? first : 'node';
}

/** The layers one file imports from. */
const importedLayers = (file: string) =>
	(sources.find((source) => source.file === file)?.imports ?? []).map(layerOf);

/** What each layer may import, besides itself (`outside`: the credential file). */
const ALLOWED: Record<string, string[]> = {
	transport: ['outside'],
	shared: ['transport'],
	routing: ['transport', 'shared'],
	listSearch: ['transport', 'shared', 'routing'],
	resources: ['transport', 'shared', 'routing', 'listSearch'],
	trigger: ['outside', 'shared'],
	polling: ['transport', 'shared'],
	node: [
		'outside',
		'transport',
		'shared',
		'routing',
		'listSearch',
		'resources',
		'trigger',
		'polling',
	],
};

describe('layers of the node folder', () => {
	const files = sources.map((source) => source.file);

	it('every file sits in a known layer', () => {
		expect(files.map(layerOf).filter((layer) => !(layer in ALLOWED))).toEqual([]);
		expect(new Set(files.map(layerOf))).toEqual(new Set(Object.keys(ALLOWED)));
	});

	it.each(Object.keys(ALLOWED))('%s/ imports only from the layers below it', (layer) => {
		const wrong = files
			.filter((file) => layerOf(file) === layer)
			.flatMap((file) =>
				importedLayers(file)
					.filter((imported) => imported !== layer && !ALLOWED[layer].includes(imported))
					.map((imported) => `${file} -> ${imported}`),
			);
		expect(wrong).toEqual([]);
	});

	it('no file imports itself through others (an import cycle): each file can be read before the files that use it', () => {
		const known = new Set(files);
		const resolve = (imported: string) =>
			[`${imported}.ts`, `${imported}/index.ts`].find((file) => known.has(file));
		const edges = new Map(
			sources.map((source) => [
				source.file,
				source.imports.map(resolve).filter((file): file is string => file !== undefined),
			]),
		);
		const cycles: string[] = [];
		const visit = (file: string, path: string[]) => {
			if (path.includes(file)) {
				cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
				return;
			}
			for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
		};
		for (const file of files) visit(file, []);
		expect([...new Set(cycles)]).toEqual([]);
	});

	it("only transport/request.ts calls an n8n request helper or routing's own request: one request path", () => {
		const SENDERS = /\b(helpers\.(httpRequest|request)\w*|makeRoutingRequest)\b/;
		const sending = sources.filter(({ text }) =>
			text.split('\n').some((line) => SENDERS.test(line) && !/^\s*(\*|\/\/)/.test(line)),
		);
		expect(sending.map(({ file }) => file)).toEqual(['transport/request.ts']);
	});

	it('the check sees imports: the action node imports its resources', () => {
		expect(importedLayers('BigDigitalDownloads.node.ts')).toContain('resources');
	});
});
