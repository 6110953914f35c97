import { resource } from '../resource';
import { downloadLinkCreate } from './create';

export const downloadLink = resource(
	{ name: 'Download Link', value: 'downloadLink' },
	{ operations: [downloadLinkCreate], defaultOperation: downloadLinkCreate },
);
