// The output schemas the editor shows before a first run (n8n asks for
// /schemas/<node>/<version>/<resource>/<operation>.json) must describe what each operation really returns:
// each operation runs against the local BigDD server and its items' shape is compared with the shipped
// schema. `npm run schemas` rewrites them after a deliberate change.
import type { IDataObject } from 'n8n-workflow';
import { BigDigitalDownloads } from '../../nodes/BigDigitalDownloads/BigDigitalDownloads.node';
import { readSchema, updatingSchemas, writeSchema } from '../../harness/schemas';
import type { Shop } from '../support/local-bigdd';
import { newOrder, useLocalBigdd } from '../support/local-bigdd';

interface Schema {
	type: string;
	properties?: Record<string, Schema>;
	items?: Schema;
}

/** The JSON schema of values seen together: types from the first non-null value, objects and arrays merged. */
function schemaOf(values: unknown[]): Schema {
	const present = values.filter((v) => v !== null && v !== undefined);
	if (present.length === 0) return { type: 'null' };
	if (present.every((v) => Array.isArray(v))) {
		const items = (present as unknown[][]).flat();
		return items.length ? { type: 'array', items: schemaOf(items) } : { type: 'array' };
	}
	if (present.every((v) => typeof v === 'object' && !Array.isArray(v))) {
		const keys = [...new Set((present as IDataObject[]).flatMap((v) => Object.keys(v)))].sort();
		return { type: 'object', properties: Object.fromEntries(keys.map((key) => [key, schemaOf((present as IDataObject[]).map((v) => v[key]))])) };
	}
	return { type: typeof present[0] };
}

/** Parameters that make each operation return a typical record from the seeded shop. */
function operationsOf(shop: Shop): Record<string, Record<string, unknown>> {
	// Made now (in beforeAll): a line with files and one of license keys only, which delivers none.
	const downloadable = shop.orders.at(-1)!;
	const order = shop.orders.find((o) => o.lines.some((l) => l.delivering_type === 'UNIQUE'))!;
	const line = order.lines.find((l) => l.delivering_type === 'UNIQUE')!;
	const available = shop.licenseKeys.filter((k) => k.order_id === null);
	const assigned = shop.licenseKeys.find((k) => k.order_id !== null)!;
	// Files 0 and 2 get attached to a link and a line below; delete one nothing uses.
	const attached = new Set([shop.files[0].id, shop.files[2].id, ...shop.products.flatMap((p) => p.file_ids), ...shop.orders.flatMap((o) => o.lines.flatMap((l) => l.file_ids))]);
	const freeFile = shop.files.find((f) => !attached.has(f.id))!;
	return {
		'customer:getDownloads': { customerId: order.customer.gid, returnAll: true },
		'digitalProduct:get': { productId: shop.products[0].id, options: { includeShopifyProduct: true } },
		'digitalProduct:getAll': { returnAll: true, options: { includeShopifyProduct: true } },
		'digitalProduct:updateLimits': { productId: shop.products[1].id, limits: { maxDownloads: 5, downloadIn: 30 } },
		'downloadLink:create': { fileIds: shop.files[0].id, useDownloadLimit: true, downloadLimit: 3, useStamping: true, stampingText: 'Licensed to Jane' },
		'downloadStats:get': { window: { start: '2020-01-01T00:00:00Z', end: '2030-01-01T00:00:00Z' } },
		'file:delete': { fileId: freeFile.id },
		'file:getAll': { returnAll: true, options: { includeProducts: true } },
		'file:upload': { binaryPropertyName: 'data' },
		'licenseKey:assign': { licenseKeyId: available[0].id, orderName: order.name, sendEmail: false },
		'licenseKey:create': { keys: 'SCHEMA-1\nSCHEMA-2', tag: 'schema', duplicates: 'skip' },
		'licenseKey:delete': { licenseKeyId: available[1].id },
		'licenseKey:getAll': { returnAll: true },
		'licenseKey:unassign': { licenseKeyId: assigned.id },
		'licenseKey:validate': { key: assigned.key },
		'order:createDownloadLink': { orderId: downloadable.id, customerEmail: downloadable.customer.email, downloadLimit: 5 },
		'order:get': { orderId: order.id, options: { include: ['downloads', 'product'] } },
		'order:getAll': { returnAll: true, options: { include: ['downloads', 'product'] } },
		'order:resendEmail': { orderId: order.id },
		'order:resetDownloads': { orderId: order.id, lineId: line.id },
		'order:setAccess': { orderId: order.id, access: 'enabled' },
		'order:setLineFiles': { orderId: order.id, lineId: line.id, fileIds: shop.files[2].id, sendEmail: false },
	};
}

const { description } = new BigDigitalDownloads();
const nodeVersions = [description.version].flat();
const declared = description.properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) => (p.options as Array<{ value: string }>).map((o) => `${p.displayOptions?.show?.resource?.[0]}:${o.value}`))
	.sort();

describe('output schemas (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ products: 6, orders: 40, files: 40, licenseKeys: 20 });
	beforeAll(() => {
		const products = bigdd.shop().products;
		newOrder(bigdd.shop(), [products.find((p) => p.access === 'FILE' && p.delivering_type === 'REGULAR')!, products.find((p) => p.access === 'LICENSE_KEY')!], { financial_status: 'PAID', dl_access: 'enabled' });
	});

	it('cover every operation the node declares', () => {
		expect(Object.keys(operationsOf(bigdd.shop())).sort()).toEqual(declared);
	});

	it.each(declared)('%s: the shipped schema (each node version) describes what the operation returns', async (name) => {
		const [resource, operation] = name.split(':');
		const parameters = { resource, operation, ...operationsOf(bigdd.shop())[name] };
		const items = name === 'file:upload' ? [{ json: {}, binary: { data: { data: Buffer.from('%PDF-1.7').toString('base64'), mimeType: 'application/pdf', fileName: 'guide.pdf' } } }] : undefined;
		const { items: output, error } = await bigdd.run(parameters, { items });
		expect(error).toBeUndefined();
		expect(output.length).toBeGreaterThan(0);
		const schema = schemaOf(output.map((item) => item.json));
		for (const version of nodeVersions) {
			if (updatingSchemas()) writeSchema(resource, operation, version, schema);
			expect({ version, schema: readSchema(resource, operation, version) }).toEqual({ version, schema });
		}
	});
});
