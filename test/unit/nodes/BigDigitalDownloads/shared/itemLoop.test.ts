// The item loop of every custom operation: every item planned before anything is sent, then sent
// `concurrency` at a time, output paired and in input order; the first failure stops it.
import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { forEachItem } from '../../../../../nodes/BigDigitalDownloads/shared/itemLoop';

function contextOf(items: number, continueOnFail = false) {
	const node = { name: 'BigDD', onError: continueOnFail ? 'continueRegularOutput' : undefined };
	return {
		getInputData: () => Array.from({ length: items }, (_, i) => ({ json: { i } })),
		getNode: () => node,
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions;
}

describe('forEachItem', () => {
	it.each([1, 5, 100])(
		'concurrency %i: never more at once, every item once, output paired in input order',
		async (concurrency) => {
			let inFlight = 0;
			let most = 0;
			const sent: number[] = [];
			const [output] = await forEachItem(
				contextOf(40),
				(itemIndex) => itemIndex * 10,
				async (plan, itemIndex) => {
					inFlight++;
					most = Math.max(most, inFlight);
					sent.push(itemIndex);
					await sleep(10 + (itemIndex % 3) * 7);
					inFlight--;
					return { plan };
				},
				{ concurrency },
			);
			expect(most).toBe(Math.min(concurrency, 40));
			expect(sent.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
			expect(output).toEqual(
				Array.from({ length: 40 }, (_, i) => ({ json: { plan: i * 10 }, pairedItem: { item: i } })),
			);
		},
	);

	it('a bad item is refused before anything is sent', async () => {
		const send = jest.fn(async () => ({}));
		await expect(
			forEachItem(
				contextOf(5),
				(itemIndex) => {
					if (itemIndex === 3) throw new Error('item 3 is bad');
					return itemIndex;
				},
				send,
				{ concurrency: 5 },
			),
		).rejects.toThrow('item 3 is bad');
		expect(send).not.toHaveBeenCalled();
	});

	it('the first failure stops the loop: no item starts after it, the waiting ones are told to stop, and that failure is thrown', async () => {
		const started: number[] = [];
		const stopped: number[] = [];
		const run = forEachItem(
			contextOf(50),
			(itemIndex) => itemIndex,
			async (_plan, itemIndex, stop) => {
				started.push(itemIndex);
				if (itemIndex === 7) throw new Error('BigDD failed item 7');
				// Items still waiting for their turn when item 7 fails.
				await sleep(1_000);
				if (stop.aborted) stopped.push(itemIndex);
				if (stop.aborted) throw new Error(`item ${itemIndex} not sent`);
				return {};
			},
			{ concurrency: 10 },
		);
		await expect(run).rejects.toThrow('BigDD failed item 7');
		expect(started).toEqual(Array.from({ length: 10 }, (_, i) => i));
		expect(stopped.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9]);
	});

	it('with Continue On Fail a failure is an item and nothing stops', async () => {
		const [output] = await forEachItem(
			contextOf(20, true),
			(itemIndex) => itemIndex,
			async (_plan, itemIndex, stop) => {
				if (itemIndex === 4) throw new Error('BigDD failed item 4');
				expect(stop.aborted).toBe(false);
				return { itemIndex };
			},
			{ concurrency: 6 },
		);
		expect(output.map((item) => item.json)).toEqual(
			Array.from({ length: 20 }, (_, i) =>
				i === 4 ? { error: 'BigDD failed item 4' } : { itemIndex: i },
			),
		);
		expect(output.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 20 }, (_, item) => ({ item })),
		);
	});
});
