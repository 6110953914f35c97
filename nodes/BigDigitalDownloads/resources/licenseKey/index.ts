import { resource } from '../resource';
import { licenseKeyAssign } from './assign';
import { licenseKeyCreate } from './create';
import { licenseKeyDelete } from './delete';
import { licenseKeyIdField } from './fields';
import { licenseKeyGetAll } from './getAll';
import { licenseKeyUnassign } from './unassign';
import { licenseKeyValidate } from './validate';

export const licenseKey = resource(
	{ name: 'License Key', value: 'licenseKey' },
	{
		operations: [
			licenseKeyAssign,
			licenseKeyCreate,
			licenseKeyDelete,
			licenseKeyGetAll,
			licenseKeyUnassign,
			licenseKeyValidate,
		],
		defaultOperation: licenseKeyValidate,
		recordFields: [
			{
				field: licenseKeyIdField,
				operations: [licenseKeyAssign, licenseKeyDelete, licenseKeyUnassign],
			},
		],
	},
);
