-- Issue 16: the versions of the terms and privacy policy a person accepted, and every acceptance in the consent
-- history. When the operator raises TERMS_VERSION or POLICY_VERSION, each person is asked to accept again; every
-- acceptance is a new row of `consents` (the history is never overwritten).

-- The versions last accepted, on the account (so the check before each generation costs no extra round trip).
alter table public.accounts add column accepted_terms_version text;
alter table public.accounts add column accepted_policy_version text;

-- The history gains the versions of each acceptance. Consents given before versions were kept are the first
-- versions ("1"), as the settings' defaults say.
alter table public.consents add column terms_version text;
alter table public.consents add column policy_version text;
update public.consents set terms_version = '1', policy_version = '1' where consent_at is not null;
update public.accounts set accepted_terms_version = '1', accepted_policy_version = '1'
 where consent_at is not null and age_confirmed;

-- give_consent now writes the history itself (with the versions), so the trigger that copied consent_at goes.
drop trigger accounts_consent_log on public.accounts;
drop function public.accounts_consent_log();
drop function public.give_consent(text, timestamptz);

-- Record consent to these versions in one transaction: the account's accepted versions change (consent_at keeps
-- the first consent's time) and the history gains a row. Consenting again to the versions already accepted
-- changes and adds nothing. The account after, or null when unknown.
create function public.give_consent(
  p_account_id text, p_at timestamptz, p_terms_version text, p_policy_version text
) returns jsonb
language plpgsql set search_path = public, pg_temp as $$
declare
  a accounts%rowtype;
begin
  update accounts
     set consent_at = case when consent_at is null or not age_confirmed then p_at else consent_at end,
         age_confirmed = true,
         accepted_terms_version = p_terms_version,
         accepted_policy_version = p_policy_version
   where id = p_account_id
     and not (consent_at is not null and age_confirmed
              and accepted_terms_version is not distinct from p_terms_version
              and accepted_policy_version is not distinct from p_policy_version)
  returning * into a;
  if found then
    insert into consents (account_id, consent_at, age_confirmed, recorded_at, terms_version, policy_version)
      values (p_account_id, p_at, true, p_at, p_terms_version, p_policy_version);
    return to_jsonb(a) - 'credits';
  end if;
  select * into a from accounts where id = p_account_id;
  if not found then
    return null;
  end if;
  return to_jsonb(a) - 'credits';
end $$;

revoke execute on function public.give_consent(text, timestamptz, text, text) from public, anon, authenticated;
grant execute on function public.give_consent(text, timestamptz, text, text) to service_role;

notify pgrst, 'reload schema';
