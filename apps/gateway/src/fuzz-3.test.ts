import { fuzzShard } from './testing-only/fuzz-suite.js';

// Shard 3 of the OpenAPI-driven fuzz suite (testing-only/fuzz-suite.ts).
fuzzShard(3);
