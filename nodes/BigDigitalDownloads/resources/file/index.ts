import { resource } from '../resource';
import { fileDelete } from './delete';
import { fileGetAll } from './getAll';
import { fileUpload } from './upload';

export const file = resource(
	{ name: 'File', value: 'file' },
	{ operations: [fileDelete, fileGetAll, fileUpload], defaultOperation: fileGetAll },
);
