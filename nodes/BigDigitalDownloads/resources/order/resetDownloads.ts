import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Operation } from '../../shared/operation';
import { oneRecordRouting } from '../../routing/oneRecord';
import { fillPathIds, oneId } from '../../routing/pathIds';
import { LINE_ID, ORDER_ID, ORDER_URL } from './fields';

/**
 * preSend: the line in the body, checked like every ID. The Line ID field has no routing of its own
 * because Set line files, which shares it, puts it in the path.
 */
async function sendLineId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const lineId = oneId(this, LINE_ID, this.getNodeParameter(LINE_ID.name, undefined));
	return { ...requestOptions, body: { ...(requestOptions.body as IDataObject), line_id: lineId } };
}

/** Its fields are the Order and Line ID fields the resource shares with other operations. */
export const orderResetDownloads: Operation = {
	toolDescription:
		"Reset the download count of one order line, so the customer can download again after reaching the limit. Needs the order's ID and the line's ID.",
	option: {
		name: 'Reset Downloads',
		value: 'resetDownloads',
		action: 'Reset order line download count',
		description:
			'Set the download count of one order line back to zero so the customer can download again',
		routing: oneRecordRouting(
			{ method: 'POST', url: `${ORDER_URL}/reset-downloads` },
			{ preSend: [fillPathIds(ORDER_ID), sendLineId] },
		),
	},
	fields: [],
};
