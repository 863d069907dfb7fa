import { describe, expect, it } from 'vitest';
import { WEEK_MS } from '../../src/data/contract.ts';
import { activitySink, simulateActivity } from '../../src/synth/activity.ts';
import { EVENT_COLS, TICKET_COLS } from '../../src/synth/history.ts';
import type { CustomerProfile } from '../../src/synth/profile.ts';
import { customerRng } from '../../src/synth/random.ts';

const profile: CustomerProfile = {
  index: 0,
  signupMs: 0,
  segment: 1,
  region: 0,
  tier: 1,
  annual: false,
  seats: 4,
  mrr: 316,
  healthLevel: 0,
  health0: 0,
};
const from = Date.UTC(2024, 0, 1);

function yearAt(h: number) {
  const sink = activitySink();
  let logins = 0;
  let severe = 0;
  const rng = customerRng(9, Math.round(h * 10) + 100);
  for (let w = 0; w < 52 * 20; w++) {
    sink.logins = 0;
    sink.severeTickets = 0;
    const start = from + w * WEEK_MS;
    simulateActivity(rng, sink, profile, h, start, start + WEEK_MS, from + 10_000 * WEEK_MS, false);
    logins += sink.logins;
    severe += sink.severeTickets;
  }
  return { sink, logins, severe };
}

describe('simulateActivity', () => {
  const healthy = yearAt(1);
  const unhealthy = yearAt(-1);

  it('gives healthy customers more logins', () => {
    expect(healthy.logins).toBeGreaterThan(2 * unhealthy.logins);
  });

  it('gives unhealthy customers more tickets, and more of them high or urgent', () => {
    expect(unhealthy.sink.tickets.rowCount).toBeGreaterThan(1.5 * healthy.sink.tickets.rowCount);
    expect(unhealthy.severe / unhealthy.sink.tickets.rowCount).toBeGreaterThan(healthy.severe / healthy.sink.tickets.rowCount);
  });

  it('writes events in time order inside the stretch', () => {
    const ev = healthy.sink.events.rows();
    let backwards = 0;
    for (let o = EVENT_COLS.width; o < ev.length; o += EVENT_COLS.width) {
      if (ev[o + EVENT_COLS.time] < ev[o - EVENT_COLS.width + EVENT_COLS.time]) backwards++;
    }
    expect(backwards).toBe(0);
    expect(ev[EVENT_COLS.time]).toBeGreaterThanOrEqual(from);
  });

  it('closes tickets after they open', () => {
    const tk = unhealthy.sink.tickets.rows();
    let early = 0;
    for (let o = 0; o < tk.length; o += TICKET_COLS.width) {
      if (!(tk[o + TICKET_COLS.closed] > tk[o + TICKET_COLS.opened])) early++;
    }
    expect(early).toBe(0);
  });

  it('writes nothing for an empty stretch', () => {
    const sink = activitySink();
    simulateActivity(customerRng(1, 1), sink, profile, 0, from, from, from + WEEK_MS, false);
    expect(sink.events.rowCount + sink.tickets.rowCount + sink.transactions.rowCount).toBe(0);
  });
});
