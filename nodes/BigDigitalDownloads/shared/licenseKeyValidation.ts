import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { itemOutput } from './itemLoop';
import { requestWithRateLimitRetry } from './transport';

/**
 * Validate license key: one verdict per item, BigDD's answer plus the key and `licensed` (valid and
 * assigned), so an IF node or an AI agent decides without a Code node. A custom operation because it
 * runs once per customer check, often for thousands of items: n8n's routing evaluates each parameter's
 * expression several times per item (see bench/), this reads the key once and the credential once per
 * run. Items are sent at once, as routing sends them, each 429 waited out on its own.
 */
export async function validateLicenseKeys(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const verdictOf = async (itemIndex: number): Promise<IDataObject> => {
		const key = this.getNodeParameter('key', itemIndex, '') as unknown;
		if (typeof key !== 'string' || key.trim() === '') throw new NodeOperationError(node, 'License Key is empty', { itemIndex });
		const response = await requestWithRateLimitRetry.call(
			this,
			{ method: 'GET', url: '/license-keys/validate', qs: { key }, json: true },
			{ itemIndex, resourceOperation: 'licenseKey:validate' },
		);
		const verdict = (response.data ?? {}) as IDataObject;
		return { key, licensed: verdict.valid === true && verdict.assigned === true, ...verdict };
	};
	const settled = await Promise.allSettled(this.getInputData().map((_item, itemIndex) => itemOutput(this, itemIndex, () => verdictOf(itemIndex))));
	// Without Continue On Fail, the first failing item (in input order) stops the node.
	const failed = settled.find((result) => result.status === 'rejected');
	if (failed) throw failed.reason;
	return [settled.map((result) => (result as PromiseFulfilledResult<INodeExecutionData>).value)];
}
