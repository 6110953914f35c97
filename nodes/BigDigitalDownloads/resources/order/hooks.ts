// Request hooks of Order operations.
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { assertEmail, fileIdList, idList, normalizeDate, oneId, refuseFor } from '../../shared/validation';
import { isBlank } from '../../shared/values';

/** preSend for Get Many orders: dates to UTC, product IDs to a list, email checked. */
export async function normalizeOrderFilters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs = { ...requestOptions.qs };
	normalizeDate(this, qs, 'created_after', 'Created After');
	normalizeDate(this, qs, 'created_before', 'Created Before');
	if ('digital_product_id' in qs) qs.digital_product_id = idList(refuseFor(this), qs.digital_product_id, 'Digital Product IDs');
	if (isBlank(qs.customer_email)) delete qs.customer_email;
	else if ('customer_email' in qs) assertEmail(this, qs.customer_email, 'Customer Email');
	return { ...requestOptions, qs };
}

/**
 * preSend for Reset downloads: the line in the body, checked like every ID. The Line ID field has no
 * routing of its own because Set line files, which shares it, puts it in the path.
 */
export async function sendLineId(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const lineId = oneId(this, 'lineId', this.getNodeParameter('lineId', undefined));
	return { ...requestOptions, body: { ...(requestOptions.body as IDataObject), line_id: lineId } };
}

/** preSend for Resend email: an optional new address must be an email. */
export async function validateResendEmail(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (isBlank(body.customer_email)) {
		// n8n drops an empty object body; BigDD's documented call sends `{}`.
		return { ...requestOptions, body: '{}' };
	}
	assertEmail(this, body.customer_email, 'New Email');
	return requestOptions;
}

/**
 * preSend for Set line files: 1 to 100 file IDs, or none with Remove All Files on. An empty field or an
 * expression that gives nothing is refused: clearing a line is an explicit choice.
 */
export async function normalizeLineFiles(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body ?? {}) as IDataObject) };
	body.file_ids =
		this.getNodeParameter('removeAllFiles', false) === true
			? []
			: fileIdList(refuseFor(this), body.file_ids, 1, ' Nothing was changed. To empty the line, turn on Remove All Files.');
	return { ...requestOptions, body };
}
