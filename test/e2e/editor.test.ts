// What n8n's editor asks the package for, in a running real n8n 2.41.1: the output schema of every
// operation (shown before a first run) and the record pickers' lists, searched and paged through BigDD.
import { BigDigitalDownloads } from '../../nodes/BigDigitalDownloads/BigDigitalDownloads.node';
import type { LoggedRequest } from '../support/local-bigdd';
import { readSchema } from '../../harness/schemas';
import { ACTION_NODE_TYPE, CREDENTIAL_TYPE } from '../../harness/workflows';
import { useN8nWithBigdd } from './fixture';
const CREDENTIAL_ID = 'bigddEditorCred1';

const { description } = new BigDigitalDownloads();
const operations = description.properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) =>
		(p.options as Array<{ value: string }>).map((o) => [
			String(p.displayOptions?.show?.resource?.[0]),
			o.value,
		]),
	);
// Each node version the editor may ask for, with the operations.
const schemaRequests = [description.version]
	.flat()
	.flatMap((version) =>
		operations.map(([resource, operation]) => [version, resource, operation] as const),
	);

describe('the editor in real n8n', () => {
	const setup = useN8nWithBigdd({
		bigdd: { orders: 120, products: 5, files: 10, licenseKeys: 10 },
		credentialId: CREDENTIAL_ID,
	});

	it.each(schemaRequests)(
		'version %s: serves the output schema of %s:%s where the editor asks for it',
		async (version, resource, operation) => {
			const response = await fetch(
				`${setup.n8n().baseUrl}/schemas/${ACTION_NODE_TYPE}/${version === 1 ? '1.0.0' : '1.1.0'}/${resource}/${operation}.json`,
			);
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual(readSchema(resource, operation, version));
		},
	);

	it('the Order picker searches BigDD by what the user types, then pages on scrolling', async () => {
		const pick = (filter: string | undefined, paginationToken?: string) =>
			setup.rest()('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
				path: 'parameters.orderId',
				nodeTypeAndVersion: { name: ACTION_NODE_TYPE, version: 1 },
				currentNodeParameters: {
					resource: 'order',
					operation: 'get',
					orderId: { __rl: true, mode: 'list', value: '' },
				},
				methodName: 'searchOrders',
				credentials: { [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: `BigDD ${CREDENTIAL_ID}` } },
				...(filter ? { filter } : {}),
				...(paginationToken ? { paginationToken } : {}),
			});
		setup.bigdd().clear();
		const order = setup.shop().orders[5];
		const found = await pick(order.name);
		expect(found.status).toBe(200);
		expect(found.body.data.results).toContainEqual({
			name: `${order.name} — ${order.customer.email}`,
			value: order.id,
		});

		const first = await pick(undefined);
		const second = await pick(undefined, first.body.data.paginationToken);
		const ids = [...first.body.data.results, ...second.body.data.results].map(
			(r: { value: string }) => r.value,
		);
		expect(ids).toHaveLength(100);
		expect(new Set(ids).size).toBe(100);
		expect(
			(setup.bigdd().requests() as LoggedRequest[]).map((r) => [
				r.path,
				r.query.q,
				r.query.limit,
				Boolean(r.query.cursor),
			]),
		).toEqual([
			['/public-api/v1/orders', order.name, '50', false],
			['/public-api/v1/orders', undefined, '50', false],
			['/public-api/v1/orders', undefined, '50', true],
		]);
	});
});
