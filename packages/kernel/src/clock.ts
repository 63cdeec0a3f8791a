/** The source of "now". Pure code takes `now` as an argument; services take a Clock. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
