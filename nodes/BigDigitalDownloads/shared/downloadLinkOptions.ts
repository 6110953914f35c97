// The options of a download link (a limit, PDF stamping), shared by Download Link: Create and
// Order: Create Download Link, with the same fields so a value survives switching operation.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Refuse } from './checks';
import { LIMITS } from './limits';
import { describeValue } from './values';

export const downloadLinkOptionFields: INodeProperties[] = [
	{
		displayName: 'Use Download Limit',
		name: 'useDownloadLimit',
		type: 'boolean',
		default: false,
		description: 'Whether to limit how many times the link can be used',
	},
	{
		displayName: 'Download Limit',
		name: 'downloadLimit',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 3,
		description: 'Max number of downloads through the link. 0 means unlimited.',
		displayOptions: { show: { useDownloadLimit: [true] } },
	},
	{
		displayName: 'Use PDF Stamping',
		name: 'useStamping',
		type: 'boolean',
		default: false,
		description: 'Whether to watermark every PDF in the link',
	},
	{
		displayName: 'Stamping Text',
		name: 'stampingText',
		type: 'string',
		default: '',
		placeholder: 'e.g. Licensed to: jane@example.com — Order #1042',
		description: `The watermark text, e.g. the customer's name, email or order number (at most ${LIMITS.stampingText} characters)`,
		displayOptions: { show: { useStamping: [true] } },
	},
];

/**
 * The limit and stamping part of a link's body, from an item's fields: a limit (a whole number,
 * 0 = unlimited) only with Use Download Limit; stamping text of at most 500 characters only with Use
 * PDF Stamping. Hidden fields (a limit without Use Download Limit) are not read.
 */
export function downloadLinkOptions(
	context: IExecuteFunctions,
	itemIndex: number,
	refuse: Refuse,
): IDataObject {
	const value = (name: string, fallback: unknown) =>
		context.getNodeParameter(name, itemIndex, fallback) as unknown;
	const useDownloadLimit = value('useDownloadLimit', false) === true;
	const useStamping = value('useStamping', false) === true;
	const options: IDataObject = { use_download_limit: useDownloadLimit };
	if (useDownloadLimit) {
		const limit = value('downloadLimit', null);
		if (!Number.isInteger(limit) || (limit as number) < 0) {
			throw refuse(
				'Download Limit must be a whole number of 0 or more',
				`Got ${describeValue(limit)}. 0 means unlimited.`,
			);
		}
		options.download_limit = limit as number;
	}
	options.use_stamping = useStamping;
	if (useStamping) {
		const text = value('stampingText', '') ?? '';
		if (typeof text !== 'string')
			throw refuse(`Stamping Text must be text, got ${describeValue(text)}`);
		if (text.length > LIMITS.stampingText)
			throw refuse(
				`Stamping Text is ${text.length} characters long; BigDD accepts at most ${LIMITS.stampingText}`,
			);
		options.stamping_text = text;
	}
	return options;
}
