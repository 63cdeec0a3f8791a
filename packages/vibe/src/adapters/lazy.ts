import type { ProviderOptions } from './providers.js';
import type { LlmAdapter } from './types.js';

/**
 * A provider adapter whose SDK loads on the first generation, so the gateway's start never pays for
 * the provider SDKs.
 */
export const createProviderAdapter = (kind: 'anthropic' | 'openai', options: ProviderOptions): LlmAdapter => {
  let loaded: Promise<LlmAdapter> | undefined;
  const load = () => {
    loaded ??= import('./providers.js').then((m) =>
      kind === 'anthropic' ? m.createAnthropicAdapter(options) : m.createOpenAiAdapter(options),
    );
    return loaded;
  };
  return {
    name: kind,
    model: options.model,
    generate: async (request, generateOptions) => (await load()).generate(request, generateOptions),
  };
};
