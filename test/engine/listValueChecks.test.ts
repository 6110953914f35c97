import { BigDigitalDownloads } from '../../nodes/BigDigitalDownloads/BigDigitalDownloads.node';
import { listFieldsOf } from '../../nodes/BigDigitalDownloads/routing/listValueChecks';
import { useLocalBigdd } from '../support/local-bigdd';

const node = new BigDigitalDownloads();
const { properties } = node.description;

/**
 * Every operation built from its description, routed (lists) or one record per item (run by
 * oneRecordExecute), with the list fields it shows; the other custom operations check their own, in their words.
 */
const listFieldsByOperation = properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) => {
		const resource = String(p.displayOptions?.show?.resource?.[0]);
		return (p.options as Array<{ value: string; routing?: unknown }>)
			.filter((option) => {
				const custom = node.customOperations?.[resource]?.[option.value];
				return option.routing && (!custom || custom.name === 'runOneRecordOperation');
			})
			.map((option) => {
				return {
					resource,
					operation: option.value,
					fields: listFieldsOf(properties, resource, option.value),
				};
			});
	})
	.filter(({ fields }) => fields.length > 0);

/** `{ filters: { sort: value } }` for the path `filters.sort`. */
function parametersAt(path: string, value: unknown): Record<string, unknown> {
	const [first, second] = path.split('.');
	return second ? { [first]: { [second]: value } } : { [first]: value };
}

describe('list fields hold one of their own values, whatever an expression gives (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ products: 3, orders: 3, files: 3, licenseKeys: 3 });

	it('finds the list fields of the operations built from their description', () => {
		expect(
			listFieldsByOperation.map(
				({ resource, operation, fields }) =>
					`${resource}:${operation} ${fields.map((f) => f.path).join(' ')}`,
			),
		).toEqual([
			'digitalProduct:getAll options.sort sort.sortBy',
			'file:getAll options.sort sort.sortBy',
			'licenseKey:getAll filters.status options.sort sort.sortBy',
			'order:get options.include',
			'order:getAll filters.financialStatus options.include options.sort sort.sortBy',
			'order:setAccess access',
		]);
	});

	for (const { resource, operation, fields } of listFieldsByOperation) {
		for (const field of fields) {
			const bad = field.multiple ? [field.values[0], 'bogus'] : 'bogus';
			it(`${resource}:${operation} refuses ${field.path} = ${JSON.stringify(bad)} from an expression, sending nothing`, async () => {
				const orderId = bigdd.shop().orders[0].id;
				// Sort sits inside Options in node version 1 (saved workflows), in its own collection from 1.1.
				const settings = { typeVersion: field.path === 'options.sort' ? 1 : 1.1 };
				const { error } = await bigdd.run(
					{
						resource,
						operation,
						orderId,
						returnAll: true,
						...parametersAt(field.path, `={{ ${JSON.stringify(bad)} }}`),
					},
					{ settings },
				);
				const given = Array.isArray(bad)
					? `an array (${JSON.stringify(bad)})`
					: JSON.stringify(bad);
				expect(error?.message).toBe(
					`${field.label} must be one of ${field.values.join(', ')}, got ${given}`,
				);
				expect(bigdd.requests()).toEqual([]);
			});
		}
	}

	it('a required list field given null is refused; an optional one given nothing is left out', async () => {
		const orderId = bigdd.shop().orders[0].id;
		const { error } = await bigdd.run({
			resource: 'order',
			operation: 'setAccess',
			orderId,
			access: '={{ null }}',
		});
		expect(error?.message).toBe('Download Access must be one of disabled, enabled, got null');
		const { error: none } = await bigdd.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			options: { sort: '={{ undefined }}' },
		});
		expect(none).toBeUndefined();
		expect(bigdd.requests().map((r) => r.query.sort)).toEqual([undefined]);
	});

	it('a multi-options filter takes one allowed value as text as well as a list', async () => {
		const { error } = await bigdd.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: { financialStatus: '={{ "PAID" }}' },
		});
		expect(error).toBeUndefined();
		expect(bigdd.requests()[0].query.financial_status).toBe('PAID');
	});
});
