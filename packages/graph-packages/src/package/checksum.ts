import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { GraphPackage } from './schema.js';

/**
 * The package's checksum: `sha256:` and the hex SHA-256 of its RFC 8785 canonical JSON, so the same
 * content in any key order (and any whitespace) has the same checksum, and any change of content a
 * different one. Array order is content: fields and steps keep their order.
 */
export const packageChecksum = (pkg: GraphPackage): string =>
  `sha256:${createHash('sha256')
    .update(canonicalize(pkg) ?? '')
    .digest('hex')}`;
