import { resource } from '../resource';
import { orderCreateDownloadLink } from './createDownloadLink';
import { lineIdField, orderIdField } from './fields';
import { orderGet } from './get';
import { orderGetAll } from './getAll';
import { orderResendEmail } from './resendEmail';
import { orderResetDownloads } from './resetDownloads';
import { orderSetAccess } from './setAccess';
import { orderSetLineFiles } from './setLineFiles';

export const order = resource(
	{ name: 'Order', value: 'order' },
	{
		operations: [
			orderCreateDownloadLink,
			orderGet,
			orderGetAll,
			orderResendEmail,
			orderResetDownloads,
			orderSetAccess,
			orderSetLineFiles,
		],
		defaultOperation: orderGetAll,
		recordFields: [
			{
				field: orderIdField,
				operations: [
					orderCreateDownloadLink,
					orderGet,
					orderResendEmail,
					orderResetDownloads,
					orderSetAccess,
					orderSetLineFiles,
				],
			},
			{ field: lineIdField, operations: [orderResetDownloads, orderSetLineFiles] },
		],
	},
);
