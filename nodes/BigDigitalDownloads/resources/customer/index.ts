import { resource } from '../../shared/operation';
import { customerGetDownloads } from './getDownloads';

export const customer = resource(
	{ name: 'Customer', value: 'customer' },
	{ operations: [customerGetDownloads], defaultOperation: customerGetDownloads },
);
