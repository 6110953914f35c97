import type { INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../shared/descriptions';
import { simplifyToggle } from '../../shared/simplify';
import { digitalProductIdField, includeShopifyProductOption } from './fields';

const showOnlyForDigitalProductGet = { resource: ['digitalProduct'], operation: ['get'] };

export const digitalProductGetDescription: INodeProperties[] = [
	{ ...digitalProductIdField, displayOptions: { show: showOnlyForDigitalProductGet } },
	simplifyToggle(showOnlyForDigitalProductGet),
	optionsCollection(showOnlyForDigitalProductGet, [includeShopifyProductOption]),
];
