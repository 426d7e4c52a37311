-- Issue 13 item 2: no provider task is created for an account past the deletion fence. claim_slot (the intent
-- recorded before every create call) now also needs the account not to be being deleted. It locks the generation
-- row first and then share-locks the account row (the order settle and cancel_queued take them in, through the
-- ledger trigger), so it waits for a begin_deletion in progress and then sees its fence, without deadlocks.
create or replace function public.claim_slot(p_generation_id text, p_slot integer, p_now timestamptz)
returns boolean
language plpgsql set search_path = public, pg_temp as $$
declare
  g generations%rowtype;
begin
  select * into g from generations where id = p_generation_id and status in ('queued', 'running') for update;
  if not found or p_slot = any (g.creating) or coalesce(g.task_ids[p_slot + 1], '') <> '' then
    return false;
  end if;
  perform 1 from accounts where id = g.account_id and deleting_at is null for share;
  if not found then
    return false;
  end if;
  update generations
     set creating = array(select s from unnest(array_append(creating, p_slot)) s order by s),
         status = 'running', updated_at = p_now
   where id = p_generation_id;
  return true;
end $$;

notify pgrst, 'reload schema';
