-- gpt-image-bot: the Store on Postgres (Supabase). Tables, indexes, RLS and the atomic money functions.
-- Every money change is one call to a function below (one PostgREST rpc, one transaction).
-- Sign conventions of `ledger`: `credits` is the change of the paid balance (hold < 0, refund > 0,
-- capture = 0 because the hold already took the credits); `free_images` is the change of the free images
-- left on `free_day` (hold < 0, refund > 0). So paid balance = sum(credits), used today = -sum(free_images).
-- (The same conventions as adapters/sqlite, so both pass one contract suite.)

create table public.accounts (
  id text primary key,
  display_name text not null default '',
  locale text not null default 'en',
  email text,
  consent_at timestamptz,
  age_confirmed boolean not null default false,
  notifications_opt_out boolean not null default false,
  default_aspect_ratio text not null default 'auto',
  default_resolution text not null default '1K',
  send_as_file boolean not null default false,
  plan text,
  subscription_id text,
  customer_id text,
  deletion_code text,
  deletion_expires_at timestamptz,
  -- The paid balance, kept equal to sum(ledger.credits) by a trigger; the row is the lock for reservations.
  credits bigint not null default 0,
  created_at timestamptz not null default now()
);
create index accounts_subscription_idx on public.accounts (subscription_id) where subscription_id is not null;
create index accounts_customer_idx on public.accounts (customer_id) where customer_id is not null;

create table public.identities (
  platform text not null,
  platform_user_id text not null,
  account_id text not null references public.accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (platform, platform_user_id)
);
create index identities_account_idx on public.identities (account_id);

-- An audit trail of consent (terms + privacy + age), written by a trigger whenever the account's consent changes.
create table public.consents (
  id bigint generated always as identity primary key,
  account_id text not null references public.accounts (id) on delete cascade,
  consent_at timestamptz,
  age_confirmed boolean not null,
  recorded_at timestamptz not null default now()
);
create index consents_account_idx on public.consents (account_id);

create table public.generations (
  id text primary key,
  account_id text not null references public.accounts (id) on delete cascade,
  request jsonb not null,
  status text not null check (status in ('queued', 'running', 'succeeded', 'failed')),
  hold_free integer not null check (hold_free >= 0),
  hold_paid integer not null check (hold_paid >= 0),
  unit_price integer not null check (unit_price >= 0),
  free_day date not null,
  delivery jsonb not null,
  task_ids text[] not null default '{}',
  image_keys text[] not null default '{}',
  error_code text,
  error_detail text,
  delivered_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index generations_account_idx on public.generations (account_id, created_at);
create index generations_active_idx on public.generations (account_id) where status in ('queued', 'running');
create index generations_unfinished_idx on public.generations (created_at)
  where status in ('queued', 'running') or delivered_at is null;

create table public.ledger (
  id bigint generated always as identity primary key,
  account_id text not null references public.accounts (id) on delete cascade,
  kind text not null
    check (kind in ('grant', 'purchase', 'hold', 'capture', 'refund', 'renewal', 'clawback', 'admin')),
  credits bigint not null,
  free_images integer not null default 0,
  free_day date,
  idempotency_key text not null unique,
  generation_id text references public.generations (id) on delete cascade,
  note text not null default '',
  created_at timestamptz not null
);
create index ledger_account_idx on public.ledger (account_id, id);
create index ledger_free_day_idx on public.ledger (account_id, free_day) where free_day is not null;
create index ledger_generation_idx on public.ledger (generation_id) where generation_id is not null;

create table public.payments (
  id text primary key,
  account_id text not null references public.accounts (id) on delete cascade,
  provider text not null,
  provider_ref text not null,
  product_id text,
  credits integer not null,
  status text not null,
  created_at timestamptz not null
);
create index payments_account_idx on public.payments (account_id, created_at);
create index payments_ref_idx on public.payments (provider, provider_ref, created_at);

-- Processed webhook events: no personal data, so no account reference.
create table public.webhook_events (
  provider text not null,
  event_id text not null,
  processed_at timestamptz not null,
  primary key (provider, event_id)
);

-- Triggers -----------------------------------------------------------------------------------------------------

create function public.ledger_apply() returns trigger
language plpgsql set search_path = public, pg_temp as $$
begin
  if new.credits <> 0 then
    update public.accounts set credits = credits + new.credits where id = new.account_id;
  end if;
  return new;
end $$;
create trigger ledger_apply after insert on public.ledger for each row execute function public.ledger_apply();

create function public.accounts_consent_log() returns trigger
language plpgsql set search_path = public, pg_temp as $$
begin
  if tg_op = 'INSERT' and new.consent_at is null and not new.age_confirmed then
    return new;
  end if;
  if tg_op = 'UPDATE' and new.consent_at is not distinct from old.consent_at
     and new.age_confirmed is not distinct from old.age_confirmed then
    return new;
  end if;
  insert into public.consents (account_id, consent_at, age_confirmed) values (new.id, new.consent_at, new.age_confirmed);
  return new;
end $$;
create trigger accounts_consent_log after insert or update of consent_at, age_confirmed on public.accounts
  for each row execute function public.accounts_consent_log();

-- Atomic operations (called through PostgREST rpc) -------------------------------------------------------------

-- Get-or-create the account of an identity: two racing calls return the same account.
create function public.create_account(
  p_account_id text, p_platform text, p_platform_user_id text, p_display_name text, p_locale text, p_now timestamptz
) returns jsonb
language plpgsql set search_path = public, pg_temp as $$
declare
  v_id text;
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
    else
      -- Another transaction won the race for this identity: drop ours, use theirs.
      delete from accounts where id = p_account_id;
      select account_id into v_id from identities where platform = p_platform and platform_user_id = p_platform_user_id;
    end if;
  end if;
  return (select to_jsonb(a) - 'credits' from accounts a where a.id = v_id);
end $$;

-- Check limits and balance and take the hold for all images at once, free images of the day first.
-- The account row lock serializes every reservation of one account, whatever the concurrency.
create function public.reserve(
  p_generation_id text, p_account_id text, p_request jsonb, p_delivery jsonb, p_unit_price integer,
  p_free_eligible boolean, p_free_per_day integer, p_max_running integer, p_day date, p_now timestamptz
) returns jsonb
language plpgsql set search_path = public, pg_temp as $$
declare
  v_credits bigint;
  v_count integer := (p_request ->> 'count')::integer;
  v_running integer;
  v_used integer;
  v_free_left integer;
  v_free integer;
  v_paid bigint;
  g generations%rowtype;
begin
  if v_count is null or v_count < 1 then
    raise exception 'reserve: count must be at least 1' using errcode = '22023';
  end if;
  select credits into v_credits from accounts where id = p_account_id for update;
  if not found then
    return jsonb_build_object('error', 'not_found');
  end if;
  select * into g from generations where id = p_generation_id;
  if found then
    if g.account_id <> p_account_id then
      raise exception 'reserve: generation % belongs to another account', p_generation_id using errcode = '23505';
    end if;
    return jsonb_build_object('generation', to_jsonb(g));  -- a replayed call: the hold was already taken
  end if;
  select count(*) into v_running from generations where account_id = p_account_id and status in ('queued', 'running');
  if v_running >= p_max_running then
    return jsonb_build_object('error', 'too_many_running', 'limit', p_max_running);
  end if;
  select coalesce(-sum(free_images), 0) into v_used from ledger where account_id = p_account_id and free_day = p_day;
  v_free_left := greatest(p_free_per_day - v_used, 0);
  v_free := case when p_free_eligible then least(v_count, v_free_left) else 0 end;
  v_paid := (v_count - v_free)::bigint * p_unit_price;
  if v_paid > 0 and v_paid > v_credits then
    return jsonb_build_object('error', 'insufficient_credits', 'needed', v_count::bigint * p_unit_price,
                              'credits', v_credits);
  end if;
  insert into generations (id, account_id, request, status, hold_free, hold_paid, unit_price, free_day, delivery,
                           task_ids, created_at, updated_at)
    values (p_generation_id, p_account_id, p_request, 'queued', v_free, v_paid, p_unit_price, p_day, p_delivery,
            array_fill(''::text, array[v_count]), p_now, p_now)
    returning * into g;
  insert into ledger (account_id, kind, credits, free_images, free_day, idempotency_key, generation_id, created_at)
    values (p_account_id, 'hold', -v_paid, -v_free, p_day, 'hold:' || p_generation_id, p_generation_id, p_now);
  return jsonb_build_object('generation', to_jsonb(g));
end $$;

-- Remember a provider task in its slot (0-based) and move a queued generation to running.
create function public.set_task_id(p_generation_id text, p_slot integer, p_task_id text, p_now timestamptz)
returns boolean
language plpgsql set search_path = public, pg_temp as $$
declare
  v text[];
begin
  select task_ids into v from generations where id = p_generation_id and status in ('queued', 'running') for update;
  if not found then
    return false;
  end if;
  if cardinality(v) = 0 then
    v := array_fill(null::text, array[p_slot + 1]);  -- keep the array 1-based whatever the first slot
  end if;
  v[p_slot + 1] := p_task_id;
  update generations
     set task_ids = v,
         status = case when status = 'queued' then 'running' else status end,
         updated_at = p_now
   where id = p_generation_id;
  return true;
end $$;

-- Compare-and-set an unfinished generation to finished; keep the images delivered, refund the rest.
-- Mirrors core.quota.plan_settlement. False (and nothing written) when it was already finished.
create function public.settle(
  p_generation_id text, p_image_keys text[], p_error_code text, p_error_detail text, p_now timestamptz
) returns boolean
language plpgsql set search_path = public, pg_temp as $$
declare
  g generations%rowtype;
  v_delivered integer := coalesce(cardinality(p_image_keys), 0);
  v_kept_free integer;
  v_kept_paid bigint;
begin
  select * into g from generations where id = p_generation_id for update;
  if not found or g.status not in ('queued', 'running') then
    return false;
  end if;
  v_kept_free := least(v_delivered, g.hold_free);
  v_kept_paid := least((v_delivered - v_kept_free)::bigint * g.unit_price, g.hold_paid);
  update generations
     set status = case when v_delivered > 0 then 'succeeded' else 'failed' end,
         image_keys = coalesce(p_image_keys, '{}'),
         error_code = p_error_code,
         error_detail = p_error_detail,
         updated_at = p_now
   where id = p_generation_id;
  if v_kept_free > 0 or v_kept_paid > 0 then
    insert into ledger (account_id, kind, credits, free_images, free_day, idempotency_key, generation_id, note,
                        created_at)
      values (g.account_id, 'capture', 0, 0, g.free_day, 'capture:' || g.id, g.id,
              format('%s credits, %s free', v_kept_paid, v_kept_free), p_now);
  end if;
  if g.hold_paid - v_kept_paid > 0 or g.hold_free - v_kept_free > 0 then
    insert into ledger (account_id, kind, credits, free_images, free_day, idempotency_key, generation_id, note,
                        created_at)
      values (g.account_id, 'refund', g.hold_paid - v_kept_paid, g.hold_free - v_kept_free, g.free_day,
              'refund:' || g.id, g.id, coalesce(p_error_code, ''), p_now);
  end if;
  return true;
end $$;

-- The balance in one call: free images left today, paid credits and plan.
create function public.balance(p_account_id text, p_day date, p_free_per_day integer) returns jsonb
language sql stable set search_path = public, pg_temp as $$
  select jsonb_build_object(
    'free_left', greatest(p_free_per_day - coalesce((
      select -sum(free_images) from ledger where account_id = p_account_id and free_day = p_day), 0), 0),
    'free_per_day', p_free_per_day,
    'paid_credits', coalesce((select credits from accounts where id = p_account_id), 0),
    'plan', (select plan from accounts where id = p_account_id));
$$;

-- Append a ledger entry once per idempotency key.
create function public.add_credits(
  p_account_id text, p_credits integer, p_kind text, p_key text, p_note text, p_now timestamptz
) returns boolean
language plpgsql set search_path = public, pg_temp as $$
begin
  insert into ledger (account_id, kind, credits, idempotency_key, note, created_at)
    values (p_account_id, p_kind, p_credits, p_key, coalesce(p_note, ''), p_now)
    on conflict (idempotency_key) do nothing;
  return found;
end $$;

-- Insert a payment and its ledger entry together, once per idempotency key (and once per payment id).
create function public.record_payment(
  p_id text, p_account_id text, p_provider text, p_provider_ref text, p_product_id text, p_credits integer,
  p_status text, p_created_at timestamptz, p_kind text, p_key text
) returns boolean
language plpgsql set search_path = public, pg_temp as $$
begin
  if exists (select 1 from payments where id = p_id) then
    return false;
  end if;
  insert into ledger (account_id, kind, credits, idempotency_key, note, created_at)
    values (p_account_id, p_kind, p_credits, p_key, p_provider_ref, p_created_at)
    on conflict (idempotency_key) do nothing;
  if not found then
    return false;
  end if;
  insert into payments (id, account_id, provider, provider_ref, product_id, credits, status, created_at)
    values (p_id, p_account_id, p_provider, p_provider_ref, p_product_id, p_credits, p_status, p_created_at)
    on conflict (id) do nothing;
  return true;
end $$;

-- Remember a processed webhook event; false if it was seen before.
create function public.record_event(p_provider text, p_event_id text, p_now timestamptz) returns boolean
language plpgsql set search_path = public, pg_temp as $$
begin
  insert into webhook_events (provider, event_id, processed_at) values (p_provider, p_event_id, p_now)
    on conflict (provider, event_id) do nothing;
  return found;
end $$;

-- Delete the account; every row that refers to it goes with it (on delete cascade).
create function public.delete_account(p_account_id text) returns boolean
language plpgsql set search_path = public, pg_temp as $$
begin
  delete from accounts where id = p_account_id;
  return found;
end $$;

-- Security: RLS on every table with no policies (anon/authenticated see nothing); only service_role
-- (which bypasses RLS) may use the tables and call the functions.
alter table public.accounts enable row level security;
alter table public.identities enable row level security;
alter table public.consents enable row level security;
alter table public.generations enable row level security;
alter table public.ledger enable row level security;
alter table public.payments enable row level security;
alter table public.webhook_events enable row level security;

revoke all on public.accounts, public.identities, public.consents, public.generations, public.ledger,
  public.payments, public.webhook_events from public, anon, authenticated;
grant select, insert, update, delete on public.accounts, public.identities, public.consents, public.generations,
  public.ledger, public.payments, public.webhook_events to service_role;
grant usage, select on all sequences in schema public to service_role;

revoke execute on function public.ledger_apply(), public.accounts_consent_log(),
  public.create_account(text, text, text, text, text, timestamptz),
  public.reserve(text, text, jsonb, jsonb, integer, boolean, integer, integer, date, timestamptz),
  public.set_task_id(text, integer, text, timestamptz),
  public.settle(text, text[], text, text, timestamptz),
  public.balance(text, date, integer),
  public.add_credits(text, integer, text, text, text, timestamptz),
  public.record_payment(text, text, text, text, text, integer, text, timestamptz, text, text),
  public.record_event(text, text, timestamptz),
  public.delete_account(text)
  from public, anon, authenticated;
grant execute on function
  public.create_account(text, text, text, text, text, timestamptz),
  public.reserve(text, text, jsonb, jsonb, integer, boolean, integer, integer, date, timestamptz),
  public.set_task_id(text, integer, text, timestamptz),
  public.settle(text, text[], text, text, timestamptz),
  public.balance(text, date, integer),
  public.add_credits(text, integer, text, text, text, timestamptz),
  public.record_payment(text, text, text, text, text, integer, text, timestamptz, text, text),
  public.record_event(text, text, timestamptz),
  public.delete_account(text)
  to service_role;

notify pgrst, 'reload schema';
