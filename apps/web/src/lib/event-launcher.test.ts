import { describe, expect, it } from 'vitest';
import { handOverNewEvent, takeNewEventRequest } from './event-launcher';

describe('event launcher (contacts -> calendar)', () => {
  it('hands a request over once, with at most 200 attendees', () => {
    expect(takeNewEventRequest()).toBeNull();
    handOverNewEvent({ title: 'Ada', attendees: Array.from({ length: 250 }, (_, i) => `p${i}@example.org`) });
    const request = takeNewEventRequest();
    expect(request?.title).toBe('Ada');
    expect(request?.attendees).toHaveLength(200);
    expect(takeNewEventRequest()).toBeNull();
  });
});
