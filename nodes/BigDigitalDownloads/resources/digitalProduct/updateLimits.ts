import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../resource';
import { LIMITS } from '../../shared/limits';
import { describeValue, isBlank } from '../../shared/values';
import type { ItemParameters } from '../../routing/oneRecord';
import { productUrl } from './fields';

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

/** The item's limits as BigDD's body: at least one, each an integer in BigDD's range. */
function limitsBody(item: ItemParameters): IDataObject {
	const limits = item.get('limits', {}) as IDataObject;
	const fields = [
		['maxDownloads', 'max_downloads', 'Max Downloads', LIMITS.maxDownloads],
		['downloadIn', 'download_in', 'Download Link Expiry (Days)', LIMITS.downloadInDays],
	] as const;
	const present = fields.filter(([name]) => name in limits);
	if (present.length === 0) {
		throw item.refuse(
			'Add Max Downloads, Download Link Expiry (Days) or both',
			'Nothing to update was set.',
		);
	}
	const body: IDataObject = {};
	for (const [name, key, label, max] of present) {
		if (isBlank(limits[name])) {
			throw item.refuse(
				`${label} is empty`,
				`Got ${describeValue(limits[name])}. Nothing was sent: a value that gives nothing does not mean unlimited. Use 0 for unlimited.`,
			);
		}
		const value = downloadLimitValue(limits[name], max);
		if (value === undefined) {
			throw item.refuse(
				`${label} must be a whole number from 0 to ${max.toLocaleString('en-US')}`,
				`Got ${JSON.stringify(limits[name])}. Use 0 for unlimited.`,
			);
		}
		body[key] = value;
	}
	return body;
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
	},
	oneRecord: {
		request: (item) => ({
			method: 'PUT',
			url: `${productUrl(item)}/limits`,
			body: limitsBody(item),
		}),
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
				},
				{
					displayName: 'Download Link Expiry (Days)',
					name: 'downloadIn',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: LIMITS.downloadInDays },
					default: 0,
					description:
						'Days the download link stays valid after purchase. 0 means it never expires.',
				},
			],
		},
	],
};
