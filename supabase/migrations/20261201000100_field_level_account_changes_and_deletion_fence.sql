-- Issue 13: the account row changes field by field, never as a whole row written back (a /settings change or a
-- deletion code racing a plan webhook used to write back an empty plan), and deletion is a fence.
-- Each change below is one statement; simple ones (settings, deletion code, lifting the fence) are single-table
-- PATCHes through PostgREST, the others are these functions.

-- The deletion fence: once set, reserve refuses the account and change_plan writes nothing for it.
alter table public.accounts add column deleting_at timestamptz;

-- Record consent once: an account that already consented keeps its first time. The account after, or null.
create function public.give_consent(p_account_id text, p_at timestamptz) returns jsonb
language sql set search_path = public, pg_temp as $$
  update accounts
     set consent_at = case when consent_at is null or not age_confirmed then p_at else consent_at end,
         age_confirmed = true
   where id = p_account_id
  returning to_jsonb(accounts.*) - 'credits';
$$;

-- Compare-and-set of the plan fields only (plan, plan_status, subscription_id, customer_id): write p_after if
-- they still equal p_before (jsonb objects with those keys), never on a fenced account. True if written.
create function public.change_plan(p_account_id text, p_before jsonb, p_after jsonb) returns boolean
language sql set search_path = public, pg_temp as $$
  with changed as (
    update accounts
       set plan = p_after ->> 'plan',
           plan_status = p_after ->> 'plan_status',
           subscription_id = p_after ->> 'subscription_id',
           customer_id = p_after ->> 'customer_id'
     where id = p_account_id
       and deleting_at is null
       and plan is not distinct from p_before ->> 'plan'
       and plan_status is not distinct from p_before ->> 'plan_status'
       and subscription_id is not distinct from p_before ->> 'subscription_id'
       and customer_id is not distinct from p_before ->> 'customer_id'
    returning 1)
  select exists (select 1 from changed);
$$;

-- The deletion fence, one statement: mark the account as being deleted if the code is still its code.
-- The account as fenced (its plan is the one to cancel), or null.
create function public.begin_deletion(p_account_id text, p_code text, p_now timestamptz) returns jsonb
language sql set search_path = public, pg_temp as $$
  update accounts
     set deleting_at = coalesce(deleting_at, p_now)
   where id = p_account_id and deletion_code = p_code
  returning to_jsonb(accounts.*) - 'credits';
$$;

-- reserve, as in 20261126000200, refusing an account past the deletion fence. The row lock it takes is the one
-- begin_deletion's update takes, so a reservation is either before the fence (and cancelled by the deletion)
-- or refused.
create or replace function public.reserve(
  p_generation_id text, p_account_id text, p_request jsonb, p_delivery jsonb, p_unit_price integer,
  p_free_eligible boolean, p_free_per_day integer, p_max_running integer, p_day date, p_now timestamptz
) returns jsonb
language plpgsql set search_path = public, pg_temp as $$
declare
  v_credits bigint;
  v_deleting timestamptz;
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
  select credits, deleting_at into v_credits, v_deleting from accounts where id = p_account_id for update;
  if not found then
    return jsonb_build_object('error', 'not_found');
  end if;
  if v_deleting is not null then
    return jsonb_build_object('error', 'account_being_deleted');
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
  if (v_paid > 0 and v_paid > v_credits) or v_credits < 0 then
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

-- Security, as in the first migration: only service_role may call the functions.
revoke execute on function
  public.give_consent(text, timestamptz),
  public.change_plan(text, jsonb, jsonb),
  public.begin_deletion(text, text, timestamptz)
  from public, anon, authenticated;
grant execute on function
  public.give_consent(text, timestamptz),
  public.change_plan(text, jsonb, jsonb),
  public.begin_deletion(text, text, timestamptz)
  to service_role;

notify pgrst, 'reload schema';
