// The output schemas the editor shows before a first run (n8n asks for
// /schemas/<node>/<version>/<resource>/<operation>.json) must describe what each operation really returns:
// each operation runs against the local BigDD server and its items' shape is compared with the shipped
// schema. `npm run schemas` rewrites them after a deliberate change.
import type { IDataObject } from 'n8n-workflow';
import { BigDigitalDownloads } from '../../nodes/BigDigitalDownloads/BigDigitalDownloads.node';
import { readSchema, updatingSchemas, writeSchema } from '../../harness/schemas';
import { useLocalBigdd } from '../support/local-bigdd';
import {
	addDownloadableOrder,
	DECLARED_OPERATIONS,
	everyOperation,
	EVERY_OPERATION_SHOP,
	inputItemsFor,
} from '../support/every-operation';

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
		return {
			type: 'object',
			properties: Object.fromEntries(
				keys.map((key) => [key, schemaOf((present as IDataObject[]).map((v) => v[key]))]),
			),
		};
	}
	return { type: typeof present[0] };
}

const nodeVersions = [new BigDigitalDownloads().description.version].flat();

describe('output schemas (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd(EVERY_OPERATION_SHOP);
	beforeAll(() => addDownloadableOrder(bigdd.shop()));

	it('cover every operation the node declares', () => {
		expect(Object.keys(everyOperation(bigdd.shop())).sort()).toEqual(DECLARED_OPERATIONS);
	});

	it.each(DECLARED_OPERATIONS)(
		'%s: the shipped schema (each node version) describes what the operation returns',
		async (name) => {
			const [resource, operation] = name.split(':');
			const parameters = { resource, operation, ...everyOperation(bigdd.shop())[name] };
			const { items: output, error } = await bigdd.run(parameters, { items: inputItemsFor(name) });
			expect(error).toBeUndefined();
			expect(output.length).toBeGreaterThan(0);
			const schema = schemaOf(output.map((item) => item.json));
			for (const version of nodeVersions) {
				if (updatingSchemas()) writeSchema(resource, operation, version, schema);
				expect({ version, schema: readSchema(resource, operation, version) }).toEqual({
					version,
					schema,
				});
			}
		},
	);
});
