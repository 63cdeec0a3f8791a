export { type AppDeps, buildApp, generateOpenApiDocument } from './app.js';
export { type Config, ConfigError, loadConfig } from './config.js';
export { adapterOf, evaluateVibe } from './llm.js';
export { allMigrations } from './migrations.js';
export { bootstrapTenants, openRuntime, provisionTenant, type Runtime } from './runtime.js';
