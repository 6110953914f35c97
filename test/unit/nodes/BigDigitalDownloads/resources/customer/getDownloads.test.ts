import { customerPathId } from '../../../../../../nodes/BigDigitalDownloads/resources/customer/getDownloads';

describe('Get customer downloads', () => {
	it('customerPathId takes a GID or a numeric id', () => {
		expect(customerPathId('gid://shopify/Customer/987654321')).toBe('987654321');
		expect(customerPathId(' 987654321 ')).toBe('987654321');
		expect(customerPathId('odd/value')).toBe('odd/value'); // refused as a path ID by pathId's check
	});
});
