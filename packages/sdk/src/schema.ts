// Generated from openapi.json by scripts/generate-sdk.mjs. Do not edit: run `pnpm gen:sdk`.

export interface paths {
    "/api/admin/app-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Install events newest first, failed installs included
         * @description A failed install keeps no app: its install_failed event is found here. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page. Requires permission `admin.view`.
         */
        get: operations["listAdminAppEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: everything awaiting a human decision, newest first
         * @description One queue: pending workflow approvals (with every field of the approval), Ready changes awaiting merge, promotion intents previewed into an environment that requires approval, and submitted agent proposals. `kind` tells them apart and `permission` names what acting on one needs. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page. Requires permission `admin.view`.
         */
        get: operations["adminListPendingApprovals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Installed apps with their modules, versions, status and events
         * @description Requires permission `admin.view`.
         */
        get: operations["listAdminApps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Change records newest first, by status, creation date range and project
         * @description from is inclusive, to exclusive. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page. Requires permission `admin.view`.
         */
        get: operations["listAdminChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/check-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Answers 200 when the caller may use the admin console
         * @description Answers 200 when the caller may use the admin console. Requires permission `admin.view`.
         */
        get: operations["checkAdminAccess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/environments/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Diff two environments, package by package and object by object
         * @description Each package of the source is missing, outdated or same in the target (extra: only the target holds it); missing and outdated ones carry the per-object diff with each object's disposition. Requires permission `admin.view`.
         */
        get: operations["diffEnvironments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/environments/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Promote directly from one environment to another
         * @description Applies the source's missing and outdated packages to the target in one transaction and records a deployment between releases of both. 409 PROMOTION_APPROVAL_REQUIRED when the target requires approval (use a promotion intent). Requires permission `environment.promote`; refused to agents.
         */
        post: operations["promoteEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/environments/promotions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Promotion intents, newest first
         * @description Filter by project or status. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page. Requires permission `admin.view`.
         */
        get: operations["listPromotionIntents"];
        put?: never;
        /**
         * Create a draft promotion intent
         * @description Between two environments of the project. Requires permission `environment.promote`; refused to agents.
         */
        post: operations["createPromotionIntent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/environments/promotions/{promotionIntentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a promotion intent
         * @description With its diff, result and notification state. Requires permission `admin.view`.
         */
        get: operations["getPromotionIntent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/environments/promotions/{promotionIntentId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a previewed promotion intent (a human only)
         * @description previewed → approved. Only a human user approves (403 PROMOTION_HUMAN_REQUIRED otherwise). Requires permission `environment.promote`; refused to agents.
         */
        post: operations["approvePromotionIntent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/environments/promotions/{promotionIntentId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The webhook deliveries of a promotion intent, oldest first
         * @description Each delivery with its webhook id, attempts, last status code and error. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page. Requires permission `admin.view`.
         */
        get: operations["listPromotionDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/environments/promotions/{promotionIntentId}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Execute an approved promotion intent
         * @description approved → executed: applies the source's missing and outdated packages to the target in one transaction (a failure writes nothing). 409 PROMOTION_DRIFT when either environment's package state changed since the preview: preview again. Executing an executed intent answers it unchanged. Requires permission `environment.promote`; refused to agents.
         */
        post: operations["executePromotionIntent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/environments/promotions/{promotionIntentId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a promotion intent: draft, previewed or approved → previewed
         * @description Computes the diff and records the hashes of both environments' package state (a re-preview clears the approval). When the target requires approval and has a webhook, promotion.approval_required is queued and sent best-effort. Requires permission `environment.promote`; refused to agents.
         */
        post: operations["previewPromotionIntent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/environments/promotions/{promotionIntentId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a promotion intent (terminal)
         * @description draft, previewed or approved → rejected, with an optional reason. Requires permission `environment.promote`; refused to agents.
         */
        post: operations["rejectPromotionIntent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/execution-telemetry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Domain events of the tenant, newest first
         * @description Domain events of the tenant, newest first. Requires permission `admin.view`.
         */
        get: operations["listExecutionTelemetry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/graph/built-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The built-in packages
         * @description Every package that ships with EC3L, with its checksum and what it holds. Requires permission `admin.view`.
         */
        get: operations["listBuiltInGraphPackages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/graph/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a change will do (or did) to the graph
         * @description What a change will do (or did) to the graph. Requires permission `admin.view`.
         */
        get: operations["getGraphDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/graph/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Install a graph package into a project (preview or apply)
         * @description The seven phases, all or nothing: the checksum of the installed version → noop; a lower version → 409 PACKAGE_DOWNGRADE unless allowDowngrade; objects of another package → 409 PACKAGE_OWNERSHIP_CONFLICT naming the owner; fields holding data dropped → 409 PACKAGE_DATA_LOSS unless allowDataLoss; the project's graph with the package applied must pass every graph validator (422 PACKAGE_GRAPH_INVALID). preview answers the diff and writes nothing; otherwise new record types are created base types first, edits of owned record types are one merged change (so the install can be reverted exactly), and the install is recorded for the environment. Installs of one project run one at a time. A preview requires `admin.view`; applying: Requires permission `package.install`; refused to agents.
         */
        post: operations["installGraphPackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/graph/install-built-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Install a built-in package into a project (preview or apply)
         * @description Installs the built-in package named by packageKey (404 for a key no built-in has) as POST /admin/graph/install does. A preview requires `admin.view`; applying: Requires permission `package.install`; refused to agents.
         */
        post: operations["installBuiltInGraphPackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/graph/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A project's package installs, newest first
         * @description Installed and reverted installs, optionally of one package. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page. Requires permission `admin.view`.
         */
        get: operations["listGraphPackageInstalls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/graph/packages/{installId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One package install with the package as installed and its diff
         * @description 404 PACKAGE_INSTALL_NOT_FOUND for an id of no install of the caller's tenant. Requires permission `admin.view`.
         */
        get: operations["getGraphPackageInstall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/graph/packages/{installId}/revert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Uninstall: revert the latest install of a package exactly
         * @description Reverts the install's merged change through the change engine (every touched record type gets its snapshot back), deletes the record types and choice lists it created, retires the workflows it created, and hands ownership back to the previous install; the environment records an uninstall. Only the latest installed install of the package can be reverted (409 PACKAGE_ALREADY_REVERTED otherwise); 409 PACKAGE_REVERT_BLOCKED while a created record type holds records (data is never dropped). Requires permission `package.install`; refused to agents.
         */
        post: operations["revertGraphPackageInstall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/graph/packages/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The diff between two installed versions of a package
         * @description Compares the contents of the latest installs of fromVersion and toVersion of the package in the project (installed or reverted). 404 PACKAGE_INSTALL_NOT_FOUND when either was never installed there. Requires permission `admin.view`.
         */
        get: operations["diffGraphPackageVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/graph/snapshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's record-type graph (own fields), or one project's
         * @description The tenant's record-type graph (own fields), or one project's. Requires permission `admin.view`.
         */
        get: operations["getGraphSnapshot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/graph/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Runs the graph validators over the tenant (or one project)
         * @description Runs the graph validators over the tenant (or one project). Requires permission `admin.view`.
         */
        get: operations["validateGraph"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every installed module of the tenant
         * @description Requires permission `admin.view`.
         */
        get: operations["listAdminModules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Module overrides newest first, by status, type or module
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page. Requires permission `admin.view`.
         */
        get: operations["listAdminOverrides"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every tenant, marking the caller's
         * @description Every tenant, marking the caller's. Requires permission `admin.view`.
         */
        get: operations["listAdminTenants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhooks/deliveries/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attempt the due webhook deliveries now
         * @description The scheduler does this on every tick; this runs the same pass on demand for the caller's tenant. Requires permission `automation.run`.
         */
        post: operations["processWebhookDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/workflow-executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: workflow executions, newest first
         * @description As GET /api/workflow-executions. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page. Requires permission `admin.view`.
         */
        get: operations["adminListWorkflowExecutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: workflow definitions, newest first
         * @description As GET /api/workflow-definitions. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page. Requires permission `admin.view`.
         */
        get: operations["adminListWorkflowDefinitions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent-proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Agent proposals, newest first
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listAgentProposals"];
        put?: never;
        /**
         * Propose a form patch, a workflow change or an approval comment (status draft)
         * @description Agents and humans may propose; the payload is checked against its type. Requires permission `change.edit`.
         */
        post: operations["createAgentProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent-proposals/{proposalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a proposal with its payload and review
         * @description Read a proposal with its payload and review.
         */
        get: operations["getAgentProposal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent-proposals/{proposalId}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept or reject a submitted proposal
         * @description Accepting applies the proposal through the domain it targets, in one transaction: a workflow change opens a Draft change carrying its ops, an approval comment is attached to the workflow approval, a form patch becomes a form override. When applying fails (422 PROPOSAL_APPLY_FAILED) nothing is written and the proposal stays submitted. Of concurrent reviews one wins; the others get 409. Requires permission `change.approve`; refused to agents.
         */
        post: operations["reviewAgentProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent-proposals/{proposalId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a draft proposal for review (draft → submitted)
         * @description A human submits what an agent proposed. Requires permission `change.edit`; refused to agents.
         */
        post: operations["submitAgentProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent-runs/{agentRunId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an agent run with its skills and log
         * @description Read an agent run with its skills and log.
         */
        get: operations["getAgentRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent-runs/{agentRunId}/log/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow a run’s log as server-sent events
         * @description Sends the log lines so far, then new ones as they are appended, one `log` event per line (its id is the line’s position, so a reconnect with Last-Event-ID resumes after it), and an `end` event with the final status once the run has passed or failed; then the stream closes.
         */
        get: operations["streamAgentRunLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent-runs/{agentRunId}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Append lines to a run’s log
         * @description At most 100 lines per call and 2,000 per run; an ended run's log is closed (409). Requires permission `change.edit`.
         */
        post: operations["appendAgentRunLogs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent-runs/{agentRunId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a run: Pending → Running → Passed | Failed
         * @description A Pending run may fail before it starts; an ended run never moves (409). Requires permission `change.edit`.
         */
        post: operations["moveAgentRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent-skills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The skills registry, by name
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listAgentSkills"];
        put?: never;
        /**
         * Register a skill agent runs may use
         * @description The name is unique in the tenant (409); the input schema must be a JSON Schema object (400 AGENT_SKILL_SCHEMA_INVALID). Requires permission `skill.manage`.
         */
        post: operations["createAgentSkill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent-skills/{skillId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a skill
         * @description Read a skill.
         */
        get: operations["getAgentSkill"];
        put?: never;
        post?: never;
        /**
         * Remove a skill from the registry
         * @description Runs that used it keep its name. Requires permission `skill.manage`.
         */
        delete: operations["deleteAgentSkill"];
        options?: never;
        head?: never;
        /**
         * Edit a skill, or disable or enable it
         * @description A disabled skill cannot be named by new agent runs. Requires permission `skill.manage`.
         */
        patch: operations["updateAgentSkill"];
        trace?: never;
    };
    "/api/audit-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Authorization decisions, access-control changes and domain events in one feed, newest first
         * @description Authorization decisions, access-control changes and domain events in one feed, newest first. Allow decisions on read-only requests are left out unless includeReads=true. Requires permission `admin.view`.
         */
        get: operations["getAuditFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Change records, newest first
         * @description Filter by project, status, or revertsChangeId: the changes that revert that change (an id the tenant does not have lists none). Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listChanges"];
        put?: never;
        /**
         * Create a Draft change in a project
         * @description Requires permission `change.edit`.
         */
        post: operations["createChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a change record
         * @description Read a change record.
         */
        get: operations["getChange"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/agent-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an agent run on the change (status Pending)
         * @description Requires permission `change.edit`.
         */
        post: operations["createAgentRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/agent-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Agent runs recorded on the change, oldest first
         * @description Agent runs recorded on the change, oldest first.
         */
        get: operations["listAgentRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/checkin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate the change and move it to Ready, or to ValidationFailed with the errors
         * @description Validate the change and move it to Ready, or to ValidationFailed with the errors. Requires permission `change.approve`; refused to agents.
         */
        post: operations["checkinChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the change will change (dry run) or changed (recorded at merge)
         * @description Planning an unmerged change here is a read: unlike POST …/execute it records nothing on the timeline.
         */
        get: operations["getChangeDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The change's timeline: status changes, targets and ops added or removed, dry runs
         * @description Oldest first. A change_dry_run event records each dry run: its payload is { valid: true, summary } with the diff summary, or { valid: false, errors }. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listChangeEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dry run: validate and diff without writing or changing status (422 lists every error)
         * @description Writes no schema and changes no status; the outcome goes on the change's timeline as a change_dry_run event. Requires permission `change.edit`.
         */
        post: operations["dryRunChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Execute a Ready change for real and mark it Merged (terminal); all or nothing
         * @description Execute a Ready change for real and mark it Merged (terminal); all or nothing. Requires permission `change.approve`; refused to agents.
         */
        post: operations["mergeChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/patch-ops": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The change's patch ops, in the order they run
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listPatchOps"];
        put?: never;
        /**
         * Add a patch op to a record_type target of a change whose ops can still be edited
         * @description Requires permission `change.edit`.
         */
        post: operations["addPatchOp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/patch-ops/{opId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a pending op (an executed op answers 409)
         * @description Requires permission `change.edit`.
         */
        delete: operations["deletePatchOp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/project": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The project a change belongs to
         * @description The project a change belongs to.
         */
        get: operations["getChangeProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/revert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a Draft change that restores exactly the schemas a merged change replaced
         * @description Requires permission `change.edit`.
         */
        post: operations["revertChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Schemas of the record types before the change merged
         * @description Schemas of the record types before the change merged.
         */
        get: operations["listChangeSnapshots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/start-workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a running workspace for the change and move it to WorkspaceRunning
         * @description Requires permission `change.edit`.
         */
        post: operations["startChangeWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a change by hand (Draft → Implementing, reopen Ready → Implementing, …)
         * @description Move a change by hand (Draft → Implementing, reopen Ready → Implementing, …). Ready and Merged are reached only through checkin and merge (409). A move to Ready or Merged is an approval: it needs `change.approve`, which agents never get (403 AGENT_FORBIDDEN), checked before the change is looked at; every other move needs `change.edit`. Requires permission `change.edit`.
         */
        post: operations["setChangeStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the change touches, in the order declared
         * @description What the change touches, in the order declared.
         */
        get: operations["listChangeTargets"];
        put?: never;
        /**
         * Declare what the change touches (Draft only)
         * @description Requires permission `change.edit`.
         */
        post: operations["addChangeTarget"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{changeId}/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The change's workspace (404 until one was started)
         * @description The change's workspace (404 until one was started).
         */
        get: operations["getChangeWorkspace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/choice-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's choice lists, by name
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listChoiceLists"];
        put?: never;
        /**
         * Create a choice list, optionally with its first items
         * @description Requires permission `schema.edit`.
         */
        post: operations["createChoiceList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/choice-lists/{choiceListId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a choice list
         * @description Read a choice list.
         */
        get: operations["getChoiceList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/choice-lists/{choiceListId}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The items of a choice list, in order
         * @description The items of a choice list, in order.
         */
        get: operations["listChoiceItems"];
        put?: never;
        /**
         * Add an item to a choice list (values are unique per list)
         * @description Requires permission `schema.edit`.
         */
        post: operations["addChoiceItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts shown on the console dashboard
         * @description Counts shown on the console dashboard.
         */
        get: operations["getDashboardSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{environmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an environment
         * @description Read an environment.
         */
        get: operations["getEnvironment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit an environment's promotion settings
         * @description requiresPromotionApproval forces promotions into the environment through approved intents; promotionWebhookUrl (https, or plain http to a host of EC3L_WEBHOOK_ALLOWLIST; null removes it) receives signed promotion notifications. A URL naming a loopback, private, link-local or metadata address is refused (400 WEBHOOK_URL_REFUSED) unless allowlisted. Requires permission `environment.manage`.
         */
        patch: operations["updateEnvironment"];
        trace?: never;
    };
    "/api/environments/{environmentId}/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The packages an environment holds
         * @description The newest state of each package in the environment (installed or promoted; uninstalled ones are left out), by key. Requires permission `admin.view`.
         */
        get: operations["listEnvironmentPackages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{environmentId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a release freezing the environment's package state
         * @description The release lists every package version the environment holds now, with the state's hash. Requires permission `environment.release_create`.
         */
        post: operations["createEnvironmentRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{environmentId}/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An environment's releases, newest first
         * @description Each with the package state it froze. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listEnvironmentReleases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/form-definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Form definitions, oldest first, optionally of one record type
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listFormDefinitions"];
        put?: never;
        /**
         * Create a draft form for a record type
         * @description Names are unique per record type (409 FORM_NAME_TAKEN). Requires permission `form.edit`.
         */
        post: operations["createFormDefinition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/form-definitions/{formDefinitionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a form definition
         * @description Read a form definition.
         */
        get: operations["getFormDefinition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/form-definitions/{formDefinitionId}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a form: draft → active
         * @description An active form's rules hold on every record write of its record type. Any other move answers 409 FORM_STATE_CONFLICT. Requires permission `form.edit`.
         */
        post: operations["activateFormDefinition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/form-definitions/{formDefinitionId}/analysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Problems of a form's rules: hidden but required, cycles, unknown fields, contradictions
         * @description Analyses the active rules of the compiled form (the active override applied). Writes nothing.
         */
        get: operations["analyzeFormRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/form-definitions/{formDefinitionId}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire a form: active → retired
         * @description A retired form no longer holds on record writes and refuses edits. Any other move answers 409 FORM_STATE_CONFLICT. Requires permission `form.edit`.
         */
        post: operations["retireFormDefinition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/form-definitions/{formDefinitionId}/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A form's behaviour rules in application order
         * @description A form's behaviour rules in application order.
         */
        get: operations["listFormRules"];
        put?: never;
        /**
         * Add a behaviour rule (visible, required or read-only when a condition holds)
         * @description The target and every field the condition reads must be fields of the record type (400 FORM_FIELD_UNKNOWN); a condition of more than 100 nodes or a comparison without a value is 400 FORM_CONDITION_INVALID; at most 200 rules (409 FORM_LIMIT_REACHED). Requires permission `form.edit`.
         */
        post: operations["createFormRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/form-definitions/{formDefinitionId}/sections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A form's sections in display order
         * @description A form's sections in display order.
         */
        get: operations["listFormSections"];
        put?: never;
        /**
         * Add a section to a form
         * @description Titles are unique within the form (409 FORM_SECTION_TITLE_TAKEN); at most 50 sections (409 FORM_LIMIT_REACHED); a retired form answers 409 FORM_STATE_CONFLICT. Requires permission `form.edit`.
         */
        post: operations["createFormSection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/form-overrides/{formOverrideId}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a draft override (the form's previous active one is retired)
         * @description Any other move answers 409 FORM_STATE_CONFLICT. Requires permission `form.edit`.
         */
        post: operations["activateFormOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/form-overrides/{formOverrideId}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire a draft or active override
         * @description Any other move answers 409 FORM_STATE_CONFLICT. Requires permission `form.edit`.
         */
        post: operations["retireFormOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/form-placements/{formPlacementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take a field off the form
         * @description Requires permission `form.edit`.
         */
        delete: operations["deleteFormPlacement"];
        options?: never;
        head?: never;
        /**
         * Move a field placement: another section of the form, column or position
         * @description Requires permission `form.edit`.
         */
        patch: operations["updateFormPlacement"];
        trace?: never;
    };
    "/api/form-rules/{formRuleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a behaviour rule
         * @description Requires permission `form.edit`.
         */
        delete: operations["deleteFormRule"];
        options?: never;
        head?: never;
        /**
         * Change a behaviour rule
         * @description Checked as on create. Requires permission `form.edit`.
         */
        patch: operations["updateFormRule"];
        trace?: never;
    };
    "/api/form-sections/{formSectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a section and the field placements in it
         * @description Requires permission `form.edit`.
         */
        delete: operations["deleteFormSection"];
        options?: never;
        head?: never;
        /**
         * Rename or reorder a form's section
         * @description 409 FORM_SECTION_TITLE_TAKEN when another section has the title. Requires permission `form.edit`.
         */
        patch: operations["updateFormSection"];
        trace?: never;
    };
    "/api/form-sections/{formSectionId}/placements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A section's field placements in display order
         * @description A section's field placements in display order.
         */
        get: operations["listFormPlacements"];
        put?: never;
        /**
         * Place a field of the record type in a section
         * @description The field must be one of the record type's fields, own or inherited (400 FORM_FIELD_UNKNOWN); a field is placed once per form (409 FORM_FIELD_PLACED). Requires permission `form.edit`.
         */
        post: operations["createFormPlacement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{recordTypeName}/{formName}/compiled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The compiled form: layout, effective flags and the layer that set each
         * @description Record type fields, then the definition (sections, placements), then the active override, then unconditional rules; a field required by its definition is always required. `view` is the input of @ec3l/form-rules for evaluating conditional rules on data.
         */
        get: operations["getCompiledForm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{recordTypeName}/{formName}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Field states and violations of record data on a form (writes nothing)
         * @description `data` is the record's whole data after a write, `previous` its data before (absent for a create): the verdict is the one a record write would get from this form. Requires permission `form.view`.
         */
        post: operations["evaluateForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{recordTypeName}/{formName}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A form's overrides, newest version first
         * @description A form's overrides, newest version first.
         */
        get: operations["listFormOverrides"];
        put?: never;
        /**
         * Save form patch ops as the form's next override version (a draft)
         * @description Ops must apply to the form: 400 FORM_PATCH_INVALID with details.problems otherwise; making a field its definition requires optional is 409 FORM_REQUIRED_FIELD. Requires permission `form.edit`.
         */
        post: operations["createFormOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{recordTypeName}/{formName}/vibePatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Propose form patch ops from a prompt (never applied)
         * @description The model sees the form's fields and sections and answers form patch ops; the answer passes a zod schema (422 VIBE_GENERATION_FAILED otherwise), then the forms service validates the ops against the form: `problems` lists what would not apply. Nothing is saved: save the ops as an override to apply them. Requires permission `form.edit`.
         */
        post: operations["proposeFormVibePatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hr-lite/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Install HR Lite into a project (preview or apply)
         * @description Installs the built-in package hr.lite (employee, department, position and their workflows) as POST /admin/graph/install does. A preview requires `admin.view`; applying: Requires permission `package.install`; refused to agents.
         */
        post: operations["installHrLite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installed-apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's installed apps, oldest first
         * @description One per template at most, so the list is short and not paged.
         */
        get: operations["listInstalledApps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installed-apps/{installedAppId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One installed app with its modules and install events
         * @description One installed app with its modules and install events.
         */
        get: operations["getInstalledApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installed-apps/{installedAppId}/upgrade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upgrade an installed app to a newer version of its template
         * @description The newer version's graph package goes through the install engine's upgrade path and its new modules are created, all or nothing. 409 APP_UPGRADE_IN_PROGRESS while another upgrade runs, 409 APP_UPGRADE_INVALID for a version that is not newer or of another template. A failed upgrade leaves the app at its version with status failed. Requires permission `package.install`; refused to agents.
         */
        post: operations["upgradeInstalledApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installed-modules/{installedModuleId}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An installed module's overrides by target, newest version first
         * @description An installed module's overrides by target, newest version first.
         */
        get: operations["listInstalledModuleOverrides"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installed-modules/{installedModuleId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An installed module's effective configuration, with the provenance of each value
         * @description Each key of the template default, valued by the active config override of that key where there is one (its id and version), else by the template; and the active workflow, form and rule overrides.
         */
        get: operations["resolveInstalledModule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Module overrides, newest first
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listOverrides"];
        put?: never;
        /**
         * Create a draft override of one target of an installed module
         * @description The version is the next of the overrides of the same module, type and target. The target must be one the module has: a key of its default configuration (the value keeps the JSON type of the default), a workflow or rule of its package, a record type whose form it governs; otherwise 400 OVERRIDE_TARGET_INVALID or OVERRIDE_PATCH_INVALID. Requires permission `override.edit`.
         */
        post: operations["createOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/overrides/{overrideId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One module override
         * @description One module override.
         */
        get: operations["getOverride"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/overrides/{overrideId}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a draft override; the active one of its target is retired
         * @description At most one override per target is active (OV1). 409 OVERRIDE_STATE_CONFLICT unless the override is a draft. Requires permission `override.activate`; refused to agents.
         */
        post: operations["activateOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/overrides/{overrideId}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire a draft or active override (final)
         * @description A retired active override gives its target back to the template default. 409 OVERRIDE_STATE_CONFLICT when retired already. Requires permission `override.edit`.
         */
        post: operations["retireOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tenant's projects, oldest first
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listProjects"];
        put?: never;
        /**
         * Create a project with dev, test and prod environments and a default module
         * @description Requires permission `project.edit`.
         */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a project
         * @description Read a project.
         */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The change records of a project (P4), newest first
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listProjectChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A project's deployments, newest first
         * @description Every promotion into one of the project's environments, from a release of the source to the target's release after it. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listProjectDeployments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The project's dev, test and prod environments
         * @description The project's dev, test and prod environments.
         */
        get: operations["listProjectEnvironments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The project's modules
         * @description The project's modules.
         */
        get: operations["listProjectModules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/record-types/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a record type by its key (keys are unique per project)
         * @description Read a record type by its key (keys are unique per project).
         */
        get: operations["getRecordTypeByKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/agents/{agentId}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The roles an agent holds
         * @description The roles an agent holds. Requires permission `admin.view`.
         */
        get: operations["listAgentRoles"];
        put?: never;
        /**
         * Give an agent a role
         * @description Give an agent a role; answers the agent's roles. An agent (an x-agent-id) may hold roles and use their permissions, except the agent-guarded actions (approvals and the others listed in agentForbidden of GET /api/rbac/me), which answer 403 AGENT_FORBIDDEN whatever the agent holds. Requires permission `rbac.manage`; refused to agents.
         */
        post: operations["assignAgentRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/agents/{agentId}/roles/{roleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take a role from an agent
         * @description Take a role from an agent. Requires permission `rbac.manage`; refused to agents.
         */
        delete: operations["removeAgentRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Authorization decisions and access-control changes (roles, permissions, assignments, policies), newest first
         * @description Authorization decisions and access-control changes (roles, permissions, assignments, policies), newest first. Allow decisions on read-only requests are left out unless includeReads=true. Requires permission `admin.view`.
         */
        get: operations["listAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Would this user be allowed, and by which rule? Nothing is recorded
         * @description Would this user be allowed, and by which rule? Nothing is recorded. Requires permission `admin.view`.
         */
        get: operations["explainAccess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's actor type, roles and effective permissions
         * @description The caller's actor type, roles and effective permissions.
         */
        get: operations["getMyAccess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The permission catalog
         * @description The permission catalog.
         */
        get: operations["listPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's policies
         * @description Requires permission `admin.view`.
         */
        get: operations["listPolicies"];
        put?: never;
        /**
         * Allow or deny a role the permissions of a resource type (form, workflow, override, change) on one resource, or on all when resourceId is omitted
         * @description Allow or deny a role the permissions of a resource type (form, workflow, override, change) on one resource, or on all when resourceId is omitted. A deny beats every grant. Requires permission `rbac.manage`; refused to agents.
         */
        post: operations["createPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/policies/{policyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a policy
         * @description Requires permission `rbac.manage`; refused to agents.
         */
        delete: operations["deletePolicy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's roles with their permissions
         * @description The tenant's roles with their permissions.
         */
        get: operations["listRoles"];
        put?: never;
        /**
         * Create a role
         * @description Requires permission `rbac.manage`; refused to agents.
         */
        post: operations["createRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/roles/{roleId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a role
         * @description Disable a role. Disabling the last role that gives a user of the tenant admin access (admin.view and rbac.manage) answers 409. Requires permission `rbac.manage`; refused to agents.
         */
        post: operations["disableRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/roles/{roleId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a role
         * @description Enable a role. Requires permission `rbac.manage`; refused to agents.
         */
        post: operations["enableRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/roles/{roleId}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The role's permissions
         * @description Requires permission `admin.view`.
         */
        get: operations["listRolePermissions"];
        put?: never;
        /**
         * Grant a permission to a role; answers the role's permissions
         * @description Grant a permission to a role; answers the role's permissions. Requires permission `rbac.manage`; refused to agents.
         */
        post: operations["addRolePermission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/roles/{roleId}/permissions/{permissionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take a permission (id or name) from a role
         * @description Take a permission (id or name) from a role. Taking admin.view or rbac.manage from the last role that gives a user of the tenant admin access answers 409. Requires permission `rbac.manage`; refused to agents.
         */
        delete: operations["removeRolePermission"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/seed-defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the missing default roles (Admin, Editor, Viewer); idempotent
         * @description Requires permission `rbac.manage`; refused to agents.
         */
        post: operations["seedDefaultRoles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/user-roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every role assignment in the tenant
         * @description Who holds which role, ordered by user id then role name. Requires permission `admin.view`.
         */
        get: operations["listAllUserRoles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/users/{userId}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The user's roles in this tenant
         * @description Requires permission `admin.view`.
         */
        get: operations["listUserRoles"];
        put?: never;
        /**
         * Give a user (an x-user-id) a role; answers the user's roles
         * @description Give a user (an x-user-id) a role; answers the user's roles. Agents get roles through /api/rbac/agents/{agentId}/roles. Requires permission `rbac.manage`; refused to agents.
         */
        post: operations["assignUserRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rbac/users/{userId}/roles/{roleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take a role from a user
         * @description Take a role from a user. Taking the last role that gives a user of the tenant admin access (admin.view and rbac.manage) answers 409. Requires permission `rbac.manage`; refused to agents.
         */
        delete: operations["removeUserRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/record-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Emit a record event by hand: queue an intent for every matching active trigger
         * @description Requires permission `record.edit`. Matching and idempotency keys are those of record writes: one intent per record version and trigger; a repeat answers status duplicate.
         */
        post: operations["emitRecordEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/record-instances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One record type's records, filtered by field values and sorted
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page. Sort by createdAt (default), updatedAt or a field (not a text field); a leading - sorts descending, and records without a value come first in ascending order.
         */
        get: operations["listRecordInstances"];
        put?: never;
        /**
         * Create a record of an active record type (assigned by its assignment config)
         * @description Requires permission `record.edit`. The data is checked against the effective schema; a 400 RECORD_INVALID lists every refused field in details. A record type that is not active answers 409 RECORD_TYPE_NOT_ACTIVE.
         */
        post: operations["createRecordInstance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/record-instances/{recordId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a record (data by field name)
         * @description Read a record (data by field name).
         */
        get: operations["getRecordInstance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Merge values into a record's data (null clears an optional field)
         * @description Requires permission `record.edit`. Optimistic concurrency: send the version the change is based on as body version or If-Match header (the ETag of a read); a stale one answers 409 RECORD_VERSION_CONFLICT. Without either, the update applies to the current version.
         */
        patch: operations["updateRecordInstance"];
        trace?: never;
    };
    "/api/record-instances/{recordId}/timers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The record’s SLA timers (status, due and warning times, paused time)
         * @description The record’s SLA timers (status, due and warning times, paused time).
         */
        get: operations["listRecordTimers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/record-locks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Record locks held by workflow executions, oldest first
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listRecordLocks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/record-locks/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether a record is locked, and by which execution
         * @description Whether a record is locked, and by which execution.
         */
        get: operations["checkRecordLock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/record-timers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SLA timers of several records at once
         * @description For a page of records: `recordId` repeated (1 to 100). Answers the timers of those records, by record; an id without a record of the tenant simply has none.
         */
        get: operations["listTimersOfRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/record-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Record types with their effective schemas, by project and key
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listRecordTypes"];
        put?: never;
        /**
         * Create a draft record type (optionally inheriting from a base type of the same project)
         * @description Requires permission `schema.edit`.
         */
        post: operations["createRecordType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/record-types/{recordTypeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a record type with its effective schema
         * @description Read a record type with its effective schema.
         */
        get: operations["getRecordType"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set or clear a draft record type's assignment and SLA configuration
         * @description Requires permission `schema.edit`. Either or both; null clears one, an absent one stays. The fields a configuration names (field_match, pauseWhen, completeWhen) must be in the effective schema. An active type answers 409: its configuration changes only through a change record (set_assignment / set_sla ops).
         */
        patch: operations["updateRecordTypeConfig"];
        trace?: never;
    };
    "/api/record-types/{recordTypeId}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * draft → active
         * @description Requires permission `schema.edit`.
         */
        post: operations["activateRecordType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/record-types/{recordTypeId}/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The effective fields: inherited first, marked
         * @description The effective fields: inherited first, marked.
         */
        get: operations["listRecordTypeFields"];
        put?: never;
        /**
         * Add a field to a draft record type (active schemas change only through change records: 409)
         * @description Requires permission `schema.edit`.
         */
        post: operations["addRecordTypeField"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/record-types/{recordTypeId}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * draft or active → retired
         * @description Requires permission `schema.edit`.
         */
        post: operations["retireRecordType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The template catalog: every version of every template
         * @description Global templates (HR, ITSM, Finance, Legal, Facilities, Custom); isLatest marks the newest version of each.
         */
        get: operations["listTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{templateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One template version with the modules it installs
         * @description One template version with the modules it installs.
         */
        get: operations["getTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{templateId}/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Install a template into a project
         * @description In one transaction: the installed app, a module of the project per template module, the template's graph package through the install engine, and the install_started / install_completed events. One app per tenant and template (409 APP_ALREADY_INSTALLED); a template module named like a module of the project is 409 APP_MODULE_CONFLICT; the install engine's refusals pass through (409/422). On failure nothing remains but an install_failed event. Requires permission `package.install`; refused to agents.
         */
        post: operations["installTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{templateId}/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The modules a template version installs, in order, with their default configuration
         * @description The modules a template version installs, in order, with their default configuration.
         */
        get: operations["listTemplateModules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tenants (no tenant header needed)
         * @description List tenants (no tenant header needed).
         */
        get: operations["listTenants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/timers/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Process the tenant’s due SLA timers
         * @description Breaches pending timers of the tenant whose due time has passed and warns those past their warning time, each exactly once (record.sla.breached, record.sla.warning), up to `limit` (default 1000) per call, earliest due first; answers the counts (call again while `processed` equals the limit). `now` may move the clock back (to process as of an earlier instant), never forward: a `now` later than the server clock is a 400, so no caller can breach timers early. Requires permission `automation.run`.
         */
        post: operations["processTimers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vibe drafts, newest first
         * @description Optionally of one project. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listVibeDrafts"];
        put?: never;
        /**
         * Create a draft from a prompt
         * @description Generates a package (with repairs) and stores it as version 1 (reason create), status draft. Nothing is stored when every attempt is refused (422 VIBE_GENERATION_FAILED). Requires permission `vibe.author`.
         */
        post: operations["createVibeDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/drafts/{draftId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A vibe draft
         * @description The draft with its current package, status and last preview.
         */
        get: operations["getVibeDraft"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/drafts/{draftId}/adopt-variant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Adopt a variant as the draft package
         * @description The variant passes every check, then becomes a new version (reason adopt_variant), status draft. Requires permission `vibe.author`.
         */
        post: operations["adoptVibeVariant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/drafts/{draftId}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Discard a draft (terminal)
         * @description discarded: no further action is allowed (409). Requires permission `vibe.author`.
         */
        post: operations["discardVibeDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/drafts/{draftId}/generations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The generations behind a draft, oldest first
         * @description Each generation's prompt, adapter and model, the model's raw answers (untrusted text, never stored as a package), the attempts with their problems, tokens, duration and outcome: what explains and replays a draft.
         */
        get: operations["listVibeDraftGenerations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/drafts/{draftId}/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Install a previewed draft
         * @description Only a previewed draft (409 VIBE_DRAFT_STATE_CONFLICT otherwise); through the install engine, as one merged change that revert undoes; the draft becomes installed (terminal). Requires permission `package.install`; refused to agents.
         */
        post: operations["installVibeDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/drafts/{draftId}/patch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply patch ops to a draft
         * @description add_field, rename_field, remove_field (never the last field), set_sla, set_assignment_group, in order; the result is checked again (400 VIBE_PATCH_INVALID) and becomes a new version (reason patch), status draft. Requires permission `vibe.author`.
         */
        post: operations["patchVibeDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/drafts/{draftId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a draft: the install diff against its project
         * @description previewed with lastPreviewDiff, or draft with lastPreviewErrors when the install engine refuses it. Writes nothing to the graph. Requires permission `vibe.author`.
         */
        post: operations["previewVibeDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/drafts/{draftId}/refine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refine a draft with a prompt
         * @description A new version (reason refine), status draft. When the refinement fails every check the draft keeps its package and lastGeneration.outcome is fallback. 409 for an installed or discarded draft. Requires permission `vibe.author`.
         */
        post: operations["refineVibeDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/drafts/{draftId}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore an earlier version of a draft
         * @description The version's package becomes current as a new version (reason restore), status draft. Requires permission `vibe.author`.
         */
        post: operations["restoreVibeDraftVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/drafts/{draftId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A draft's versions, oldest first
         * @description Each package mutation's version with its reason. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listVibeDraftVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/drafts/{draftId}/versions/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Diff two versions of a draft
         * @description Read-only: the object-by-object diff from one version to another. Requires permission `vibe.author`.
         */
        post: operations["diffVibeDraftVersions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/drafts/from-variant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a draft from a variant
         * @description The variant passes every check a model's output passes, then becomes version 1 (reason create). Requires permission `vibe.author`.
         */
        post: operations["createVibeDraftFromVariant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/generate-multi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate 1–5 package variants at once
         * @description Variants are generated concurrently and checked one by one; a failing variant is reported as failed and leaves the others. Ephemeral: no draft is made (adopt one, or make a draft from it). Requires permission `vibe.author`.
         */
        post: operations["generateVibeVariants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/generate-multi/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate variants with their stages streamed (SSE)
         * @description `stage` events carry the variant's index; `complete` carries { variants }. Closing the connection aborts every variant. Requires permission `vibe.author`.
         */
        post: operations["streamVibeVariants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Install a vibe package through the install engine
         * @description The package passes every check a model's output passes (400 VIBE_PACKAGE_INVALID, VIBE_NAMESPACE_VIOLATION), then installs as one merged change that revert undoes. Requires permission `package.install`; refused to agents.
         */
        post: operations["installVibePackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate (or refine) a package and preview it against the project
         * @description The model's output passes the schema, the package validators and the namespace guard (`vibe.` key, `vibe_` record types), with up to the configured repairs, then an install preview (nothing written but the generation log). 422 VIBE_GENERATION_FAILED when every attempt is refused; 429 VIBE_GENERATION_LIMIT when the tenant runs its limit of generations. Requires permission `vibe.author`.
         */
        post: operations["previewVibePackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/preview/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview with the pipeline stages streamed (SSE)
         * @description Streams the stages generation → extract_json → validate_schema → repair → projection → diff then complete with the preview result. Preview only: never creates a draft or installs. Closing the connection aborts the generation. Requires permission `vibe.author`.
         */
        post: operations["streamVibePreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/preview/stream-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview with the model's tokens streamed (SSE)
         * @description Streams the stages generation → extract_json → validate_schema → repair → projection → diff, the tokens as they arrive, then complete with the preview result. Preview only: never creates a draft or installs. Closing the connection aborts the generation. Requires permission `vibe.author`.
         */
        post: operations["streamVibePreviewTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vibe/variants/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Compare two variant packages
         * @description Pure: the object-by-object diff from packageA to packageB; nothing is stored. Requires permission `vibe.author`.
         */
        post: operations["diffVibeVariants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Approvals, newest first; mine=true&status=pending is the caller's queue
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listWorkflowApprovals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-approvals/{approvalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an approval with its approvers and decisions
         * @description Read an approval with its approvers and decisions.
         */
        get: operations["getWorkflowApproval"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-approvals/{approvalId}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or reject
         * @description Records the caller's decision; each approver decides once (the same decision again answers the recorded one, the other one is 409 APPROVAL_ALREADY_DECIDED). As soon as the rule is met, or can no longer be met, the approval closes and the execution goes on (approved) or fails (rejected). 403 NOT_AN_APPROVER for a caller who is not asked; 409 APPROVAL_CLOSED once the approval is closed. Requires permission `workflow.approve`; refused to agents.
         */
        post: operations["decideWorkflowApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Workflow definitions, newest first
         * @description Filter by project or status. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listWorkflowDefinitions"];
        put?: never;
        /**
         * Create a draft workflow definition and its linked change
         * @description The definition belongs to a project; a Draft change with a workflow target naming it is created in the same transaction (changeId). Names are unique per project (409). Requires permission `workflow.edit`.
         */
        post: operations["createWorkflowDefinition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-definitions/{workflowDefinitionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a workflow definition
         * @description Read a workflow definition.
         */
        get: operations["getWorkflowDefinition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-definitions/{workflowDefinitionId}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * draft → active
         * @description Checks the definition as a whole first (at least one step, decision targets that exist, deadlines with escalations …) and answers 409 WORKFLOW_DEFINITION_INVALID with every problem in details.problems. 409 WORKFLOW_STATE_CONFLICT from any other state. Requires permission `workflow.edit`.
         */
        post: operations["activateWorkflowDefinition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-definitions/{workflowDefinitionId}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run an active definition now
         * @description Runs synchronously until the execution completes, fails (status failed with its error: a failed execution is recorded, not refused) or pauses on an approval, and answers it. 409 WORKFLOW_STATE_CONFLICT unless the definition is active. Requires permission `workflow.execute`; refused to agents.
         */
        post: operations["executeWorkflowDefinition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-definitions/{workflowDefinitionId}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * draft or active → retired
         * @description A retired definition starts no more executions; running ones go on. 409 WORKFLOW_STATE_CONFLICT from any other state. Requires permission `workflow.edit`.
         */
        post: operations["retireWorkflowDefinition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-definitions/{workflowDefinitionId}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The steps of a definition, in order
         * @description All of them (a definition holds at most 100 steps).
         */
        get: operations["listWorkflowSteps"];
        put?: never;
        /**
         * Add a step to a draft definition
         * @description At orderIndex (the steps from there move down one) or at the end. The config depends on stepType. 409 WORKFLOW_STATE_CONFLICT unless the definition is a draft. Requires permission `workflow.edit`.
         */
        post: operations["addWorkflowStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-definitions/{workflowDefinitionId}/steps/{stepId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a step of a draft definition
         * @description The steps after it move up one; decisions keep jumping to the steps they named. 409 WORKFLOW_STEP_REFERENCED while a decision jumps to this step (details name the decision), 409 WORKFLOW_STATE_CONFLICT unless the definition is a draft. Requires permission `workflow.edit`.
         */
        delete: operations["removeWorkflowStep"];
        options?: never;
        head?: never;
        /**
         * Edit, rename or move a step of a draft definition
         * @description Any of name, config (checked against the step's type: 400 WORKFLOW_STEP_CONFIG_INVALID) and orderIndex (the step moves there, the others close up). Decisions keep jumping to the steps they named: their onTrueStepIndex / onFalseStepIndex follow a moved step. 409 WORKFLOW_STATE_CONFLICT unless the definition is a draft. Requires permission `workflow.edit`.
         */
        patch: operations["updateWorkflowStep"];
        trace?: never;
    };
    "/api/workflow-definitions/{workflowDefinitionId}/triggers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workflow definition's triggers, newest first
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listWorkflowDefinitionTriggers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Workflow executions, newest first
         * @description Filter by status or definition. Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listWorkflowExecutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-executions/{executionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a workflow execution
         * @description Read a workflow execution.
         */
        get: operations["getWorkflowExecution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-executions/{executionId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused execution with an outcome
         * @description The privileged override of a paused execution: its pending approval is closed with the given outcome whatever its rule and the decisions so far (closedReason "resumed", closedBy the caller); approved runs the steps after it, rejected fails the execution. 409 EXECUTION_NOT_PAUSED unless the execution is paused on an approval. Requires permission `workflow.approve`; refused to agents.
         */
        post: operations["resumeWorkflowExecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-executions/{executionId}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The steps an execution ran, in the order it ran them
         * @description All of them (bounded by the step budget of ten runs per step).
         */
        get: operations["listWorkflowStepExecutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-intents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Execution intents, newest first, optionally of one status
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listWorkflowIntents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-intents/{intentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an execution intent: its status, attempts, lease and execution
         * @description Read an execution intent: its status, attempts, lease and execution.
         */
        get: operations["getWorkflowIntent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-intents/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dispatch the tenant's due intents now and answer the counts
         * @description Requires permission `automation.run`. Claims race-safely beside the scheduler and other replicas: no intent runs twice.
         */
        post: operations["dispatchWorkflowIntents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-triggers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's workflow triggers, newest first
         * @description Paginated: pass limit (default 50) and the x-next-cursor response header as cursor for the next page.
         */
        get: operations["listWorkflowTriggers"];
        put?: never;
        /**
         * Create a trigger on a workflow definition (record event, schedule or manual); active at once
         * @description Requires permission `workflow.edit`. A schedule takes a cron (five fields, or six with seconds) and an IANA time zone; after downtime only its latest missed occurrence fires.
         */
        post: operations["createWorkflowTrigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-triggers/{workflowTriggerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a workflow trigger
         * @description Read a workflow trigger.
         */
        get: operations["getWorkflowTrigger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-triggers/{workflowTriggerId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a trigger: it queues nothing until enabled
         * @description Requires permission `workflow.edit`.
         */
        post: operations["disableWorkflowTrigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-triggers/{workflowTriggerId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a trigger (a schedule restarts from now: occurrences while disabled never fire)
         * @description Requires permission `workflow.edit`.
         */
        post: operations["enableWorkflowTrigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-triggers/{workflowTriggerId}/fire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fire a trigger by hand: queue an execution intent (201), or answer the earlier one for a repeated key (200)
         * @description Requires permission `workflow.execute`; refused to agents. 409 when the trigger is disabled or its definition is not active.
         */
        post: operations["fireWorkflowTrigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process is up
         * @description Answers as soon as the process listens, before the database is open.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: the database is open, migrated and reachable
         * @description Load balancers route traffic to the gateway only while this answers 200.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddRolePermissionBody: {
            /** @description The permission's id or its name, e.g. change.approve */
            permissionId: string;
        };
        /** @description A new step and its configuration */
        AddWorkflowStepBody: components["schemas"]["AddWorkflowStepBodyAssignment"] | components["schemas"]["AddWorkflowStepBodyApproval"] | components["schemas"]["AddWorkflowStepBodyNotification"] | components["schemas"]["AddWorkflowStepBodyDecision"] | components["schemas"]["AddWorkflowStepBodyRecordMutation"] | components["schemas"]["AddWorkflowStepBodyRecordLock"];
        AddWorkflowStepBodyApproval: {
            config: {
                /** @description Who is asked: named users, or the holders of a role when the step starts */
                approvers: {
                    users: string[];
                } | {
                    /** @description A role of the tenant, by name */
                    role: string;
                };
                /** @description Approve at once without asking anyone (the step is recorded) */
                autoApprove?: boolean;
                deadlineMinutes?: number;
                /** @description What happens when the deadline passes with the approval still pending */
                escalation?: {
                    /** @enum {string} */
                    action: "reassign";
                    /** @description Who is asked: named users, or the holders of a role when the step starts */
                    approvers: {
                        users: string[];
                    } | {
                        /** @description A role of the tenant, by name */
                        role: string;
                    };
                } | {
                    /** @enum {string} */
                    action: "auto_approve";
                } | {
                    /** @enum {string} */
                    action: "auto_reject";
                };
                /** @description How many approvals settle it: any one, all, n of the m approvers (n above m means all), or a percentage of them (rounded up) */
                rule?: {
                    /** @enum {string} */
                    type: "any";
                } | {
                    /** @enum {string} */
                    type: "all";
                } | {
                    n: number;
                    /** @enum {string} */
                    type: "n_of_m";
                } | {
                    percent: number;
                    /** @enum {string} */
                    type: "percentage";
                };
            };
            name?: string;
            /** @description Insert at this position (later steps move down one); appended when absent or past the end */
            orderIndex?: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "approval";
        };
        AddWorkflowStepBodyAssignment: {
            /** @description Who the execution's record is assigned to */
            config: {
                /** @enum {string} */
                strategy: "user";
                userId: string;
            } | {
                group: string;
                /** @enum {string} */
                strategy: "group";
            } | {
                /** @enum {string} */
                strategy: "rule";
            };
            name?: string;
            /** @description Insert at this position (later steps move down one); appended when absent or past the end */
            orderIndex?: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "assignment";
        };
        AddWorkflowStepBodyDecision: {
            config: {
                /** @description A condition over input.* and record.*: { field, op, value } or { all: [...] }, { any: [...] }, { not: ... } */
                condition: {
                    /** @description A dotted path starting with input. or record., e.g. record.priority */
                    field: string;
                    /**
                     * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                     * @enum {string}
                     */
                    op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                    /** @description The value compared with; not used by exists */
                    value?: unknown;
                } | {
                    all: ({
                        /** @description A dotted path starting with input. or record., e.g. record.priority */
                        field: string;
                        /**
                         * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                         * @enum {string}
                         */
                        op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                        /** @description The value compared with; not used by exists */
                        value?: unknown;
                    } | {
                        all: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        any: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        not: {
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        };
                    })[];
                } | {
                    any: ({
                        /** @description A dotted path starting with input. or record., e.g. record.priority */
                        field: string;
                        /**
                         * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                         * @enum {string}
                         */
                        op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                        /** @description The value compared with; not used by exists */
                        value?: unknown;
                    } | {
                        all: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        any: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        not: {
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        };
                    })[];
                } | {
                    not: {
                        /** @description A dotted path starting with input. or record., e.g. record.priority */
                        field: string;
                        /**
                         * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                         * @enum {string}
                         */
                        op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                        /** @description The value compared with; not used by exists */
                        value?: unknown;
                    } | {
                        all: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        any: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        not: {
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        };
                    };
                };
                /** @description Where to go when false; the next step if absent */
                onFalseStepIndex?: number;
                /** @description Where to go when true; the next step if absent */
                onTrueStepIndex?: number;
            };
            name?: string;
            /** @description Insert at this position (later steps move down one); appended when absent or past the end */
            orderIndex?: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "decision";
        };
        AddWorkflowStepBodyNotification: {
            config: {
                /** @description e.g. email, slack, in_app */
                channel: string;
                recipients?: string[];
                /** @description The message; {{input.x}} and {{record.field}} are replaced by their values */
                template: string;
            };
            name?: string;
            /** @description Insert at this position (later steps move down one); appended when absent or past the end */
            orderIndex?: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "notification";
        };
        AddWorkflowStepBodyRecordLock: {
            config: {
                reason?: string;
                /** @description The input field holding the record id; the execution's record when absent, else input.recordId */
                recordIdField?: string;
            };
            name?: string;
            /** @description Insert at this position (later steps move down one); appended when absent or past the end */
            orderIndex?: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "record_lock";
        };
        AddWorkflowStepBodyRecordMutation: {
            config: {
                /** @description Field values written to the execution's record (validated like PATCH) */
                updates: {
                    [key: string]: unknown;
                };
            };
            name?: string;
            /** @description Insert at this position (later steps move down one); appended when absent or past the end */
            orderIndex?: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "record_mutation";
        };
        AdoptVibeVariantBody: {
            package: components["schemas"]["GraphPackage"];
            /** @description The author's description of the app or the change */
            prompt?: string;
        };
        /** @description A proposed form patch, workflow change or approval comment */
        AgentProposal: components["schemas"]["AgentProposalFormPatch"] | components["schemas"]["AgentProposalWorkflowChange"] | components["schemas"]["AgentProposalApprovalComment"];
        AgentProposalApprovalComment: {
            agentId: string | null;
            /** @description What accepting created: the change opened, the comment attached, the form override */
            applied: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "change" | "workflow_approval_comment" | "form_override";
            } | null;
            changeId: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: uuid */
            id: string;
            payload: {
                /**
                 * Format: uuid
                 * @description The workflow approval the comment goes to
                 */
                approvalId: string;
                comment: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            proposalType: "approval_comment";
            reviewComment: string | null;
            reviewedAt: string | null;
            reviewedBy: string | null;
            /** @enum {string} */
            status: "draft" | "submitted" | "accepted" | "rejected";
            submittedAt: string | null;
            submittedBy: string | null;
            summary: string;
            /** @description What it targets: form:<recordType>/<form>, project:<id>, workflow_approval:<id> */
            targetRef: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AgentProposalFormPatch: {
            agentId: string | null;
            /** @description What accepting created: the change opened, the comment attached, the form override */
            applied: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "change" | "workflow_approval_comment" | "form_override";
            } | null;
            changeId: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: uuid */
            id: string;
            payload: {
                formName: string;
                ops: components["schemas"]["ProposalFormPatchOp"][];
                /** @description The name of the record type the form belongs to */
                recordTypeName: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            proposalType: "form_patch";
            reviewComment: string | null;
            reviewedAt: string | null;
            reviewedBy: string | null;
            /** @enum {string} */
            status: "draft" | "submitted" | "accepted" | "rejected";
            submittedAt: string | null;
            submittedBy: string | null;
            summary: string;
            /** @description What it targets: form:<recordType>/<form>, project:<id>, workflow_approval:<id> */
            targetRef: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AgentProposalWorkflowChange: {
            agentId: string | null;
            /** @description What accepting created: the change opened, the comment attached, the form override */
            applied: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "change" | "workflow_approval_comment" | "form_override";
            } | null;
            changeId: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: uuid */
            id: string;
            payload: {
                ops: components["schemas"]["ProposalChangeOp"][];
                /**
                 * Format: uuid
                 * @description The project the change is opened in
                 */
                projectId: string;
                /** @description Title of the change accepting opens */
                title: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            proposalType: "workflow_change";
            reviewComment: string | null;
            reviewedAt: string | null;
            reviewedBy: string | null;
            /** @enum {string} */
            status: "draft" | "submitted" | "accepted" | "rejected";
            submittedAt: string | null;
            submittedBy: string | null;
            summary: string;
            /** @description What it targets: form:<recordType>/<form>, project:<id>, workflow_approval:<id> */
            targetRef: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AgentRole: {
            agentId: string;
            /** Format: date-time */
            assignedAt: string;
            /** Format: uuid */
            roleId: string;
            roleName: string;
            /** @enum {string} */
            roleStatus: "active" | "disabled";
        };
        AgentRun: {
            agentId: string | null;
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            endedAt: string | null;
            /** Format: uuid */
            id: string;
            intent: string;
            logs: components["schemas"]["AgentRunLogLine"][];
            skillsUsed: string[];
            /** @enum {string} */
            status: "Pending" | "Running" | "Passed" | "Failed";
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description One line of an agent run's log */
        AgentRunLogLine: {
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            level: "debug" | "info" | "warn" | "error";
            message: string;
        };
        AgentRunStatusBody: {
            /**
             * @description Pending → Running → Passed | Failed; a Pending run may fail
             * @enum {string}
             */
            status: "Pending" | "Running" | "Passed" | "Failed";
        };
        AgentSkill: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            description: string | null;
            /** Format: uuid */
            id: string;
            /** @description A JSON Schema object */
            inputSchema: {
                [key: string]: unknown;
            };
            name: string;
            /** @enum {string} */
            status: "active" | "disabled";
            /** Format: date-time */
            updatedAt: string;
        };
        AppendAgentRunLogsBody: {
            lines: {
                /**
                 * @default info
                 * @enum {string}
                 */
                level: "debug" | "info" | "warn" | "error";
                message: string;
            }[];
        };
        /** @description A submitted agent proposal awaiting review */
        ApprovalQueueAgentProposal: {
            agentId: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "agent_proposal";
            /**
             * @description The permission acting on the item needs
             * @enum {string}
             */
            permission: "change.approve";
            /** @enum {string} */
            proposalType: "form_patch" | "workflow_change" | "approval_comment";
            /** @enum {string} */
            status: "submitted";
            submittedBy: string | null;
            targetRef: string;
            /** @description What the console shows as the item */
            title: string;
        };
        /** @description A Ready change awaiting merge */
        ApprovalQueueChange: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "change";
            /**
             * @description The permission acting on the item needs
             * @enum {string}
             */
            permission: "change.approve";
            /** Format: uuid */
            projectId: string;
            /** @enum {string} */
            status: "Ready";
            /** @description What the console shows as the item */
            title: string;
        };
        /** @description One item of the approvals queue; `kind` says what it is and which route acts on it */
        ApprovalQueueItem: components["schemas"]["ApprovalQueueWorkflowApproval"] | components["schemas"]["ApprovalQueueChange"] | components["schemas"]["ApprovalQueuePromotionIntent"] | components["schemas"]["ApprovalQueueAgentProposal"];
        /** @description A promotion intent previewed into an environment that requires approval */
        ApprovalQueuePromotionIntent: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: uuid */
            fromEnvironmentId: string;
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "promotion_intent";
            /**
             * @description The permission acting on the item needs
             * @enum {string}
             */
            permission: "environment.promote";
            /** Format: uuid */
            projectId: string;
            /** @enum {string} */
            status: "previewed";
            /** @description What the console shows as the item */
            title: string;
            /** Format: uuid */
            toEnvironmentId: string;
        };
        /** @description A pending workflow approval */
        ApprovalQueueWorkflowApproval: {
            approvers: string[];
            closedAt: string | null;
            closedBy: string | null;
            closedComment: string | null;
            closedReason: string | null;
            comments: unknown[];
            /** Format: date-time */
            createdAt: string;
            deadlineAt: string | null;
            decisions: unknown[];
            escalatedAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "workflow_approval";
            /**
             * @description The permission acting on the item needs
             * @enum {string}
             */
            permission: "workflow.approve";
            rule: unknown;
            status: string;
            /** Format: uuid */
            stepExecutionId: string;
            /** @description What the console shows as the item */
            title: string;
            /** Format: uuid */
            workflowDefinitionId: string;
            /** Format: uuid */
            workflowExecutionId: string;
            /** Format: uuid */
            workflowStepId: string;
        };
        AssignmentConfig: {
            /** @enum {string} */
            type: "static_user";
            value: string;
        } | {
            /** @enum {string} */
            type: "static_group";
            value: string;
        } | {
            default?: {
                /** @enum {string} */
                type: "user" | "group";
                value: string;
            };
            /** @description Field of the record whose value decides */
            field: string;
            /** @description Resolve again when an update changes the field (default false) */
            reassignOnUpdate?: boolean;
            /** @description Tried in order; the first whose value equals the field wins */
            rules: {
                assignTo: {
                    /** @enum {string} */
                    type: "user" | "group";
                    value: string;
                };
                equals: string | number | boolean;
            }[];
            /** @enum {string} */
            type: "field_match";
        };
        AssignRoleBody: {
            /** Format: uuid */
            roleId: string;
        };
        AuditFeedEntry: {
            actorId: string | null;
            actorType: string;
            entityId: string | null;
            entityType: string | null;
            /** Format: uuid */
            id: string;
            /** @description The permission decided (rbac) or the event type (telemetry) */
            kind: string;
            /** @description allow/deny (rbac) or the event status (telemetry) */
            outcome: string;
            /** @enum {string} */
            source: "rbac" | "telemetry";
            summary: string;
            /** Format: date-time */
            timestamp: string;
        };
        AuditLog: {
            actorId: string | null;
            /** @enum {string} */
            actorType: "user" | "agent" | "system";
            /** Format: uuid */
            id: string;
            /**
             * @description decision: an authorization decision on a write; read: one on a read-only request (allows are hidden unless includeReads=true); change: an access-control change (role, permission, assignment, policy), whose permission field names the action, e.g. role.disable
             * @enum {string}
             */
            kind: "decision" | "read" | "change";
            /** @enum {string} */
            outcome: "allow" | "deny";
            permission: string;
            reason: string;
            resourceId: string | null;
            resourceType: string | null;
            /** Format: date-time */
            timestamp: string;
        };
        BuiltInPackage: {
            checksum: string;
            counts: {
                assignmentRules: number;
                choiceLists: number;
                recordTypes: number;
                slaPolicies: number;
                workflows: number;
            };
            description?: string;
            key: string;
            name: string;
            version: string;
        };
        Change: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            description: string | null;
            environmentId: string | null;
            /** Format: uuid */
            id: string;
            mergedAt: string | null;
            moduleId: string | null;
            /** Format: uuid */
            projectId: string;
            revertsChangeId: string | null;
            /** @enum {string} */
            status: "Draft" | "Implementing" | "WorkspaceRunning" | "Validating" | "ValidationFailed" | "Ready" | "Merged";
            title: string;
            /** Format: date-time */
            updatedAt: string;
            validationErrors: components["schemas"]["ExecutionError"][] | null;
        };
        ChangeEvent: {
            actorId: string | null;
            actorType: string;
            /** Format: date-time */
            createdAt: string;
            eventType: string;
            /** Format: uuid */
            id: string;
            payload: {
                [key: string]: unknown;
            };
        };
        ChangeStatusBody: {
            /** @enum {string} */
            status: "Draft" | "Implementing" | "WorkspaceRunning" | "Validating" | "ValidationFailed" | "Ready" | "Merged";
        };
        /** @description What a change touches; the selector depends on the type (D9) */
        ChangeTarget: components["schemas"]["ChangeTargetRecordType"] | components["schemas"]["ChangeTargetForm"] | components["schemas"]["ChangeTargetWorkflow"] | components["schemas"]["ChangeTargetRule"] | components["schemas"]["ChangeTargetScript"] | components["schemas"]["ChangeTargetFile"];
        ChangeTargetFile: {
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            selector: {
                path: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "file";
        };
        ChangeTargetForm: {
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            selector: {
                formName: string;
                recordTypeKey: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "form";
        };
        ChangeTargetRecordType: {
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            selector: {
                recordTypeKey: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "record_type";
        };
        ChangeTargetRule: {
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            selector: {
                ruleId: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "rule";
        };
        ChangeTargetScript: {
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            selector: {
                path: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "script";
        };
        ChangeTargetWorkflow: {
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            selector: {
                workflowDefinitionId: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "workflow";
        };
        ChoiceItem: {
            /** Format: uuid */
            id: string;
            isActive: boolean;
            label: string;
            orderIndex: number;
            value: string;
        };
        ChoiceItemInput: {
            label?: string;
            orderIndex?: number;
            value: string;
        };
        ChoiceList: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            status: "active" | "disabled";
        };
        CompiledForm: {
            fields: {
                column: number;
                /** @description Active rules with a condition on the field: their effect depends on the data */
                conditionalRuleIds: string[];
                label: string | null;
                name: string;
                provenance: {
                    /** @description The layer that set the flag last: the field definition, the active override (its version) or an unconditional rule (its id) */
                    readOnly: {
                        /** @enum {string} */
                        layer: "definition" | "override" | "rule";
                        overrideVersion?: number;
                        ruleId?: string;
                    };
                    /** @description The layer that set the flag last: the field definition, the active override (its version) or an unconditional rule (its id) */
                    required: {
                        /** @enum {string} */
                        layer: "definition" | "override" | "rule";
                        overrideVersion?: number;
                        ruleId?: string;
                    };
                    /** @description The layer that set the flag last: the field definition, the active override (its version) or an unconditional rule (its id) */
                    visible: {
                        /** @enum {string} */
                        layer: "definition" | "override" | "rule";
                        overrideVersion?: number;
                        ruleId?: string;
                    };
                };
                readOnly: boolean;
                required: boolean;
                requiredByDefinition: boolean;
                section: string;
                type: string;
                visible: boolean;
            }[];
            /** Format: uuid */
            formDefinitionId: string;
            /** @description Placed fields the record type no longer has */
            missingFields: string[];
            name: string;
            override: {
                /** Format: uuid */
                id: string;
                version: number;
            } | null;
            /** Format: uuid */
            recordTypeId: string;
            recordTypeName: string;
            sections: {
                /** Format: uuid */
                id: string;
                orderIndex: number;
                placements: {
                    column: number;
                    field: string;
                    orderIndex: number;
                    /** Format: uuid */
                    placementId: string;
                }[];
                title: string;
            }[];
            /** @enum {string} */
            status: "draft" | "active" | "retired";
            version: number;
            /** @description The form-rule evaluator's input (@ec3l/form-rules evaluateForm / checkRecord): fields with their flags before rules, active rules in order */
            view: {
                fields: {
                    label?: string;
                    name: string;
                    readOnly: boolean;
                    required: boolean;
                    requiredByDefinition?: boolean;
                    visible: boolean;
                }[];
                rules: {
                    /** @description When the rule applies; null: always */
                    condition: components["schemas"]["Condition"] | null;
                    id?: string;
                    orderIndex: number;
                    /** @enum {string} */
                    ruleType: "visible" | "required" | "readOnly";
                    /** @enum {string} */
                    status: "active" | "disabled";
                    targetField: string;
                    value: boolean;
                }[];
            };
        };
        /** @description A condition: { all: [...] }, { any: [...] }, { not: c } or { field, op, value? } with op one of eq, neq, in, notIn, gt, gte, lt, lte, empty, notEmpty, contains; nested at most 4 deep, 100 nodes in all */
        Condition: components["schemas"]["FieldCondition"] | {
            all: components["schemas"]["ConditionLevel3"][];
        } | {
            any: components["schemas"]["ConditionLevel3"][];
        } | {
            not: components["schemas"]["ConditionLevel3"];
        };
        ConditionLevel1: components["schemas"]["FieldCondition"] | {
            all: components["schemas"]["FieldCondition"][];
        } | {
            any: components["schemas"]["FieldCondition"][];
        } | {
            not: components["schemas"]["FieldCondition"];
        };
        ConditionLevel2: components["schemas"]["FieldCondition"] | {
            all: components["schemas"]["ConditionLevel1"][];
        } | {
            any: components["schemas"]["ConditionLevel1"][];
        } | {
            not: components["schemas"]["ConditionLevel1"];
        };
        ConditionLevel3: components["schemas"]["FieldCondition"] | {
            all: components["schemas"]["ConditionLevel2"][];
        } | {
            any: components["schemas"]["ConditionLevel2"][];
        } | {
            not: components["schemas"]["ConditionLevel2"];
        };
        /** @description The request conflicts with the current state */
        ConflictErrorResponse: {
            /**
             * @description Stable machine-readable error code (docs/api-errors.md)
             * @enum {string}
             */
            code: "CONFLICT" | "FIELD_EXISTS" | "RECORD_TYPE_NOT_ACTIVE" | "RECORD_VERSION_CONFLICT" | "RECORD_LOCKED" | "WORKFLOW_STATE_CONFLICT" | "WORKFLOW_DEFINITION_INVALID" | "WORKFLOW_STEP_REFERENCED" | "APPROVAL_CLOSED" | "APPROVAL_ALREADY_DECIDED" | "EXECUTION_NOT_PAUSED" | "EXECUTION_EXISTS_FOR_INTENT" | "PACKAGE_DOWNGRADE" | "PACKAGE_OWNERSHIP_CONFLICT" | "PACKAGE_DATA_LOSS" | "PACKAGE_ALREADY_REVERTED" | "PACKAGE_REVERT_BLOCKED" | "WORKFLOW_DEFINITION_NOT_ACTIVE" | "TRIGGER_DISABLED" | "PROMOTION_STATE_CONFLICT" | "PROMOTION_DRIFT" | "PROMOTION_APPROVAL_REQUIRED" | "APP_ALREADY_INSTALLED" | "APP_MODULE_CONFLICT" | "APP_UPGRADE_IN_PROGRESS" | "APP_UPGRADE_INVALID" | "OVERRIDE_STATE_CONFLICT" | "FORM_NAME_TAKEN" | "FORM_STATE_CONFLICT" | "FORM_FIELD_PLACED" | "FORM_SECTION_TITLE_TAKEN" | "FORM_REQUIRED_FIELD" | "FORM_LIMIT_REACHED" | "VIBE_DRAFT_STATE_CONFLICT";
            /** @description The conflicting field or states */
            details?: {
                [key: string]: unknown;
            };
            /** @description HTTP reason phrase */
            error: string;
            /** @description What went wrong, for people */
            message: string;
            statusCode: number;
        };
        CreateAgentProposalBody: components["schemas"]["CreateAgentProposalBodyFormPatch"] | components["schemas"]["CreateAgentProposalBodyWorkflowChange"] | components["schemas"]["CreateAgentProposalBodyApprovalComment"];
        CreateAgentProposalBodyApprovalComment: {
            /** @description The change the proposal was made for, if any */
            changeId?: string | null;
            payload: {
                /**
                 * Format: uuid
                 * @description The workflow approval the comment goes to
                 */
                approvalId: string;
                comment: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            proposalType: "approval_comment";
            summary: string;
        };
        CreateAgentProposalBodyFormPatch: {
            /** @description The change the proposal was made for, if any */
            changeId?: string | null;
            payload: {
                formName: string;
                ops: components["schemas"]["ProposalFormPatchOp"][];
                /** @description The name of the record type the form belongs to */
                recordTypeName: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            proposalType: "form_patch";
            summary: string;
        };
        CreateAgentProposalBodyWorkflowChange: {
            /** @description The change the proposal was made for, if any */
            changeId?: string | null;
            payload: {
                ops: components["schemas"]["ProposalChangeOp"][];
                /**
                 * Format: uuid
                 * @description The project the change is opened in
                 */
                projectId: string;
                /** @description Title of the change accepting opens */
                title: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            proposalType: "workflow_change";
            summary: string;
        };
        CreateAgentRunBody: {
            intent: string;
            /** @description Names of registered, active skills (GET /api/agent-skills); any other name is a 400 */
            skillsUsed?: string[];
        };
        CreateAgentSkillBody: {
            description?: string | null;
            /** @description A JSON Schema (draft 2020-12) object describing the skill's input; checked against the meta-schema */
            inputSchema: {
                [key: string]: unknown;
            };
            name: string;
            /** @enum {string} */
            status?: "active" | "disabled";
        };
        /**
         * @example {
         *       "projectId": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
         *       "title": "Add a priority to incidents"
         *     }
         */
        CreateChangeBody: {
            description?: string | null;
            environmentId?: string | null;
            moduleId?: string | null;
            /** Format: uuid */
            projectId: string;
            title: string;
        };
        CreateChoiceListBody: {
            items?: components["schemas"]["ChoiceItemInput"][];
            /** @description Unique within the tenant */
            name: string;
        };
        CreateFormDefinitionBody: {
            description?: string;
            /** @description Unique per record type */
            name: string;
            /** Format: uuid */
            recordTypeId: string;
        };
        CreateFormOverrideBody: {
            ops: components["schemas"]["FormPatchOp"][];
            summary?: string;
        };
        CreateFormPlacementBody: {
            /** @description Layout column, 1 to 4 */
            column?: number;
            /** @description A field of the record type, own or inherited */
            field: string;
            /** @description Position in the section; after the last field when absent */
            orderIndex?: number;
        };
        CreateFormRuleBody: {
            /** @description When the rule applies; null: always */
            condition: components["schemas"]["Condition"] | null;
            /** @description Application order (a later matching rule wins); after the last rule when absent */
            orderIndex?: number;
            /** @enum {string} */
            ruleType: "visible" | "required" | "readOnly";
            /** @enum {string} */
            status?: "active" | "disabled";
            /** @description A field of the record type, own or inherited */
            targetField: string;
            /** @description The flag the rule sets when its condition holds */
            value: boolean;
        };
        CreateFormSectionBody: {
            /** @description Display position; after the last section when absent */
            orderIndex?: number;
            /** @description Unique within the form */
            title: string;
        };
        CreateModuleConfigOverrideBody: {
            /** Format: uuid */
            installedModuleId: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            overrideType: "config";
            patch: {
                /** @description A JSON value of the JSON type of the default */
                value: string | number | boolean | null | unknown[] | {
                    [key: string]: unknown;
                };
            };
            summary?: string;
            targetRef: string;
        };
        CreateModuleFormOverrideBody: {
            /** Format: uuid */
            installedModuleId: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            overrideType: "form";
            /** @description The changes to the target, as the part it overrides reads them */
            patch: {
                [key: string]: unknown;
            };
            summary?: string;
            targetRef: string;
        };
        /** @description A draft override of one target of an installed module; the patch depends on the override type */
        CreateModuleOverrideBody: components["schemas"]["CreateModuleConfigOverrideBody"] | components["schemas"]["CreateModuleWorkflowOverrideBody"] | components["schemas"]["CreateModuleFormOverrideBody"] | components["schemas"]["CreateModuleRuleOverrideBody"];
        CreateModuleRuleOverrideBody: {
            /** Format: uuid */
            installedModuleId: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            overrideType: "rule";
            /** @description The changes to the target, as the part it overrides reads them */
            patch: {
                [key: string]: unknown;
            };
            summary?: string;
            targetRef: string;
        };
        CreateModuleWorkflowOverrideBody: {
            /** Format: uuid */
            installedModuleId: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            overrideType: "workflow";
            /** @description The changes to the target, as the part it overrides reads them */
            patch: {
                [key: string]: unknown;
            };
            summary?: string;
            targetRef: string;
        };
        CreatePatchOpBody: components["schemas"]["CreatePatchOpBodyAddField"] | components["schemas"]["CreatePatchOpBodySetField"] | components["schemas"]["CreatePatchOpBodyRemoveField"] | components["schemas"]["CreatePatchOpBodyRenameField"] | components["schemas"]["CreatePatchOpBodySetAssignment"] | components["schemas"]["CreatePatchOpBodySetSla"];
        /**
         * @example {
         *       "targetId": "0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70",
         *       "opType": "add_field",
         *       "payload": {
         *         "field": {
         *           "name": "priority",
         *           "type": "number",
         *           "required": false
         *         }
         *       }
         *     }
         */
        CreatePatchOpBodyAddField: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "add_field";
            payload: {
                /** @description Insert after this field; null: first; absent: last */
                after?: string | null;
                field: components["schemas"]["FieldInput"];
            };
            /** Format: uuid */
            targetId: string;
        };
        CreatePatchOpBodyRemoveField: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "remove_field";
            payload: {
                /** @description lower snake case */
                fieldName: string;
            };
            /** Format: uuid */
            targetId: string;
        };
        /**
         * @example {
         *       "targetId": "0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70",
         *       "opType": "rename_field",
         *       "payload": {
         *         "from": "title",
         *         "to": "summary"
         *       }
         *     }
         */
        CreatePatchOpBodyRenameField: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "rename_field";
            payload: {
                /** @description lower snake case */
                from: string;
                /** @description lower snake case */
                to: string;
            };
            /** Format: uuid */
            targetId: string;
        };
        CreatePatchOpBodySetAssignment: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "set_assignment";
            payload: {
                /** @description The new assignment configuration; null clears it */
                config: components["schemas"]["AssignmentConfig"] | null;
            };
            /** Format: uuid */
            targetId: string;
        };
        CreatePatchOpBodySetField: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "set_field";
            payload: {
                field: components["schemas"]["FieldInput"];
            };
            /** Format: uuid */
            targetId: string;
        };
        CreatePatchOpBodySetSla: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "set_sla";
            payload: {
                /** @description The new SLA configuration; null clears it */
                config: components["schemas"]["SlaConfig"] | null;
            };
            /** Format: uuid */
            targetId: string;
        };
        CreatePolicyBody: {
            /** @enum {string} */
            effect: "allow" | "deny";
            resourceId?: string | null;
            /** @enum {string} */
            resourceType: "form" | "workflow" | "override" | "change";
            /** Format: uuid */
            roleId: string;
        };
        /**
         * @example {
         *       "name": "Payroll",
         *       "description": "Salary and benefits configuration"
         *     }
         */
        CreateProjectBody: {
            defaultBranch?: string;
            description?: string | null;
            githubRepo?: string | null;
            /** @description Unique within the tenant */
            name: string;
        };
        CreateRecordInstanceBody: {
            /** @description Values by field name; checked against the effective schema of the record type */
            data: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            recordTypeId: string;
        };
        /**
         * @example {
         *       "projectId": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
         *       "key": "incident",
         *       "name": "Incident",
         *       "fields": [
         *         {
         *           "name": "title",
         *           "type": "string",
         *           "required": true
         *         }
         *       ]
         *     }
         */
        CreateRecordTypeBody: {
            assignmentConfig?: components["schemas"]["AssignmentConfig"] | null;
            baseType?: string | null;
            fields?: components["schemas"]["FieldInput"][];
            /** @description Unique within the project */
            key: string;
            /** @description Unique within the tenant */
            name: string;
            /** Format: uuid */
            projectId: string;
            slaConfig?: components["schemas"]["SlaConfig"] | null;
        };
        /**
         * @example {
         *       "name": "Release managers"
         *     }
         */
        CreateRoleBody: {
            description?: string | null;
            /** @description Unique within the tenant */
            name: string;
            permissions?: ("form.view" | "form.edit" | "workflow.execute" | "workflow.approve" | "override.activate" | "change.approve" | "admin.view" | "environment.release_create" | "environment.promote" | "project.edit" | "schema.edit" | "change.edit" | "rbac.manage" | "record.edit" | "workflow.edit" | "automation.run" | "package.install" | "environment.manage" | "override.edit" | "skill.manage" | "vibe.author")[];
        };
        CreateTargetBody: components["schemas"]["CreateTargetBodyRecordType"] | components["schemas"]["CreateTargetBodyForm"] | components["schemas"]["CreateTargetBodyWorkflow"] | components["schemas"]["CreateTargetBodyRule"] | components["schemas"]["CreateTargetBodyScript"] | components["schemas"]["CreateTargetBodyFile"];
        CreateTargetBodyFile: {
            selector: {
                path: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "file";
        };
        CreateTargetBodyForm: {
            selector: {
                formName: string;
                recordTypeKey: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "form";
        };
        /**
         * @example {
         *       "type": "record_type",
         *       "selector": {
         *         "recordTypeKey": "incident"
         *       }
         *     }
         */
        CreateTargetBodyRecordType: {
            selector: {
                recordTypeKey: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "record_type";
        };
        CreateTargetBodyRule: {
            selector: {
                ruleId: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "rule";
        };
        CreateTargetBodyScript: {
            selector: {
                path: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "script";
        };
        CreateTargetBodyWorkflow: {
            selector: {
                workflowDefinitionId: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "workflow";
        };
        CreateVibeDraftBody: {
            /** @description Name of the app (the package name and key follow it) */
            appName?: string;
            /**
             * Format: uuid
             * @description The environment installs record (default: the project default)
             */
            environmentId?: string;
            /** Format: uuid */
            projectId: string;
            /** @description The author's description of the app or the change */
            prompt: string;
        };
        CreateVibeDraftFromVariantBody: {
            /** @description Name of the app (the package name and key follow it) */
            appName?: string;
            /** Format: uuid */
            environmentId?: string;
            package: components["schemas"]["GraphPackage"];
            /** Format: uuid */
            projectId: string;
            /** @description The author's description of the app or the change */
            prompt: string;
        };
        CreateWorkflowDefinitionBody: {
            description?: string;
            name: string;
            /** Format: uuid */
            projectId: string;
            /** @description Trigger settings */
            triggerConfig?: {
                [key: string]: unknown;
            };
            /**
             * @description manual when absent
             * @enum {string}
             */
            triggerType?: "record_event" | "schedule" | "manual";
        };
        /** @description A new trigger, active from creation */
        CreateWorkflowTriggerBody: components["schemas"]["CreateWorkflowTriggerBodyRecordEvent"] | components["schemas"]["CreateWorkflowTriggerBodySchedule"] | components["schemas"]["CreateWorkflowTriggerBodyManual"];
        CreateWorkflowTriggerBodyManual: {
            triggerConfig: Record<string, never>;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            triggerType: "manual";
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        CreateWorkflowTriggerBodyRecordEvent: {
            /** @description Fires on record.created / record.updated of the record type named by id or key */
            triggerConfig: {
                /** @enum {string} */
                event: "record.created" | "record.updated";
                fieldConditions?: {
                    field: string;
                    /** @enum {string} */
                    operator: "equals" | "changed_to";
                    value: string | number | boolean | null;
                }[];
                /** Format: uuid */
                recordTypeId?: string;
                recordTypeKey?: string;
                watchFields?: string[];
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            triggerType: "record_event";
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        CreateWorkflowTriggerBodySchedule: {
            triggerConfig: {
                /** @description Five fields (minutes), or six with seconds first; parsed with croner */
                cron: string;
                /** @description IANA time zone, e.g. Europe/Oslo; UTC when absent */
                timezone?: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            triggerType: "schedule";
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        DashboardSummary: {
            environments: number;
            projects: number;
        };
        DiffVibeDraftVersionsBody: {
            fromVersion: number;
            toVersion: number;
        };
        DiffVibeVariantsBody: {
            packageA: components["schemas"]["GraphPackage"];
            packageB: components["schemas"]["GraphPackage"];
            /** Format: uuid */
            projectId: string;
        };
        DispatchResult: {
            /** @description Intents claimed by this call */
            claimed: number;
            /** @description Started an execution that ran to its end */
            completed: number;
            /** @description Started an execution that paused (awaiting approval) */
            dispatched: number;
            /** @description Failed on their last attempt, or their execution failed */
            failed: number;
            /** @description Taken over by another worker after the lease ran out; not committed */
            lost: number;
            /** @description Failed and went back to pending for a later attempt */
            retried: number;
        };
        EnqueuedIntent: {
            idempotencyKey: string;
            /** Format: uuid */
            intentId: string;
            /**
             * @description duplicate: an intent with this key existed; it is answered, no second one is queued
             * @enum {string}
             */
            status: "pending" | "duplicate";
            triggerId: string | null;
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        Environment: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            isDefault: boolean;
            /** @enum {string} */
            name: "dev" | "test" | "prod";
            /** Format: uuid */
            projectId: string;
            promotionWebhookUrl: string | null;
            requiresPromotionApproval: boolean;
        };
        /** @description A promotion into an environment, from one release to another */
        EnvironmentDeployment: {
            /** Format: date-time */
            createdAt: string;
            deployedBy: string | null;
            /** Format: uuid */
            environmentId: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            promotedFromReleaseId: string | null;
            /** Format: uuid */
            releaseId: string;
        };
        /** @description Package by package, how the target environment differs from the source */
        EnvironmentDiff: {
            /** Format: uuid */
            fromEnvironmentId: string;
            fromStateHash: string;
            packages: components["schemas"]["EnvironmentPackageDiff"][];
            /** Format: uuid */
            projectId: string;
            summary: {
                extra: number;
                missing: number;
                outdated: number;
                same: number;
            };
            /** Format: uuid */
            toEnvironmentId: string;
            toStateHash: string;
        };
        /** @description A package version an environment holds */
        EnvironmentPackage: {
            checksum: string;
            packageKey: string;
            version: string;
        };
        EnvironmentPackageDiff: {
            /** @description The per-object diff (PackageDiff) from the target's contents to the source's: each record type, field, choice list, SLA policy, assignment rule and workflow with its disposition; null for same and extra */
            diff: components["schemas"]["PackageDiff"] | null;
            fromChecksum: string | null;
            fromVersion: string | null;
            packageKey: string;
            /** @enum {string} */
            status: "missing" | "outdated" | "same" | "extra";
            toChecksum: string | null;
            toVersion: string | null;
        };
        EnvironmentRelease: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: uuid */
            environmentId: string;
            /** Format: uuid */
            id: string;
            /** @description The package state the release froze */
            packages: components["schemas"]["EnvironmentPackage"][];
            /** Format: uuid */
            projectId: string;
            stateHash: string | null;
            /** @enum {string} */
            status: "created";
        };
        /** @description The body of every error answer */
        ErrorResponse: {
            /**
             * @description Stable machine-readable error code (docs/api-errors.md)
             * @enum {string}
             */
            code: "VALIDATION_ERROR" | "UNAUTHENTICATED" | "FORBIDDEN" | "AGENT_FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "UNPROCESSABLE" | "DATABASE_UNAVAILABLE" | "DUPLICATE_FIELD" | "FIELD_EXISTS" | "BINDING_TARGET_MISSING" | "BASE_TYPE_CROSS_PROJECT" | "ORPHAN_BASE_TYPE" | "CONFIG_FIELD_MISSING" | "CONFIG_INVALID" | "RECORD_INVALID" | "RECORD_TYPE_NOT_ACTIVE" | "RECORD_VERSION_CONFLICT" | "RECORD_LOCKED" | "RECORD_TYPE_NOT_IN_PROJECT" | "NO_OPS" | "EXECUTION_FAILED" | "AGENT_SKILL_SCHEMA_INVALID" | "AGENT_SKILL_UNUSABLE" | "PROPOSAL_APPLY_FAILED" | "WORKFLOW_STATE_CONFLICT" | "WORKFLOW_DEFINITION_INVALID" | "WORKFLOW_STEP_CONFIG_INVALID" | "WORKFLOW_STEP_REFERENCED" | "APPROVAL_CLOSED" | "APPROVAL_ALREADY_DECIDED" | "NOT_AN_APPROVER" | "EXECUTION_NOT_PAUSED" | "STEP_FAILED" | "EXECUTION_EXISTS_FOR_INTENT" | "PACKAGE_INVALID" | "PACKAGE_DOWNGRADE" | "PACKAGE_OWNERSHIP_CONFLICT" | "PACKAGE_DATA_LOSS" | "PACKAGE_GRAPH_INVALID" | "PACKAGE_INSTALL_NOT_FOUND" | "PACKAGE_ALREADY_REVERTED" | "PACKAGE_REVERT_BLOCKED" | "WORKFLOW_DEFINITION_NOT_ACTIVE" | "TRIGGER_DISABLED" | "INVALID_TRIGGER_CONFIG" | "PROMOTION_STATE_CONFLICT" | "PROMOTION_DRIFT" | "PROMOTION_APPROVAL_REQUIRED" | "PROMOTION_ENVIRONMENTS_INVALID" | "PROMOTION_HUMAN_REQUIRED" | "WEBHOOK_URL_REFUSED" | "APP_ALREADY_INSTALLED" | "APP_MODULE_CONFLICT" | "APP_UPGRADE_IN_PROGRESS" | "APP_UPGRADE_INVALID" | "OVERRIDE_TARGET_INVALID" | "OVERRIDE_PATCH_INVALID" | "OVERRIDE_STATE_CONFLICT" | "FORM_NAME_TAKEN" | "FORM_STATE_CONFLICT" | "FORM_FIELD_UNKNOWN" | "FORM_FIELD_PLACED" | "FORM_SECTION_TITLE_TAKEN" | "FORM_REQUIRED_FIELD" | "FORM_PATCH_INVALID" | "FORM_CONDITION_INVALID" | "FORM_LIMIT_REACHED" | "FORM_RULE_VIOLATION" | "VIBE_GENERATION_FAILED" | "VIBE_NAMESPACE_VIOLATION" | "VIBE_PACKAGE_INVALID" | "VIBE_GENERATION_LIMIT" | "VIBE_PROVIDER_ERROR" | "VIBE_DRAFT_STATE_CONFLICT" | "VIBE_PATCH_INVALID" | "VIBE_VERSION_NOT_FOUND" | "INVALID_JSON" | "BAD_REQUEST" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "INTERNAL_ERROR" | "STARTING" | "AUTH_UNAVAILABLE";
            /** @description Structured context; its shape depends on the status */
            details?: unknown;
            /** @description HTTP reason phrase */
            error: string;
            /** @description What went wrong, for people */
            message: string;
            statusCode: number;
        };
        EvaluateFormBody: {
            /** @description The record's data by field name */
            data: {
                [key: string]: unknown;
            };
            /** @description The record's data by field name */
            previous?: {
                [key: string]: unknown;
            };
        };
        ExecutionError: {
            /** @enum {string} */
            code: "ORPHAN_BASE_TYPE" | "BASE_TYPE_CYCLE" | "BASE_TYPE_CROSS_PROJECT" | "DUPLICATE_FIELD" | "BINDING_TARGET_MISSING" | "NO_OPS" | "RECORD_TYPE_NOT_IN_PROJECT" | "BASE_TYPE_PROTECTED_FIELD" | "FIELD_EXISTS" | "FIELD_NOT_FOUND" | "ANCHOR_NOT_FOUND" | "CONFIG_FIELD_MISSING" | "CONFIG_INVALID" | "INTERNAL_ERROR";
            field?: string;
            message: string;
            opId?: string;
            /** @enum {string} */
            phase: "load" | "graph" | "transform";
            recordTypeKey?: string;
        };
        ExecutionResult: {
            diff: components["schemas"]["GraphDiff"];
            /** @enum {boolean} */
            valid: true;
        };
        Explanation: {
            code: string | null;
            /** @enum {string} */
            outcome: "allow" | "deny";
            permission: string;
            reason: string;
            resourceId: string | null;
            resourceType: string | null;
            /** @description The rule that produced the decision */
            rule: {
                /** @enum {string} */
                kind: "system" | "agent_guard" | "anonymous" | "deny_policy" | "role_permission" | "allow_policy" | "no_grant";
                policyId?: string;
                roleId?: string;
                roleName?: string;
            };
            userId: string;
        };
        Field: {
            choiceListId: string | null;
            defaultValue: unknown;
            inherited: boolean;
            inheritedFrom: string | null;
            label: string | null;
            name: string;
            referenceRecordTypeKey: string | null;
            required: boolean;
            /** @enum {string} */
            type: "string" | "number" | "boolean" | "date" | "datetime" | "reference" | "choice" | "text";
        };
        FieldCondition: {
            field: string;
            /** @enum {string} */
            op: "eq" | "neq" | "in" | "notIn" | "gt" | "gte" | "lt" | "lte" | "empty" | "notEmpty" | "contains";
            value?: (string | number | boolean | null) | (string | number | boolean | null)[];
        };
        FieldInput: {
            choiceListId?: string | null;
            defaultValue?: unknown;
            label?: string | null;
            /** @description lower snake case */
            name: string;
            referenceRecordTypeKey?: string | null;
            required?: boolean;
            /** @enum {string} */
            type: "string" | "number" | "boolean" | "date" | "datetime" | "reference" | "choice" | "text";
        };
        FireWorkflowTriggerBody: {
            /** @description Fires at most once per key and trigger; a repeat answers status duplicate */
            idempotencyKey?: string;
            /** @description Passed to the execution's input */
            payload?: {
                [key: string]: unknown;
            };
        };
        ForbiddenDetails: {
            /** @description The permission the route requires */
            permission: string;
            /** @description Why the decision denied */
            reason: string;
            resource: {
                id: string;
                type: string;
            } | null;
        };
        /** @description The actor may not do this */
        ForbiddenErrorResponse: {
            /**
             * @description Stable machine-readable error code (docs/api-errors.md)
             * @enum {string}
             */
            code: "FORBIDDEN" | "AGENT_FORBIDDEN" | "NOT_AN_APPROVER" | "PROMOTION_HUMAN_REQUIRED";
            details?: components["schemas"]["ForbiddenDetails"];
            /** @description HTTP reason phrase */
            error: string;
            /** @description What went wrong, for people */
            message: string;
            statusCode: number;
        };
        FormDefinition: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            description: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            recordTypeId: string;
            /** @enum {string} */
            status: "draft" | "active" | "retired";
            /** Format: date-time */
            updatedAt: string;
            /** @description Bumped by every edit of the form or its parts */
            version: number;
        };
        FormEvaluation: {
            states: {
                [key: string]: {
                    readOnly: boolean;
                    required: boolean;
                    visible: boolean;
                };
            };
            violations: components["schemas"]["FormViolation"][];
        };
        FormOverride: {
            activatedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: uuid */
            formDefinitionId: string;
            /** Format: uuid */
            id: string;
            ops: components["schemas"]["FormPatchOp"][];
            retiredAt: string | null;
            source: {
                id: string | null;
                /** @enum {string} */
                kind: "human" | "proposal" | "vibe";
            };
            /** @enum {string} */
            status: "draft" | "active" | "retired";
            summary: string | null;
            /** @description Counts up per form from 1 */
            version: number;
        };
        /** @description One form patch op, told apart by `op` */
        FormPatchOp: components["schemas"]["FormPatchOpMoveField"] | components["schemas"]["FormPatchOpChangeSection"] | components["schemas"]["FormPatchOpToggleRequired"] | components["schemas"]["FormPatchOpToggleReadOnly"] | components["schemas"]["FormPatchOpToggleVisible"];
        /** @description Move a field to another section */
        FormPatchOpChangeSection: {
            /** @description A field of the record type, own or inherited */
            field: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "changeSection";
            /** @description Position in the target section; last when absent */
            orderIndex?: number;
            /** @description Title of the target section */
            section: string;
        };
        /** @description Reorder a field within its section */
        FormPatchOpMoveField: {
            /** @description A field of the record type, own or inherited */
            field: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "moveField";
            /** @description New position in its section */
            orderIndex: number;
        };
        /** @description Set the field read-only or editable */
        FormPatchOpToggleReadOnly: {
            /** @description A field of the record type, own or inherited */
            field: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "toggleReadOnly";
            value: boolean;
        };
        /** @description Set the field required or optional (never optional when its definition requires it) */
        FormPatchOpToggleRequired: {
            /** @description A field of the record type, own or inherited */
            field: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "toggleRequired";
            value: boolean;
        };
        /** @description Show or hide the field */
        FormPatchOpToggleVisible: {
            /** @description A field of the record type, own or inherited */
            field: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "toggleVisible";
            value: boolean;
        };
        FormPatchProblem: {
            /** @enum {string} */
            code: "FIELD_NOT_ON_FORM" | "SECTION_UNKNOWN" | "REQUIRED_FIELD";
            field: string;
            /** @description Position of the op in the list */
            index: number;
            message: string;
        };
        FormPlacement: {
            column: number;
            field: string;
            /** Format: uuid */
            formDefinitionId: string;
            /** Format: uuid */
            formSectionId: string;
            /** Format: uuid */
            id: string;
            orderIndex: number;
        };
        FormRule: {
            /** @description When the rule applies; null: always */
            condition: components["schemas"]["Condition"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            formDefinitionId: string;
            /** Format: uuid */
            id: string;
            orderIndex: number;
            /** @enum {string} */
            ruleType: "visible" | "required" | "readOnly";
            /** @enum {string} */
            status: "active" | "disabled";
            targetField: string;
            value: boolean;
        };
        FormSection: {
            /** Format: uuid */
            formDefinitionId: string;
            /** Format: uuid */
            id: string;
            orderIndex: number;
            title: string;
        };
        FormViolation: {
            field: string;
            message: string;
            /** @enum {string} */
            rule: "required" | "readOnly";
        };
        /** @description Added, removed and modified record types and fields */
        GraphDiff: {
            addedRecordTypes: {
                key: string;
                projectId: string;
            }[];
            modifiedRecordTypes: {
                addedFields: components["schemas"]["SchemaField"][];
                /** @description Present when the assignment configuration changes */
                assignmentConfigChanged?: {
                    after: components["schemas"]["AssignmentConfig"] | null;
                    before: components["schemas"]["AssignmentConfig"] | null;
                };
                baseTypeChanged: {
                    after: string | null;
                    before: string | null;
                } | null;
                key: string;
                modifiedFields: {
                    after: components["schemas"]["SchemaField"];
                    before: components["schemas"]["SchemaField"];
                    /** @description Properties that differ */
                    changes: string[];
                    name: string;
                }[];
                projectId: string;
                removedFields: components["schemas"]["SchemaField"][];
                /** @description Fields that kept their identity (and their values) under a new name */
                renamedFields: {
                    after: components["schemas"]["SchemaField"];
                    before: components["schemas"]["SchemaField"];
                    /** @description Properties other than the name that differ */
                    changes: string[];
                    /** @description Name before the change */
                    from: string;
                    /** @description Name after the change */
                    to: string;
                }[];
                /** @description Present when the SLA configuration changes */
                slaConfigChanged?: {
                    after: components["schemas"]["SlaConfig"] | null;
                    before: components["schemas"]["SlaConfig"] | null;
                };
            }[];
            removedRecordTypes: {
                key: string;
                projectId: string;
            }[];
            summary: {
                added: number;
                fieldsAdded: number;
                fieldsModified: number;
                fieldsRemoved: number;
                fieldsRenamed: number;
                modified: number;
                removed: number;
            };
        };
        GraphPackage: {
            assignmentRules?: components["schemas"]["PackageAssignmentRule"][];
            bindings?: {
                /** @description record types the package expects in the project without owning them (base types, reference targets) */
                recordTypes?: string[];
            };
            choiceLists?: components["schemas"]["PackageChoiceList"][];
            description?: string;
            key: string;
            name: string;
            recordTypes: components["schemas"]["PackageRecordType"][];
            slaPolicies?: components["schemas"]["PackageSlaPolicy"][];
            version: string;
            workflows?: components["schemas"]["PackageWorkflow"][];
        };
        InstallBuiltInBody: {
            /**
             * Format: uuid
             * @description The environment the install is recorded for; the project's default when absent
             */
            environmentId?: string;
            packageKey: string;
            /** @description Answer the diff and write nothing (default false) */
            preview?: boolean;
            /** Format: uuid */
            projectId: string;
        };
        InstalledApp: {
            /**
             * @description templateDomain
             * @enum {string}
             */
            domain: "HR" | "Finance" | "Legal" | "Facilities" | "Custom" | "ITSM";
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            installedAt: string;
            installedBy: string | null;
            /** @description The newest version of the app's template (upgrade when higher) */
            latestVersion: string;
            packageInstallId: string | null;
            /** Format: uuid */
            projectId: string;
            /**
             * @description installedAppStatus
             * @enum {string}
             */
            status: "installed" | "upgrading" | "failed";
            /** Format: uuid */
            templateId: string;
            templateKey: string;
            templateName: string;
            templateVersion: string;
            /** Format: date-time */
            updatedAt: string;
        };
        InstalledAppDetail: {
            /**
             * @description templateDomain
             * @enum {string}
             */
            domain: "HR" | "Finance" | "Legal" | "Facilities" | "Custom" | "ITSM";
            events: components["schemas"]["InstallEvent"][];
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            installedAt: string;
            installedBy: string | null;
            /** @description The newest version of the app's template (upgrade when higher) */
            latestVersion: string;
            modules: components["schemas"]["InstalledModule"][];
            packageInstallId: string | null;
            /** Format: uuid */
            projectId: string;
            /**
             * @description installedAppStatus
             * @enum {string}
             */
            status: "installed" | "upgrading" | "failed";
            /** Format: uuid */
            templateId: string;
            templateKey: string;
            templateName: string;
            templateVersion: string;
            /** Format: date-time */
            updatedAt: string;
        };
        InstalledModule: {
            /** @enum {string} */
            capabilityProfile: "CODE_MODULE_DEFAULT" | "WORKFLOW_MODULE_DEFAULT" | "READ_ONLY";
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            installedAppId: string;
            /** @description The module has an active override */
            isOverride: boolean;
            /** Format: uuid */
            moduleId: string;
            moduleName: string;
            /** @enum {string} */
            moduleType: "code" | "schema" | "workflow" | "ui" | "integration" | "application";
            moduleVersion: string;
            /** Format: uuid */
            templateModuleId: string;
        };
        InstallEvent: {
            actor: string | null;
            /** Format: date-time */
            createdAt: string;
            details: {
                [key: string]: unknown;
            };
            errorDetails: {
                code: string;
                message: string;
            } | null;
            /**
             * @description installEventType
             * @enum {string}
             */
            eventType: "install_started" | "install_completed" | "install_failed";
            /** Format: uuid */
            id: string;
            installedAppId: string | null;
            projectId: string | null;
            /** Format: uuid */
            templateId: string;
        };
        InstallHrLiteBody: {
            /**
             * Format: uuid
             * @description The environment the install is recorded for; the project's default when absent
             */
            environmentId?: string;
            /** @description Answer the diff and write nothing (default false) */
            preview?: boolean;
            /** Format: uuid */
            projectId: string;
        };
        InstallPackageBody: {
            /** @description Remove fields that hold data (default false); records are never deleted */
            allowDataLoss?: boolean;
            /** @description Install a version lower than the installed one (default false) */
            allowDowngrade?: boolean;
            /**
             * Format: uuid
             * @description The environment the install is recorded for; the project's default when absent
             */
            environmentId?: string;
            package: components["schemas"]["GraphPackage"];
            /** @description Answer the diff and write nothing (default false) */
            preview?: boolean;
            /** Format: uuid */
            projectId: string;
        };
        InstallTemplateBody: {
            /**
             * Format: uuid
             * @description The project the app, its modules and its package go into
             */
            projectId: string;
        };
        Me: {
            actorId: string | null;
            /** @enum {string} */
            actorType: "user" | "agent" | "anonymous";
            /** @description Actions refused to agents whatever their roles */
            agentForbidden: string[];
            /** @description Effective permissions (active roles only) */
            permissions: string[];
            roles: {
                /** Format: uuid */
                id: string;
                name: string;
                status: string;
            }[];
        };
        MergeResult: {
            change: components["schemas"]["Change"];
            diff: components["schemas"]["GraphDiff"];
        };
        Module: {
            /** @enum {string} */
            capabilityProfile: "CODE_MODULE_DEFAULT" | "WORKFLOW_MODULE_DEFAULT" | "READ_ONLY";
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            projectId: string;
            rootPath: string;
            /** @enum {string} */
            type: "code" | "schema" | "workflow" | "ui" | "integration" | "application";
            version: string;
        };
        ModuleOverride: {
            activatedAt: string | null;
            activatedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            installedModuleId: string;
            /**
             * @description overrideType
             * @enum {string}
             */
            overrideType: "workflow" | "form" | "rule" | "config";
            patch: {
                [key: string]: unknown;
            };
            retiredAt: string | null;
            retiredBy: string | null;
            /**
             * @description overrideStatus
             * @enum {string}
             */
            status: "draft" | "active" | "retired";
            summary: string | null;
            targetRef: string;
            /** @description The version among the overrides of the same target of the module */
            version: number;
        };
        PackageAssignmentRule: {
            config: components["schemas"]["AssignmentConfig"];
            recordTypeKey: string;
        };
        PackageChoiceList: {
            items: {
                label: string;
                value: string;
            }[];
            key: string;
            name: string;
        };
        PackageDiff: {
            fromVersion: string | null;
            objects: components["schemas"]["PackageObjectDiff"][];
            packageKey: string;
            summary: {
                delete: number;
                deleteWithData: number;
                insert: number;
                missingDependency: number;
                same: number;
                update: number;
            };
            toVersion: string | null;
        };
        PackageField: {
            /** @description choice fields: key of a choice list of this package */
            choiceListKey?: string;
            defaultValue?: unknown;
            label?: string;
            /** @description lower snake case, unique within the record type */
            name: string;
            /** @description reference fields: a record type of this package or one named in bindings.recordTypes */
            referenceRecordTypeKey?: string;
            required?: boolean;
            /** @enum {string} */
            type: "string" | "number" | "boolean" | "date" | "datetime" | "reference" | "choice" | "text";
        };
        PackageInstall: {
            /** @description The merged change carrying the edits of record types the package owned already */
            changeId: string | null;
            checksum: string;
            /** @description Record types, choice lists and workflows the install created (an uninstall removes or retires them) */
            createdObjects: {
                id: string;
                key: string;
                /** @enum {string} */
                type: "record_type" | "choice_list" | "workflow";
            }[];
            /** Format: uuid */
            environmentId: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            installedAt: string;
            installedBy: string | null;
            packageKey: string;
            previousInstallId: string | null;
            /** Format: uuid */
            projectId: string;
            revertedAt: string | null;
            revertedBy: string | null;
            /** @enum {string} */
            status: "installed" | "reverted";
            version: string;
        };
        PackageInstallDetail: {
            /** @description The merged change carrying the edits of record types the package owned already */
            changeId: string | null;
            checksum: string;
            /** @description Record types, choice lists and workflows the install created (an uninstall removes or retires them) */
            createdObjects: {
                id: string;
                key: string;
                /** @enum {string} */
                type: "record_type" | "choice_list" | "workflow";
            }[];
            diff: components["schemas"]["PackageDiff"];
            /** Format: uuid */
            environmentId: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            installedAt: string;
            installedBy: string | null;
            package: components["schemas"]["GraphPackage"];
            packageKey: string;
            previousInstallId: string | null;
            /** Format: uuid */
            projectId: string;
            revertedAt: string | null;
            revertedBy: string | null;
            /** @enum {string} */
            status: "installed" | "reverted";
            version: string;
        };
        PackageInstallResult: {
            checksum: string;
            diff: components["schemas"]["PackageDiff"];
            /** Format: uuid */
            environmentId: string;
            /** @description The new install (installed), the install already in place (noop), null for a preview */
            installId: string | null;
            packageKey: string;
            /** @enum {string} */
            status: "previewed" | "installed" | "noop";
            version: string;
        };
        PackageObjectDiff: {
            after?: unknown;
            before?: unknown;
            detail?: string;
            /** @enum {string} */
            disposition: "insert" | "update" | "delete" | "delete_with_data" | "same" | "missing_dependency";
            key: string;
            /** @enum {string} */
            objectType: "record_type" | "field" | "choice_list" | "sla_policy" | "assignment_rule" | "workflow";
        };
        PackageRecordType: {
            /** @description a record type of this package or one named in bindings.recordTypes */
            baseType?: string;
            fields: components["schemas"]["PackageField"][];
            key: string;
            name: string;
        };
        PackageSlaPolicy: {
            config: components["schemas"]["SlaConfig"];
            recordTypeKey: string;
        };
        PackageWorkflow: {
            description?: string;
            /** @description unique within the package; how an upgrade finds the workflow again */
            key: string;
            name: string;
            /** @description the record type the workflow works on */
            recordTypeKey?: string;
            steps: components["schemas"]["PackageWorkflowStep"][];
            triggers?: components["schemas"]["PackageWorkflowTrigger"][];
        };
        /** @description A step of a package workflow; its position is its index in steps */
        PackageWorkflowStep: components["schemas"]["PackageWorkflowStepAssignment"] | components["schemas"]["PackageWorkflowStepApproval"] | components["schemas"]["PackageWorkflowStepNotification"] | components["schemas"]["PackageWorkflowStepDecision"] | components["schemas"]["PackageWorkflowStepRecordMutation"] | components["schemas"]["PackageWorkflowStepRecordLock"];
        PackageWorkflowStepApproval: {
            config: {
                /** @description Who is asked: named users, or the holders of a role when the step starts */
                approvers: {
                    users: string[];
                } | {
                    /** @description A role of the tenant, by name */
                    role: string;
                };
                /** @description Approve at once without asking anyone (the step is recorded) */
                autoApprove?: boolean;
                deadlineMinutes?: number;
                /** @description What happens when the deadline passes with the approval still pending */
                escalation?: {
                    /** @enum {string} */
                    action: "reassign";
                    /** @description Who is asked: named users, or the holders of a role when the step starts */
                    approvers: {
                        users: string[];
                    } | {
                        /** @description A role of the tenant, by name */
                        role: string;
                    };
                } | {
                    /** @enum {string} */
                    action: "auto_approve";
                } | {
                    /** @enum {string} */
                    action: "auto_reject";
                };
                /** @description How many approvals settle it: any one, all, n of the m approvers (n above m means all), or a percentage of them (rounded up) */
                rule?: {
                    /** @enum {string} */
                    type: "any";
                } | {
                    /** @enum {string} */
                    type: "all";
                } | {
                    n: number;
                    /** @enum {string} */
                    type: "n_of_m";
                } | {
                    percent: number;
                    /** @enum {string} */
                    type: "percentage";
                };
            };
            name?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "approval";
        };
        PackageWorkflowStepAssignment: {
            /** @description Who the execution's record is assigned to */
            config: {
                /** @enum {string} */
                strategy: "user";
                userId: string;
            } | {
                group: string;
                /** @enum {string} */
                strategy: "group";
            } | {
                /** @enum {string} */
                strategy: "rule";
            };
            name?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "assignment";
        };
        PackageWorkflowStepDecision: {
            config: {
                /** @description A condition over input.* and record.*: { field, op, value } or { all: [...] }, { any: [...] }, { not: ... } */
                condition: {
                    /** @description A dotted path starting with input. or record., e.g. record.priority */
                    field: string;
                    /**
                     * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                     * @enum {string}
                     */
                    op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                    /** @description The value compared with; not used by exists */
                    value?: unknown;
                } | {
                    all: ({
                        /** @description A dotted path starting with input. or record., e.g. record.priority */
                        field: string;
                        /**
                         * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                         * @enum {string}
                         */
                        op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                        /** @description The value compared with; not used by exists */
                        value?: unknown;
                    } | {
                        all: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        any: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        not: {
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        };
                    })[];
                } | {
                    any: ({
                        /** @description A dotted path starting with input. or record., e.g. record.priority */
                        field: string;
                        /**
                         * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                         * @enum {string}
                         */
                        op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                        /** @description The value compared with; not used by exists */
                        value?: unknown;
                    } | {
                        all: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        any: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        not: {
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        };
                    })[];
                } | {
                    not: {
                        /** @description A dotted path starting with input. or record., e.g. record.priority */
                        field: string;
                        /**
                         * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                         * @enum {string}
                         */
                        op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                        /** @description The value compared with; not used by exists */
                        value?: unknown;
                    } | {
                        all: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        any: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        not: {
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        };
                    };
                };
                /** @description Where to go when false; the next step if absent */
                onFalseStepIndex?: number;
                /** @description Where to go when true; the next step if absent */
                onTrueStepIndex?: number;
            };
            name?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "decision";
        };
        PackageWorkflowStepNotification: {
            config: {
                /** @description e.g. email, slack, in_app */
                channel: string;
                recipients?: string[];
                /** @description The message; {{input.x}} and {{record.field}} are replaced by their values */
                template: string;
            };
            name?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "notification";
        };
        PackageWorkflowStepRecordLock: {
            config: {
                reason?: string;
                /** @description The input field holding the record id; the execution's record when absent, else input.recordId */
                recordIdField?: string;
            };
            name?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "record_lock";
        };
        PackageWorkflowStepRecordMutation: {
            config: {
                /** @description Field values written to the execution's record (validated like PATCH) */
                updates: {
                    [key: string]: unknown;
                };
            };
            name?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "record_mutation";
        };
        /** @description A trigger of a package workflow; record_event triggers name their record type by recordTypeKey */
        PackageWorkflowTrigger: components["schemas"]["PackageWorkflowTriggerRecordEvent"] | components["schemas"]["PackageWorkflowTriggerSchedule"] | components["schemas"]["PackageWorkflowTriggerManual"];
        PackageWorkflowTriggerManual: {
            triggerConfig: Record<string, never>;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            triggerType: "manual";
        };
        PackageWorkflowTriggerRecordEvent: {
            /** @description Fires on record.created / record.updated of the record type named by id or key */
            triggerConfig: {
                /** @enum {string} */
                event: "record.created" | "record.updated";
                fieldConditions?: {
                    field: string;
                    /** @enum {string} */
                    operator: "equals" | "changed_to";
                    value: string | number | boolean | null;
                }[];
                /** Format: uuid */
                recordTypeId?: string;
                recordTypeKey?: string;
                watchFields?: string[];
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            triggerType: "record_event";
        };
        PackageWorkflowTriggerSchedule: {
            triggerConfig: {
                /** @description Five fields (minutes), or six with seconds first; parsed with croner */
                cron: string;
                /** @description IANA time zone, e.g. Europe/Oslo; UTC when absent */
                timezone?: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            triggerType: "schedule";
        };
        /** @description One schema edit of a change; the payload depends on opType */
        PatchOp: components["schemas"]["PatchOpAddField"] | components["schemas"]["PatchOpSetField"] | components["schemas"]["PatchOpRemoveField"] | components["schemas"]["PatchOpRenameField"] | components["schemas"]["PatchOpSetAssignment"] | components["schemas"]["PatchOpSetSla"];
        PatchOpAddField: {
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            executedAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "add_field";
            payload: {
                /** @description Insert after this field; null: first; absent: last */
                after?: string | null;
                field: components["schemas"]["FieldInput"];
            };
            /** @description Schema of the record type before the op ran; null while pending */
            previousSnapshot: components["schemas"]["RecordTypeOwnSchema"] | null;
            /** Format: uuid */
            targetId: string;
        };
        PatchOpRemoveField: {
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            executedAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "remove_field";
            payload: {
                /** @description lower snake case */
                fieldName: string;
            };
            /** @description Schema of the record type before the op ran; null while pending */
            previousSnapshot: components["schemas"]["RecordTypeOwnSchema"] | null;
            /** Format: uuid */
            targetId: string;
        };
        PatchOpRenameField: {
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            executedAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "rename_field";
            payload: {
                /** @description lower snake case */
                from: string;
                /** @description lower snake case */
                to: string;
            };
            /** @description Schema of the record type before the op ran; null while pending */
            previousSnapshot: components["schemas"]["RecordTypeOwnSchema"] | null;
            /** Format: uuid */
            targetId: string;
        };
        PatchOpSetAssignment: {
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            executedAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "set_assignment";
            payload: {
                /** @description The new assignment configuration; null clears it */
                config: components["schemas"]["AssignmentConfig"] | null;
            };
            /** @description Schema of the record type before the op ran; null while pending */
            previousSnapshot: components["schemas"]["RecordTypeOwnSchema"] | null;
            /** Format: uuid */
            targetId: string;
        };
        PatchOpSetField: {
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            executedAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "set_field";
            payload: {
                field: components["schemas"]["FieldInput"];
            };
            /** @description Schema of the record type before the op ran; null while pending */
            previousSnapshot: components["schemas"]["RecordTypeOwnSchema"] | null;
            /** Format: uuid */
            targetId: string;
        };
        PatchOpSetSla: {
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            executedAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "set_sla";
            payload: {
                /** @description The new SLA configuration; null clears it */
                config: components["schemas"]["SlaConfig"] | null;
            };
            /** @description Schema of the record type before the op ran; null while pending */
            previousSnapshot: components["schemas"]["RecordTypeOwnSchema"] | null;
            /** Format: uuid */
            targetId: string;
        };
        PatchVibeDraftBody: {
            ops: components["schemas"]["VibeDraftPatchOp"][];
        };
        Permission: {
            description: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        Policy: {
            /** Format: date-time */
            createdAt: string;
            /** @enum {string} */
            effect: "allow" | "deny";
            /** Format: uuid */
            id: string;
            resourceId: string | null;
            /** @enum {string} */
            resourceType: "form" | "workflow" | "override" | "change";
            /** Format: uuid */
            roleId: string;
            roleName: string;
        };
        ProcessDeliveriesResult: {
            attempted: number;
            failed: number;
            retrying: number;
            sent: number;
        };
        ProcessTimersBody: {
            /** @description At most this many timers (default 1000) */
            limit?: number;
            /**
             * Format: date-time
             * @description Process as of this instant (default: the server clock); never later than the server clock
             */
            now?: string;
        };
        ProcessTimersResult: {
            breached: number;
            /** @description Timers whose processing failed; they stay due */
            failed: number;
            /** @description Timers claimed and changed */
            processed: number;
            warned: number;
        };
        Project: {
            /** Format: date-time */
            createdAt: string;
            defaultBranch: string;
            description: string | null;
            githubRepo: string | null;
            /** Format: uuid */
            id: string;
            name: string;
        };
        PromoteBody: {
            /** Format: uuid */
            fromEnvironmentId: string;
            /** Format: uuid */
            projectId: string;
            /** Format: uuid */
            toEnvironmentId: string;
        };
        PromotionIntent: {
            approvedAt: string | null;
            approvedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            diff: components["schemas"]["EnvironmentDiff"] | null;
            executedAt: string | null;
            executedBy: string | null;
            /** Format: uuid */
            fromEnvironmentId: string;
            /** Format: uuid */
            id: string;
            notificationLastAttemptAt: string | null;
            notificationLastError: string | null;
            notificationStatus: ("pending" | "sent" | "failed") | null;
            previewedAt: string | null;
            previewedBy: string | null;
            previewStateHash: string | null;
            /** Format: uuid */
            projectId: string;
            reason: string | null;
            rejectedAt: string | null;
            rejectedBy: string | null;
            result: components["schemas"]["PromotionResult"] | null;
            /** @enum {string} */
            status: "draft" | "previewed" | "approved" | "executed" | "rejected";
            /** Format: uuid */
            toEnvironmentId: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        PromotionResult: {
            /** Format: uuid */
            deploymentId: string;
            promoted: {
                checksum: string;
                installId: string | null;
                packageKey: string;
                /** @description What the install did: installed or noop */
                status: string;
                version: string;
            }[];
            /**
             * Format: uuid
             * @description The target's release freezing its state after the promotion
             */
            releaseId: string;
            skipped: {
                packageKey: string;
                /** @enum {string} */
                status: "missing" | "outdated" | "same" | "extra";
            }[];
        };
        /** @description A patch op of the change engine, naming the record type it edits */
        ProposalChangeOp: components["schemas"]["ProposalChangeOpAddField"] | components["schemas"]["ProposalChangeOpSetField"] | components["schemas"]["ProposalChangeOpRemoveField"] | components["schemas"]["ProposalChangeOpRenameField"] | components["schemas"]["ProposalChangeOpSetAssignment"] | components["schemas"]["ProposalChangeOpSetSla"];
        ProposalChangeOpAddField: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "add_field";
            payload: {
                /** @description Insert after this field; null: first; absent: last */
                after?: string | null;
                field: components["schemas"]["FieldInput"];
            };
            /** @description The record type of the project the op edits */
            recordTypeKey: string;
        };
        ProposalChangeOpRemoveField: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "remove_field";
            payload: {
                /** @description lower snake case */
                fieldName: string;
            };
            /** @description The record type of the project the op edits */
            recordTypeKey: string;
        };
        ProposalChangeOpRenameField: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "rename_field";
            payload: {
                /** @description lower snake case */
                from: string;
                /** @description lower snake case */
                to: string;
            };
            /** @description The record type of the project the op edits */
            recordTypeKey: string;
        };
        ProposalChangeOpSetAssignment: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "set_assignment";
            payload: {
                /** @description The new assignment configuration; null clears it */
                config: components["schemas"]["AssignmentConfig"] | null;
            };
            /** @description The record type of the project the op edits */
            recordTypeKey: string;
        };
        ProposalChangeOpSetField: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "set_field";
            payload: {
                field: components["schemas"]["FieldInput"];
            };
            /** @description The record type of the project the op edits */
            recordTypeKey: string;
        };
        ProposalChangeOpSetSla: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            opType: "set_sla";
            payload: {
                /** @description The new SLA configuration; null clears it */
                config: components["schemas"]["SlaConfig"] | null;
            };
            /** @description The record type of the project the op edits */
            recordTypeKey: string;
        };
        /** @description One edit of a form (FormPatchOp) */
        ProposalFormPatchOp: components["schemas"]["ProposalFormPatchOpMoveField"] | components["schemas"]["ProposalFormPatchOpChangeSection"] | components["schemas"]["ProposalFormPatchOpToggleRequired"] | components["schemas"]["ProposalFormPatchOpToggleReadOnly"] | components["schemas"]["ProposalFormPatchOpToggleVisible"];
        ProposalFormPatchOpChangeSection: {
            /** @description A field of the form */
            field: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "changeSection";
            orderIndex?: number;
            /** @description The title of the section the field moves to */
            section: string;
        };
        ProposalFormPatchOpMoveField: {
            /** @description A field of the form */
            field: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "moveField";
            orderIndex: number;
        };
        ProposalFormPatchOpToggleReadOnly: {
            /** @description A field of the form */
            field: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "toggleReadOnly";
            value: boolean;
        };
        ProposalFormPatchOpToggleRequired: {
            /** @description A field of the form */
            field: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "toggleRequired";
            value: boolean;
        };
        ProposalFormPatchOpToggleVisible: {
            /** @description A field of the form */
            field: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "toggleVisible";
            value: boolean;
        };
        RecordEventBody: {
            changedFields?: string[];
            data: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            event: "record.created" | "record.updated";
            previousData?: {
                [key: string]: unknown;
            } | null;
            /** Format: uuid */
            recordId: string;
            /** Format: uuid */
            recordTypeId: string;
            /** @description The record version the event is about; one intent per version and trigger */
            version: number;
        };
        RecordEventResult: {
            intents: components["schemas"]["EnqueuedIntent"][];
        };
        RecordInstance: {
            assignedGroup: string | null;
            assignedTo: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** @description Values by field name */
            data: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            recordTypeId: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Starts at 1; every update adds one */
            version: number;
        };
        RecordLock: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            lockedBy: string;
            reason: string | null;
            /** Format: uuid */
            recordId: string;
            /** Format: uuid */
            recordTypeId: string;
            workflowExecutionId: string | null;
        };
        RecordLockCheck: {
            lock?: components["schemas"]["RecordLock"];
            locked: boolean;
        };
        RecordTimer: {
            breachedAt: string | null;
            /** @description Business milliseconds the clock has run */
            businessElapsedMs: number;
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the clock runs out; while paused, as it stood when the pause began
             */
            dueAt: string;
            /** Format: uuid */
            id: string;
            pausedAt: string | null;
            /** @description Wall milliseconds spent paused so far */
            pausedMs: number;
            /** Format: uuid */
            recordId: string;
            /**
             * @description pending: running (warnedAt tells whether the warning passed); paused: clock stopped
             * @enum {string}
             */
            status: "pending" | "paused" | "breached" | "completed";
            /** @enum {string} */
            type: "sla";
            /** Format: date-time */
            updatedAt: string;
            warnAt: string | null;
            warnedAt: string | null;
        };
        RecordType: {
            /** @description Who new records go to (section 11); null when unrouted */
            assignmentConfig: components["schemas"]["AssignmentConfig"] | null;
            baseType: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            key: string;
            name: string;
            /** Format: uuid */
            projectId: string;
            schema: {
                /** @description Effective schema: inherited fields first */
                fields: components["schemas"]["Field"][];
            };
            /** @description The service level records are held to; null when untimed */
            slaConfig: components["schemas"]["SlaConfig"] | null;
            /** @enum {string} */
            status: "draft" | "active" | "retired";
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        /** @description A record type's own fields, in order, and its assignment and SLA configurations */
        RecordTypeOwnSchema: {
            /** @description The assignment configuration before the change (absent in snapshots that predate it) */
            assignmentConfig?: components["schemas"]["AssignmentConfig"] | null;
            fields: components["schemas"]["SchemaField"][];
            /** @description The SLA configuration before the change (absent in snapshots that predate it) */
            slaConfig?: components["schemas"]["SlaConfig"] | null;
        };
        RecordTypeSnapshot: {
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            recordTypeKey: string;
            schema: components["schemas"]["RecordTypeOwnSchema"];
        };
        RefineVibeDraftBody: {
            /** @description The author's description of the app or the change */
            prompt: string;
        };
        RejectIntentBody: {
            reason?: string;
        };
        ResolvedModule: {
            /** @description The effective configuration */
            config: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            installedModuleId: string;
            moduleName: string;
            /** @description The active workflow, form and rule overrides of the module */
            overrides: components["schemas"]["ModuleOverride"][];
            /** Format: uuid */
            templateModuleId: string;
            /** @description Each configuration value with its provenance: the template default or an override version */
            values: {
                key: string;
                overrideId: string | null;
                overrideVersion: number | null;
                /** @enum {string} */
                source: "template" | "override";
                templateValue: unknown;
                value: unknown;
            }[];
        };
        RestoreVibeDraftBody: {
            versionNumber: number;
        };
        ReviewAgentProposalBody: {
            comment?: string;
            /** @enum {string} */
            decision: "accept" | "reject";
        };
        Role: {
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            /** @description Names of the permissions the role grants */
            permissions: string[];
            /** @enum {string} */
            status: "active" | "disabled";
        };
        RuleProblem: {
            /** @description The fields concerned */
            fields: string[];
            /** @enum {string} */
            kind: "hiddenButRequired" | "cycle" | "unknownField" | "contradiction";
            message: string;
            /** @description Ids of the rules concerned, where they have one */
            ruleIds: string[];
            /** @description Positions of the rules concerned in the form's rule list */
            rules: number[];
        };
        SchemaField: {
            choiceListId: string | null;
            defaultValue: unknown;
            label: string | null;
            name: string;
            referenceRecordTypeKey: string | null;
            required: boolean;
            type: string;
        };
        SlaConfig: {
            calendar?: {
                holidays?: string[];
                /** @description IANA time zone, e.g. Europe/Berlin */
                timeZone: string;
                weekly: {
                    day: number;
                    /** @description 24-hour time, HH:MM */
                    end: string;
                    /** @description 24-hour time, HH:MM */
                    start: string;
                }[];
            };
            /** @description The timer completes (is met) once the field holds one of these values */
            completeWhen?: {
                field: string;
                values: string[];
            };
            /** @description Time to resolve, in (business) minutes from creation */
            durationMinutes: number;
            /** @description The clock stops while the field holds one of these values (e.g. status on_hold) */
            pauseWhen?: {
                field: string;
                values: string[];
            };
            /** @description Emit record.sla.warning once this share has elapsed */
            warningPercent?: number;
        };
        TelemetryEvent: {
            actorId: string | null;
            /** @enum {string} */
            actorType: "user" | "agent" | "system";
            affectedRecordIds: unknown;
            errorCode: string | null;
            errorMessage: string | null;
            eventType: string;
            /** @description The entity the event is about */
            executionId: string;
            executionType: string;
            /** Format: uuid */
            id: string;
            moduleId: string;
            status: string;
            /** Format: date-time */
            timestamp: string;
            workflowId: string | null;
            workflowStepId: string | null;
        };
        Template: {
            description: string;
            /**
             * @description templateDomain
             * @enum {string}
             */
            domain: "HR" | "Finance" | "Legal" | "Facilities" | "Custom" | "ITSM";
            /** Format: uuid */
            id: string;
            isGlobal: boolean;
            /** @description The newest version of the template */
            isLatest: boolean;
            /** @description The template; its versions share the key */
            key: string;
            moduleCount: number;
            name: string;
            /** @description The graph package the template installs */
            packageKey: string;
            packageVersion: string;
            version: string;
        };
        TemplateDetail: {
            description: string;
            /**
             * @description templateDomain
             * @enum {string}
             */
            domain: "HR" | "Finance" | "Legal" | "Facilities" | "Custom" | "ITSM";
            /** Format: uuid */
            id: string;
            isGlobal: boolean;
            /** @description The newest version of the template */
            isLatest: boolean;
            /** @description The template; its versions share the key */
            key: string;
            moduleCount: number;
            modules: components["schemas"]["TemplateModule"][];
            name: string;
            /** @description The graph package the template installs */
            packageKey: string;
            packageVersion: string;
            version: string;
        };
        TemplateModule: {
            /** @enum {string} */
            defaultCapabilityProfile: "CODE_MODULE_DEFAULT" | "WORKFLOW_MODULE_DEFAULT" | "READ_ONLY";
            /** Format: uuid */
            id: string;
            metadata: {
                /** @description The module's default configuration */
                config: {
                    [key: string]: unknown;
                };
                description: string;
                /** @description Record types of the package the module governs (form targets) */
                recordTypes: string[];
                /** @description Rules of the package the module governs (rule targets: assignment:<type>, sla:<type>) */
                rules: string[];
                /** @description Workflows of the package the module governs (workflow targets) */
                workflows: string[];
            };
            moduleName: string;
            /** @enum {string} */
            moduleType: "code" | "schema" | "workflow" | "ui" | "integration" | "application";
            orderIndex: number;
            /** Format: uuid */
            templateId: string;
        };
        Tenant: {
            /** Format: date-time */
            createdAt: string;
            name: string;
            plan: string;
            /** @description Send as the x-tenant-id header */
            slug: string;
        };
        UnprocessableDetails: {
            errors: components["schemas"]["ExecutionError"][];
        } | {
            /** Format: uuid */
            generationId: string;
            problems: components["schemas"]["VibeProblem"][];
        };
        /** @description The change cannot be executed */
        UnprocessableErrorResponse: {
            /**
             * @description Stable machine-readable error code (docs/api-errors.md)
             * @enum {string}
             */
            code: "UNPROCESSABLE" | "NO_OPS" | "EXECUTION_FAILED" | "PROPOSAL_APPLY_FAILED" | "STEP_FAILED" | "PACKAGE_GRAPH_INVALID" | "VIBE_GENERATION_FAILED";
            details?: components["schemas"]["UnprocessableDetails"];
            /** @description HTTP reason phrase */
            error: string;
            /** @description What went wrong, for people */
            message: string;
            statusCode: number;
        };
        UpdateAgentSkillBody: {
            description?: string | null;
            /** @description A JSON Schema (draft 2020-12) object describing the skill's input; checked against the meta-schema */
            inputSchema?: {
                [key: string]: unknown;
            };
            name?: string;
            /** @enum {string} */
            status?: "active" | "disabled";
        };
        UpdateEnvironmentBody: {
            promotionWebhookUrl?: string | null;
            requiresPromotionApproval?: boolean;
        };
        UpdateFormPlacementBody: {
            /** @description Layout column, 1 to 4 */
            column?: number;
            /**
             * Format: uuid
             * @description Another section of the same form
             */
            formSectionId?: string;
            /** @description Position in the section */
            orderIndex?: number;
        };
        UpdateFormRuleBody: {
            /** @description When the rule applies; null: always */
            condition?: components["schemas"]["Condition"] | null;
            /** @description Application order */
            orderIndex?: number;
            /** @enum {string} */
            ruleType?: "visible" | "required" | "readOnly";
            /** @enum {string} */
            status?: "active" | "disabled";
            /** @description A field of the record type, own or inherited */
            targetField?: string;
            value?: boolean;
        };
        UpdateFormSectionBody: {
            /** @description Display position */
            orderIndex?: number;
            title?: string;
        };
        UpdateRecordInstanceBody: {
            /** @description Values to change by field name; null clears an optional field; fields left out keep their value */
            data: {
                [key: string]: unknown;
            };
            /** @description The version the change is based on; a stale one answers 409 */
            version?: number;
        };
        /** @description A draft record type's routing and SLA configuration; either or both */
        UpdateRecordTypeConfigBody: {
            /** @description null clears it; absent keeps it */
            assignmentConfig?: components["schemas"]["AssignmentConfig"] | null;
            /** @description null clears it; absent keeps it */
            slaConfig?: components["schemas"]["SlaConfig"] | null;
        };
        UpdateWorkflowStepBody: {
            /** @description The step's new configuration, checked against its type's (400 WORKFLOW_STEP_CONFIG_INVALID) */
            config?: {
                [key: string]: unknown;
            };
            name?: string | null;
            /** @description Move the step here (the others close up; past the end: last) */
            orderIndex?: number;
        };
        UpgradeAppBody: {
            /**
             * Format: uuid
             * @description A newer version of the app's template; the newest when absent
             */
            templateId?: string;
        };
        UserRole: {
            /** Format: date-time */
            assignedAt: string;
            /** Format: uuid */
            roleId: string;
            roleName: string;
            /** @enum {string} */
            roleStatus: "active" | "disabled";
            userId: string;
        };
        ValidationDetails: components["schemas"]["ValidationIssue"][] | {
            /** @description The refused body field */
            field?: string;
            /** @description The refused header */
            header?: string;
            problems?: string[];
        };
        /** @description The request is malformed */
        ValidationErrorResponse: {
            /**
             * @description Stable machine-readable error code (docs/api-errors.md)
             * @enum {string}
             */
            code: "VALIDATION_ERROR" | "DUPLICATE_FIELD" | "BINDING_TARGET_MISSING" | "BASE_TYPE_CROSS_PROJECT" | "ORPHAN_BASE_TYPE" | "CONFIG_FIELD_MISSING" | "CONFIG_INVALID" | "RECORD_INVALID" | "RECORD_TYPE_NOT_IN_PROJECT" | "AGENT_SKILL_SCHEMA_INVALID" | "AGENT_SKILL_UNUSABLE" | "WORKFLOW_STEP_CONFIG_INVALID" | "PACKAGE_INVALID" | "INVALID_TRIGGER_CONFIG" | "PROMOTION_ENVIRONMENTS_INVALID" | "WEBHOOK_URL_REFUSED" | "OVERRIDE_TARGET_INVALID" | "OVERRIDE_PATCH_INVALID" | "FORM_FIELD_UNKNOWN" | "FORM_PATCH_INVALID" | "FORM_CONDITION_INVALID" | "FORM_RULE_VIOLATION" | "VIBE_NAMESPACE_VIOLATION" | "VIBE_PACKAGE_INVALID" | "VIBE_PATCH_INVALID" | "INVALID_JSON" | "BAD_REQUEST";
            details?: components["schemas"]["ValidationDetails"];
            /** @description HTTP reason phrase */
            error: string;
            /** @description What went wrong, for people */
            message: string;
            statusCode: number;
        };
        ValidationIssue: {
            /** @description body, querystring, params or headers */
            in: string;
            message: string;
            params?: {
                [key: string]: unknown;
            };
            /** @description JSON pointer into that part of the request */
            path: string;
        };
        VibeDraft: {
            appName: string | null;
            changeId: string | null;
            checksum: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** @description Number of the version the package is */
            currentVersion: number;
            environmentId: string | null;
            /** Format: uuid */
            id: string;
            installId: string | null;
            lastGeneration?: components["schemas"]["VibeGenerationSummary"];
            lastPreviewDiff: components["schemas"]["PackageDiff"] | null;
            lastPreviewErrors: components["schemas"]["VibeProblem"][] | null;
            package: components["schemas"]["GraphPackage"];
            /** Format: uuid */
            projectId: string;
            prompt: string;
            /** @enum {string} */
            status: "draft" | "previewed" | "installed" | "discarded";
            /** Format: date-time */
            updatedAt: string;
        };
        VibeDraftInstallResult: {
            draft: components["schemas"]["VibeDraft"];
            install: components["schemas"]["VibeInstallOutcome"];
        };
        /** @description One edit of the draft package, told apart by op */
        VibeDraftPatchOp: components["schemas"]["VibeDraftPatchOp_add_field"] | components["schemas"]["VibeDraftPatchOp_rename_field"] | components["schemas"]["VibeDraftPatchOp_remove_field"] | components["schemas"]["VibeDraftPatchOp_set_sla"] | components["schemas"]["VibeDraftPatchOp_set_assignment_group"];
        /** @description Adds a field (refused when the name is taken) */
        VibeDraftPatchOp_add_field: {
            field: {
                choiceListKey?: string;
                label?: string;
                name: string;
                referenceRecordTypeKey?: string;
                required?: boolean;
                /** @enum {string} */
                type: "string" | "number" | "boolean" | "reference" | "choice" | "text" | "date" | "datetime";
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "add_field";
            recordTypeKey: string;
        };
        /** @description Removes a field (never the last one of a type) */
        VibeDraftPatchOp_remove_field: {
            fieldName: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "remove_field";
            recordTypeKey: string;
        };
        /** @description Renames a field (refused when the new name is taken) */
        VibeDraftPatchOp_rename_field: {
            from: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "rename_field";
            recordTypeKey: string;
            to: string;
        };
        /** @description Assigns new records of the type to a group */
        VibeDraftPatchOp_set_assignment_group: {
            groupKey: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "set_assignment_group";
            recordTypeKey: string;
        };
        /** @description Creates or updates the type's SLA */
        VibeDraftPatchOp_set_sla: {
            durationMinutes: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "set_sla";
            recordTypeKey: string;
        };
        VibeDraftVersion: {
            checksum: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: uuid */
            draftId: string;
            /** Format: uuid */
            id: string;
            package: components["schemas"]["GraphPackage"];
            previewDiff: components["schemas"]["PackageDiff"] | null;
            previewErrors: components["schemas"]["VibeProblem"][] | null;
            /** @enum {string} */
            reason: "create" | "refine" | "patch" | "restore" | "adopt_variant";
            versionNumber: number;
        };
        VibeGenerateMultiBody: {
            /** @description Name of the app (the package name and key follow it) */
            appName?: string;
            /** @description How many variants (1–5) */
            count: number;
            /** Format: uuid */
            projectId: string;
            /** @description The author's description of the app or the change */
            prompt: string;
        };
        VibeGenerateMultiResult: {
            variants: components["schemas"]["VibeVariant"][];
        };
        VibeGeneration: {
            adapter: string;
            attempts: unknown[];
            checksum: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            draftId: string | null;
            durationMs: number;
            errorCode: string | null;
            /** Format: uuid */
            id: string;
            inputTokens: number;
            /** @enum {string} */
            kind: "generate" | "refine" | "variant" | "preview" | "stream" | "form_patch";
            model: string;
            /** @enum {string} */
            outcome: "succeeded" | "failed" | "fallback" | "aborted";
            outputTokens: number;
            prompt: string;
            /** @description The model's answers, in order (untrusted text) */
            rawOutputs: string[];
            variantIndex: number | null;
        };
        VibeGenerationSummary: {
            adapter: string;
            attempts: {
                attempt: number;
                /** @enum {string} */
                outcome: "valid" | "invalid";
                outputBytes: number;
                problems: components["schemas"]["VibeProblem"][];
            }[];
            durationMs: number;
            /** Format: uuid */
            generationId: string;
            inputTokens: number;
            model: string;
            /** @enum {string} */
            outcome: "succeeded" | "failed" | "fallback" | "aborted";
            outputTokens: number;
        };
        VibeInstallBody: {
            /** Format: uuid */
            environmentId?: string;
            package: components["schemas"]["GraphPackage"];
            /** Format: uuid */
            projectId: string;
        };
        VibeInstallOutcome: {
            changeId: string | null;
            checksum: string;
            diff: components["schemas"]["PackageDiff"];
            /** Format: uuid */
            environmentId: string;
            installId: string | null;
            packageKey: string;
            /** @enum {string} */
            status: "installed" | "noop";
            version: string;
        };
        VibePreviewBody: {
            /** @description Name of the app (the package name and key follow it) */
            appName?: string;
            /** Format: uuid */
            environmentId?: string;
            package?: components["schemas"]["GraphPackage"];
            /** Format: uuid */
            projectId: string;
            /** @description The author's description of the app or the change */
            prompt: string;
        };
        VibePreviewResult: {
            checksum: string;
            diff: components["schemas"]["PackageDiff"];
            generation: components["schemas"]["VibeGenerationSummary"];
            package: components["schemas"]["GraphPackage"];
        };
        VibeProblem: {
            code: string;
            message: string;
            path: string;
            /** @enum {string} */
            stage: "extract_json" | "validate_schema" | "namespace" | "graph" | "projection";
        };
        VibeVariant: components["schemas"]["VibeVariantOk"] | components["schemas"]["VibeVariantFailed"];
        VibeVariantDiff: {
            diff: components["schemas"]["PackageDiff"];
            packageA: {
                checksum: string;
                key: string;
                version: string;
            };
            packageB: {
                checksum: string;
                key: string;
                version: string;
            };
        };
        VibeVariantFailed: {
            error: {
                code: string;
                message: string;
                problems: components["schemas"]["VibeProblem"][];
            };
            index: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "failed";
        };
        VibeVariantOk: {
            checksum: string;
            diff: components["schemas"]["PackageDiff"];
            index: number;
            package: components["schemas"]["GraphPackage"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "ok";
        };
        VibeVersionDiff: {
            diff: components["schemas"]["PackageDiff"];
            /** Format: uuid */
            draftId: string;
            fromVersion: number;
            toVersion: number;
        };
        WebhookDelivery: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            eventType: string;
            /** Format: uuid */
            id: string;
            lastAttemptAt: string | null;
            lastError: string | null;
            lastStatusCode: number | null;
            nextAttemptAt: string | null;
            payload: unknown;
            /** @enum {string} */
            status: "pending" | "sent" | "failed";
            /** Format: uuid */
            subjectId: string;
            /** @enum {string} */
            subjectType: "promotion_intent";
            /** Format: date-time */
            updatedAt: string;
            url: string;
            /** @description The webhook-id header: the same on every attempt */
            webhookId: string;
        };
        WorkflowApproval: {
            approvers: string[];
            closedAt: string | null;
            closedBy: string | null;
            closedComment: string | null;
            closedReason: string | null;
            /** @description Comments beside the decisions; they decide nothing */
            comments: {
                authorId: string | null;
                /** @enum {string} */
                authorType: "user" | "agent" | "system";
                body: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                proposalId: string | null;
            }[];
            /** Format: date-time */
            createdAt: string;
            deadlineAt: string | null;
            decisions: {
                approverId: string;
                comment: string | null;
                /** Format: date-time */
                decidedAt: string;
                /** @enum {string} */
                decision: "approve" | "reject";
            }[];
            escalatedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description How many approvals settle it: any one, all, n of the m approvers (n above m means all), or a percentage of them (rounded up) */
            rule: {
                /** @enum {string} */
                type: "any";
            } | {
                /** @enum {string} */
                type: "all";
            } | {
                n: number;
                /** @enum {string} */
                type: "n_of_m";
            } | {
                percent: number;
                /** @enum {string} */
                type: "percentage";
            };
            /**
             * @description pending until settled; cancelled when its step ended otherwise
             * @enum {string}
             */
            status: "pending" | "approved" | "rejected" | "cancelled";
            /** Format: uuid */
            stepExecutionId: string;
            /** Format: uuid */
            workflowDefinitionId: string;
            /** Format: uuid */
            workflowExecutionId: string;
            /** Format: uuid */
            workflowStepId: string;
        };
        WorkflowApprovalDecisionBody: {
            comment?: string;
            /** @enum {string} */
            decision: "approve" | "reject";
        };
        WorkflowDefinition: {
            changeId: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            description: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            projectId: string;
            /**
             * @description draft → active → retired
             * @enum {string}
             */
            status: "draft" | "active" | "retired";
            /** @description Trigger settings (record type and conditions, schedule) */
            triggerConfig: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            triggerType: "record_event" | "schedule" | "manual";
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        WorkflowExecuteBody: {
            /** @description The input of the execution (input.* in conditions and templates) */
            input?: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description The record the execution acts on (record steps)
             */
            recordId?: string;
        };
        WorkflowExecution: {
            /** @description The input as steps added to it */
            accumulatedInput: {
                [key: string]: unknown;
            };
            completedAt: string | null;
            currentStepIndex: number | null;
            definitionVersion: number;
            error: string | null;
            /** Format: uuid */
            id: string;
            /** @description The input the execution started with */
            input: {
                [key: string]: unknown;
            };
            intentId: string | null;
            pausedAtStepId: string | null;
            recordId: string | null;
            /** Format: date-time */
            startedAt: string;
            startedBy: string | null;
            /** @enum {string} */
            status: "running" | "paused" | "completed" | "failed";
            /** @description Grows with every change of state */
            version: number;
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        /** @description A queued request to start an execution, and how its dispatch went */
        WorkflowIntent: {
            attempt: number;
            /** Format: date-time */
            availableAt: string;
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            dispatchedAt: string | null;
            error: string | null;
            executionId: string | null;
            /** Format: uuid */
            id: string;
            idempotencyKey: string;
            leaseExpiresAt: string | null;
            leaseOwner: string | null;
            maxAttempts: number;
            recordId: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "completed" | "dispatched" | "failed" | "duplicate";
            triggerId: string | null;
            triggerPayload: unknown;
            /** @enum {string} */
            triggerType: "record_event" | "schedule" | "manual";
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        WorkflowResumeBody: {
            comment?: string;
            /** @enum {string} */
            outcome: "approved" | "rejected";
        };
        /** @description A step of a workflow definition; its config depends on its type */
        WorkflowStep: components["schemas"]["WorkflowStepAssignment"] | components["schemas"]["WorkflowStepApproval"] | components["schemas"]["WorkflowStepNotification"] | components["schemas"]["WorkflowStepDecision"] | components["schemas"]["WorkflowStepRecordMutation"] | components["schemas"]["WorkflowStepRecordLock"];
        WorkflowStepApproval: {
            config: {
                /** @description Who is asked: named users, or the holders of a role when the step starts */
                approvers: {
                    users: string[];
                } | {
                    /** @description A role of the tenant, by name */
                    role: string;
                };
                /** @description Approve at once without asking anyone (the step is recorded) */
                autoApprove?: boolean;
                deadlineMinutes?: number;
                /** @description What happens when the deadline passes with the approval still pending */
                escalation?: {
                    /** @enum {string} */
                    action: "reassign";
                    /** @description Who is asked: named users, or the holders of a role when the step starts */
                    approvers: {
                        users: string[];
                    } | {
                        /** @description A role of the tenant, by name */
                        role: string;
                    };
                } | {
                    /** @enum {string} */
                    action: "auto_approve";
                } | {
                    /** @enum {string} */
                    action: "auto_reject";
                };
                /** @description How many approvals settle it: any one, all, n of the m approvers (n above m means all), or a percentage of them (rounded up) */
                rule?: {
                    /** @enum {string} */
                    type: "any";
                } | {
                    /** @enum {string} */
                    type: "all";
                } | {
                    n: number;
                    /** @enum {string} */
                    type: "n_of_m";
                } | {
                    percent: number;
                    /** @enum {string} */
                    type: "percentage";
                };
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string | null;
            orderIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "approval";
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        WorkflowStepAssignment: {
            /** @description Who the execution's record is assigned to */
            config: {
                /** @enum {string} */
                strategy: "user";
                userId: string;
            } | {
                group: string;
                /** @enum {string} */
                strategy: "group";
            } | {
                /** @enum {string} */
                strategy: "rule";
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string | null;
            orderIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "assignment";
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        WorkflowStepDecision: {
            config: {
                /** @description A condition over input.* and record.*: { field, op, value } or { all: [...] }, { any: [...] }, { not: ... } */
                condition: {
                    /** @description A dotted path starting with input. or record., e.g. record.priority */
                    field: string;
                    /**
                     * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                     * @enum {string}
                     */
                    op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                    /** @description The value compared with; not used by exists */
                    value?: unknown;
                } | {
                    all: ({
                        /** @description A dotted path starting with input. or record., e.g. record.priority */
                        field: string;
                        /**
                         * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                         * @enum {string}
                         */
                        op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                        /** @description The value compared with; not used by exists */
                        value?: unknown;
                    } | {
                        all: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        any: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        not: {
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        };
                    })[];
                } | {
                    any: ({
                        /** @description A dotted path starting with input. or record., e.g. record.priority */
                        field: string;
                        /**
                         * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                         * @enum {string}
                         */
                        op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                        /** @description The value compared with; not used by exists */
                        value?: unknown;
                    } | {
                        all: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        any: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        not: {
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        };
                    })[];
                } | {
                    not: {
                        /** @description A dotted path starting with input. or record., e.g. record.priority */
                        field: string;
                        /**
                         * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                         * @enum {string}
                         */
                        op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                        /** @description The value compared with; not used by exists */
                        value?: unknown;
                    } | {
                        all: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        any: ({
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        })[];
                    } | {
                        not: {
                            /** @description A dotted path starting with input. or record., e.g. record.priority */
                            field: string;
                            /**
                             * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                             * @enum {string}
                             */
                            op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                            /** @description The value compared with; not used by exists */
                            value?: unknown;
                        } | {
                            all: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            any: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            }[];
                        } | {
                            not: {
                                /** @description A dotted path starting with input. or record., e.g. record.priority */
                                field: string;
                                /**
                                 * @description eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists
                                 * @enum {string}
                                 */
                                op: "eq" | "neq" | "in" | "gt" | "gte" | "lt" | "lte" | "exists";
                                /** @description The value compared with; not used by exists */
                                value?: unknown;
                            };
                        };
                    };
                };
                /** @description Where to go when false; the next step if absent */
                onFalseStepIndex?: number;
                /** @description Where to go when true; the next step if absent */
                onTrueStepIndex?: number;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string | null;
            orderIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "decision";
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        WorkflowStepExecution: {
            error: string | null;
            executedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description What the step produced (null while pending or when it failed) */
            output: unknown;
            /** @description Order of the run within the execution, from 0 */
            sequence: number;
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            status: "pending" | "awaiting_approval" | "completed" | "failed";
            stepIndex: number;
            /** @enum {string} */
            stepType: "assignment" | "approval" | "notification" | "decision" | "record_mutation" | "record_lock";
            /** Format: uuid */
            workflowExecutionId: string;
            /** Format: uuid */
            workflowStepId: string;
        };
        WorkflowStepNotification: {
            config: {
                /** @description e.g. email, slack, in_app */
                channel: string;
                recipients?: string[];
                /** @description The message; {{input.x}} and {{record.field}} are replaced by their values */
                template: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string | null;
            orderIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "notification";
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        WorkflowStepRecordLock: {
            config: {
                reason?: string;
                /** @description The input field holding the record id; the execution's record when absent, else input.recordId */
                recordIdField?: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string | null;
            orderIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "record_lock";
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        WorkflowStepRecordMutation: {
            config: {
                /** @description Field values written to the execution's record (validated like PATCH) */
                updates: {
                    [key: string]: unknown;
                };
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string | null;
            orderIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            stepType: "record_mutation";
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        /** @description Binds a workflow definition to record events, a schedule, or manual firing */
        WorkflowTrigger: components["schemas"]["WorkflowTriggerRecordEvent"] | components["schemas"]["WorkflowTriggerSchedule"] | components["schemas"]["WorkflowTriggerManual"];
        WorkflowTriggerManual: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "active" | "disabled";
            triggerConfig: Record<string, never>;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            triggerType: "manual";
            /** Format: date-time */
            updatedAt: string;
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        WorkflowTriggerRecordEvent: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "active" | "disabled";
            /** @description Fires on record.created / record.updated of the record type named by id or key */
            triggerConfig: {
                /** @enum {string} */
                event: "record.created" | "record.updated";
                fieldConditions?: {
                    field: string;
                    /** @enum {string} */
                    operator: "equals" | "changed_to";
                    value: string | number | boolean | null;
                }[];
                /** Format: uuid */
                recordTypeId?: string;
                recordTypeKey?: string;
                watchFields?: string[];
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            triggerType: "record_event";
            /** Format: date-time */
            updatedAt: string;
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        WorkflowTriggerSchedule: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "active" | "disabled";
            triggerConfig: {
                /** @description Five fields (minutes), or six with seconds first; parsed with croner */
                cron: string;
                /** @description IANA time zone, e.g. Europe/Oslo; UTC when absent */
                timezone?: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            triggerType: "schedule";
            /** Format: date-time */
            updatedAt: string;
            /** Format: uuid */
            workflowDefinitionId: string;
        };
        Workspace: {
            /** Format: uuid */
            changeId: string;
            containerId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            previewUrl: string | null;
            /** @enum {string} */
            status: "Pending" | "Running" | "Stopped" | "Failed";
            /** Format: date-time */
            updatedAt: string;
        };
    };
    responses: {
        /** @description The request is malformed: the schema refused it (details lists each issue) or a domain check did */
        BadRequest: {
            headers: {
                /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                "x-request-id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationErrorResponse"];
            };
        };
        /** @description The request conflicts with the current state (duplicate, lifecycle state, concurrent change) */
        Conflict: {
            headers: {
                /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                "x-request-id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ConflictErrorResponse"];
            };
        };
        /** @description The actor lacks the operation's permission, or is an agent where agents are refused */
        Forbidden: {
            headers: {
                /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                "x-request-id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ForbiddenErrorResponse"];
            };
        };
        /** @description The resource (or the tenant) does not exist in the caller's tenant */
        NotFound: {
            headers: {
                /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                "x-request-id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The body is larger than the configured limit */
        PayloadTooLarge: {
            headers: {
                /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                "x-request-id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The tenant runs as many generations as it may at once; retry when one ends */
        TooManyRequests: {
            headers: {
                /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                "x-request-id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description x-tenant-id is missing */
        Unauthorized: {
            headers: {
                /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                "x-request-id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The database is unavailable or still starting; retry later */
        Unavailable: {
            headers: {
                /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                "x-request-id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The change cannot be executed (details.errors lists every error), or the model output was refused (details.problems) */
        Unprocessable: {
            headers: {
                /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                "x-request-id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnprocessableErrorResponse"];
            };
        };
        /** @description The body is not application/json */
        UnsupportedMediaType: {
            headers: {
                /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                "x-request-id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAdminAppEvents: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                /** @description installEventType */
                eventType?: "install_started" | "install_completed" | "install_failed";
                limit?: number;
                templateId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Install events newest first, failed installs included */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstallEvent"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    adminListPendingApprovals: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Admin: everything awaiting a human decision, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalQueueItem"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAdminApps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Installed apps with their modules, versions, status and events */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstalledAppDetail"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAdminChanges: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                /** @description Created at or after */
                from?: string;
                limit?: number;
                projectId?: string;
                status?: "Draft" | "Implementing" | "WorkspaceRunning" | "Validating" | "ValidationFailed" | "Ready" | "Merged";
                /** @description Created before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Change records newest first, by status, creation date range and project */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    checkAdminAccess: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Answers 200 when the caller may use the admin console */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        allowed: true;
                        permission: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    diffEnvironments: {
        parameters: {
            query: {
                fromEnvironmentId: string;
                toEnvironmentId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Package by package, how the target environment differs from the source */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentDiff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    promoteEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PromoteBody"];
            };
        };
        responses: {
            /** @description OK: Promote directly from one environment to another */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    listPromotionIntents: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                projectId?: string;
                status?: "draft" | "previewed" | "approved" | "executed" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Promotion intents, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionIntent"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createPromotionIntent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PromoteBody"];
            };
        };
        responses: {
            /** @description Created: Create a draft promotion intent */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionIntent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPromotionIntent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                promotionIntentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read a promotion intent */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionIntent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    approvePromotionIntent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                promotionIntentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Approve a previewed promotion intent (a human only) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionIntent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listPromotionDeliveries: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                promotionIntentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The webhook deliveries of a promotion intent, oldest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    executePromotionIntent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                promotionIntentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Execute an approved promotion intent */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionIntent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    previewPromotionIntent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                promotionIntentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Preview a promotion intent: draft, previewed or approved → previewed */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionIntent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    rejectPromotionIntent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                promotionIntentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectIntentBody"];
            };
        };
        responses: {
            /** @description OK: Reject a promotion intent (terminal) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionIntent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listExecutionTelemetry: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                eventType?: string;
                /** @description Inclusive start */
                from?: string;
                limit?: number;
                /** @description Exclusive end */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Domain events of the tenant, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelemetryEvent"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listBuiltInGraphPackages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The built-in packages */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BuiltInPackage"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getGraphDiff: {
        parameters: {
            query: {
                changeId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Added, removed and modified record types and fields */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GraphDiff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    installGraphPackage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstallPackageBody"];
            };
        };
        responses: {
            /** @description OK: Install a graph package into a project (preview or apply) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageInstallResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    installBuiltInGraphPackage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstallBuiltInBody"];
            };
        };
        responses: {
            /** @description OK: Install a built-in package into a project (preview or apply) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageInstallResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    listGraphPackageInstalls: {
        parameters: {
            query: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                packageKey?: string;
                projectId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A project's package installs, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageInstall"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getGraphPackageInstall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                installId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One package install with the package as installed and its diff */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageInstallDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    revertGraphPackageInstall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                installId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Uninstall: revert the latest install of a package exactly */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageInstall"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    diffGraphPackageVersions: {
        parameters: {
            query: {
                fromVersion: string;
                packageKey: string;
                projectId: string;
                toVersion: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The diff between two installed versions of a package */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageDiff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getGraphSnapshot: {
        parameters: {
            query?: {
                projectId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The tenant's record-type graph (own fields), or one project's */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        choiceListIds: string[];
                        recordTypes: {
                            baseType: string | null;
                            fields: {
                                [key: string]: unknown;
                            }[];
                            id: string;
                            key: string;
                            name: string;
                            projectId: string;
                            status: string;
                            version: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    validateGraph: {
        parameters: {
            query?: {
                projectId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Runs the graph validators over the tenant (or one project) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: {
                            code: string;
                            field?: string;
                            message: string;
                            projectId: string;
                            recordTypeKey: string;
                        }[];
                        recordTypes: number;
                        valid: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAdminModules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Every installed module of the tenant */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstalledModule"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAdminOverrides: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                installedModuleId?: string;
                limit?: number;
                /** @description overrideType */
                overrideType?: "workflow" | "form" | "rule" | "config";
                /** @description overrideStatus */
                status?: "draft" | "active" | "retired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Module overrides newest first, by status, type or module */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleOverride"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAdminTenants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Every tenant, marking the caller's */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        isCurrent: boolean;
                        name: string;
                        plan: string;
                        /** @description Send as the x-tenant-id header */
                        slug: string;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    processWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Attempt the due webhook deliveries now */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessDeliveriesResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    adminListWorkflowExecutions: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                status?: "running" | "paused" | "completed" | "failed";
                workflowDefinitionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Admin: workflow executions, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowExecution"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    adminListWorkflowDefinitions: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                projectId?: string;
                status?: "draft" | "active" | "retired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Admin: workflow definitions, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDefinition"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAgentProposals: {
        parameters: {
            query?: {
                changeId?: string;
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                proposalType?: "form_patch" | "workflow_change" | "approval_comment";
                status?: "draft" | "submitted" | "accepted" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Agent proposals, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentProposal"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createAgentProposal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgentProposalBody"];
            };
        };
        responses: {
            /** @description A proposed form patch, workflow change or approval comment */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentProposal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAgentProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A proposed form patch, workflow change or approval comment */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentProposal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    reviewAgentProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewAgentProposalBody"];
            };
        };
        responses: {
            /** @description A proposed form patch, workflow change or approval comment */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentProposal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    submitAgentProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A proposed form patch, workflow change or approval comment */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentProposal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAgentRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentRunId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read an agent run with its skills and log */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentRun"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    streamAgentRunLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentRunId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    appendAgentRunLogs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentRunId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppendAgentRunLogsBody"];
            };
        };
        responses: {
            /** @description OK: Append lines to a run’s log */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentRun"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    moveAgentRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentRunId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgentRunStatusBody"];
            };
        };
        responses: {
            /** @description OK: Move a run: Pending → Running → Passed | Failed */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentRun"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAgentSkills: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The skills registry, by name */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSkill"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createAgentSkill: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgentSkillBody"];
            };
        };
        responses: {
            /** @description Created: Register a skill agent runs may use */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSkill"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAgentSkill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                skillId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read a skill */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSkill"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteAgentSkill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                skillId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateAgentSkill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                skillId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAgentSkillBody"];
            };
        };
        responses: {
            /** @description OK: Edit a skill, or disable or enable it */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSkill"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAuditFeed: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                /** @description Inclusive start */
                from?: string;
                /** @description Also list allow decisions made on read-only requests */
                includeReads?: boolean;
                limit?: number;
                /** @description Exclusive end */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Authorization decisions, access-control changes and domain events in one feed, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditFeedEntry"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listChanges: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                projectId?: string;
                /** @description Only the changes that revert this change (its open revert, if any, is the newest) */
                revertsChangeId?: string;
                status?: "Draft" | "Implementing" | "WorkspaceRunning" | "Validating" | "ValidationFailed" | "Ready" | "Merged";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Change records, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createChange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChangeBody"];
            };
        };
        responses: {
            /** @description Created: Create a Draft change in a project */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read a change record */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createAgentRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgentRunBody"];
            };
        };
        responses: {
            /** @description Created: Record an agent run on the change (status Pending) */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentRun"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAgentRuns: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Agent runs recorded on the change, oldest first */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentRun"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    checkinChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Validate the change and move it to Ready, or to ValidationFailed with the errors */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChangeDiff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Added, removed and modified record types and fields */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GraphDiff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    listChangeEvents: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The change's timeline: status changes, targets and ops added or removed, dry runs */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeEvent"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    dryRunChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Dry run: validate and diff without writing or changing status (422 lists every error) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    mergeChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Execute a Ready change for real and mark it Merged (terminal); all or nothing */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    listPatchOps: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The change's patch ops, in the order they run */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatchOp"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    addPatchOp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePatchOpBody"];
            };
        };
        responses: {
            /** @description One schema edit of a change; the payload depends on opType */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatchOp"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    deletePatchOp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
                opId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delete a pending op (an executed op answers 409); no body */
            204: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChangeProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The project a change belongs to */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    revertChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created: Create a Draft change that restores exactly the schemas a merged change replaced */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listChangeSnapshots: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Schemas of the record types before the change merged */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordTypeSnapshot"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    startChangeWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Record a running workspace for the change and move it to WorkspaceRunning */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    setChangeStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeStatusBody"];
            };
        };
        responses: {
            /** @description OK: Move a change by hand (Draft → Implementing, reopen Ready → Implementing, …) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listChangeTargets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: What the change touches, in the order declared */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeTarget"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    addChangeTarget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTargetBody"];
            };
        };
        responses: {
            /** @description What a change touches; the selector depends on the type (D9) */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeTarget"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChangeWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The change's workspace (404 until one was started) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listChoiceLists: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The tenant's choice lists, by name */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChoiceList"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createChoiceList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChoiceListBody"];
            };
        };
        responses: {
            /** @description Created: Create a choice list, optionally with its first items */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChoiceList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChoiceList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                choiceListId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read a choice list */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChoiceList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listChoiceItems: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                choiceListId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The items of a choice list, in order */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChoiceItem"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    addChoiceItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                choiceListId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChoiceItemInput"];
            };
        };
        responses: {
            /** @description Created: Add an item to a choice list (values are unique per list) */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChoiceItem"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDashboardSummary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Counts shown on the console dashboard */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardSummary"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read an environment */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEnvironmentBody"];
            };
        };
        responses: {
            /** @description OK: Edit an environment's promotion settings */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listEnvironmentPackages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The packages an environment holds */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentPackage"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createEnvironmentRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created: Create a release freezing the environment's package state */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentRelease"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listEnvironmentReleases: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                environmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: An environment's releases, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentRelease"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listFormDefinitions: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                recordTypeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Form definitions, oldest first, optionally of one record type */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormDefinition"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createFormDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFormDefinitionBody"];
            };
        };
        responses: {
            /** @description Created: Create a draft form for a record type */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormDefinition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getFormDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read a form definition */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormDefinition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    activateFormDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Activate a form: draft → active */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormDefinition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    analyzeFormRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Problems of a form's rules: hidden but required, cycles, unknown fields, contradictions */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleProblem"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    retireFormDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Retire a form: active → retired */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormDefinition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listFormRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A form's behaviour rules in application order */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormRule"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createFormRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFormRuleBody"];
            };
        };
        responses: {
            /** @description Created: Add a behaviour rule (visible, required or read-only when a condition holds) */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormRule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listFormSections: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A form's sections in display order */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormSection"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createFormSection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFormSectionBody"];
            };
        };
        responses: {
            /** @description Created: Add a section to a form */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormSection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    activateFormOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formOverrideId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Activate a draft override (the form's previous active one is retired) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormOverride"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    retireFormOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formOverrideId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Retire a draft or active override */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormOverride"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteFormPlacement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formPlacementId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Take a field off the form; no body */
            204: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateFormPlacement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formPlacementId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFormPlacementBody"];
            };
        };
        responses: {
            /** @description OK: Move a field placement: another section of the form, column or position */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormPlacement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteFormRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formRuleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delete a behaviour rule; no body */
            204: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateFormRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formRuleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFormRuleBody"];
            };
        };
        responses: {
            /** @description OK: Change a behaviour rule */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormRule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteFormSection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formSectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delete a section and the field placements in it; no body */
            204: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateFormSection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formSectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFormSectionBody"];
            };
        };
        responses: {
            /** @description OK: Rename or reorder a form's section */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormSection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listFormPlacements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formSectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A section's field placements in display order */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormPlacement"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createFormPlacement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formSectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFormPlacementBody"];
            };
        };
        responses: {
            /** @description Created: Place a field of the record type in a section */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormPlacement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getCompiledForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The form’s name (unique per record type) */
                formName: string;
                /** @description The record type’s name (unique in the tenant) */
                recordTypeName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The compiled form: layout, effective flags and the layer that set each */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompiledForm"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    evaluateForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The form’s name (unique per record type) */
                formName: string;
                /** @description The record type’s name (unique in the tenant) */
                recordTypeName: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluateFormBody"];
            };
        };
        responses: {
            /** @description OK: Field states and violations of record data on a form (writes nothing) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormEvaluation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listFormOverrides: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The form’s name (unique per record type) */
                formName: string;
                /** @description The record type’s name (unique in the tenant) */
                recordTypeName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A form's overrides, newest version first */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormOverride"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createFormOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The form’s name (unique per record type) */
                formName: string;
                /** @description The record type’s name (unique in the tenant) */
                recordTypeName: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFormOverrideBody"];
            };
        };
        responses: {
            /** @description Created: Save form patch ops as the form's next override version (a draft) */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormOverride"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    proposeFormVibePatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The form’s name (unique per record type) */
                formName: string;
                /** @description The record type’s name (unique in the tenant) */
                recordTypeName: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The change, in words ("make due date required") */
                    prompt: string;
                };
            };
        };
        responses: {
            /** @description OK: Propose form patch ops from a prompt (never applied) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        generationId: string;
                        ops: components["schemas"]["FormPatchOp"][];
                        problems: components["schemas"]["FormPatchProblem"][];
                        /** @description No problems: the ops apply to the form as it is */
                        valid: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    installHrLite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstallHrLiteBody"];
            };
        };
        responses: {
            /** @description OK: Install HR Lite into a project (preview or apply) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageInstallResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    listInstalledApps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The tenant's installed apps, oldest first */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstalledApp"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getInstalledApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                installedAppId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One installed app with its modules and install events */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstalledAppDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    upgradeInstalledApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                installedAppId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpgradeAppBody"];
            };
        };
        responses: {
            /** @description OK: Upgrade an installed app to a newer version of its template */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstalledAppDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    listInstalledModuleOverrides: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                installedModuleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: An installed module's overrides by target, newest version first */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleOverride"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    resolveInstalledModule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                installedModuleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: An installed module's effective configuration, with the provenance of each value */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResolvedModule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listOverrides: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                installedModuleId?: string;
                limit?: number;
                /** @description overrideType */
                overrideType?: "workflow" | "form" | "rule" | "config";
                /** @description overrideStatus */
                status?: "draft" | "active" | "retired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Module overrides, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleOverride"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createOverride: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateModuleOverrideBody"];
            };
        };
        responses: {
            /** @description Created: Create a draft override of one target of an installed module */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleOverride"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                overrideId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One module override */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleOverride"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    activateOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                overrideId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Activate a draft override; the active one of its target is retired */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleOverride"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    retireOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                overrideId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Retire a draft or active override (final) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleOverride"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: List the tenant's projects, oldest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectBody"];
            };
        };
        responses: {
            /** @description Created: Create a project with dev, test and prod environments and a default module */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read a project */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listProjectChanges: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                status?: "Draft" | "Implementing" | "WorkspaceRunning" | "Validating" | "ValidationFailed" | "Ready" | "Merged";
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The change records of a project (P4), newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listProjectDeployments: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A project's deployments, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentDeployment"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listProjectEnvironments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The project's dev, test and prod environments */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listProjectModules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The project's modules */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Module"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getRecordTypeByKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read a record type by its key (keys are unique per project) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordType"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAgentRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The roles an agent holds */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentRole"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    assignAgentRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignRoleBody"];
            };
        };
        responses: {
            /** @description Created: Give an agent a role */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentRole"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    removeAgentRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
                roleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Take a role from an agent; no body */
            204: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAuditLogs: {
        parameters: {
            query?: {
                actorId?: string;
                actorType?: "user" | "agent" | "system";
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                from?: string;
                /** @description Also list allow decisions made on read-only requests */
                includeReads?: boolean;
                limit?: number;
                outcome?: "allow" | "deny";
                permission?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Authorization decisions and access-control changes (roles, permissions, assignments, policies), newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLog"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    explainAccess: {
        parameters: {
            query: {
                permission: "form.view" | "form.edit" | "workflow.execute" | "workflow.approve" | "override.activate" | "change.approve" | "admin.view" | "environment.release_create" | "environment.promote" | "project.edit" | "schema.edit" | "change.edit" | "rbac.manage" | "record.edit" | "workflow.edit" | "automation.run" | "package.install" | "environment.manage" | "override.edit" | "skill.manage" | "vibe.author";
                resourceId?: string;
                resourceType?: "form" | "workflow" | "override" | "change";
                userId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Would this user be allowed, and by which rule? Nothing is recorded */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Explanation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMyAccess: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The caller's actor type, roles and effective permissions */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The permission catalog */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Permission"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The tenant's policies */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePolicyBody"];
            };
        };
        responses: {
            /** @description Created: Allow or deny a role the permissions of a resource type (form, workflow, override, change) on one resource, or on all when resourceId is omitted */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    deletePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                policyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delete a policy; no body */
            204: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRoles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The tenant's roles with their permissions */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoleBody"];
            };
        };
        responses: {
            /** @description Created: Create a role */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    disableRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Disable a role */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    enableRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Enable a role */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRolePermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The role's permissions */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Permission"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    addRolePermission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddRolePermissionBody"];
            };
        };
        responses: {
            /** @description The role's permissions, the new one included */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Permission"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    removeRolePermission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                permissionId: string;
                roleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Take a permission (id or name) from a role; no body */
            204: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    seedDefaultRoles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Create the missing default roles (Admin, Editor, Viewer); idempotent */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAllUserRoles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Every role assignment in the tenant */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRole"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listUserRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The user's roles in this tenant */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRole"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    assignUserRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignRoleBody"];
            };
        };
        responses: {
            /** @description The user's roles, the new one included */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRole"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    removeUserRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roleId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Take a role from a user; no body */
            204: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    emitRecordEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordEventBody"];
            };
        };
        responses: {
            /** @description OK: Emit a record event by hand: queue an intent for every matching active trigger */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordEventResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRecordInstances: {
        parameters: {
            query: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                /** @description Equality filters, each `field:value` (repeat the parameter for several; all must hold). Values are read by the field type: numbers as numbers, `true`/`false` for booleans, datetimes in any zone. */
                filter?: string[];
                limit?: number;
                /** @description The record type whose records are listed */
                recordTypeId: string;
                /** @description createdAt, updatedAt or a field name; prefix - for descending */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One record type's records, filtered by field values and sorted */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordInstance"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createRecordInstance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRecordInstanceBody"];
            };
        };
        responses: {
            /** @description Created: Create a record of an active record type (assigned by its assignment config) */
            201: {
                headers: {
                    /** @description The record version, quoted ("3"); send it as If-Match */
                    etag?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordInstance"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getRecordInstance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recordId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read a record (data by field name) */
            200: {
                headers: {
                    /** @description The record version, quoted ("3"); send it as If-Match */
                    etag?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordInstance"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateRecordInstance: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version read ("3"), or * */
                "if-match"?: string;
            };
            path: {
                recordId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRecordInstanceBody"];
            };
        };
        responses: {
            /** @description OK: Merge values into a record's data (null clears an optional field) */
            200: {
                headers: {
                    /** @description The record version, quoted ("3"); send it as If-Match */
                    etag?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordInstance"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRecordTimers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recordId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The record’s SLA timers (status, due and warning times, paused time) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordTimer"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRecordLocks: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                recordId?: string;
                recordTypeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Record locks held by workflow executions, oldest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordLock"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    checkRecordLock: {
        parameters: {
            query: {
                recordId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Whether a record is locked, and by which execution */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordLockCheck"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listTimersOfRecords: {
        parameters: {
            query: {
                /** @description Repeat the parameter once per record */
                recordId: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The SLA timers of several records at once */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordTimer"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRecordTypes: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                projectId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Record types with their effective schemas, by project and key */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordType"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createRecordType: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRecordTypeBody"];
            };
        };
        responses: {
            /** @description Created: Create a draft record type (optionally inheriting from a base type of the same project) */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordType"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getRecordType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recordTypeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read a record type with its effective schema */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordType"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateRecordTypeConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recordTypeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRecordTypeConfigBody"];
            };
        };
        responses: {
            /** @description OK: Set or clear a draft record type's assignment and SLA configuration */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordType"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    activateRecordType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recordTypeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: draft → active */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordType"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRecordTypeFields: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recordTypeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The effective fields: inherited first, marked */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Field"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    addRecordTypeField: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recordTypeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FieldInput"];
            };
        };
        responses: {
            /** @description Created: Add a field to a draft record type (active schemas change only through change records: 409) */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordType"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    retireRecordType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recordTypeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: draft or active → retired */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordType"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The template catalog: every version of every template */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                templateId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One template version with the modules it installs */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    installTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                templateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstallTemplateBody"];
            };
        };
        responses: {
            /** @description Created: Install a template into a project */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstalledAppDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    listTemplateModules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                templateId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The modules a template version installs, in order, with their default configuration */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateModule"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listTenants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: List tenants (no tenant header needed) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    processTimers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProcessTimersBody"];
            };
        };
        responses: {
            /** @description OK: Process the tenant’s due SLA timers */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessTimersResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listVibeDrafts: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                projectId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Vibe drafts, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeDraft"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createVibeDraft: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVibeDraftBody"];
            };
        };
        responses: {
            /** @description Created: Create a draft from a prompt */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeDraft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    getVibeDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A vibe draft */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeDraft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    adoptVibeVariant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdoptVibeVariantBody"];
            };
        };
        responses: {
            /** @description OK: Adopt a variant as the draft package */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeDraft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    discardVibeDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Discard a draft (terminal) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeDraft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    listVibeDraftGenerations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The generations behind a draft, oldest first */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeGeneration"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    installVibeDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Install a previewed draft */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeDraftInstallResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    patchVibeDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchVibeDraftBody"];
            };
        };
        responses: {
            /** @description OK: Apply patch ops to a draft */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeDraft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    previewVibeDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Preview a draft: the install diff against its project */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeDraft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    refineVibeDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefineVibeDraftBody"];
            };
        };
        responses: {
            /** @description OK: Refine a draft with a prompt */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeDraft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    restoreVibeDraftVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RestoreVibeDraftBody"];
            };
        };
        responses: {
            /** @description OK: Restore an earlier version of a draft */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeDraft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    listVibeDraftVersions: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                draftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A draft's versions, oldest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeDraftVersion"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    diffVibeDraftVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiffVibeDraftVersionsBody"];
            };
        };
        responses: {
            /** @description OK: Diff two versions of a draft */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeVersionDiff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    createVibeDraftFromVariant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVibeDraftFromVariantBody"];
            };
        };
        responses: {
            /** @description Created: Create a draft from a variant */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeDraft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    generateVibeVariants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VibeGenerateMultiBody"];
            };
        };
        responses: {
            /** @description OK: Generate 1–5 package variants at once */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeGenerateMultiResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    streamVibeVariants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VibeGenerateMultiBody"];
            };
        };
        responses: {
            /** @description Server-sent events: `stage` ({ stage, attempt, problems? }), `token` ({ attempt, text }, token streams only), then `complete` (the result) or `error` (an error body) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    installVibePackage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VibeInstallBody"];
            };
        };
        responses: {
            /** @description OK: Install a vibe package through the install engine */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeInstallOutcome"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    previewVibePackage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VibePreviewBody"];
            };
        };
        responses: {
            /** @description OK: Generate (or refine) a package and preview it against the project */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibePreviewResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    streamVibePreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VibePreviewBody"];
            };
        };
        responses: {
            /** @description Server-sent events: `stage` ({ stage, attempt, problems? }), `token` ({ attempt, text }, token streams only), then `complete` (the result) or `error` (an error body) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    streamVibePreviewTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VibePreviewBody"];
            };
        };
        responses: {
            /** @description Server-sent events: `stage` ({ stage, attempt, problems? }), `token` ({ attempt, text }, token streams only), then `complete` (the result) or `error` (an error body) */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    diffVibeVariants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiffVibeVariantsBody"];
            };
        };
        responses: {
            /** @description OK: Compare two variant packages */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VibeVariantDiff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWorkflowApprovals: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Only approvals the caller is an approver of */
                mine?: boolean;
                status?: "pending" | "approved" | "rejected" | "cancelled";
                workflowExecutionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Approvals, newest first; mine=true&status=pending is the caller's queue */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowApproval"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWorkflowApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                approvalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read an approval with its approvers and decisions */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowApproval"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    decideWorkflowApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                approvalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowApprovalDecisionBody"];
            };
        };
        responses: {
            /** @description Created: Approve or reject */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowApproval"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWorkflowDefinitions: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                projectId?: string;
                status?: "draft" | "active" | "retired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Workflow definitions, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDefinition"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createWorkflowDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWorkflowDefinitionBody"];
            };
        };
        responses: {
            /** @description Created: Create a draft workflow definition and its linked change */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDefinition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWorkflowDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workflowDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read a workflow definition */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDefinition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    activateWorkflowDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workflowDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: draft → active */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDefinition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    executeWorkflowDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workflowDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowExecuteBody"];
            };
        };
        responses: {
            /** @description Created: Run an active definition now */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowExecution"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    retireWorkflowDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workflowDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: draft or active → retired */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDefinition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWorkflowSteps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workflowDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The steps of a definition, in order */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowStep"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    addWorkflowStep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workflowDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddWorkflowStepBody"];
            };
        };
        responses: {
            /** @description A step of a workflow definition; its config depends on its type */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowStep"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    removeWorkflowStep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                stepId: string;
                workflowDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Remove a step of a draft definition; no body */
            204: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateWorkflowStep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                stepId: string;
                workflowDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWorkflowStepBody"];
            };
        };
        responses: {
            /** @description A step of a workflow definition; its config depends on its type */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowStep"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWorkflowDefinitionTriggers: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                workflowDefinitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A workflow definition's triggers, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowTrigger"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWorkflowExecutions: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                status?: "running" | "paused" | "completed" | "failed";
                workflowDefinitionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Workflow executions, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowExecution"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWorkflowExecution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                executionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read a workflow execution */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowExecution"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    resumeWorkflowExecution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                executionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowResumeBody"];
            };
        };
        responses: {
            /** @description OK: Resume a paused execution with an outcome */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowExecution"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWorkflowStepExecutions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                executionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The steps an execution ran, in the order it ran them */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowStepExecution"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWorkflowIntents: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                status?: "pending" | "running" | "completed" | "dispatched" | "failed" | "duplicate";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Execution intents, newest first, optionally of one status */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowIntent"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWorkflowIntent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                intentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A queued request to start an execution, and how its dispatch went */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowIntent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    dispatchWorkflowIntents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 100 */
                    limit?: number;
                };
            };
        };
        responses: {
            /** @description OK: Dispatch the tenant's due intents now and answer the counts */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWorkflowTriggers: {
        parameters: {
            query?: {
                /** @description The x-next-cursor header of the previous page */
                cursor?: string;
                limit?: number;
                workflowDefinitionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The tenant's workflow triggers, newest first */
            200: {
                headers: {
                    /** @description Cursor of the next page; absent on the last page */
                    "x-next-cursor"?: string;
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowTrigger"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createWorkflowTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWorkflowTriggerBody"];
            };
        };
        responses: {
            /** @description Binds a workflow definition to record events, a schedule, or manual firing */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowTrigger"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWorkflowTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workflowTriggerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Binds a workflow definition to record events, a schedule, or manual firing */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowTrigger"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    disableWorkflowTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workflowTriggerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Binds a workflow definition to record events, a schedule, or manual firing */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowTrigger"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    enableWorkflowTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workflowTriggerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Binds a workflow definition to record events, a schedule, or manual firing */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowTrigger"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    fireWorkflowTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workflowTriggerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FireWorkflowTriggerBody"];
            };
        };
        responses: {
            /** @description The idempotency key was used before: status duplicate */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnqueuedIntent"];
                };
            };
            /** @description Created: Fire a trigger by hand: queue an execution intent (201), or answer the earlier one for a repeated key (200) */
            201: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnqueuedIntent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            503: components["responses"]["Unavailable"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API serves */
            200: {
                headers: {
                    /** @description The request's id (the caller's x-request-id when it was sane), for tracing */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            503: components["responses"]["Unavailable"];
        };
    };
}
