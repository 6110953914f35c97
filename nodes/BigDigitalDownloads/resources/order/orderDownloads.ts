// Which files an order may download now, decided from BigDD's order and its products the way a
// merchant's shop rules read (README, "Create Download Link for an order"). Pure: no requests.
import type { IDataObject } from 'n8n-workflow';

/** The financial statuses of an order its customer has paid for (a partial refund keeps the rest paid). */
export const PAID_STATUSES = ['PAID', 'PARTIALLY_REFUNDED'];

const DAY_MS = 86_400_000;

/** Why an order as a whole may not download, or undefined when it may. */
export function orderRefusal(
	order: IDataObject,
	paidStatuses: string[],
): { message: string; description: string } | undefined {
	const name = String(order.name ?? order.id);
	const status = String(order.financial_status ?? 'unknown');
	if (!paidStatuses.includes(status)) {
		return {
			message: `Order ${name} is not paid (financial status ${status}): no download link was created`,
			description: `Links are created for orders in a financial status chosen in Payment Statuses: ${paidStatuses.join(', ') || 'none is chosen'}.`,
		};
	}
	if (order.dl_access !== 'enabled') {
		return {
			message: `Download access of order ${name} is ${String(order.dl_access ?? 'not enabled')}: no download link was created`,
			description:
				'The merchant switched off downloads for this order. Order > Set Access enables them again.',
		};
	}
	return undefined;
}

/** Whether `email` is the order's customer e-mail, ignoring case and surrounding spaces. */
export function isOrderOf(order: IDataObject, email: string): boolean {
	const own = (order.customer as IDataObject | undefined)?.email;
	return typeof own === 'string' && own.trim().toLowerCase() === email.trim().toLowerCase();
}

/** The file IDs a record lists: `file_ids` (IDs) or `files` (records with an `id`); undefined when it lists none. */
export function listedFileIds(record: IDataObject): string[] | undefined {
	if (Array.isArray(record.file_ids))
		return record.file_ids.filter((id): id is string => typeof id === 'string' && id !== '');
	if (Array.isArray(record.files)) {
		return (record.files as unknown[]).flatMap((file) => {
			const id = (file as IDataObject | null)?.id;
			return typeof id === 'string' && id !== '' ? [id] : [];
		});
	}
	return undefined;
}

export interface LineDelivery {
	line_id: string;
	product: string;
	file_ids: string[];
	/** Why the line delivers nothing now; absent when it delivers `file_ids`. */
	withheld?: string;
}

/**
 * What one line delivers at `now`: nothing for a license-key-only product, a scheduled release not yet
 * due, or a download period (`download_in` days after the purchase) that has ended; otherwise the
 * line's own files when BigDD lists them, else its product's files, except for UNIQUE delivery, where
 * the product's files belong to other customers.
 */
export function lineDelivery(
	order: IDataObject,
	line: IDataObject,
	product: IDataObject,
	now: number,
): LineDelivery {
	const productName = String(
		product.name ?? (line.digital_product as IDataObject | undefined)?.name ?? product.id,
	);
	const delivery = (file_ids: string[], withheld?: string): LineDelivery => ({
		line_id: String(line.id),
		product: productName,
		file_ids,
		...(withheld ? { withheld } : {}),
	});
	if (product.access === 'LICENSE_KEY') return delivery([], 'license key only, no files');
	const releaseAt = Date.parse(String(product.scheduled_delivery_date ?? ''));
	if (product.delivering_type === 'SCHEDULED' && releaseAt > now)
		return delivery([], `scheduled for ${new Date(releaseAt).toISOString()}`);
	const days = Number(product.download_in ?? 0);
	const boughtAt = Date.parse(String(order.created_at ?? ''));
	if (days > 0 && boughtAt + days * DAY_MS < now) {
		return delivery(
			[],
			`its download period of ${days} days ended on ${new Date(boughtAt + days * DAY_MS).toISOString()}`,
		);
	}
	const own = listedFileIds(line);
	if (own !== undefined && own.length > 0) return delivery(own);
	if (line.delivering_type === 'UNIQUE' || product.delivering_type === 'UNIQUE')
		return delivery([], 'UNIQUE delivery with no files assigned to this line yet');
	const files = listedFileIds(product) ?? [];
	return files.length > 0 ? delivery(files) : delivery([], 'the product has no files');
}

/** Each distinct file once, in the order the lines list them. */
export function distinctFileIds(deliveries: LineDelivery[]): string[] {
	return [...new Set(deliveries.flatMap((delivery) => delivery.file_ids))];
}
