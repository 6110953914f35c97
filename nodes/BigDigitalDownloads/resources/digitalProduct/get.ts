import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../shared/descriptions';
import { simplifyToggle } from '../../shared/simplify';
import { includeShopifyProductOption } from './fields';

const displayOptions = { show: { resource: ['digitalProduct'], operation: ['get'] } };

const properties: INodeProperties[] = [
	simplifyToggle(),
	optionsCollection([includeShopifyProductOption]),
];

export const digitalProductGetDescription = updateDisplayOptions(displayOptions, properties);
