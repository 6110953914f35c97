import type { INode } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../../credentials/BigDigitalDownloadsApi.credentials';
import { whenAborted } from './cancellation';

/**
 * Requests of one lane in flight at once when it starts: until BigDD has said its rate (a 429), this is
 * what keeps a run of 2,000 items from sending 2,000 requests at once, most of them to be refused.
 */
export const START_IN_FLIGHT = 10;
/**
 * The most a lane lets in flight. While BigDD answers without 429 and requests queue for a place, each
 * answer lets one more in (the number doubles per round trip), so at tens of milliseconds per request a
 * run is not held to 10 at a time; a 429 halves it (not below START_IN_FLIGHT), and it grows again only
 * when the lane has forgotten BigDD's rate.
 */
export const MAX_IN_FLIGHT = 100;
/** The slowest pace a lane drops to, in requests per second, whatever BigDD answers. */
const MIN_RATE = 1;
/** After a 429 the lane goes a little below the pace BigDD refused, so it is not refused again at once. */
const BACK_OFF = 0.95;
/**
 * After this long without a 429, the lane tries a slightly faster pace (BigDD's limit may have risen,
 * or the first guess was low), but only halfway to a pace refused in the last CEILING_MS.
 */
const PROBE_AFTER_MS = 20_000;
const PROBE_STEP = 1.05;
const CEILING_MS = 300_000;
/** A lane unused this long forgets what it learned: the next run starts afresh. */
const FORGET_AFTER_MS = 60_000;

/**
 * The pace of every request sent with one credential (and, for BigDD's separate upload limit, one
 * kind of request), shared by every item, node and workflow of the n8n process: START_IN_FLIGHT at once,
 * growing to MAX_IN_FLIGHT while BigDD answers without 429; after a 429, everyone waits out its Retry-After and then goes at the rate BigDD accepted in
 * the second before it, slightly lower, probing upward after a while without a 429.
 */
export class Lane {
	private inFlight = 0;
	/** Requests let in flight at once now: START_IN_FLIGHT, grown while answered, halved by a 429. */
	private limit = START_IN_FLIGHT;
	private readonly queued: Array<() => void> = [];
	/** Requests per second BigDD accepts, once a 429 has told; until then only MAX_IN_FLIGHT paces. */
	private rate: number | undefined;
	private nextSlot = 0;
	private pausedUntil = 0;
	/** When the rate last changed (learned, lowered or probed), for probing and for 429s of older requests. */
	private rateChangedAt = 0;
	/** The last pace BigDD refused, and when: probing stays below it for a while. */
	private ceiling: { rate: number; at: number } | undefined;
	/** When requests of this lane were answered, kept for the last second. */
	private answers: number[] = [];
	/** Since when BigDD has answered nothing but 429; undefined after any other answer. */
	private stalledSince: number | undefined;
	private lastUsed = 0;
	/** When a request last waited for its slot at the lane's pace. */
	private lastPacedAt = 0;

	/** Waits for one of the lane's places in flight; `cancelled` is thrown if the signal aborts meanwhile. */
	async enter(signal: AbortSignal | undefined, cancelled: () => Error): Promise<void> {
		if (signal?.aborted) throw cancelled();
		if (this.inFlight < this.limit) {
			this.inFlight++;
			return;
		}
		let stopListening = () => {};
		await new Promise<void>((resolve, reject) => {
			// A place handed over by leave(): inFlight stays as it is.
			const admit = () => {
				stopListening();
				resolve();
			};
			this.queued.push(admit);
			if (signal) {
				stopListening = whenAborted(signal, () => {
					this.queued.splice(this.queued.indexOf(admit), 1);
					reject(cancelled());
				});
			}
		});
	}

	/** Gives the place to the next request waiting, if any and if the limit (perhaps halved meanwhile) allows. */
	leave(): void {
		const next = this.inFlight <= this.limit ? this.queued.shift() : undefined;
		if (next) next();
		else this.inFlight--;
	}

	/**
	 * How long to wait before sending, from `now`: until a 429 pause is over and, once the rate is
	 * known, until the next free slot at the lane's pace, which this call takes.
	 */
	delayBeforeSending(now: number): number {
		this.forgetIfUnused(now);
		this.lastUsed = now;
		if (
			this.rate !== undefined &&
			this.stalledSince === undefined &&
			now - this.rateChangedAt >= PROBE_AFTER_MS
		)
			this.probe(this.rate, now);
		let at = Math.max(now, this.pausedUntil);
		if (this.rate !== undefined) {
			if (this.nextSlot > at) this.lastPacedAt = now;
			at = Math.max(at, this.nextSlot);
			this.nextSlot = at + 1000 / this.rate;
		}
		return at - now;
	}

	/** Whether a 429 pause is on at `now` (one that began after a request took its slot sends it back). */
	pausedAt(now: number): boolean {
		return now < this.pausedUntil;
	}

	/**
	 * BigDD answered (anything but 429) at `now`. Until a 429 has told BigDD's rate, with requests queued
	 * for a place, one more is let in; once the rate paces the lane, more in flight would only book
	 * slots further ahead, and a 429 pause would leave those gaps unused.
	 */
	answered(now: number): void {
		this.lastUsed = now;
		this.stalledSince = undefined;
		this.answers = this.answers.filter((time) => now - time < 1000);
		this.answers.push(now);
		if (this.rate === undefined && this.queued.length > 0 && this.limit < MAX_IN_FLIGHT) {
			this.limit++;
			this.inFlight++;
			this.queued.shift()?.();
		}
	}

	/** BigDD answered 429 at `now` to a request sent at `sentAt`, asking everyone to wait `waitMs`. */
	rateLimited(sentAt: number, now: number, waitMs: number): void {
		this.lastUsed = now;
		this.stalledSince ??= now;
		this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
		// Requests sent before the last change of pace were refused for the old pace: lower it once, not once each.
		if (sentAt < this.rateChangedAt) return;
		// When the lane was not busy (a list read page by page), what it sent says nothing of BigDD's rate:
		// the 429 came from elsewhere (other apps on the shop's token), so only the pause applies.
		if (!this.busy(now)) return;
		this.limit = Math.max(START_IN_FLIGHT, Math.floor(this.limit / 2));
		if (this.rate === undefined) {
			// The first 429: BigDD's rate is what it accepted in the second before.
			this.setRate(this.answers.filter((time) => now - time < 1000).length * BACK_OFF, now);
			return;
		}
		this.ceiling = { rate: this.rate, at: now };
		this.setRate(this.rate * BACK_OFF, now);
	}

	/** How long, in milliseconds, BigDD has answered nothing but 429 on this lane. */
	stalledFor(now: number): number {
		this.forgetIfUnused(now);
		return this.stalledSince === undefined ? 0 : now - this.stalledSince;
	}

	/** Whether requests are waiting for a place, or were kept to the lane's pace within the last second. */
	private busy(now: number): boolean {
		return this.queued.length > 0 || this.inFlight >= this.limit || now - this.lastPacedAt < 1000;
	}

	private probe(rate: number, now: number): void {
		const ceiling =
			this.ceiling && now - this.ceiling.at < CEILING_MS ? this.ceiling.rate : Infinity;
		this.setRate(Math.min(rate * PROBE_STEP, rate + (ceiling - rate) / 2), now);
	}

	private setRate(rate: number, now: number): void {
		this.rate = Math.max(MIN_RATE, rate);
		this.rateChangedAt = now;
	}

	private forgetIfUnused(now: number): void {
		if (now - this.lastUsed <= FORGET_AFTER_MS) return;
		this.rate = undefined;
		this.limit = START_IN_FLIGHT;
		this.ceiling = undefined;
		this.stalledSince = undefined;
		this.answers = [];
	}
}

const lanes = new Map<string, Lane>();

/**
 * The lane of a node's requests: its credential (BigDD limits a shop's token, whichever workflow
 * sends), and `separateLimit` for requests BigDD limits on their own (uploads: 6 per minute).
 */
export function laneOf(node: INode, separateLimit = 'api'): Lane {
	const credential = node.credentials?.[CREDENTIAL_TYPE];
	const key = `${credential?.id ?? credential?.name ?? ''}\n${separateLimit}`;
	let lane = lanes.get(key);
	if (!lane) {
		lane = new Lane();
		lanes.set(key, lane);
	}
	return lane;
}
