// Request hooks of Customer operations.
import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { pathId } from '../../shared/validation';
import { customerPathId } from '../../shared/values';

/**
 * preSend for Get customer downloads: puts the customer in the path as its numeric ID, since a
 * GID's slashes would need %2F in the path, which proxies often refuse. BigDD accepts both.
 */
export async function resolveCustomerPath(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const value = this.getNodeParameter('customerId', undefined);
	const customer = pathId(this, 'customerId', typeof value === 'string' ? customerPathId(value) : value);
	return { ...requestOptions, url: requestOptions.url.replace('{customerId}', customer) };
}
