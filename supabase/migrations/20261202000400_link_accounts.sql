-- Issue 18: one account across Telegram, Discord and the console. One-time link codes (kept as a keyed hash),
-- joining an identity to an account, merging two accounts that both have history in ONE function (one
-- transaction: a crash half-way leaves nothing of it), and detaching an identity again.

-- The name shown for an identity ("@ada"), set when it links.
alter table public.identities add column label text not null default '';

-- A merge writes one `merge` entry on each side.
alter table public.ledger drop constraint if exists ledger_kind_check;
alter table public.ledger add constraint ledger_kind_check
  check (kind in ('grant', 'purchase', 'hold', 'capture', 'refund', 'renewal', 'clawback', 'admin', 'merge'));

-- Only the keyed hash of a code (core.linking.code_hash), never the code itself.
create table public.link_codes (
  code_hash text primary key,
  account_id text not null references public.accounts (id) on delete cascade,
  platform text not null,
  label text not null default '',
  expires_at timestamptz not null,
  used_at timestamptz
);
create index link_codes_account_idx on public.link_codes (account_id);

-- An account merged into another: a later reference to its id (a checkout it opened) reaches the survivor.
create table public.account_aliases (
  merged_id text primary key,
  account_id text not null references public.accounts (id) on delete cascade
);
create index account_aliases_account_idx on public.account_aliases (account_id);

-- Keep a code as the account's one live code and its label as the issuing identity's name; expired codes go.
create function public.save_link_code(
  p_code_hash text, p_account_id text, p_platform text, p_platform_user_id text, p_label text,
  p_expires_at timestamptz, p_now timestamptz
) returns void
language plpgsql set search_path = public, pg_temp as $$
begin
  delete from link_codes where expires_at <= p_now or account_id = p_account_id;
  insert into link_codes (code_hash, account_id, platform, label, expires_at)
    select p_code_hash, p_account_id, p_platform, coalesce(p_label, ''), p_expires_at
     where exists (select 1 from accounts where id = p_account_id);
  if coalesce(p_label, '') <> '' then
    update identities set label = p_label where platform = p_platform and platform_user_id = p_platform_user_id;
  end if;
end $$;

-- Move every row that refers to p_from (any table with a foreign key to accounts, also tables added later) to
-- p_to; a row that would duplicate one p_to already has (a unique key) goes instead. Runs inside the caller's
-- transaction.
create function public.move_account_rows(p_to text, p_from text) returns void
language plpgsql set search_path = public, pg_temp as $$
declare
  r record;
  v_ctid tid;
begin
  for r in
    select c.conrelid::regclass as tbl, a.attname as col
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
     where c.contype = 'f' and c.confrelid = 'public.accounts'::regclass and cardinality(c.conkey) = 1
  loop
    begin
      execute format('update %s set %I = $1 where %I = $2', r.tbl, r.col, r.col) using p_to, p_from;
    exception when unique_violation then
      for v_ctid in execute format('select ctid from %s where %I = $1', r.tbl, r.col) using p_from loop
        begin
          execute format('update %s set %I = $1 where ctid = $2', r.tbl, r.col) using p_to, v_ctid;
        exception when unique_violation then
          execute format('delete from %s where ctid = $1', r.tbl) using v_ctid;
        end;
      end loop;
    end;
  end loop;
end $$;

-- Why two accounts cannot be joined (null when they can); p_joining null: a lone identity on p_platform joins.
create function public.link_refusal(p_survivor text, p_joining text, p_platform text) returns jsonb
language plpgsql set search_path = public, pg_temp as $$
declare
  s accounts%rowtype;
  j accounts%rowtype;
  v_clash text;
begin
  select * into s from accounts where id = p_survivor;
  if p_joining is not null then
    select * into j from accounts where id = p_joining;
  end if;
  if s.id is null or s.deleting_at is not null or (p_joining is not null and (j.id is null or j.deleting_at is not null))
  then
    return jsonb_build_object('status', 'being_deleted');
  end if;
  select platform into v_clash from identities
   where account_id = p_survivor
     and platform in (select platform from identities where account_id = p_joining
                      union all select p_platform where p_joining is null)
   limit 1;
  if v_clash is not null then
    return jsonb_build_object('status', 'same_platform', 'account_id', p_survivor, 'platform', v_clash);
  end if;
  if p_joining is null then
    return null;
  end if;
  if exists (select 1 from generations where account_id = p_joining and status in ('queued', 'running')) then
    return jsonb_build_object('status', 'in_flight', 'account_id', p_survivor);
  end if;
  if s.subscription_id is not null and j.subscription_id is not null then
    return jsonb_build_object('status', 'two_plans', 'account_id', p_survivor);
  end if;
  return null;
end $$;

-- The merge itself: the absorbed balance closes (merge-out) and opens on the survivor (merge-in), today's free use
-- becomes the higher of the two, the survivor takes the plan/email/consent it lacks, every row moves, the absorbed
-- id becomes an alias. Both account rows are locked by the caller.
create function public.merge_accounts(p_survivor text, p_absorbed text, p_day date, p_now timestamptz) returns void
language plpgsql set search_path = public, pg_temp as $$
declare
  s accounts%rowtype;
  a accounts%rowtype;
  v_used_s integer;
  v_used_a integer;
  v_paid_a bigint;
  v_takes_consent boolean;
begin
  select * into s from accounts where id = p_survivor;
  select * into a from accounts where id = p_absorbed;
  -- The survivor takes the absorbed account's consent (and the versions accepted) only if it has none itself.
  v_takes_consent := not (s.consent_at is not null and s.age_confirmed) and a.consent_at is not null and a.age_confirmed;
  select coalesce(-sum(free_images), 0) into v_used_s from ledger where account_id = p_survivor and free_day = p_day;
  select coalesce(-sum(free_images), 0) into v_used_a from ledger where account_id = p_absorbed and free_day = p_day;
  select coalesce(sum(credits), 0) into v_paid_a from ledger where account_id = p_absorbed;
  insert into ledger (account_id, kind, credits, free_images, free_day, idempotency_key, note, created_at)
    values (p_absorbed, 'merge', -v_paid_a, v_used_a, p_day, 'merge-out:' || p_absorbed,
            'merged into ' || p_survivor, p_now),
           (p_survivor, 'merge', v_paid_a, -(greatest(v_used_s, v_used_a) - v_used_s), p_day,
            'merge-in:' || p_absorbed, 'merged from ' || p_absorbed, p_now);
  update accounts
     set plan = case when s.subscription_id is null and a.subscription_id is not null then a.plan else plan end,
         plan_status = case when s.subscription_id is null and a.subscription_id is not null then a.plan_status
                            else plan_status end,
         subscription_id = coalesce(s.subscription_id, a.subscription_id),
         customer_id = case when s.subscription_id is null and a.subscription_id is not null then a.customer_id
                            else coalesce(s.customer_id, a.customer_id) end,
         email = coalesce(s.email, a.email),
         consent_at = case when v_takes_consent then a.consent_at else s.consent_at end,
         age_confirmed = case when v_takes_consent then true else s.age_confirmed end,
         accepted_terms_version = case when v_takes_consent then a.accepted_terms_version
                                       else s.accepted_terms_version end,
         accepted_policy_version = case when v_takes_consent then a.accepted_policy_version
                                        else s.accepted_policy_version end
   where id = p_survivor;
  delete from link_codes where account_id = p_absorbed;
  perform move_account_rows(p_survivor, p_absorbed);
  insert into account_aliases (merged_id, account_id) values (p_absorbed, p_survivor)
    on conflict (merged_id) do update set account_id = excluded.account_id;
  delete from accounts where id = p_absorbed;
end $$;

-- Join an identity to the account of a code, exactly once (see core.ports.LinkStore.link_identity).
-- Both account rows are locked (in id order, the lock reserve takes), so a reservation, a deletion fence or a
-- second confirmation waits for this one and then sees its result.
create function public.link_identity(
  p_code_hash text, p_platform text, p_platform_user_id text, p_label text, p_day date, p_now timestamptz
) returns jsonb
language plpgsql set search_path = public, pg_temp as $$
declare
  c link_codes%rowtype;
  v_joining text;
  v_refusal jsonb;
begin
  select * into c from link_codes where code_hash = p_code_hash;
  if not found then
    return jsonb_build_object('status', 'invalid');
  end if;
  select account_id into v_joining from identities where platform = p_platform and platform_user_id = p_platform_user_id;
  perform 1 from accounts where id in (c.account_id, v_joining) order by id for update;
  select * into c from link_codes where code_hash = p_code_hash for update;
  if not found then
    return jsonb_build_object('status', 'invalid');
  end if;
  select account_id into v_joining from identities where platform = p_platform and platform_user_id = p_platform_user_id;
  perform 1 from accounts where id = v_joining for update;  -- it merged elsewhere meanwhile: lock the new one too
  if v_joining = c.account_id then
    return jsonb_build_object('status', 'already_linked', 'account_id', c.account_id);
  end if;
  if c.used_at is not null or c.expires_at <= p_now then
    return jsonb_build_object('status', 'invalid');
  end if;
  v_refusal := link_refusal(c.account_id, v_joining, p_platform);
  if v_refusal is not null then
    return v_refusal;
  end if;
  if v_joining is null then
    insert into identities (platform, platform_user_id, account_id, created_at, label)
      values (p_platform, p_platform_user_id, c.account_id, p_now, coalesce(p_label, ''));
  else
    perform merge_accounts(c.account_id, v_joining, p_day, p_now);
  end if;
  if coalesce(p_label, '') <> '' then
    update identities set label = p_label where platform = p_platform and platform_user_id = p_platform_user_id;
  end if;
  update link_codes set used_at = p_now where code_hash = p_code_hash;
  return jsonb_build_object('status', case when v_joining is null then 'linked' else 'merged' end,
                            'account_id', c.account_id);
end $$;

-- Detach the account's identity on a platform, unless it is the last one (the account row lock serializes this).
create function public.unlink_identity(p_account_id text, p_platform text) returns text
language plpgsql set search_path = public, pg_temp as $$
declare
  v_deleting timestamptz;
begin
  select deleting_at into v_deleting from accounts where id = p_account_id for update;
  if not found then
    return 'not_linked';
  end if;
  if v_deleting is not null then
    return 'being_deleted';
  end if;
  if not exists (select 1 from identities where account_id = p_account_id and platform = p_platform) then
    return 'not_linked';
  end if;
  if not exists (select 1 from identities where account_id = p_account_id and platform <> p_platform) then
    return 'last';
  end if;
  delete from identities where account_id = p_account_id and platform = p_platform;
  return 'unlinked';
end $$;

-- Security, as everywhere: RLS with no policies, only service_role may use the tables and call the functions.
alter table public.link_codes enable row level security;
alter table public.account_aliases enable row level security;
revoke all on public.link_codes, public.account_aliases from public, anon, authenticated;
grant select, insert, update, delete on public.link_codes, public.account_aliases to service_role;

revoke execute on function
  public.save_link_code(text, text, text, text, text, timestamptz, timestamptz),
  public.move_account_rows(text, text),
  public.link_refusal(text, text, text),
  public.merge_accounts(text, text, date, timestamptz),
  public.link_identity(text, text, text, text, date, timestamptz),
  public.unlink_identity(text, text)
  from public, anon, authenticated;
grant execute on function
  public.save_link_code(text, text, text, text, text, timestamptz, timestamptz),
  public.link_identity(text, text, text, text, date, timestamptz),
  public.unlink_identity(text, text)
  to service_role;

notify pgrst, 'reload schema';
