const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `callback` when `signal` aborts; returns how to stop listening. One listener on the signal
 * however many wait on it: 2,000 items waiting for their turn would otherwise each add one, and Node
 * warns of a leak past 10.
 */
export function whenAborted(signal: AbortSignal, callback: () => void): () => void {
	let callbacks = waiting.get(signal);
	if (!callbacks) {
		const added = new Set<() => void>();
		signal.addEventListener('abort', () => added.forEach((call) => call()), { once: true });
		waiting.set(signal, added);
		callbacks = added;
	}
	const registered = callbacks;
	registered.add(callback);
	return () => {
		registered.delete(callback);
	};
}
