import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { asNodeError } from '../transport/errors';

/** How a custom operation's items are sent. */
export interface ItemLoopOptions {
	/**
	 * Items sent at once, at most (default 1: one after the other, in input order). Their requests still
	 * go at the pace of the credential's lane (transport/pacer.ts), which decides how many are in flight.
	 */
	concurrency?: number;
}

/**
 * Runs a custom operation over the input items: first `plan` reads and checks every item's
 * parameters, so a bad item stops the node before anything is sent (or, with Continue On Fail,
 * becomes an error item while the others go on); then `send` talks to BigDD for each planned item,
 * `concurrency` at a time. Without Continue On Fail, the first failure stops the loop: no item starts
 * after it, the requests still waiting for their turn are not sent (`stop` aborts), and that first
 * failure is thrown. Every output item is paired with its input, in input order.
 */
export async function forEachItem<Plan>(
	context: IExecuteFunctions,
	plan: (itemIndex: number) => Promise<Plan> | Plan,
	send: (plan: Plan, itemIndex: number, stop: AbortSignal) => Promise<IDataObject>,
	{ concurrency = 1 }: ItemLoopOptions = {},
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const planned: ({ plan: Plan } | { error: Error })[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			planned.push({ plan: await plan(itemIndex) });
		} catch (error) {
			const nodeError = asNodeError(context.getNode(), error, itemIndex);
			if (!context.continueOnFail()) throw nodeError;
			planned.push({ error: nodeError });
		}
	}
	const output: INodeExecutionData[] = new Array(planned.length);
	const failures: unknown[] = [];
	const stop = new AbortController();
	let next = 0;
	const worker = async () => {
		while (!stop.signal.aborted && next < planned.length) {
			const itemIndex = next++;
			const entry = planned[itemIndex];
			try {
				output[itemIndex] = await itemOutput(context, itemIndex, async () => {
					if ('error' in entry) throw entry.error;
					return await send(entry.plan, itemIndex, stop.signal);
				});
			} catch (error) {
				failures.push(error);
				stop.abort();
			}
		}
	};
	await Promise.all(
		Array.from({ length: Math.min(Math.max(1, concurrency), planned.length) }, worker),
	);
	// The failure that stopped the loop; the items it stopped failed only because of it.
	if (failures.length) throw failures[0];
	return [output];
}

/**
 * The output item of one input item, paired with it: what `run` returns, or, with Continue On Fail,
 * its error (the same message and hint the thrown error would show) on the regular output or, with
 * Continue (using error output), on the error output; otherwise the error is thrown.
 */
export async function itemOutput(
	context: IExecuteFunctions,
	itemIndex: number,
	run: () => Promise<IDataObject>,
): Promise<INodeExecutionData> {
	try {
		return { json: await run(), pairedItem: { item: itemIndex } };
	} catch (error) {
		const nodeError = asNodeError(context.getNode(), error, itemIndex);
		if (!context.continueOnFail()) throw nodeError;
		const { message, description } = nodeError;
		const json = { error: message, ...(description ? { description } : {}) };
		// n8n sends an item down the error output only when it carries its error (it then keeps only the
		// message, merged into the input item); the regular output keeps the hint.
		if (context.getNode().onError === 'continueErrorOutput')
			return { json, error: nodeError, pairedItem: { item: itemIndex } };
		return { json, pairedItem: { item: itemIndex } };
	}
}
