// @ts-check
'use strict';

/** The tarball global-setup packed for this run. */
function e2eTarball() {
	const tarball = process.env.BIGDD_E2E_TARBALL;
	if (!tarball) throw new Error('BIGDD_E2E_TARBALL is not set: run the e2e tests through `npm run test:e2e`');
	return tarball;
}

module.exports = { e2eTarball };
