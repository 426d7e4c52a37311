-- Issue 16: announcements from the operator to every person, each sent once. Recording one writes a pending copy
-- per account (on its first identity); every bot process claims copies in small batches (skip locked), marks each
-- `sending` just before the platform call and then how it went. A copy left `sending` by a process that died is
-- `uncertain` and never sent again (no second copy). Copies go with their account (on delete cascade).

create table public.announcements (
  id text primary key,
  kind text not null check (kind in ('policy', 'terms', 'news')),
  text text not null,
  created_at timestamptz not null,
  created_by text not null default ''
);

create table public.announcement_recipients (
  announcement_id text not null references public.announcements (id) on delete cascade,
  account_id text not null references public.accounts (id) on delete cascade,
  platform text not null,
  platform_user_id text not null,
  state text not null default 'pending'
    check (state in ('pending', 'claimed', 'sending', 'sent', 'blocked', 'failed', 'skipped', 'uncertain')),
  claimed_by text,
  lease_until timestamptz,
  not_before timestamptz,
  attempts integer not null default 0,
  finished_at timestamptz,
  primary key (announcement_id, account_id)
);
create index announcement_recipients_open_idx on public.announcement_recipients (platform, state)
  where state in ('pending', 'claimed', 'sending');
create index announcement_recipients_account_idx on public.announcement_recipients (account_id);

-- The announcement and one pending copy per account (its first identity; accounts being deleted are left out),
-- in one transaction. Recording the same id again adds nothing. The number of copies.
create function public.record_announcement(
  p_id text, p_kind text, p_text text, p_created_at timestamptz, p_created_by text
) returns integer
language plpgsql set search_path = public, pg_temp as $$
begin
  insert into announcements (id, kind, text, created_at, created_by)
    values (p_id, p_kind, p_text, p_created_at, p_created_by)
    on conflict (id) do nothing;
  if found then
    insert into announcement_recipients (announcement_id, account_id, platform, platform_user_id)
      select distinct on (i.account_id) p_id, i.account_id, i.platform, i.platform_user_id
        from identities i join accounts a on a.id = i.account_id
       where a.deleting_at is null
       order by i.account_id, i.created_at, i.platform, i.platform_user_id;
  end if;
  return (select count(*) from announcement_recipients where announcement_id = p_id);
end $$;

-- Take up to p_limit copies on these platforms (and, if given, that platform user) for p_token until p_until:
-- pending ones whose retry time has come and claimed ones whose lease expired, oldest announcement first; two
-- callers never get the same copy (skip locked). First, copies left sending past their lease become uncertain.
create function public.claim_recipients(
  p_platforms text[], p_user text, p_limit integer, p_token text, p_now timestamptz, p_until timestamptz
) returns jsonb
language plpgsql set search_path = public, pg_temp as $$
declare
  v_claimed jsonb;
begin
  update announcement_recipients set state = 'uncertain', finished_at = p_now
   where state = 'sending' and lease_until < p_now;
  with picked as (
    select r.announcement_id, r.account_id
      from announcement_recipients r join announcements a on a.id = r.announcement_id
     where r.platform = any (p_platforms)
       and (p_user is null or r.platform_user_id = p_user)
       and ((r.state = 'pending' and (r.not_before is null or r.not_before <= p_now))
            or (r.state = 'claimed' and r.lease_until < p_now))
     order by a.created_at, a.id, r.account_id
     limit p_limit
     for update of r skip locked
  ), claimed as (
    update announcement_recipients r
       set state = 'claimed', claimed_by = p_token, lease_until = p_until
      from picked
     where r.announcement_id = picked.announcement_id and r.account_id = picked.account_id
    returning r.*
  )
  select coalesce(jsonb_agg(jsonb_build_object(
           'announcement', to_jsonb(a.*), 'account_id', c.account_id, 'platform', c.platform,
           'platform_user_id', c.platform_user_id, 'attempts', c.attempts)
         order by a.created_at, a.id, c.account_id), '[]'::jsonb)
    into v_claimed
    from claimed c join announcements a on a.id = c.announcement_id;
  return v_claimed;
end $$;

-- Claimed or sending by p_token → p_state; 'pending' puts it back until p_not_before with one more attempt.
-- False when p_token no longer holds it.
create function public.finish_recipient(
  p_announcement_id text, p_account_id text, p_token text, p_state text, p_now timestamptz, p_not_before timestamptz
) returns boolean
language sql set search_path = public, pg_temp as $$
  with changed as (
    update announcement_recipients
       set state = p_state,
           finished_at = case when p_state = 'pending' then null else p_now end,
           claimed_by = case when p_state = 'pending' then null else claimed_by end,
           lease_until = case when p_state = 'pending' then null else lease_until end,
           not_before = case when p_state = 'pending' then p_not_before else not_before end,
           attempts = attempts + case when p_state = 'pending' then 1 else 0 end
     where announcement_id = p_announcement_id and account_id = p_account_id and claimed_by = p_token
       and state in ('claimed', 'sending')
    returning 1)
  select exists (select 1 from changed);
$$;

-- The latest p_limit announcements, newest first, with their copies counted by state and how many finished at
-- or after p_since.
create function public.announcement_progress(p_since timestamptz, p_limit integer) returns jsonb
language sql stable set search_path = public, pg_temp as $$
  select coalesce(jsonb_agg(jsonb_build_object(
           'announcement', to_jsonb(a.*),
           'counts', coalesce((select jsonb_object_agg(s.state, s.n) from (
                        select state, count(*) as n from announcement_recipients r
                         where r.announcement_id = a.id group by state) s), '{}'::jsonb),
           'recent', (select count(*) from announcement_recipients r
                       where r.announcement_id = a.id and r.finished_at >= p_since))
         order by a.created_at desc, a.id), '[]'::jsonb)
    from (select * from announcements order by created_at desc, id limit p_limit) a;
$$;

-- Security, as in the first migration: RLS with no policies; only service_role uses the tables and functions.
alter table public.announcements enable row level security;
alter table public.announcement_recipients enable row level security;
revoke all on public.announcements, public.announcement_recipients from public, anon, authenticated;
grant select, insert, update, delete on public.announcements, public.announcement_recipients to service_role;

revoke execute on function
  public.record_announcement(text, text, text, timestamptz, text),
  public.claim_recipients(text[], text, integer, text, timestamptz, timestamptz),
  public.finish_recipient(text, text, text, text, timestamptz, timestamptz),
  public.announcement_progress(timestamptz, integer)
  from public, anon, authenticated;
grant execute on function
  public.record_announcement(text, text, text, timestamptz, text),
  public.claim_recipients(text[], text, integer, text, timestamptz, timestamptz),
  public.finish_recipient(text, text, text, text, timestamptz, timestamptz),
  public.announcement_progress(timestamptz, integer)
  to service_role;

notify pgrst, 'reload schema';
