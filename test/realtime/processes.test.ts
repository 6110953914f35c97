import { isRunning, runBounded } from '../../harness/processes';

describe('runBounded', () => {
	it('a command that outlives its timeout is stopped with everything it started', async () => {
		// The shell prints the id of a background child, then waits on it for 5 minutes.
		const failure = await runBounded('bash', ['-c', 'sleep 300 & echo $!; wait'], {
			timeoutMs: 1_000,
		}).catch((error: unknown) => error);
		expect(failure).toMatchObject({
			timedOut: true,
			message: expect.stringContaining('timed out after 1 s'),
		});
		const grandchild = Number((failure as { stdout: string }).stdout.trim());
		expect(grandchild).toBeGreaterThan(0);
		expect(isRunning(grandchild)).toBe(false);
	});

	it('a command that exits leaves nothing it started behind, and its output is returned', async () => {
		// A duration no other process on this shared machine sleeps for, so pgrep finds only this test's.
		const seconds = `300.${Math.floor(Math.random() * 1e9)}`;
		const { stdout } = await runBounded(
			'bash',
			['-c', `(sleep ${seconds} &) ; echo $$; echo done`],
			{ timeoutMs: 10_000 },
		);
		expect(stdout.trim().split('\n')[1]).toBe('done');
		const orphans = await runBounded('pgrep', ['-f', `^sleep ${seconds}$`], {
			timeoutMs: 10_000,
		}).catch(() => ({ stdout: '' }));
		expect(orphans.stdout.trim()).toBe('');
	});

	it('a failing command rejects with its exit code and output', async () => {
		await expect(
			runBounded('bash', ['-c', 'echo oops >&2; exit 3'], { timeoutMs: 10_000 }),
		).rejects.toMatchObject({
			message: expect.stringContaining('exited with 3'),
			stderr: 'oops\n',
			timedOut: false,
		});
	});
});
