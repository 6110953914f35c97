import type { IDataObject } from 'n8n-workflow';

/** How many recent event ids each trigger remembers to drop BigDD's retried deliveries. */
export const REMEMBERED_EVENT_IDS = 1000;

/** Where the ids live in the trigger node's workflow static data (the key 0.1.0 already used). */
const STATIC_DATA_KEY = 'recentEventIds';

/**
 * The event ids one n8n process has accepted for one trigger node, oldest first, bounded.
 *
 * `webhook()` claims an id with a check and an insert that never await in between, so concurrent
 * copies of one event in a process start one run. The run's `execute()` stores `ids` itself (the
 * same array) in the workflow static data that n8n saves when the run ends: whichever run of the
 * process saves last writes every id the process knows at that moment, so concurrent runs cannot
 * overwrite each other's ids with an older copy.
 */
class EventIdMemory {
	readonly ids: string[] = [];

	constructor(private readonly capacity = REMEMBERED_EVENT_IDS) {}

	has(id: string): boolean {
		return this.ids.includes(id);
	}

	/** Adds the id unless present; true when it was new. */
	claim(id: string): boolean {
		if (this.has(id)) return false;
		this.ids.push(id);
		this.trim();
		return true;
	}

	/** Forgets an id claimed for a run that never started, so BigDD's retry of it runs. */
	release(id: string): void {
		const index = this.ids.lastIndexOf(id);
		if (index !== -1) this.ids.splice(index, 1);
	}

	/** Adds ids saved by other runs or processes (and before a restart), as older than those seen here. */
	mergeSaved(saved: unknown): void {
		const missing = savedIds(saved).filter((id) => !this.has(id));
		if (missing.length === 0) return;
		this.ids.unshift(...missing);
		this.trim();
	}

	private trim(): void {
		if (this.ids.length > this.capacity) this.ids.splice(0, this.ids.length - this.capacity);
	}
}

function savedIds(saved: unknown): string[] {
	return Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string') : [];
}

/** Ids the workflow static data held when n8n loaded it for this request or run. */
export function savedEventIds(staticData: IDataObject): string[] {
	return savedIds(staticData[STATIC_DATA_KEY]);
}

/** Points the run's static data at the process's live list (see EventIdMemory), after merging what it held. */
export function persistEventIds(staticData: IDataObject, memory: EventIdMemory): void {
	memory.mergeSaved(staticData[STATIC_DATA_KEY]);
	staticData[STATIC_DATA_KEY] = memory.ids;
}

const memories = new Map<string, EventIdMemory>();

/** The memory of one trigger node of one workflow in this process (n8n loads a node's module once). */
export function eventIdMemoryFor(workflowId: string | undefined, nodeId: string): EventIdMemory {
	const key = `${workflowId ?? ''}\u0000${nodeId}`;
	let memory = memories.get(key);
	if (!memory) {
		memory = new EventIdMemory();
		memories.set(key, memory);
	}
	return memory;
}
