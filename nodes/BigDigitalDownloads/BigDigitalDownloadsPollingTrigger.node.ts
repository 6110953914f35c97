import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../credentials/BigDigitalDownloadsApi.credentials';
import { FINANCIAL_STATUS_OPTIONS, orderIncludeField } from './shared/orderChoices';
import {
	DEFAULT_LATE_WINDOW_MINUTES,
	MAX_LATE_WINDOW_MINUTES,
	MAX_LOOK_BACK_HOURS,
	pollNewOrders,
} from './polling/newOrders';

export class BigDigitalDownloadsPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Big Digital Downloads Polling Trigger',
		name: 'bigDigitalDownloadsPollingTrigger',
		icon: {
			light: 'file:../../icons/bigDigitalDownloads.svg',
			dark: 'file:../../icons/bigDigitalDownloads.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: 'New Order',
		description:
			'Start workflows on new Big Digital Downloads orders by checking BigDD on a schedule: no public address needed',
		defaults: { name: 'Big Digital Downloads Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName:
					'Checks BigDD for new orders at the Poll Times below and starts the workflow once for each, oldest first; no public address needed, but up to one interval late. For instant events use the Big Digital Downloads Trigger (it needs a public HTTPS address). Published, it starts from the newest order in BigDD; orders made while n8n was stopped follow at the next poll.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				required: true,
				options: [
					{
						name: 'New Order',
						value: 'newOrder',
						description: 'An order was created in BigDD (checked when it is first seen)',
					},
				],
				default: 'newOrder',
				description: 'What starts the workflow',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{
						displayName: 'Digital Product IDs',
						name: 'digitalProductIds',
						type: 'string',
						default: '',
						placeholder: 'e.g. 6789abcdef0123456789abcd, 6789abcdef0123456789abce',
						description:
							'Only orders with a line of one of these digital products. Separate IDs with commas.',
					},
					{
						displayName: 'Financial Status',
						name: 'financialStatus',
						type: 'multiOptions',
						options: FINANCIAL_STATUS_OPTIONS,
						default: [],
						description:
							'Only orders in one of these statuses when first seen (an order that reaches one within the Late Order Window is reported then)',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					orderIncludeField,
					{
						displayName: 'Late Order Window (Minutes)',
						name: 'lateWindowMinutes',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: MAX_LATE_WINDOW_MINUTES },
						default: DEFAULT_LATE_WINDOW_MINUTES,
						description:
							'How long after its creation time an order may appear in BigDD and still be reported. Each poll asks again for this window; orders are never reported twice.',
					},
					{
						displayName: 'Look Back (Hours)',
						name: 'lookBackHours',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: MAX_LOOK_BACK_HOURS },
						default: 0,
						description:
							'On the first poll after publishing, also report the orders of this many hours before (0: only new orders)',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollNewOrders(this);
	}
}
