-- Issue 13 item 7: /deleteme then /start must not reset today's free allowance or wipe an unpaid debt.
-- A deletion leaves, per identity, a keyed hash (core.abuse.identity_digest: HMAC-SHA256 with the server's
-- IDENTITY_HASH_KEY) with today's free use and any debt; nothing here identifies a person.
create table public.abuse_memory (
  digest text primary key,
  free_day date not null,
  free_used integer not null default 0 check (free_used >= 0),
  debt bigint not null default 0 check (debt >= 0)
);
alter table public.abuse_memory enable row level security;
revoke all on public.abuse_memory from public, anon, authenticated;
grant select, insert, update, delete on public.abuse_memory to service_role;

-- Keep what abuse prevention needs (replacing what was kept under the same digest); expired entries (no debt,
-- an earlier day) go. p_memories: [{digest, free_day, free_used, debt}].
create function public.remember_after_deletion(p_memories jsonb, p_today date) returns void
language sql set search_path = public, pg_temp as $$
  delete from abuse_memory where debt = 0 and free_day < p_today;
  insert into abuse_memory (digest, free_day, free_used, debt)
    select m ->> 'digest', (m ->> 'free_day')::date, (m ->> 'free_used')::integer, (m ->> 'debt')::bigint
      from jsonb_array_elements(p_memories) m
     where (m ->> 'free_used')::integer > 0 or (m ->> 'debt')::bigint > 0
  on conflict (digest) do update
    set free_day = excluded.free_day, free_used = excluded.free_used, debt = excluded.debt;
$$;

-- create_account as before, and a new account takes over (once, in the same transaction) what a deleted account
-- of this identity left under p_digest: the free use of p_now's UTC day and any debt, as one ledger entry.
drop function public.create_account(text, text, text, text, text, timestamptz);
create function public.create_account(
  p_account_id text, p_platform text, p_platform_user_id text, p_display_name text, p_locale text, p_now timestamptz,
  p_digest text default null
) returns jsonb
language plpgsql set search_path = public, pg_temp as $$
declare
  v_id text;
  v_day date := (p_now at time zone 'utc')::date;
  m abuse_memory%rowtype;
begin
  select account_id into v_id from identities where platform = p_platform and platform_user_id = p_platform_user_id;
  if v_id is null then
    insert into accounts (id, display_name, locale, created_at)
      values (p_account_id, coalesce(p_display_name, ''), coalesce(nullif(p_locale, ''), 'en'), p_now);
    insert into identities (platform, platform_user_id, account_id, created_at)
      values (p_platform, p_platform_user_id, p_account_id, p_now)
      on conflict (platform, platform_user_id) do nothing;
    if found then
      v_id := p_account_id;
      delete from abuse_memory where digest = p_digest returning * into m;
      if found and (m.debt > 0 or (m.free_day = v_day and m.free_used > 0)) then
        insert into ledger (account_id, kind, credits, free_images, free_day, idempotency_key, note, created_at)
          values (v_id, 'admin', -m.debt, case when m.free_day = v_day then -m.free_used else 0 end, v_day,
                  'carried:' || v_id, 'carried over from a deleted account', p_now);
      end if;
    else
      -- Another transaction won the race for this identity: drop ours, use theirs.
      delete from accounts where id = p_account_id;
      select account_id into v_id from identities where platform = p_platform and platform_user_id = p_platform_user_id;
    end if;
  end if;
  return (select to_jsonb(a) - 'credits' from accounts a where a.id = v_id);
end $$;

revoke execute on function
  public.remember_after_deletion(jsonb, date),
  public.create_account(text, text, text, text, text, timestamptz, text)
  from public, anon, authenticated;
grant execute on function
  public.remember_after_deletion(jsonb, date),
  public.create_account(text, text, text, text, text, timestamptz, text)
  to service_role;

notify pgrst, 'reload schema';
