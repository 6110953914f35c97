import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { asNodeError } from '../transport/errors';

/**
 * Runs a programmatic operation over the input items: first `plan` reads and checks every item's
 * parameters, so a bad item stops the node before anything is sent (or, with Continue On Fail,
 * becomes an error item while the others go on); then `send` talks to BigDD for each planned item
 * in turn, which its rate limits want. Every output item is paired with its input.
 */
export async function forEachItem<Plan>(
	context: IExecuteFunctions,
	plan: (itemIndex: number) => Promise<Plan> | Plan,
	send: (plan: Plan, itemIndex: number) => Promise<IDataObject>,
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
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, entry] of planned.entries()) {
		output.push(
			await itemOutput(context, itemIndex, async () => {
				if ('error' in entry) throw entry.error;
				return await send(entry.plan, itemIndex);
			}),
		);
	}
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
