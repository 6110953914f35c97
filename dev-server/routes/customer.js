// @ts-check
'use strict';

// A customer's orders and downloads, as the node's Customer resource asks for them.
const { notFound } = require('../http-error');
const { paginate } = require('../pagination');
const { presentOrder } = require('./order');

/** @typedef {import('../shop').Shop} Shop */

/** Customer by Shopify GID or by its numeric id, as the spec allows both. */
function findCustomer(/** @type {Shop} */ shop, /** @type {string} */ ref) {
	const gid = /^\d+$/.test(ref) ? `gid://shopify/Customer/${ref}` : ref;
	const customer = shop.customers.find((c) => c.gid === gid);
	if (!customer) throw notFound('Customer', ref);
	return customer;
}

/** @type {import('../router').Route[]} */
const routes = [
	[
		'GET',
		'/customers/:customerGid/downloads',
		({ shop, params, query }) => {
			const customer = findCustomer(shop, params.customerGid);
			const orders = shop.orders.filter((o) => o.customer.id === customer.id);
			const page = paginate(orders, query);
			return {
				body: {
					...page,
					data: page.data.map((o) => presentOrder(shop, o, new Set(['downloads']))),
				},
			};
		},
	],
];

module.exports = { routes };
