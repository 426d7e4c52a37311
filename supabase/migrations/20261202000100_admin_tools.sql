-- Issue 16, admin tools: blocks on the account, the audit log of every admin action, and /admin stats.
-- Each admin change is one function (one rpc, one transaction) writing the change and its audit row together,
-- once per key. Rows about a person go with them (on delete cascade); an admin who deletes their own account
-- leaves the rows they wrote with no actor (on delete set null).

alter table public.accounts add column blocked_at timestamptz;
alter table public.accounts add column blocked_reason text not null default '';

create table public.admin_audit (
  key text primary key,
  action text not null,
  account_id text references public.accounts (id) on delete cascade,
  actor_account_id text references public.accounts (id) on delete set null,
  channel text not null,
  credits bigint not null default 0,
  requested bigint not null default 0,
  reason text not null default '',
  at timestamptz not null
);
create index admin_audit_account_idx on public.admin_audit (account_id, at) where account_id is not null;
create index admin_audit_actor_idx on public.admin_audit (actor_account_id) where actor_account_id is not null;

-- The time columns /admin stats aggregates over.
create index generations_created_idx on public.generations (created_at);
create index generations_settled_idx on public.generations (updated_at) where status in ('succeeded', 'failed');
create index ledger_created_idx on public.ledger (created_at);

-- An audit row that changes nothing else (a look at an account, its prompts, the stats), once per key.
-- {"entry": the row as stored, "new": written now} or {"error": "not_found"} for an unknown account.
create function public.admin_audit(p_entry jsonb) returns jsonb
language plpgsql set search_path = public, pg_temp as $$
declare
  v admin_audit%rowtype := jsonb_populate_record(null::admin_audit, p_entry);
begin
  if v.account_id is not null and not exists (select 1 from accounts where id = v.account_id) then
    return jsonb_build_object('error', 'not_found');
  end if;
  insert into admin_audit values (v.*) on conflict (key) do nothing;
  return jsonb_build_object('entry', (select to_jsonb(a) from admin_audit a where a.key = v.key), 'new', found);
end $$;

-- Grant (requested > 0) or take back (requested < 0) paid credits with the audit row, once per key. A revoke takes
-- at most the paid balance (never below zero); the row's credits say what moved. The account row is the lock.
create function public.admin_credits(p_entry jsonb) returns jsonb
language plpgsql set search_path = public, pg_temp as $$
declare
  v admin_audit%rowtype := jsonb_populate_record(null::admin_audit, p_entry);
  v_balance bigint;
begin
  select credits into v_balance from accounts where id = v.account_id for update;
  if not found then
    return jsonb_build_object('error', 'not_found');
  end if;
  if exists (select 1 from admin_audit where key = v.key) then
    return jsonb_build_object('entry', (select to_jsonb(a) from admin_audit a where a.key = v.key), 'new', false);
  end if;
  v.credits := case when v.requested < 0 then -least(-v.requested, greatest(v_balance, 0)) else v.requested end;
  if v.credits <> 0 then
    insert into ledger (account_id, kind, credits, idempotency_key, note, created_at)
      values (v.account_id, 'admin', v.credits, 'admin:' || v.key, v.reason, v.at);
  end if;
  insert into admin_audit values (v.*);
  return jsonb_build_object('entry', to_jsonb(v), 'new', true);
end $$;

-- Block (action 'block': blocked_at kept if already blocked, the reason replaced) or unblock, with the audit row,
-- once per key.
create function public.admin_set_blocked(p_entry jsonb) returns jsonb
language plpgsql set search_path = public, pg_temp as $$
declare
  v admin_audit%rowtype := jsonb_populate_record(null::admin_audit, p_entry);
begin
  perform 1 from accounts where id = v.account_id for update;
  if not found then
    return jsonb_build_object('error', 'not_found');
  end if;
  if exists (select 1 from admin_audit where key = v.key) then
    return jsonb_build_object('entry', (select to_jsonb(a) from admin_audit a where a.key = v.key), 'new', false);
  end if;
  if v.action = 'block' then
    update accounts set blocked_at = coalesce(blocked_at, v.at), blocked_reason = v.reason where id = v.account_id;
  else
    update accounts set blocked_at = null, blocked_reason = '' where id = v.account_id;
  end if;
  insert into admin_audit values (v.*);
  return jsonb_build_object('entry', to_jsonb(v), 'new', true);
end $$;

-- One window of /admin stats, defined as the metrics define them: generations accepted (by resolution, with the
-- provider tasks they created), finished by outcome with core.quota's settlement split, credits sold.
create function public.admin_window(p_since timestamptz) returns jsonb
language sql stable set search_path = public, pg_temp as $$
  with kept as (
    select cardinality(image_keys) as n, (request ->> 'count')::int as wanted, hold_paid, unit_price,
           least(cardinality(image_keys), hold_free) as kept_free
      from generations where status in ('succeeded', 'failed') and updated_at >= p_since
  ), split as (
    select n, wanted, hold_paid, kept_free, least((n - kept_free) * unit_price, hold_paid) as kept_paid from kept
  ), made as (
    select request ->> 'resolution' as resolution, count(*) as requested,
           coalesce(sum(cardinality(array_remove(array_remove(task_ids, ''), null))), 0) as tasks
      from generations where created_at >= p_since group by 1
  )
  select jsonb_build_object(
    'requested', (select coalesce(sum(requested), 0) from made),
    'delivered', count(*) filter (where n > 0 and n >= wanted),
    'partly_refunded', count(*) filter (where n > 0 and n < wanted),
    'refunded', count(*) filter (where n = 0),
    'credits_sold', (select coalesce(sum(credits), 0) from ledger
                      where kind in ('purchase', 'renewal') and created_at >= p_since),
    'credits_used', coalesce(sum(kept_paid), 0),
    'credits_refunded', coalesce(sum(hold_paid - kept_paid), 0),
    'free_used', coalesce(sum(kept_free), 0),
    'provider_tasks', jsonb_build_object(
      '1K', coalesce((select tasks from made where resolution = '1K'), 0),
      '2K', coalesce((select tasks from made where resolution = '2K'), 0),
      '4K', coalesce((select tasks from made where resolution = '4K'), 0)))
  from split;
$$;

-- /admin stats in one call: people active, the two windows, and the work in flight now.
create function public.admin_stats(p_today timestamptz, p_week timestamptz) returns jsonb
language sql stable set search_path = public, pg_temp as $$
  select jsonb_build_object(
    'active_today', (select count(distinct account_id) from generations where created_at >= p_today),
    'active_week', (select count(distinct account_id) from generations where created_at >= p_week),
    'today', admin_window(p_today),
    'week', admin_window(p_week),
    'queued', count(*) filter (where status = 'queued'),
    'running', count(*) filter (where status = 'running'),
    'undelivered', count(*) filter (where status in ('succeeded', 'failed')),
    'accounts_in_flight', count(distinct account_id))
  from generations where status in ('queued', 'running') or delivered_at is null;
$$;

alter table public.admin_audit enable row level security;
revoke all on public.admin_audit from public, anon, authenticated;
grant select, insert, update, delete on public.admin_audit to service_role;

revoke execute on function public.admin_audit(jsonb), public.admin_credits(jsonb), public.admin_set_blocked(jsonb),
  public.admin_window(timestamptz), public.admin_stats(timestamptz, timestamptz)
  from public, anon, authenticated;
grant execute on function public.admin_audit(jsonb), public.admin_credits(jsonb), public.admin_set_blocked(jsonb),
  public.admin_window(timestamptz), public.admin_stats(timestamptz, timestamptz)
  to service_role;

notify pgrst, 'reload schema';
