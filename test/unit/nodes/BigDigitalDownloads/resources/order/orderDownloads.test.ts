// What an order delivers, whatever shape BigDD gives its lines and products (the reference shows no
// line files): a line's own `file_ids` or `files`, else its product's, never a UNIQUE product's.
import {
	distinctFileIds,
	isOrderOf,
	lineDelivery,
	listedFileIds,
	orderRefusal,
	PAID_STATUSES,
} from '../../../../../../nodes/BigDigitalDownloads/resources/order/orderDownloads';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const order = {
	id: 'o1',
	name: '#1042',
	financial_status: 'PAID',
	dl_access: 'enabled',
	created_at: '2026-12-01T00:00:00Z',
	customer: { email: 'Jane@Example.com' },
};
const product = {
	id: 'p1',
	name: 'Presets',
	access: 'FILE',
	delivering_type: 'REGULAR',
	download_in: null,
	files: [{ id: 'f1' }, { id: 'f2' }],
};
const line = {
	id: 'l1',
	delivering_type: 'REGULAR',
	digital_product: { id: 'p1', name: 'Presets' },
};

describe('orderDownloads', () => {
	it.each([
		[{ file_ids: ['a', '', 7, 'b'] }, ['a', 'b']],
		[{ files: [{ id: 'a' }, null, { name: 'x' }, { id: 'b' }] }, ['a', 'b']],
		[{}, undefined],
	])('listedFileIds(%j)', (record, expected) => {
		expect(listedFileIds(record as never)).toEqual(expected);
	});

	it("a line's own files win over its product's, in either shape", () => {
		expect(lineDelivery(order, { ...line, files: [{ id: 'own' }] }, product, NOW).file_ids).toEqual(
			['own'],
		);
		expect(lineDelivery(order, { ...line, file_ids: ['own'] }, product, NOW).file_ids).toEqual([
			'own',
		]);
		expect(
			lineDelivery(order, line, { ...product, files: undefined, file_ids: ['p'] }, NOW).file_ids,
		).toEqual(['p']);
	});

	it('UNIQUE is read from the line or the product: without own files nothing is delivered', () => {
		expect(lineDelivery(order, { ...line, delivering_type: 'UNIQUE' }, product, NOW)).toMatchObject(
			{ file_ids: [], withheld: expect.stringMatching(/^UNIQUE/) },
		);
		expect(lineDelivery(order, line, { ...product, delivering_type: 'UNIQUE' }, NOW)).toMatchObject(
			{ file_ids: [], withheld: expect.stringMatching(/^UNIQUE/) },
		);
	});

	it('the download period counts from the purchase: the last day still delivers, the day after not', () => {
		const limited = { ...product, download_in: 6 };
		expect(
			lineDelivery(order, line, limited, Date.parse('2026-12-06T23:59:59Z')).withheld,
		).toBeUndefined();
		expect(lineDelivery(order, line, limited, Date.parse('2026-12-07T00:00:01Z')).withheld).toBe(
			'its download period of 6 days ended on 2026-12-07T00:00:00.000Z',
		);
		expect(
			lineDelivery(order, line, { ...product, download_in: 0 }, Date.parse('2036-01-01T00:00:00Z'))
				.withheld,
		).toBeUndefined();
	});

	it('an order is refused for its status or its access, paid or partly refunded by default', () => {
		expect(PAID_STATUSES).toEqual(['PAID', 'PARTIALLY_REFUNDED']);
		expect(orderRefusal(order, PAID_STATUSES)).toBeUndefined();
		expect(orderRefusal({ ...order, financial_status: undefined }, PAID_STATUSES)?.message).toBe(
			'Order #1042 is not paid (financial status unknown): no download link was created',
		);
		expect(orderRefusal({ ...order, dl_access: undefined }, PAID_STATUSES)?.message).toBe(
			'Download access of order #1042 is not enabled: no download link was created',
		);
		expect(orderRefusal(order, [])?.description).toBe(
			'Links are created for orders in a financial status chosen in Payment Statuses: none is chosen.',
		);
	});

	it('the customer is matched ignoring case and spaces, and an order without an e-mail matches nobody', () => {
		expect(isOrderOf(order, ' jane@example.COM ')).toBe(true);
		expect(isOrderOf(order, 'jane@example.co')).toBe(false);
		expect(isOrderOf({ ...order, customer: undefined }, 'jane@example.com')).toBe(false);
	});

	it('each file once across lines, in the order the lines list them', () => {
		expect(
			distinctFileIds([
				{ line_id: 'a', product: 'x', file_ids: ['f2', 'f1'] },
				{ line_id: 'b', product: 'y', file_ids: ['f1', 'f3'] },
			]),
		).toEqual(['f2', 'f1', 'f3']);
	});
});
