// Invariants of the nodes' descriptions that no single operation's test would notice: with
// `ignoreHttpStatusErrors`, an operation without the error mapper would output BigDD's error bodies as
// items; an option without routing that is not a custom operation would do nothing.
import {
	Workflow,
	type INode,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
} from 'n8n-workflow';
import { BigDigitalDownloads } from '../../../../nodes/BigDigitalDownloads/BigDigitalDownloads.node';
import { BigDigitalDownloadsTrigger } from '../../../../nodes/BigDigitalDownloads/BigDigitalDownloadsTrigger.node';
import { BigDigitalDownloadsPollingTrigger } from '../../../../nodes/BigDigitalDownloads/BigDigitalDownloadsPollingTrigger.node';
import { WEBHOOK_EVENTS } from '../../../../nodes/BigDigitalDownloads/trigger/events';
import { EVENT_TYPES } from '../../../../dev-server/webhooks';
import { CREDENTIAL_TYPE } from '../../../../credentials/BigDigitalDownloadsApi.credentials';
import * as harness from '../../../../harness/workflows';

const node = new BigDigitalDownloads();
const { properties } = node.description;
const customOperations = node.customOperations as Record<string, Record<string, unknown>>;

const optionsOf = (property: INodeProperties) => (property.options ?? []) as INodePropertyOptions[];
const resourceProperty = properties.find((p) => p.name === 'resource')!;
const operationProperties = properties.filter((p) => p.name === 'operation');
const operations = operationProperties.flatMap((property) =>
	optionsOf(property).map((option) => ({
		resource: String(property.displayOptions!.show!.resource![0]),
		option,
	})),
);
/** Whether a property shows in `version` of the node (`@version` as this package uses it: a list or gte). */
function showsInVersion(property: INodeProperties, version: number): boolean {
	const versions = property.displayOptions?.show?.['@version'];
	if (!versions) return true;
	return versions.some((v) =>
		typeof v === 'object' && v !== null && '_cnd' in v
			? version >= Number((v._cnd as { gte: number }).gte)
			: v === version,
	);
}
const VERSIONS = [node.description.version].flat();
/** The fields the node shows for an operation; `asTool`: on its AI tool variant (n8n's `@tool` condition). */
const shownFor = (
	resource: string,
	operation: string,
	version = VERSIONS[VERSIONS.length - 1],
	asTool = false,
) =>
	properties.filter(
		(p) =>
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions.show.operation?.includes(operation) &&
			showsInVersion(p, version) &&
			(p.displayOptions.show['@tool'] === undefined ||
				p.displayOptions.show['@tool'].includes(asTool)),
	);

/** The name of the pagination function an operation's routing uses, if any. */
const paginationOf = (option: INodePropertyOptions) =>
	(option.routing?.operations?.pagination as { name?: string } | undefined)?.name;

/** Every options list in the description, top level and inside collections, with where it is. */
function optionLists(list: INodeProperties[], where = ''): { where: string; names: string[] }[] {
	return list.flatMap((property) => {
		const here = `${where}${property.name}`;
		if (property.type === 'collection')
			return optionLists(property.options as INodeProperties[], `${here}.`);
		if (property.type !== 'options' && property.type !== 'multiOptions') return [];
		const scope = property.displayOptions?.show?.operation
			? `${property.displayOptions.show.resource}:${property.displayOptions.show.operation} `
			: '';
		return [{ where: scope + here, names: optionsOf(property).map((o) => o.name) }];
	});
}

describe('the action node description', () => {
	it('has 7 resources and 22 operations (the 21 endpoints and Order: Create Download Link), each operation value unique within its resource', () => {
		expect(optionsOf(resourceProperty)).toHaveLength(7);
		expect(operations).toHaveLength(22);
		for (const resource of optionsOf(resourceProperty).map((o) => String(o.value))) {
			const values = operations.filter((o) => o.resource === resource).map((o) => o.option.value);
			expect(values.length).toBeGreaterThan(0);
			expect(new Set(values).size).toBe(values.length);
		}
	});

	it.each(
		operations.map(
			({ resource, option }) => [`${resource}:${option.value}`, resource, option] as const,
		),
	)(
		"%s: its request leaves through the node's own request path, from a pagination function (a custom operation also has one for n8n's tool wrapper)",
		(_, resource, option) => {
			const custom = customOperations[resource]?.[String(option.value)];
			expect(option.routing).toBeDefined();
			if (!option.routing) return;
			if (custom) {
				expect(typeof custom).toBe('function');
				// n8n's tool wrapper runs routing only: the custom operation's own code, item by item.
				expect(paginationOf(option)).toBe('runCustomOperation');
				return;
			}
			// Built per operation by cursorListRouting or oneRecordRouting (routing/), named after what they do;
			// both send through requestBigdd, so n8n's routing never sends a request or maps an answer itself.
			expect(['paginateByCursor', 'sendOneRecord']).toContain(paginationOf(option));
			expect(option.routing.output?.postReceive).toBeUndefined();
		},
	);

	it.each(
		operations
			.filter(({ option }) => paginationOf(option) === 'paginateByCursor')
			.map(
				({ resource, option }) =>
					[`${resource}:${option.value}`, resource, String(option.value)] as const,
			),
	)(
		'%s lists records: it shows Return All, and Limit only while Return All is off',
		(_, resource, operation) => {
			const fields = shownFor(resource, operation);
			expect(fields.find((p) => p.name === 'returnAll')).toMatchObject({
				type: 'boolean',
				default: false,
			});
			expect(fields.find((p) => p.name === 'limit')).toMatchObject({
				type: 'number',
				default: 50,
				displayOptions: { show: { returnAll: [false] } },
			});
		},
	);

	it('no two fields of one operation share a name (a value would leak from one to the other)', () => {
		for (const version of VERSIONS) {
			for (const { resource, option } of operations) {
				const names = shownFor(resource, String(option.value), version).map((p) => p.name);
				const where = `${resource}:${option.value} v${version}`;
				expect({ where, names: [...new Set(names)] }).toEqual({ where, names });
			}
		}
	});

	it('from version 1.1, each list that sorts shows Sort in its own collection right below Options', () => {
		const sorting = operations.filter(({ resource, option }) =>
			shownFor(resource, String(option.value), 1).some(
				(p) =>
					p.name === 'options' && (p.options as INodeProperties[]).some((o) => o.name === 'sort'),
			),
		);
		expect(sorting.map(({ resource, option }) => `${resource}:${option.value}`).sort()).toEqual([
			'digitalProduct:getAll',
			'file:getAll',
			'licenseKey:getAll',
			'order:getAll',
		]);
		for (const { resource, option } of sorting) {
			const names = shownFor(resource, String(option.value), 1.1).map((p) => p.name);
			expect(names.slice(-2)).toEqual(
				names.includes('options') ? ['options', 'sort'] : [names[names.length - 2], 'sort'],
			);
			const options = shownFor(resource, String(option.value), 1.1).find(
				(p) => p.name === 'options',
			);
			expect(
				(options?.options as INodeProperties[] | undefined)?.some((o) => o.name === 'sort') ??
					false,
			).toBe(false);
		}
	});

	it('on the tool variant only, every operation has its own Tool Description, written for a model (not n8n\'s "<Action> in Big Digital Downloads")', () => {
		for (const { resource, option } of operations) {
			const tool = shownFor(resource, String(option.value), 1.1, true).filter(
				(p) => p.name === 'toolDescription',
			);
			expect({ operation: `${resource}:${option.value}`, count: tool.length }).toEqual({
				operation: `${resource}:${option.value}`,
				count: 1,
			});
			expect(String(tool[0].default).length).toBeGreaterThan(60);
			expect(String(tool[0].default)).not.toContain('in Big Digital Downloads');
			expect(
				shownFor(resource, String(option.value), 1.1, false).some(
					(p) => p.name === 'toolDescription',
				),
			).toBe(false);
		}
	});

	it("every field has a description, except notices, collections and the resource and operation pickers (the polling trigger's too)", () => {
		const missing = [
			...properties,
			...new BigDigitalDownloadsPollingTrigger().description.properties,
		]
			.filter(
				(p) =>
					p.type !== 'notice' &&
					p.type !== 'collection' &&
					p.name !== 'resource' &&
					p.name !== 'operation' &&
					!p.description,
			)
			.map((p) => p.name);
		expect(missing).toEqual([]);
	});

	it("every list offers its choices alphabetically (the triggers' too)", () => {
		const unsorted = optionLists([
			...properties,
			...new BigDigitalDownloadsTrigger().description.properties,
			...new BigDigitalDownloadsPollingTrigger().description.properties,
		]).filter(
			({ names }) => names.join('|') !== [...names].sort((a, b) => a.localeCompare(b)).join('|'),
		);
		expect(unsorted).toEqual([]);
	});

	it('action names are sentence case without articles ("Get many orders")', () => {
		const actions = operations.map(({ option }) => option.action ?? '');
		expect(
			actions.filter((action) => /\b(a|an|the|its)\b/i.test(action) || !/^[A-Z][a-z]/.test(action)),
		).toEqual([]);
		expect(new Set(actions).size).toBe(actions.length);
	});
});

describe('the trigger description', () => {
	it('offers the events the local BigDD server sends, no more, no fewer', () => {
		expect(WEBHOOK_EVENTS.map((event) => event.value).sort()).toEqual([...EVENT_TYPES].sort());
	});
});

describe('canvas subtitles', () => {
	/** The subtitle n8n shows under a node with these parameters (n8n evaluates it as an expression). */
	function subtitleOf(nodeType: INodeType, parameters: INode['parameters']): unknown {
		const node: INode = {
			id: 'n',
			name: 'Node',
			type: 'test.node',
			typeVersion: 1,
			position: [0, 0],
			parameters,
		};
		const nodeTypes = {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		return workflow.expression.getSimpleParameterValue(
			node,
			nodeType.description.subtitle,
			'internal',
			{},
		);
	}

	it.each([
		['order', 'getAll', 'Get many orders'],
		['licenseKey', 'validate', 'Validate license key'],
		['downloadStats', 'get', 'Get download stats'],
	])('the action node on %s / %s reads "%s"', (resource, operation, expected) => {
		expect(subtitleOf(node, { resource, operation })).toBe(expected);
	});

	it('the trigger lists the names of its events', () => {
		expect(
			subtitleOf(new BigDigitalDownloadsTrigger(), {
				events: ['digital_order.purchased', 'file.redownloaded'],
			}),
		).toBe('Order Purchased, File Redownloaded');
	});
});

describe('names the test harness writes into workflows', () => {
	it('are the package’s own node and credential type names', () => {
		const packageName: string = jest.requireActual('../../../../package.json').name;
		expect(harness.ACTION_NODE_TYPE).toBe(`${packageName}.${node.description.name}`);
		expect(harness.CREDENTIAL_TYPE).toBe(CREDENTIAL_TYPE);
		expect(node.description.credentials?.map((c) => c.name)).toEqual([CREDENTIAL_TYPE]);
	});
});
