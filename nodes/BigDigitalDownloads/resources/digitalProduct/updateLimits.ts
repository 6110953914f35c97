import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Operation } from '../../shared/operation';
import { invalid } from '../../shared/checks';
import { LIMITS } from '../../shared/limits';
import { describeValue, isBlank } from '../../shared/values';
import { oneRecordRouting } from '../../routing/oneRecord';
import { fillPathIds } from '../../routing/pathIds';
import { PRODUCT_ID, PRODUCT_URL } from './fields';

/**
 * A download limit as BigDD takes it: an integer from 0 (unlimited) to max, or undefined when the value
 * is not one. Nothing (an empty text, null) is not a limit: BigDD reads null as unlimited, so a blank
 * sheet cell must not lift a product's limit; unlimited is the explicit 0.
 */
export function downloadLimitValue(value: unknown, max: number): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > max)
		return undefined;
	return number;
}

/** preSend: at least one limit, each an integer in BigDD's range. */
async function validateProductLimits(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body ?? {}) as IDataObject) };
	const fields = [
		['max_downloads', 'Max Downloads', LIMITS.maxDownloads],
		['download_in', 'Download Link Expiry (Days)', LIMITS.downloadInDays],
	] as const;
	const present = fields.filter(([key]) => key in body);
	if (present.length === 0) {
		throw invalid(
			this,
			'Add Max Downloads, Download Link Expiry (Days) or both',
			'Nothing to update was set.',
		);
	}
	for (const [key, label, max] of present) {
		if (isBlank(body[key])) {
			throw invalid(
				this,
				`${label} is empty`,
				`Got ${describeValue(body[key])}. Nothing was sent: a value that gives nothing does not mean unlimited. Use 0 for unlimited.`,
			);
		}
		const value = downloadLimitValue(body[key], max);
		if (value === undefined) {
			throw invalid(
				this,
				`${label} must be a whole number from 0 to ${max.toLocaleString('en-US')}`,
				`Got ${JSON.stringify(body[key])}. Use 0 for unlimited.`,
			);
		}
		body[key] = value;
	}
	return { ...requestOptions, body };
}

export const digitalProductUpdateLimits: Operation = {
	toolDescription:
		"Change a digital product's download limit (max downloads, 0 = unlimited) or link expiry (days, 0 = never). Changes the shop for every later order of that product.",
	option: {
		name: 'Update Limits',
		value: 'updateLimits',
		action: 'Update digital product download limits',
		description:
			'Change how many downloads each customer gets and how many days the link stays valid',
		routing: oneRecordRouting(
			{ method: 'PUT', url: `${PRODUCT_URL}/limits` },
			{ preSend: [fillPathIds(PRODUCT_ID), validateProductLimits] },
		),
	},
	fields: [
		{
			displayName: 'Limits',
			name: 'limits',
			type: 'collection',
			placeholder: 'Add Limit',
			default: {},
			description: 'Only the limits you add are changed; the other keeps its current value',
			options: [
				{
					displayName: 'Max Downloads',
					name: 'maxDownloads',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: LIMITS.maxDownloads },
					default: 0,
					description: 'How many times each customer can download the files. 0 means unlimited.',
					routing: { send: { type: 'body', property: 'max_downloads' } },
				},
				{
					displayName: 'Download Link Expiry (Days)',
					name: 'downloadIn',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: LIMITS.downloadInDays },
					default: 0,
					description:
						'Days the download link stays valid after purchase. 0 means it never expires.',
					routing: { send: { type: 'body', property: 'download_in' } },
				},
			],
		},
	],
};
