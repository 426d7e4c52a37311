-- Issue 17: the language a person chose in /settings ('' = follow the platform's language). Changed on its own
-- by the field-level settings update (one PATCH of this column), exported with the account by /mydata.
alter table public.accounts add column if not exists language text not null default '';
