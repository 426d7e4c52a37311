-- Where a Creem subscription stands (active, trialing, scheduled_cancel, past_due, unpaid, paused, expired).
-- `canceled` is terminal and clears plan and subscription_id instead; every other status keeps the subscription id
-- so a deletion can still cancel it at Creem.
alter table public.accounts add column if not exists plan_status text;
