import { resource } from '../resource';
import { digitalProductIdField } from './fields';
import { digitalProductGet } from './get';
import { digitalProductGetAll } from './getAll';
import { digitalProductUpdateLimits } from './updateLimits';

export const digitalProduct = resource(
	{ name: 'Digital Product', value: 'digitalProduct' },
	{
		operations: [digitalProductGet, digitalProductGetAll, digitalProductUpdateLimits],
		defaultOperation: digitalProductGetAll,
		recordFields: [
			{ field: digitalProductIdField, operations: [digitalProductGet, digitalProductUpdateLimits] },
		],
	},
);
