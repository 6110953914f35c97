// Unit tests never wait in real time: n8n-workflow's `sleep`, the node's only way to wait (Retry-After,
// retry delays, and n8n's own Retry On Fail), resolves at once and records how long it was asked to
// wait. Checks that need real time to pass (a request timeout, a server's rate-limit window) are in
// test/realtime, run with the e2e stage.
jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

/** How long, in milliseconds, each `sleep` of the current test asked to wait. */
export function waitsAsked(): number[] {
	return (jest.requireMock('n8n-workflow') as { sleep: jest.Mock }).sleep.mock.calls.map(([ms]) => Number(ms));
}

beforeEach(() => (jest.requireMock('n8n-workflow') as { sleep: jest.Mock }).sleep.mockClear());
