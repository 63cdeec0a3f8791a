import { randomUUID } from 'node:crypto';

/** A fresh random (v4) UUID. */
export const newId = (): string => randomUUID();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when the string is a UUID in canonical textual form. */
export const isUuid = (value: string): boolean => UUID_RE.test(value);
