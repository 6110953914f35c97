// Unit tests never wait in real time. They run on a virtual clock: `Date.now()` stands still except
// when n8n-workflow's `sleep` (the node's only way to wait: Retry-After, its pace under a rate limit,
// retry delays, n8n's own Retry On Fail) is asked to wait; sleepers wake one at a time, earliest first,
// and the clock jumps to each one's wake-up time. So the node's pacer, Retry-After dates and the local
// BigDD's rate window all see the same time, and a 200 s run takes a moment. Checks that need real
// time to pass (a request timeout) are in test/realtime, run with the e2e stage.

import { afterPendingWork } from '../../harness/processes';

interface Sleeper {
	at: number;
	wake: () => void;
}

const mockClock = {
	now: Date.now(),
	sleepers: [] as Sleeper[],
	ticking: false,
	/** Wakes the earliest sleeper after everything already running has had its turn (I/O included). */
	tick() {
		mockClock.ticking = false;
		if (mockClock.sleepers.length === 0) return;
		const earliest = mockClock.sleepers.reduce((a, b) => (b.at < a.at ? b : a));
		mockClock.sleepers.splice(mockClock.sleepers.indexOf(earliest), 1);
		mockClock.now = Math.max(mockClock.now, earliest.at);
		earliest.wake();
		mockClock.schedule();
	},
	schedule() {
		if (mockClock.ticking || mockClock.sleepers.length === 0) return;
		mockClock.ticking = true;
		afterPendingWork(mockClock.tick);
	},
	async sleep(ms: number) {
		await new Promise<void>((wake) => {
			mockClock.sleepers.push({ at: mockClock.now + Math.max(0, Number(ms) || 0), wake });
			mockClock.schedule();
		});
	},
};

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => await mockClock.sleep(ms)),
}));
jest.spyOn(Date, 'now').mockImplementation(() => mockClock.now);

/** How long, in milliseconds, each `sleep` of the current test asked to wait. */
export function waitsAsked(): number[] {
	return (jest.requireMock('n8n-workflow') as { sleep: jest.Mock }).sleep.mock.calls.map(([ms]) =>
		Number(ms),
	);
}

/** The virtual clock's time now, in milliseconds (what `Date.now()` gives in unit tests). */
export function virtualNow(): number {
	return mockClock.now;
}

beforeEach(() => (jest.requireMock('n8n-workflow') as { sleep: jest.Mock }).sleep.mockClear());
