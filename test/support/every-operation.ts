// Every operation of the action node with parameters that make it succeed against the seeded local
// BigDD shop: for tests that must cover each one (output schemas, the request path).
import type { INodeExecutionData } from 'n8n-workflow';
import { BigDigitalDownloads } from '../../nodes/BigDigitalDownloads/BigDigitalDownloads.node';
import type { Shop } from './local-bigdd';
import { newOrder } from './local-bigdd';

/** The shop everyOperation's parameters need. */
export const EVERY_OPERATION_SHOP = { products: 6, orders: 40, files: 40, licenseKeys: 20 };

/** `resource:operation` of every operation the node declares, sorted. */
export const DECLARED_OPERATIONS = new BigDigitalDownloads().description.properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) =>
		(p.options as Array<{ value: string }>).map(
			(o) => `${p.displayOptions?.show?.resource?.[0]}:${o.value}`,
		),
	)
	.sort();

/** A paid order, made now, of a line with files and one of license keys only (which delivers none): the last order. */
export function addDownloadableOrder(shop: Shop): void {
	const { products } = shop;
	newOrder(
		shop,
		[
			products.find((p) => p.access === 'FILE' && p.delivering_type === 'REGULAR')!,
			products.find((p) => p.access === 'LICENSE_KEY')!,
		],
		{ financial_status: 'PAID', dl_access: 'enabled' },
	);
}

/** The input items an operation needs: a file for Upload, else the engine's one empty item. */
export function inputItemsFor(name: string): INodeExecutionData[] | undefined {
	if (name !== 'file:upload') return undefined;
	return [
		{
			json: {},
			binary: {
				data: {
					data: Buffer.from('%PDF-1.7').toString('base64'),
					mimeType: 'application/pdf',
					fileName: 'guide.pdf',
				},
			},
		},
	];
}

/** Parameters that make each operation return a typical record from the seeded shop. */
export function everyOperation(shop: Shop): Record<string, Record<string, unknown>> {
	// Made now (in beforeAll): a line with files and one of license keys only, which delivers none.
	const downloadable = shop.orders.at(-1)!;
	const order = shop.orders.find((o) => o.lines.some((l) => l.delivering_type === 'UNIQUE'))!;
	const line = order.lines.find((l) => l.delivering_type === 'UNIQUE')!;
	const available = shop.licenseKeys.filter((k) => k.order_id === null);
	const assigned = shop.licenseKeys.find((k) => k.order_id !== null)!;
	// Files 0 and 2 get attached to a link and a line below; delete one nothing uses.
	const attached = new Set([
		shop.files[0].id,
		shop.files[2].id,
		...shop.products.flatMap((p) => p.file_ids),
		...shop.orders.flatMap((o) => o.lines.flatMap((l) => l.file_ids)),
	]);
	const freeFile = shop.files.find((f) => !attached.has(f.id))!;
	return {
		'customer:getDownloads': { customerId: order.customer.gid, returnAll: true },
		'digitalProduct:get': {
			productId: shop.products[0].id,
			options: { includeShopifyProduct: true },
		},
		'digitalProduct:getAll': { returnAll: true, options: { includeShopifyProduct: true } },
		'digitalProduct:updateLimits': {
			productId: shop.products[1].id,
			limits: { maxDownloads: 5, downloadIn: 30 },
		},
		'downloadLink:create': {
			fileIds: shop.files[0].id,
			useDownloadLimit: true,
			downloadLimit: 3,
			useStamping: true,
			stampingText: 'Licensed to Jane',
		},
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
		'order:createDownloadLink': {
			orderId: downloadable.id,
			customerEmail: downloadable.customer.email,
			downloadLimit: 5,
		},
		'order:get': { orderId: order.id, options: { include: ['downloads', 'product'] } },
		'order:getAll': { returnAll: true, options: { include: ['downloads', 'product'] } },
		'order:resendEmail': { orderId: order.id },
		'order:resetDownloads': { orderId: order.id, lineId: line.id },
		'order:setAccess': { orderId: order.id, access: 'enabled' },
		'order:setLineFiles': {
			orderId: order.id,
			lineId: line.id,
			fileIds: shop.files[2].id,
			sendEmail: false,
		},
	};
}
