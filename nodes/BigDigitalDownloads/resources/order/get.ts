import type { INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../shared/descriptions';
import { simplifyToggle } from '../../shared/simplify';
import { includeOrderDetailsOption, orderIdField } from './fields';

const showOnlyForOrderGet = { resource: ['order'], operation: ['get'] };

export const orderGetDescription: INodeProperties[] = [
	{ ...orderIdField, displayOptions: { show: showOnlyForOrderGet } },
	simplifyToggle(showOnlyForOrderGet),
	optionsCollection(showOnlyForOrderGet, [includeOrderDetailsOption]),
];
