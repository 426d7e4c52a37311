-- A balance made negative by a refund or chargeback blocks every generation, free ones included, until a top-up
-- (issue 7: 'the balance may go negative, then generation waits for a top-up'). Same rule as core.quota.plan_hold.
-- Check limits and balance and take the hold for all images at once, free images of the day first.
-- The account row lock serializes every reservation of one account, whatever the concurrency.
create or replace function public.reserve(
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

notify pgrst, 'reload schema';
