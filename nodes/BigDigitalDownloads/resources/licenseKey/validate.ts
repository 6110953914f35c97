import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { Operation } from '../resource';
import { refusal } from '../../shared/checks';
import { forEachItem } from '../../shared/itemLoop';
import { MAX_IN_FLIGHT } from '../../transport/pacer';
import { requestBigdd } from '../../transport/request';

/**
 * Validate license key: one verdict per item, BigDD's answer plus the key and `licensed` (valid and
 * assigned), so an IF node or an AI agent decides without a Code node. A custom operation because it
 * runs once per customer check, often for thousands of items, where routing's cost per item shows
 * (docs/n8n-routing-cost-per-item.md): this reads the key once and the credential once per run. A read,
 * so items go as many at once as the credential's lane lets in flight (transport/pacer.ts).
 */
async function validateLicenseKeys(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await forEachItem(
		this,
		(itemIndex) => {
			const key = this.getNodeParameter('key', itemIndex, '') as unknown;
			if (typeof key !== 'string' || key.trim() === '')
				throw refusal(this.getNode(), itemIndex)('License Key is empty');
			return key;
		},
		async (key, itemIndex, stop) => {
			const response = await requestBigdd.call(
				this,
				{ method: 'GET', url: '/license-keys/validate', qs: { key }, json: true },
				{ itemIndex, rules: {}, stop },
			);
			const verdict = (response.data ?? {}) as IDataObject;
			return { key, licensed: verdict.valid === true && verdict.assigned === true, ...verdict };
		},
		{ concurrency: MAX_IN_FLIGHT },
	);
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
