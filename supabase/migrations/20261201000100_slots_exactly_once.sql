-- Never paid twice, cancel before start: a slot is marked "creating" before its provider task is created, a task
-- the provider reports for a marked slot is adopted, and a generation still queued can be cancelled (refunded).

alter table public.generations add column creating integer[] not null default '{}';

-- Record the intent to create a slot's (0-based) provider task: true only for the call that marked it.
create function public.claim_slot(p_generation_id text, p_slot integer, p_now timestamptz) returns boolean
language sql set search_path = public, pg_temp as $$
  with claimed as (
    update generations
       set creating = array(select s from unnest(array_append(creating, p_slot)) s order by s),
           status = 'running', updated_at = p_now
     where id = p_generation_id
       and status in ('queued', 'running')
       and not (p_slot = any (creating))
       and coalesce(task_ids[p_slot + 1], '') = ''
    returning 1
  )
  select exists (select 1 from claimed);
$$;

-- Save a task the provider reported for a marked slot that has no task yet (a create whose answer was lost).
create function public.adopt_task(p_generation_id text, p_slot integer, p_task_id text, p_now timestamptz)
returns boolean
language plpgsql set search_path = public, pg_temp as $$
declare
  v text[];
begin
  select task_ids into v from generations
   where id = p_generation_id and status in ('queued', 'running') and p_slot = any (creating)
     and coalesce(task_ids[p_slot + 1], '') = ''
   for update;
  if not found then
    return false;
  end if;
  if cardinality(v) = 0 then
    v := array_fill(null::text, array[p_slot + 1]);  -- keep the array 1-based whatever the slot
  end if;
  v[p_slot + 1] := p_task_id;
  update generations set task_ids = v, updated_at = p_now where id = p_generation_id;
  return true;
end $$;

-- Queued (nothing started at the provider) → failed 'cancelled' and delivered, with the whole hold refunded.
create function public.cancel_queued(p_generation_id text, p_now timestamptz) returns boolean
language plpgsql set search_path = public, pg_temp as $$
declare
  g generations%rowtype;
begin
  update generations
     set status = 'failed', error_code = 'cancelled', delivered_at = p_now, updated_at = p_now
   where id = p_generation_id and status = 'queued'
  returning * into g;
  if not found then
    return false;
  end if;
  if g.hold_paid > 0 or g.hold_free > 0 then
    insert into ledger (account_id, kind, credits, free_images, free_day, idempotency_key, generation_id, note,
                        created_at)
      values (g.account_id, 'refund', g.hold_paid, g.hold_free, g.free_day, 'refund:' || g.id, g.id, 'cancelled',
              p_now);
  end if;
  return true;
end $$;

revoke execute on function
  public.claim_slot(text, integer, timestamptz),
  public.adopt_task(text, integer, text, timestamptz),
  public.cancel_queued(text, timestamptz)
  from public, anon, authenticated;
grant execute on function
  public.claim_slot(text, integer, timestamptz),
  public.adopt_task(text, integer, text, timestamptz),
  public.cancel_queued(text, timestamptz)
  to service_role;

notify pgrst, 'reload schema';
