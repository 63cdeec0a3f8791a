import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type PackageObjectType = 'record_type' | 'choice_list' | 'workflow';
export type EnvironmentInstallSource = 'install' | 'promote' | 'uninstall';

/** An object an install created, as recorded on the install (an uninstall removes or retires it). */
export type CreatedObject = { type: PackageObjectType; key: string; id: string };

/** The tables of graph packages: install history, package ownership, environment package state. */
export type GraphPackagesTables = {
  graph_package_installs: {
    tenant_id: string;
    id: string;
    project_id: string;
    environment_id: string;
    package_key: string;
    version: string;
    checksum: string;
    status: 'installed' | 'reverted';
    installed_by: string | null;
    installed_at: Timestamp;
    diff: Json<unknown>;
    package_contents: Json<unknown>;
    /** The merged change that carries the install's edits of existing record types, when there were any. */
    change_id: string | null;
    created_objects: ColumnType<CreatedObject[], string | undefined, string>;
    /** The install of the same package this one upgraded, if any. */
    previous_install_id: string | null;
    reverted_by: string | null;
    reverted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    /** What the package owned in the project before this install (migration 0002). */
    previous_objects: ColumnType<CreatedObject[], string | undefined, string>;
  };
  graph_package_objects: {
    tenant_id: string;
    project_id: string;
    object_type: PackageObjectType;
    object_key: string;
    object_id: string;
    package_key: string;
    install_id: string;
  };
  environment_package_installs: {
    tenant_id: string;
    id: string;
    project_id: string;
    environment_id: string;
    package_key: string;
    version: string;
    checksum: string;
    installed_by: string | null;
    installed_at: Timestamp;
    source: EnvironmentInstallSource;
    diff: Json<unknown>;
    package_contents: Json<unknown>;
    graph_install_id: string | null;
    promotion_intent_id: string | null;
  };
};
