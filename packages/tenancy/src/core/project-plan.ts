import { normalizeName } from '@ec3l/kernel';
import type { CapabilityProfile, EnvironmentName, ModuleType } from '../tables.js';

export type CreateProjectInput = {
  name: string;
  description?: string | null;
  githubRepo?: string | null;
  defaultBranch?: string | null;
};

export type PlannedProject = {
  project: {
    id: string;
    name: string;
    description: string | null;
    githubRepo: string | null;
    defaultBranch: string;
  };
  environments: {
    id: string;
    name: EnvironmentName;
    isDefault: boolean;
    requiresPromotionApproval: boolean;
  }[];
  module: {
    id: string;
    name: string;
    type: ModuleType;
    rootPath: string;
    version: string;
    capabilityProfile: CapabilityProfile;
  };
};

const ENVIRONMENT_NAMES: readonly EnvironmentName[] = ['dev', 'test', 'prod'];

const blankToNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/**
 * Plans what creating a project writes: the project, its three environments (dev is the default;
 * prod requires approval to promote into) and its default module. Pure: ids come from newId.
 */
export const planProject = (input: CreateProjectInput, newId: () => string): PlannedProject => {
  const name = normalizeName(input.name);
  return {
    project: {
      id: newId(),
      name,
      description: blankToNull(input.description),
      githubRepo: blankToNull(input.githubRepo),
      defaultBranch: blankToNull(input.defaultBranch) ?? 'main',
    },
    environments: ENVIRONMENT_NAMES.map((envName) => ({
      id: newId(),
      name: envName,
      isDefault: envName === 'dev',
      requiresPromotionApproval: envName === 'prod',
    })),
    module: {
      id: newId(),
      name: 'default',
      type: 'application',
      rootPath: '/',
      version: '1.0.0',
      capabilityProfile: 'CODE_MODULE_DEFAULT',
    },
  };
};
