import type { INodeProperties } from 'n8n-workflow';
import type { CustomExecute } from '../shared/operation';
import type { Resource } from './resource';
import { withListValueChecks } from '../routing/listValueChecks';
import { customer } from './customer';
import { digitalProduct } from './digitalProduct';
import { downloadLink } from './downloadLink';
import { downloadStats } from './downloadStats';
import { file } from './file';
import { licenseKey } from './licenseKey';
import { order } from './order';

/** The seven resources, in the order the Resource list shows them (alphabetical). */
const RESOURCES: Resource[] = [
	customer,
	digitalProduct,
	downloadLink,
	downloadStats,
	file,
	licenseKey,
	order,
];

/** Every property of the action node: the Resource list, then each resource's operations and fields. */
export const resourceProperties: INodeProperties[] = withListValueChecks([
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map((resource) => resource.option),
		default: 'order',
	},
	...RESOURCES.flatMap((resource) => resource.properties),
]);

/** The operations that run their own code instead of n8n's routing, by resource and operation. */
export const customOperations: Record<string, Record<string, CustomExecute>> = Object.fromEntries(
	RESOURCES.filter((resource) => Object.keys(resource.customOperations).length > 0).map(
		(resource) => [String(resource.option.value), resource.customOperations],
	),
);
