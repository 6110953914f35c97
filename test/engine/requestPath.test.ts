// One request path: every request the action node sends, whichever operation and whichever way n8n
// runs it (a workflow, or routing only as n8n's tool wrapper does for an AI agent or MCP), leaves
// through requestBigdd, which owns retries, pacing, cancellation and error mapping. Counted through
// that seam against what the local BigDD received.
import * as transport from '../../nodes/BigDigitalDownloads/transport/request';
import {
	addDownloadableOrder,
	DECLARED_OPERATIONS,
	everyOperation,
	EVERY_OPERATION_SHOP,
	inputItemsFor,
} from '../support/every-operation';
import { routingOnly } from '../support/engine';
import { useLocalBigdd } from '../support/local-bigdd';

describe('one request path (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd(EVERY_OPERATION_SHOP);
	beforeAll(() => addDownloadableOrder(bigdd.shop()));
	const sent = jest.spyOn(transport, 'requestBigdd');
	beforeEach(() => sent.mockClear());
	afterAll(() => sent.mockRestore());

	it.each(
		DECLARED_OPERATIONS.flatMap((name) => [
			[name, 'in a workflow'] as const,
			[name, 'as a tool (routing only)'] as const,
		]),
	)('%s %s: each request BigDD receives went through requestBigdd', async (name, way) => {
		const [resource, operation] = name.split(':');
		const parameters = { resource, operation, ...everyOperation(bigdd.shop())[name] };
		const nodeType = way === 'in a workflow' ? undefined : routingOnly();
		const { items, error } = await bigdd.run(parameters, {
			items: inputItemsFor(name),
			...(nodeType ? { nodeType } : {}),
		} as Parameters<typeof bigdd.run>[1]);
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(bigdd.requests().length).toBeGreaterThan(0);
		expect(sent).toHaveBeenCalledTimes(bigdd.requests().length);
	});
});
