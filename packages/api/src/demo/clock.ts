import type { CalendarDate } from '@kc/domain';
import { addCalendarDays } from '@kc/domain';

/**
 * The demo's clock: the `now` of every API call the demo makes. It is set to a day relative to
 * today (Asia/Shanghai) and a time of that day, so a call is walked through its dates as officers
 * and applicants would have walked it. It only moves forward, never past the real moment the demo
 * is seeded at, and ticks 10 ms per reading so that rows written one after another keep their
 * order.
 */
export class DemoClock {
  private at = 0;

  constructor(
    /** today in Shanghai */
    readonly today: CalendarDate,
    /** the real moment of seeding: nothing the demo writes is dated after it */
    private readonly limit: Date,
  ) {}

  /** The Shanghai date `days` from today. */
  day(days: number): CalendarDate {
    return addCalendarDays(this.today, days);
  }

  /** Moves to `time` (HH:MM, Shanghai) on the day `days` from today; never backwards. */
  set(days: number, time: string): void {
    const t = Date.parse(`${this.day(days)}T${time}:00+08:00`);
    if (Number.isNaN(t)) throw new RangeError(`demo clock: bad time ${time}`);
    if (t > this.limit.getTime())
      throw new RangeError(`demo clock: ${this.day(days)} ${time} is after the seeding moment`);
    this.at = Math.max(this.at, t);
  }

  /** Moves on by some minutes (an expert after another, a firm after its neighbour). */
  later(minutes: number): void {
    this.at = Math.min(this.at + minutes * 60_000, this.limit.getTime());
  }

  readonly now = (): Date => {
    const reading = new Date(this.at);
    this.at += 10;
    return reading;
  };
}

interface Step {
  days: number;
  time: string;
  order: number;
  label: string;
  run: () => Promise<void>;
}

/**
 * The demo as dated steps, from every stage: played in date order, so the calls, needs and
 * projects of different stages interleave as they would have in the bureau's year, and numbers
 * (需求、申报、项目 numbers) are given in the order things happened.
 */
export class Script {
  private readonly steps: Step[] = [];

  /** A step on the day `days` from today, at `time` (HH:MM, Shanghai). */
  at(days: number, time: string, label: string, run: () => Promise<void>): void {
    this.steps.push({ days, time, label, run, order: this.steps.length });
  }

  get size(): number {
    return this.steps.length;
  }

  /** The earliest day the script touches, relative to today. */
  get firstDay(): number {
    return Math.min(...this.steps.map((s) => s.days));
  }

  async play(clock: DemoClock): Promise<void> {
    const ordered = [...this.steps].sort(
      (a, b) => a.days - b.days || a.time.localeCompare(b.time) || a.order - b.order,
    );
    for (const step of ordered) {
      clock.set(step.days, step.time);
      try {
        await step.run();
      } catch (error) {
        throw new Error(`selection demo: step “${step.label}” (${clock.day(step.days)}) failed`, {
          cause: error,
        });
      }
    }
  }
}
