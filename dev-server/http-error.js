// @ts-check
'use strict';

/** An error that becomes an HTTP response with BigDD's error envelope. */
class HttpError extends Error {
	/**
	 * @param {number} status
	 * @param {string} code
	 * @param {string} message
	 * @param {Record<string, string>} [headers]
	 */
	constructor(status, code, message, headers = {}) {
		super(message);
		this.status = status;
		this.code = code;
		this.headers = headers;
	}

	toBody() {
		return { error: { status: this.status, code: this.code, message: this.message } };
	}
}

const badRequest = (/** @type {string} */ message) =>
	new HttpError(400, 'validation_error', message);
const notFound = (/** @type {string} */ what, /** @type {string} */ id) =>
	new HttpError(404, 'not_found', `${what} ${id} not found`);
const conflict = (/** @type {string} */ message) => new HttpError(409, 'conflict', message);

module.exports = { HttpError, badRequest, notFound, conflict };
