import { resource } from '../resource';
import { downloadStatsGet } from './get';

export const downloadStats = resource(
	{ name: 'Download Stat', value: 'downloadStats' },
	{ operations: [downloadStatsGet], defaultOperation: downloadStatsGet },
);
