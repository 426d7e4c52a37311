-- record_payment writes nothing when the payment id OR the idempotency key was already used, also under a race:
-- the payment row is inserted first (on conflict do nothing), so a concurrent call with the same id waits for
-- the first and then does nothing; a call whose key is taken removes the payment row it just inserted.
create or replace function public.record_payment(
  p_id text, p_account_id text, p_provider text, p_provider_ref text, p_product_id text, p_credits integer,
  p_status text, p_created_at timestamptz, p_kind text, p_key text
) returns boolean
language plpgsql set search_path = public, pg_temp as $$
begin
  insert into payments (id, account_id, provider, provider_ref, product_id, credits, status, created_at)
    values (p_id, p_account_id, p_provider, p_provider_ref, p_product_id, p_credits, p_status, p_created_at)
    on conflict (id) do nothing;
  if not found then
    return false;
  end if;
  insert into ledger (account_id, kind, credits, idempotency_key, note, created_at)
    values (p_account_id, p_kind, p_credits, p_key, p_provider_ref, p_created_at)
    on conflict (idempotency_key) do nothing;
  if not found then
    delete from payments where id = p_id;
    return false;
  end if;
  return true;
end $$;

notify pgrst, 'reload schema';
