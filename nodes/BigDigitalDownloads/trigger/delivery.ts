import { isTestEvent, type BigddEvent } from './events';

type Decision = 'run' | 'notSelected' | 'testEvent' | 'duplicate';

/**
 * What to do with a genuine event. While the editor listens, a test event always runs (it proves
 * the URL, HTTPS and secret). In production, test events run only when asked, unselected types never,
 * and an id seen before (BigDD retries deliveries) never twice.
 */
export function decideDelivery(
	event: BigddEvent,
	options: {
		selectedEvents: string[];
		listening: boolean;
		includeTestEvents: boolean;
		seenBefore: (id: string) => boolean;
	},
): Decision {
	if (isTestEvent(event))
		return options.listening || options.includeTestEvents ? 'run' : 'testEvent';
	if (!options.selectedEvents.includes(event.type)) return 'notSelected';
	if (!options.listening && options.seenBefore(event.id)) return 'duplicate';
	return 'run';
}
