import type { Operation } from '../resource';
import { fileIdList } from '../../shared/checks';
import { LINE_ID, orderUrl } from './fields';

export const orderSetLineFiles: Operation = {
	toolDescription:
		'Set which files an order line delivers (only lines of UNIQUE delivery products), optionally e-mailing the customer.',
	option: {
		name: 'Set Line Files',
		value: 'setLineFiles',
		action: 'Set order line files',
		description:
			'Choose which files one line of a UNIQUE-delivery order delivers, optionally emailing the customer',
	},
	oneRecord: {
		// 1 to 100 file IDs, or none with Remove All Files on: an empty field or an expression that gives
		// nothing is refused, since clearing a line is an explicit choice.
		request: (item) => ({
			method: 'PUT',
			url: `${orderUrl(item)}/lines/${encodeURIComponent(item.id(LINE_ID))}/files`,
			body: {
				file_ids:
					item.get('removeAllFiles', false) === true
						? []
						: fileIdList(
								item.refuse,
								item.get('fileIds', ''),
								1,
								' Nothing was changed. To empty the line, turn on Remove All Files.',
							),
				send_email: item.get('sendEmail', false),
			},
		}),
		notIdempotent: true,
	},
	fields: [
		{
			displayName:
				'Only lines of products with UNIQUE delivery take files: each customer gets their own',
			name: 'uniqueDeliveryNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Remove All Files',
			name: 'removeAllFiles',
			type: 'boolean',
			default: false,
			description: 'Whether to remove every file from the line instead of setting new ones',
		},
		{
			displayName: 'File IDs',
			name: 'fileIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. file_aaa111, file_bbb222',
			description:
				'The files this line delivers, replacing the current ones (1 to 100). Separate IDs with commas, or pass an array. To empty the line, turn on Remove All Files.',
			displayOptions: { show: { removeAllFiles: [false] } },
		},
		{
			displayName: 'Send Email',
			name: 'sendEmail',
			type: 'boolean',
			default: false,
			description: 'Whether to send the delivery email to the customer after setting the files',
		},
	],
};
