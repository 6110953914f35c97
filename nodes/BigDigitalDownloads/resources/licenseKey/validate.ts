import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { Operation } from '../../shared/operation';
import { refusal } from '../../shared/checks';
import { itemOutput } from '../../shared/itemLoop';
import { customOperationRouting } from '../../routing/customOperationRouting';
import { requestBigdd } from '../../transport/request';

/**
 * Validate license key: one verdict per item, BigDD's answer plus the key and `licensed` (valid and
 * assigned), so an IF node or an AI agent decides without a Code node. A custom operation because it
 * runs once per customer check, often for thousands of items, where routing's cost per item shows
 * (docs/n8n-routing-cost-per-item.md): this reads the key once and the credential once per run. All items are handed to the credential's lane at once, as routing does (transport/pacer.ts paces them).
 */
async function validateLicenseKeys(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const verdictOf = async (itemIndex: number): Promise<IDataObject> => {
		const key = this.getNodeParameter('key', itemIndex, '') as unknown;
		if (typeof key !== 'string' || key.trim() === '')
			throw refusal(this.getNode(), itemIndex)('License Key is empty');
		const response = await requestBigdd.call(
			this,
			{ method: 'GET', url: '/license-keys/validate', qs: { key }, json: true },
			{ itemIndex, rules: {} },
		);
		const verdict = (response.data ?? {}) as IDataObject;
		return { key, licensed: verdict.valid === true && verdict.assigned === true, ...verdict };
	};
	const settled = await Promise.allSettled(
		this.getInputData().map((_item, itemIndex) =>
			itemOutput(this, itemIndex, () => verdictOf(itemIndex)),
		),
	);
	// Without Continue On Fail, the first failing item (in input order) stops the node.
	const failed = settled.find((result) => result.status === 'rejected');
	if (failed) throw failed.reason;
	return [settled.map((result) => (result as PromiseFulfilledResult<INodeExecutionData>).value)];
}

export const licenseKeyValidate: Operation = {
	toolDescription:
		'Check a license key a customer entered: returns valid (it exists), assigned (it was sold) and licensed (both). Use it before trusting a key.',
	option: {
		name: 'Validate',
		value: 'validate',
		action: 'Validate license key',
		description:
			'Check whether a key a customer entered is genuine and sold: "licensed" is true when it exists and is assigned',
		routing: customOperationRouting(validateLicenseKeys),
	},
	execute: validateLicenseKeys,
	fields: [
		{
			displayName: 'License Key',
			name: 'key',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. PLUG-ABCD-1234-EFGH-5678',
			description:
				'The key a customer entered. The output\'s "licensed" is true only when the key exists and is assigned to an order.',
		},
	],
};
