import { resource } from '../resource';
import { customerGetDownloads } from './getDownloads';

export const customer = resource(
	{ name: 'Customer', value: 'customer' },
	{ operations: [customerGetDownloads], defaultOperation: customerGetDownloads },
);
