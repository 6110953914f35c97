import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../shared/descriptions';
import { simplifyToggle } from '../../shared/simplify';
import { includeOrderDetailsOption } from './fields';

const displayOptions = { show: { resource: ['order'], operation: ['get'] } };

const properties: INodeProperties[] = [
	simplifyToggle(),
	optionsCollection([includeOrderDetailsOption]),
];

export const orderGetDescription = updateDisplayOptions(displayOptions, properties);
