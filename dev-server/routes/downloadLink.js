// @ts-check
'use strict';

// Download links, as the node's Download Link resource creates them.
const { badRequest, notFound } = require('../http-error');
const { makeId } = require('../seed');

/** @type {import('../router').Route[]} */
const routes = [
	[
		'POST',
		'/download-links',
		({ shop, json }) => {
			const body = json();
			const fileIds = body.file_ids;
			if (
				!Array.isArray(fileIds) ||
				fileIds.length < 1 ||
				fileIds.length > 100 ||
				fileIds.some((id) => typeof id !== 'string')
			) {
				throw badRequest('file_ids must be an array of 1 to 100 file IDs');
			}
			for (const id of fileIds) if (!shop.filesById.has(id)) throw notFound('File', id);
			for (const flag of ['use_download_limit', 'use_stamping']) {
				if (flag in body && typeof body[flag] !== 'boolean')
					throw badRequest(`${flag} must be a boolean`);
			}
			if (
				'download_limit' in body &&
				(!Number.isInteger(body.download_limit) || body.download_limit < 0)
			) {
				throw badRequest('download_limit must be a non-negative integer');
			}
			if (
				'stamping_text' in body &&
				(typeof body.stamping_text !== 'string' || body.stamping_text.length > 500)
			) {
				throw badRequest('stamping_text must be a string of at most 500 characters');
			}
			const time = Date.now();
			const id = makeId(time, 8, shop.nextCounter());
			const link = {
				id,
				url: `${shop.publicUrl}/dl/${id}`,
				file_ids: fileIds,
				use_download_limit: body.use_download_limit ?? false,
				download_limit: body.use_download_limit ? (body.download_limit ?? 0) : null,
				use_stamping: body.use_stamping ?? false,
				stamping_text: body.use_stamping ? (body.stamping_text ?? null) : null,
				created_at: new Date(time).toISOString(),
			};
			shop.downloadLinks.push(link);
			return { status: 201, body: { data: link } };
		},
	],
];

module.exports = { routes };
