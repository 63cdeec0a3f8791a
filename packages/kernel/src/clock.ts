/** The source of "now". Pure code takes `now` as an argument; services take a Clock. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to; for tests. */
export const fixedClock = (start: Date): Clock & { advance(ms: number): void; set(to: Date): void } => {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
    set: (to) => {
      current = new Date(to);
    },
  };
};
