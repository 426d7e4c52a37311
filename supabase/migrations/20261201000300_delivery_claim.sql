-- One worker at a time sends a finished generation's result: a lease, so two workers holding the same job (a
-- reclaimed one) never send it twice at once, and the claim of a worker that died expires.

alter table public.generations add column delivering_until timestamptz;

create function public.claim_delivery(p_generation_id text, p_until timestamptz, p_now timestamptz) returns boolean
language sql set search_path = public, pg_temp as $$
  with claimed as (
    update generations set delivering_until = p_until
     where id = p_generation_id
       and status in ('succeeded', 'failed')
       and delivered_at is null
       and (delivering_until is null or delivering_until <= p_now)
    returning 1
  )
  select exists (select 1 from claimed);
$$;

revoke execute on function public.claim_delivery(text, timestamptz, timestamptz) from public, anon, authenticated;
grant execute on function public.claim_delivery(text, timestamptz, timestamptz) to service_role;

notify pgrst, 'reload schema';
