import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../shared/descriptions';
import { simplifyToggle } from '../../shared/simplify';
import { includeOrderDetailsOption, orderIdField } from './fields';

const displayOptions = { show: { resource: ['order'], operation: ['get'] } };

const properties: INodeProperties[] = [
	orderIdField,
	simplifyToggle(),
	optionsCollection([includeOrderDetailsOption]),
];

export const orderGetDescription = updateDisplayOptions(displayOptions, properties);
