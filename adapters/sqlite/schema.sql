-- The embedded default's schema (created on start). Everything about a person cascades from accounts.
create table if not exists accounts (
    id text primary key,
    display_name text not null default '',
    locale text not null default 'en',
    language text not null default '', -- chosen in /settings; '' follows the platform's language
    email text,
    consent_at text,
    age_confirmed integer not null default 0,
    notifications_opt_out integer not null default 0,
    default_aspect_ratio text not null default 'auto',
    default_resolution text not null default '1K',
    send_as_file integer not null default 0,
    plan text,
    plan_status text,
    subscription_id text,
    customer_id text,
    deletion_code text,
    deletion_expires_at text,
    deleting_at text, -- the deletion fence: set, nothing new is reserved or stored for the account
    accepted_terms_version text, -- the versions last accepted (each acceptance is a row of `consents`)
    accepted_policy_version text,
    blocked_at text, -- set by an admin: every command but the privacy rights is refused
    blocked_reason text not null default '',
    created_at text not null
);

create table if not exists identities (
    platform text not null,
    platform_user_id text not null,
    account_id text not null references accounts (id) on delete cascade,
    created_at text not null,
    label text not null default '', -- the name shown for this identity (linking), e.g. "@ada"
    primary key (platform, platform_user_id)
);
create index if not exists identities_account on identities (account_id);

-- The consent history: every acceptance of the terms and privacy policy, with their versions.
create table if not exists consents (
    id integer primary key autoincrement,
    account_id text not null references accounts (id) on delete cascade,
    accepted_at text not null,
    terms_version text not null,
    policy_version text not null
);
create index if not exists consents_account on consents (account_id);

create table if not exists generations (
    id text primary key,
    account_id text not null references accounts (id) on delete cascade,
    request text not null,
    status text not null,
    hold text not null,
    delivery text not null,
    task_ids text not null default '[]',
    creating text not null default '[]',
    image_keys text not null default '[]',
    error_code text,
    error_detail text,
    delivered_at text,
    delivering_until text,
    created_at text not null,
    updated_at text not null
);
create index if not exists generations_account_status on generations (account_id, status);
create index if not exists generations_open on generations (status, delivered_at);
create index if not exists generations_created on generations (created_at);
create index if not exists generations_settled on generations (updated_at) where status in ('succeeded', 'failed');

create table if not exists ledger (
    id integer primary key autoincrement,
    account_id text not null references accounts (id) on delete cascade,
    kind text not null,
    credits integer not null,
    free_images integer not null default 0,
    free_day text,
    idempotency_key text not null unique,
    generation_id text,
    note text not null default '',
    created_at text not null
);
create index if not exists ledger_account_day on ledger (account_id, free_day);
create index if not exists ledger_created on ledger (created_at);

create table if not exists payments (
    id text primary key,
    account_id text not null references accounts (id) on delete cascade,
    provider text not null,
    provider_ref text not null,
    product_id text,
    credits integer not null,
    status text not null,
    created_at text not null
);
create index if not exists payments_account on payments (account_id);
-- Not unique: one reference may carry several payments; find_payment takes the earliest.
create index if not exists payments_ref on payments (provider, provider_ref, created_at);

-- Event ids only: nothing here identifies a person.
create table if not exists webhook_events (
    provider text not null,
    event_id text not null,
    processed_at text not null,
    primary key (provider, event_id)
);

-- What abuse prevention keeps after a deletion (core.abuse): a keyed hash of an identity, today's free use and
-- any unpaid debt. Nothing here identifies a person.
create table if not exists abuse_memory (
    digest text primary key,
    free_day text not null,
    free_used integer not null default 0,
    debt integer not null default 0
);

-- One-time link codes (/link): only a keyed hash of the code (core.linking.code_hash), never the code itself.
create table if not exists link_codes (
    code_hash text primary key,
    account_id text not null references accounts (id) on delete cascade,
    platform text not null,
    label text not null default '',
    expires_at text not null,
    used_at text
);
create index if not exists link_codes_account on link_codes (account_id);

-- An account merged into another by linking: a later reference to its id (a checkout it opened) reaches the
-- survivor. Two opaque ids, gone with the survivor.
create table if not exists account_aliases (
    merged_id text primary key,
    account_id text not null references accounts (id) on delete cascade
);
create index if not exists account_aliases_account on account_aliases (account_id);

-- Every admin action (core.audit), once per key. Rows about a person go with them; an admin who deletes their own
-- account leaves the rows they wrote with no actor.
create table if not exists admin_audit (
    key text primary key,
    action text not null,
    account_id text references accounts (id) on delete cascade,
    actor_account_id text references accounts (id) on delete set null,
    channel text not null,
    credits integer not null default 0,
    requested integer not null default 0,
    reason text not null default '',
    at text not null
);
create index if not exists admin_audit_account on admin_audit (account_id);
create index if not exists admin_audit_actor on admin_audit (actor_account_id);

-- Announcements from the operator, and each person's copy (one per account, on its first identity). A copy goes
-- with its account when the account is deleted.
create table if not exists announcements (
    id text primary key,
    kind text not null,
    text text not null,
    created_at text not null,
    created_by text not null default ''
);

create table if not exists announcement_recipients (
    announcement_id text not null references announcements (id) on delete cascade,
    account_id text not null references accounts (id) on delete cascade,
    platform text not null,
    platform_user_id text not null,
    state text not null default 'pending',
    claimed_by text,
    lease_until text,
    not_before text,
    attempts integer not null default 0,
    finished_at text,
    primary key (announcement_id, account_id)
);
create index if not exists announcement_recipients_open on announcement_recipients (state, platform);
create index if not exists announcement_recipients_account on announcement_recipients (account_id);
