// @ts-check
'use strict';

const { createRandom } = require('./random');

/** The seeded shop ends here, so the same seed gives the same data whatever today's date. */
const DATA_END = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;
const FINANCIAL_STATUSES = [
	'AUTHORIZED',
	'EXPIRED',
	'PAID',
	'PARTIALLY_PAID',
	'PARTIALLY_REFUNDED',
	'PENDING',
	'REFUNDED',
	'VOIDED',
];
const FILE_TYPES = [
	['pdf', 'application/pdf'],
	['zip', 'application/zip'],
	['mp3', 'audio/mpeg'],
	['png', 'image/png'],
	['epub', 'application/epub+zip'],
];
const TOPICS = [
	'Photography',
	'Lightroom',
	'Budget',
	'Yoga',
	'Guitar',
	'Sourdough',
	'Python',
	'Watercolor',
	'Finance',
	'Travel',
];
const KINDS = ['Preset Pack', 'Ebook', 'Template', 'Course Workbook', 'Plugin', 'Sample Pack'];
const FIRST_NAMES = [
	'Jane',
	'Omar',
	'Lena',
	'Kofi',
	'Mei',
	'Diego',
	'Anya',
	'Tom',
	'Priya',
	'Sven',
];
const LAST_NAMES = [
	'Smith',
	'Haddad',
	'Berg',
	'Mensah',
	'Chen',
	'Lopez',
	'Ivanova',
	'Walsh',
	'Rao',
	'Nilsson',
];

/**
 * @typedef {{ id: string, url: string, file_ids: string[], use_download_limit: boolean, download_limit: number | null,
 *   use_stamping: boolean, stamping_text: string | null, created_at: string }} DownloadLink
 */

/** Time-ordered 24-hex ids, like the ObjectIds BigDD returns: seconds, then kind and counter. */
function makeId(
	/** @type {number} */ time,
	/** @type {number} */ kind,
	/** @type {number} */ counter,
) {
	const seconds = Math.floor(time / 1000)
		.toString(16)
		.padStart(8, '0');
	return seconds + kind.toString(16).padStart(2, '0') + counter.toString(16).padStart(14, '0');
}

const iso = (/** @type {number} */ time) => new Date(time).toISOString();

/**
 * @param {{ seed?: number, products?: number, files?: number, orders?: number, licenseKeys?: number }} [sizes]
 */
function seedShop(sizes = {}) {
	const {
		seed = 42,
		products: productCount = 40,
		files: fileCount = 1200,
		orders: orderCount = 2500,
		licenseKeys: keyCount = 3000,
	} = sizes;
	const random = createRandom(seed);
	const span = 365 * DAY;
	const timeOf = (/** @type {number} */ i, /** @type {number} */ n) =>
		DATA_END - span + Math.floor(((i + random.next()) * span) / Math.max(n, 1));

	const files = Array.from({ length: fileCount }, (_, i) => {
		const [ext, type] = FILE_TYPES[i % FILE_TYPES.length];
		const time = timeOf(i, fileCount);
		return {
			id: makeId(time, 1, i),
			name: `${random.pick(TOPICS).toLowerCase()}-${i + 1}.${ext}`,
			size: random.int(10_000, 20_000_000),
			type,
			is_encrypted: random.chance(0.7),
			uploaded: i % 25 !== 7,
			created_at: iso(time),
			updated_at: iso(time),
		};
	});

	const productList = Array.from({ length: productCount }, (_, i) => {
		const time = timeOf(i, productCount);
		const access = i % 5 === 0 ? 'LICENSE_KEY' : i % 7 === 0 ? 'FILE_WITH_LICENCE_KEY' : 'FILE';
		const deliveringType = i % 9 === 4 ? 'UNIQUE' : i % 11 === 6 ? 'SCHEDULED' : 'REGULAR';
		const name = `${TOPICS[i % TOPICS.length]} ${KINDS[i % KINDS.length]}${i >= TOPICS.length ? ` Vol. ${Math.floor(i / TOPICS.length) + 1}` : ''}`;
		return {
			id: makeId(time, 2, i),
			name,
			delivering_type: deliveringType,
			access,
			download_mode: 'redirect',
			download_type: i % 3 === 0 ? 'zip' : 'single_file',
			product_gid: `gid://shopify/Product/${8_000_000_000 + i}`,
			variant_gids: [],
			use_all_variants: true,
			license_key_tag: access === 'FILE' ? null : `tag-${i}`,
			license_key_mode: access === 'FILE' ? null : 'ONE_PER_QUANTITY',
			download_in: [0, 30, 60, 365][i % 4] || null,
			max_downloads: [5, 0, 10, 3][i % 4] || null,
			notify_when_updated: i % 4 === 1,
			scheduled_delivery_date: deliveringType === 'SCHEDULED' ? iso(DATA_END + 30 * DAY) : null,
			scheduled_delivery_timezone: deliveringType === 'SCHEDULED' ? 'Europe/Paris' : null,
			is_archived: i % 8 === 3,
			file_ids:
				access === 'LICENSE_KEY' ? [] : files.slice(i * 3, i * 3 + 1 + (i % 3)).map((f) => f.id),
			links: [],
			shopify_product: {
				title: name,
				image: `https://cdn.shopify.com/s/files/demo/product-${i}.png`,
			},
			created_at: iso(time),
			updated_at: iso(time),
		};
	});

	const customerCount = Math.max(1, Math.ceil(orderCount / 3));
	const customers = Array.from({ length: customerCount }, (_, i) => {
		const firstname = FIRST_NAMES[i % FIRST_NAMES.length];
		const lastname = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length];
		const numericId = 7_000_000_000 + i;
		return {
			id: makeId(DATA_END - span, 3, i),
			email: `${firstname}.${lastname}.${i}@example.com`.toLowerCase(),
			firstname,
			lastname,
			gid: `gid://shopify/Customer/${numericId}`,
			locale: ['en', 'fr', 'de', 'es'][i % 4],
		};
	});

	const sellable = productList.filter((p) => !p.is_archived);
	/** @type {{ id: string, order_id: string, line_id: string, file_id: string, customer_id: string, is_redownload: boolean, created_at: string }[]} */
	const downloads = [];
	let lineCounter = 0;
	const orders = Array.from({ length: orderCount }, (_, i) => {
		const time = timeOf(i, orderCount);
		const id = makeId(time, 4, i);
		const customer = customers[random.int(0, customerCount - 1)];
		const lines = Array.from({ length: random.int(1, 3) }, () => {
			const product = random.pick(sellable);
			const lineNumber = lineCounter++;
			const line = {
				id: makeId(time, 5, lineNumber),
				delivering_type: product.delivering_type,
				quantity: random.int(1, 2),
				gid: `gid://shopify/LineItem/${9_000_000_000 + lineNumber}`,
				price_cents: random.int(5, 99) * 100 - 1,
				digital_product_id: product.id,
				license_keys: /** @type {string[]} */ ([]),
				file_ids: product.delivering_type === 'UNIQUE' ? [] : [...product.file_ids],
				download_count: 0,
			};
			for (const fileId of line.file_ids) {
				const times = random.int(0, 2);
				for (let d = 0; d < times; d++) {
					const at = Math.min(DATA_END - 1000, time + random.int(1, 20) * DAY + d * 3_600_000);
					downloads.push({
						id: makeId(at, 6, downloads.length),
						order_id: id,
						line_id: line.id,
						file_id: fileId,
						customer_id: customer.id,
						is_redownload: d > 0,
						created_at: iso(at),
					});
					line.download_count++;
				}
			}
			return line;
		});
		return {
			id,
			name: `#${1001 + i}`,
			gid: `gid://shopify/Order/${5_000_000_000 + i}`,
			currency: ['USD', 'EUR', 'GBP'][i % 3],
			financial_status: i % 4 === 0 ? random.pick(FINANCIAL_STATUSES) : 'PAID',
			fulfillment_status: null,
			risk_level: null,
			dl_access: i % 37 === 5 ? 'disabled' : 'enabled',
			is_imported: i % 50 === 9,
			customer,
			lines,
			created_at: iso(time),
			updated_at: iso(time),
		};
	});

	const licenseKeys = Array.from({ length: keyCount }, (_, i) => {
		const time = timeOf(i, keyCount);
		const product = productList[(i * 5) % Math.max(productList.length, 1)];
		return {
			id: makeId(time, 7, i),
			key: `KEY-${(i + 1).toString(36).toUpperCase().padStart(4, '0')}-${random.int(0x1000, 0xffff).toString(16).toUpperCase()}-${random.int(0x1000, 0xffff).toString(16).toUpperCase()}`,
			tag: /** @type {string | null} */ (
				product && product.license_key_tag ? product.license_key_tag : `batch-${i % 4}`
			),
			order_id: /** @type {string | null} */ (null),
			order_name: /** @type {string | null} */ (null),
			created_at: iso(time),
			updated_at: iso(time),
		};
	});
	// About a third of the keys were sold: link them to orders.
	licenseKeys.forEach((key, i) => {
		if (i % 3 !== 0 || orders.length === 0) return;
		const order = orders[i % orders.length];
		key.order_id = order.id;
		key.order_name = order.name;
		order.lines[0].license_keys.push(key.key);
	});

	return {
		files,
		products: productList,
		customers,
		orders,
		licenseKeys,
		downloads,
		downloadLinks: /** @type {DownloadLink[]} */ ([]),
	};
}

module.exports = { seedShop, makeId, FINANCIAL_STATUSES };
