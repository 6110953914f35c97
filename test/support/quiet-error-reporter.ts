// n8n-core sends every node error to its ErrorReporter, which prints it; tests assert errors themselves.
import { ErrorReporter } from 'n8n-core';

jest.spyOn(ErrorReporter.prototype, 'error').mockImplementation(() => undefined);
