import type { INodeProperties } from 'n8n-workflow';
import { deletedRecordOutput, singleRecordOutput } from '../../shared/output';
import { cursorListRouting, oneRequestRouting } from '../../shared/pagination';
import { idFieldFor } from '../../shared/descriptions';
import { fillPathIds } from '../../shared/validation';
import { licenseKeyIdField } from './fields';
import { requireOrderName } from './hooks';
import { licenseKeyAssignDescription } from './assign';
import { licenseKeyCreateDescription } from './create';
import { licenseKeyGetAllDescription } from './getAll';
import { licenseKeyValidateDescription } from './validate';

const licenseKeyUrl = '/license-keys/{licenseKeyId}';

export const licenseKeyDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['licenseKey'] } },
		options: [
			{
				name: 'Assign',
				value: 'assign',
				action: 'Assign license key to order',
				description: 'Link an available key to an order by order name, optionally emailing the customer',
				routing: oneRequestRouting({ method: 'POST', url: `${licenseKeyUrl}/assign` }, singleRecordOutput, [fillPathIds, requireOrderName]),
			},
			{
				// Runs as a custom operation (see BigDigitalDownloads.node.ts): it may send several batches.
				name: 'Create',
				value: 'create',
				action: 'Create license keys',
				description: 'Import keys into the inventory in batches of 5,000, safe to retry',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete license key',
				description: 'Permanently remove an unassigned key from the inventory',
				routing: oneRequestRouting({ method: 'DELETE', url: licenseKeyUrl }, deletedRecordOutput, [fillPathIds]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many license keys',
				description: 'List keys in the inventory, e.g. available keys with a tag',
				routing: cursorListRouting('/license-keys'),
			},
			{
				name: 'Unassign',
				value: 'unassign',
				action: 'Unassign license key from order',
				description: 'Release a key from its order so it is available again, e.g. after a refund',
				routing: oneRequestRouting({ method: 'POST', url: `${licenseKeyUrl}/unassign` }, singleRecordOutput, [fillPathIds]),
			},
			{
				name: 'Validate',
				value: 'validate',
				action: 'Validate license key',
				// Runs as a custom operation (see BigDigitalDownloads.node.ts): the key is read once per item.
				description: 'Check whether a key a customer entered is genuine and sold: "licensed" is true when it exists and is assigned',
			},
		],
		default: 'validate',
	},
	idFieldFor('licenseKey', ['assign', 'delete', 'unassign'], licenseKeyIdField),
	...licenseKeyAssignDescription,
	...licenseKeyCreateDescription,
	...licenseKeyGetAllDescription,
	...licenseKeyValidateDescription,
];
