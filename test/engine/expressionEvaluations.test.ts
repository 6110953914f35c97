import { Expression, type IDataObject } from 'n8n-workflow';
import type { Shop } from '../support/local-bigdd';
import { useLocalBigdd } from '../support/local-bigdd';

// n8n evaluates each expression in an isolate, about 0.5 ms of CPU apiece in n8n 2.41 (bench/), so a
// node run for thousands of items pays for every evaluation it causes. n8n's routing evaluates a
// field's expression once for every field of that name in the node, shown or not, on each of two passes
// per item (the request, then its base-URL check), and once more for each read by routing or a hook
// (docs/n8n-routing-cost-per-item.md). So only the lists go through routing (Customer Get Downloads: its
// ID 3 times); every operation on one record per item builds its own request (routing/oneRecord.ts) and
// reads each field once, a list field twice (its value checked, then sent). Nothing from the credential
// or requestDefaults is evaluated (no such expression appears).

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

interface Case {
	parameters: Record<string, unknown>;
	/** Two input items, from the shop. */
	items: (shop: Shop) => IDataObject[];
	/** Evaluations per item of each field's `={{ $json.<field> }}`. */
	evaluations: Record<string, number>;
}

const uniqueLines = (shop: Shop) =>
	shop.orders.flatMap((o) =>
		o.lines.filter((l) => l.delivering_type === 'UNIQUE').map((l) => ({ order: o.id, line: l.id })),
	);
const freeKeys = (shop: Shop) => shop.licenseKeys.filter((k) => k.order_id === null);
const assignedKeys = (shop: Shop) => shop.licenseKeys.filter((k) => k.order_id !== null);
/** Files no product, order line or link uses, which BigDD lets one delete. */
function freeFiles(shop: Shop) {
	const used = new Set([
		...shop.products.flatMap((p) => p.file_ids),
		...shop.orders.flatMap((o) => o.lines.flatMap((l) => l.file_ids)),
	]);
	return shop.files.filter((f) => !used.has(f.id));
}

const CASES: Record<string, Case> = {
	'order: Get': {
		parameters: { resource: 'order', operation: 'get', orderId: byId('={{ $json.order }}') },
		items: (shop) => shop.orders.slice(0, 2).map((o) => ({ order: o.id })),
		evaluations: { order: 1 },
	},
	'order: Resend Email': {
		parameters: {
			resource: 'order',
			operation: 'resendEmail',
			orderId: byId('={{ $json.order }}'),
			options: { newEmail: '={{ $json.email }}' },
		},
		items: (shop) =>
			shop.orders.slice(0, 2).map((o) => ({ order: o.id, email: 'moved@example.com' })),
		evaluations: { order: 1, email: 1 },
	},
	'order: Reset Downloads': {
		parameters: {
			resource: 'order',
			operation: 'resetDownloads',
			orderId: byId('={{ $json.order }}'),
			lineId: '={{ $json.line }}',
		},
		items: (shop) => shop.orders.slice(0, 2).map((o) => ({ order: o.id, line: o.lines[0].id })),
		evaluations: { order: 1, line: 1 },
	},
	'order: Set Access': {
		parameters: {
			resource: 'order',
			operation: 'setAccess',
			orderId: byId('={{ $json.order }}'),
			access: '={{ $json.access }}',
		},
		items: (shop) => shop.orders.slice(0, 2).map((o) => ({ order: o.id, access: 'disabled' })),
		evaluations: { order: 1, access: 2 },
	},
	'order: Set Line Files': {
		parameters: {
			resource: 'order',
			operation: 'setLineFiles',
			orderId: byId('={{ $json.order }}'),
			lineId: '={{ $json.line }}',
			fileIds: '={{ $json.files }}',
		},
		items: (shop) =>
			uniqueLines(shop)
				.slice(0, 2)
				.map((line) => ({ ...line, files: shop.files[0].id })),
		evaluations: { order: 1, line: 1, files: 1 },
	},
	'digital product: Get': {
		parameters: {
			resource: 'digitalProduct',
			operation: 'get',
			productId: byId('={{ $json.product }}'),
		},
		items: (shop) => shop.products.slice(0, 2).map((p) => ({ product: p.id })),
		evaluations: { product: 1 },
	},
	'digital product: Update Limits': {
		parameters: {
			resource: 'digitalProduct',
			operation: 'updateLimits',
			productId: byId('={{ $json.product }}'),
			limits: { maxDownloads: '={{ $json.max }}' },
		},
		items: (shop) => shop.products.slice(0, 2).map((p) => ({ product: p.id, max: 7 })),
		evaluations: { product: 1, max: 1 },
	},
	'customer: Get Downloads': {
		parameters: {
			resource: 'customer',
			operation: 'getDownloads',
			customerId: '={{ $json.customer }}',
			limit: 5,
		},
		items: (shop) => shop.customers.slice(0, 2).map((c) => ({ customer: c.gid })),
		evaluations: { customer: 3 },
	},
	'download stat: Get': {
		parameters: {
			resource: 'downloadStats',
			operation: 'get',
			window: { start: '={{ $json.start }}', end: '={{ $json.end }}' },
		},
		items: () => [
			{ start: '2026-05-01T00:00:00Z', end: '2026-06-01T00:00:00Z' },
			{ start: '2026-06-01T00:00:00Z', end: '2026-07-01T00:00:00Z' },
		],
		evaluations: { start: 1, end: 1 },
	},
	'license key: Assign': {
		parameters: {
			resource: 'licenseKey',
			operation: 'assign',
			licenseKeyId: byId('={{ $json.key }}'),
			orderName: '={{ $json.order }}',
		},
		items: (shop) =>
			freeKeys(shop)
				.slice(0, 2)
				.map((k, i) => ({ key: k.id, order: shop.orders[i].name })),
		evaluations: { key: 1, order: 1 },
	},
	'license key: Unassign': {
		parameters: {
			resource: 'licenseKey',
			operation: 'unassign',
			licenseKeyId: byId('={{ $json.key }}'),
		},
		items: (shop) =>
			assignedKeys(shop)
				.slice(0, 2)
				.map((k) => ({ key: k.id })),
		evaluations: { key: 1 },
	},
	'license key: Delete': {
		parameters: {
			resource: 'licenseKey',
			operation: 'delete',
			licenseKeyId: byId('={{ $json.key }}'),
		},
		items: (shop) =>
			freeKeys(shop)
				.slice(-2)
				.map((k) => ({ key: k.id })),
		evaluations: { key: 1 },
	},
	'license key: Validate (custom operation)': {
		parameters: { resource: 'licenseKey', operation: 'validate', key: '={{ $json.key }}' },
		items: (shop) => shop.licenseKeys.slice(0, 2).map((k) => ({ key: k.key })),
		evaluations: { key: 1 },
	},
	'file: Delete': {
		parameters: { resource: 'file', operation: 'delete', fileId: byId('={{ $json.file }}') },
		items: (shop) =>
			freeFiles(shop)
				.slice(0, 2)
				.map((f) => ({ file: f.id })),
		evaluations: { file: 1 },
	},
};

describe('Expression evaluations per item (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ orders: 20 });

	it.each(Object.entries(CASES))('%s', async (_, { parameters, items, evaluations }) => {
		const inputs = items(bigdd.shop());
		const counted = Expression.prototype as unknown as {
			resolveSimpleParameterValue: (value: unknown, ...rest: unknown[]) => unknown;
		};
		const resolve = counted.resolveSimpleParameterValue;
		const seen: Record<string, number> = {};
		counted.resolveSimpleParameterValue = function (
			this: unknown,
			value: unknown,
			...rest: unknown[]
		) {
			seen[String(value)] = (seen[String(value)] ?? 0) + 1;
			return resolve.call(this, value, ...rest);
		};
		try {
			const { error } = await bigdd.run(parameters, { items: inputs.map((json) => ({ json })) });
			expect(error).toBeUndefined();
		} finally {
			counted.resolveSimpleParameterValue = resolve;
		}
		const perItem = Object.fromEntries(
			Object.entries(seen).map(([expression, count]) => [expression, count / inputs.length]),
		);
		expect(perItem).toEqual(
			Object.fromEntries(
				Object.entries(evaluations).map(([field, count]) => [`={{ $json.${field} }}`, count]),
			),
		);
	});
});
