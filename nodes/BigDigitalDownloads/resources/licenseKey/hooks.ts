// Request hooks of License Key operations.
import { requireValue } from '../../shared/validation';

/** preSend for Assign license key: the order name is required. */
export const requireOrderName = requireValue('body', 'order_name', 'Order Name');
