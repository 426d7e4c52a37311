-- Fewer round trips per generation (issue 12): settle returns the generation as it is afterwards and, given
-- p_claim_until, takes the delivery claim (claim_delivery's lease) in the same statement, so the worker that
-- settles a generation delivers it without reading it again or claiming it separately. Money is unchanged: the
-- same compare-and-set on the status, the same capture/refund entries under the same idempotency keys.
drop function public.settle(text, text[], text, text, timestamptz);

create function public.settle(
  p_generation_id text, p_image_keys text[], p_error_code text, p_error_detail text, p_now timestamptz,
  p_claim_until timestamptz default null
) returns jsonb
language plpgsql set search_path = public, pg_temp as $$
declare
  g generations%rowtype;
  v_delivered integer := coalesce(cardinality(p_image_keys), 0);
  v_kept_free integer;
  v_kept_paid bigint;
begin
  select * into g from generations where id = p_generation_id for update;
  if not found then
    return jsonb_build_object('settled', false, 'generation', null);
  end if;
  if g.status not in ('queued', 'running') then
    return jsonb_build_object('settled', false, 'generation', to_jsonb(g));
  end if;
  v_kept_free := least(v_delivered, g.hold_free);
  v_kept_paid := least((v_delivered - v_kept_free)::bigint * g.unit_price, g.hold_paid);
  update generations
     set status = case when v_delivered > 0 then 'succeeded' else 'failed' end,
         image_keys = coalesce(p_image_keys, '{}'),
         error_code = p_error_code,
         error_detail = p_error_detail,
         updated_at = p_now,
         delivering_until = coalesce(p_claim_until, delivering_until)
   where id = p_generation_id
  returning * into g;
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
  return jsonb_build_object('settled', true, 'generation', to_jsonb(g));
end $$;

revoke execute on function public.settle(text, text[], text, text, timestamptz, timestamptz)
  from public, anon, authenticated;
grant execute on function public.settle(text, text[], text, text, timestamptz, timestamptz) to service_role;

notify pgrst, 'reload schema';
