import type { Clock } from "../../src/lib/clock.js";

/** A clock tests move by hand. */
export class TestClock implements Clock {
  private current: Date;

  constructor(start: Date | string = "2026-11-23T09:00:00Z") {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(date: Date | string): void {
    this.current = new Date(date);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}
