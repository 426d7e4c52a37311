"""English texts: one entry per message id or error code. A new language is a copy of this file.

A `str` is a `str.format` template; a text that depends on a number is a dict of templates by CLDR plural category
(`one`, `other` in English; each language gives the categories it uses), chosen by the `count` parameter.
Numbers, prices and durations arrive already formatted for the locale (`core.formats`).
"""

from core.locales import Text

TEXTS: dict[str, Text] = {
    # onboarding
    "welcome": (
        "Welcome to GPT-Image-2! I turn your words into images.\n"
        "Before we start, please read our terms (/terms) and privacy policy (/privacy) and confirm that you accept "
        "them and that you are 13 or older."
    ),
    "welcome_back": "Welcome back! Send /imagine <prompt> to create an image, or /help to see everything I can do.",
    "consent_accepted": {
        "one": "Thanks! You can now create images: /imagine <prompt>. You get {count} free image every day.",
        "other": "Thanks! You can now create images: /imagine <prompt>. You get {count} free images every day.",
    },
    "consent_accepted_paid": "Thanks! You can now create images: /imagine <prompt>. Each image costs credits.",
    "consent_age_required": "Sorry, GPT-Image-2 is only for people aged 13 or older.",
    "consent_prompt_console": (
        "Send /accept to accept the terms and privacy policy and confirm you are 13 or older (/decline if not)."
    ),
    "consent_needed_console": "Please accept the terms first: send /accept (read them with /terms and /privacy).",
    "consent_changed": (
        "We have updated our {documents}. {read}\n"
        "To keep creating images, please accept the new version and confirm that you are 13 or older."
    ),
    "consent_changed_documents.terms": "terms of use",
    "consent_changed_documents.privacy": "privacy policy",
    "consent_changed_documents.both": "terms of use and privacy policy",
    "consent_changed_what": "What changed: {url}",
    "consent_changed_read": "Full text: {url}",
    "consent_changed_read.terms": "Read them with /terms.",
    "consent_changed_read.privacy": "Read it with /privacy.",
    "consent_changed_read.both": "Read them with /terms and /privacy.",
    "consent_declined_update": (
        "Understood. Until you accept the new version you can't create images, but your account stays as it is: "
        "/mydata exports your data and /deleteme deletes it. You'll be asked again the next time."
    ),
    "announcement.policy": "📣 Our privacy policy has changed.\n\n{text}\n\n{read}",
    "announcement.terms": "📣 Our terms of use have changed.\n\n{text}\n\n{read}",
    "announcement.news": "📣 {text}\n\n(You can turn off messages like this one in /settings.)",
    "announcement_accept_next": "Before your next image you'll be asked to accept the new version.",
    "consent_button_accept": "I accept and I am 13+",
    "consent_button_decline": "No thanks",
    "help": (
        "Commands:\n"
        "/imagine <prompt> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] — create images\n"
        "To edit a photo, reply to it with /imagine <what to change>, or send it with that as its caption.\n"
        "In a private chat, any message is a prompt too.\n"
        "/regenerate [id] — your latest request again; /vary [id] — a variation of your latest image\n"
        "/cancel — cancel your latest request still waiting in line (what it held comes back at once)\n"
        "/balance — free images left today and your credits\n"
        "{buy}"
        "/settings — language, default aspect ratio and resolution, files, notifications\n"
        "/link [code] — use one account on Telegram, Discord and the console; /accounts — linked platforms; "
        "/unlink <platform> — detach one\n"
        "/mydata — export everything we hold about you\n"
        "/deleteme — delete your account and data\n"
        "/terms — terms of use; /privacy — our privacy policy\n"
        "/start — start again, /help — this list\n"
        "Notes: 4K is not available for 1:1, and auto aspect ratio is 1K only."
    ),
    "help_console": (
        "Commands:\n"
        "/start, then /accept (or /decline) — accept the terms and confirm you are 13 or older\n"
        "/imagine <prompt> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] [--ref <image file>] — "
        "create images; --ref edits an image file (repeat it for several)\n"
        "A line that is not a command is a prompt too.\n"
        "/regenerate [id] — your latest request again; /vary [id] — a variation of your latest image\n"
        "/cancel [id] — cancel a request still waiting in line (what it held comes back at once)\n"
        "/balance — free images left today and your credits\n"
        "{buy}"
        "/settings [lang|ar|res|file|notify <value>] — your language and defaults\n"
        "/link [code] — use one account on Telegram, Discord and the console; /accounts — linked platforms; "
        "/unlink <platform> — detach one\n"
        "/mydata — export everything we hold about you\n"
        "/deleteme — delete your account and data\n"
        "/terms — terms of use; /privacy — our privacy policy\n"
        "/help — this list. Ctrl-D (or Ctrl-C) quits.\n"
        "Notes: 4K is not available for 1:1, and auto aspect ratio is 1K only."
    ),
    "help_buy": "/buy — buy credits or a plan; /billing — manage your plan; /paysupport — help with a payment\n",
    "help_buy_console": (
        "/buy [product] — buy credits or a plan; /billing — manage your plan; /paysupport — help with a payment\n"
    ),
    "help_buy_discord": "/buy — buy credits or a plan\n/billing — manage your plan\n",
    "console_banner": (
        "GPT-Image-2 console chat. Type /help for commands, /start to begin; any other line is a prompt. "
        "Ctrl-D or Ctrl-C quits."
    ),
    "unknown_command": "I don't know that command. Here is what I can do:",
    "privacy": (
        "Privacy, in short:\n"
        "• We keep your account (display name, language, your settings, your consent), your prompts, "
        "the images made for you, your credit ledger and payment records (never card details: Creem handles "
        "payments), and a log of what our admins did on your account (credits added or taken, a suspension, a "
        "look at your account).\n"
        "• Prompts, and any image you ask me to edit, are sent to our AI provider (KIE.ai) to make the images; "
        "prompts are screened before that. "
        "Payments are processed by Creem. We do not sell your data.\n"
        "• /mydata exports everything we hold about you; /deleteme deletes your account, prompts, images and "
        "records; /settings lets you opt out of non-essential messages.\n"
        "• After a deletion we keep only what stops abuse of our usage limits: a keyed hash of your platform id "
        "(it cannot be turned back into the id) with today's free images used (until the end of the UTC day) "
        "and any unpaid balance. Nothing else about you.\n"
        "• The service is not for people under 13.\n"
        "Privacy questions: {contact}"
    ),
    "privacy_link": "The full privacy policy: {url}",
    "terms": (
        "Terms of use, in short:\n"
        "• GPT-Image-2 is for people aged 13 or older.\n"
        "• Don't ask for illegal or harmful content or for content that infringes other people's rights; prompts "
        "are screened and may be refused.\n"
        "• Images are made by AI and may be imperfect; you are responsible for how you use them.\n"
        "• Each image uses free images of the day or credits; an image that can't be made is refunded. "
        "Unused credits are lost when you delete your account.\n"
        "• Accounts that abuse the service may be suspended.\n"
        "Questions: {contact}"
    ),
    "terms_link": "The full terms: {url}",
    # generation
    "queued": {
        "one": "Queued: {count} image, {cost}. I'll send the result here.",
        "other": "Queued: {count} images, {cost}. I'll send the results here.",
    },
    "queued_shared": {
        "one": "Queued: {count} image. I'll send the result here.",
        "other": "Queued: {count} images. I'll send the results here.",
    },
    "queued_place": {
        "one": "Queued: {count} image, {cost}. {place} I'll send the result here.",
        "other": "Queued: {count} images, {cost}. {place} I'll send the results here.",
    },
    "queued_shared_place": {
        "one": "Queued: {count} image. {place} I'll send the result here.",
        "other": "Queued: {count} images. {place} I'll send the results here.",
    },
    "place_next": "You're next — about {eta}.",
    "place_in_line": "You're #{position} in line — about {eta}.",
    "cost_free": {"one": "{count} free", "other": "{count} free"},
    "cost_paid": {"one": "{count} credit", "other": "{count} credits"},
    "cost_mixed": "{free} + {credits}",
    # amounts used inside other texts
    "n_credits": {"one": "{count} credit", "other": "{count} credits"},
    "n_images": {"one": "{count} image", "other": "{count} images"},
    "n_free_images": {"one": "{count} free image", "other": "{count} free images"},
    "free_left_today": {"one": "{count} free image left today", "other": "{count} free images left today"},
    "progress_generating": "Generating… {done}/{count} done",
    "progress_storing": {"one": "Almost there: saving your image…", "other": "Almost there: saving your images…"},
    "done": "Done: “{prompt}” — {free_left}, {credits}.",
    "done_credits": "Done: “{prompt}” — {credits} left.",
    "done_shared": "Done: “{prompt}”",
    "done_paths": "Saved:",
    "partial": {
        "one": "{made} of {count} image could be made; what the others held was refunded.",
        "other": "{made} of {count} images could be made; what the others held was refunded.",
    },
    "console_after": "More like this: /regenerate {id} · use the first image as a reference: /vary {id}",
    "failed": {
        "one": "Sorry, your image could not be made: {reason} Nothing was charged: what it held was refunded.",
        "other": "Sorry, your images could not be made: {reason} Nothing was charged: what they held was refunded.",
    },
    "cancel_button": "✖ Cancel",
    "cancelled": "Cancelled. Nothing was made, and what it held was refunded: {refund}.",
    "cancelled_free_of_charge": "Cancelled. Nothing was made and nothing was charged.",
    "cancelled_shared": "Cancelled. Nothing was made, and what it held was refunded.",
    "refund_mixed": "{free} and {credits}",
    "regenerate_button": "🔁 Regenerate",
    "vary_button": "🎨 Vary",
    "original_button": "🖼 Original file",
    # balance / billing
    "balance": "Free images left today: {free_left} of {free_per_day}\nPaid credits: {credits}\nPlan: {plan}",
    "balance_no_free": "Paid credits: {credits}\nPlan: {plan}",
    "plan_none": "none",
    "prices": "Credits per image: 1K = {p1}, 2K = {p2}, 4K = {p4}.",
    "products_header": "Choose a pack or plan:",
    "product_line": {
        "one": "{label} — {price} ({count} credit{per_month})",
        "other": "{label} — {price} ({count} credits{per_month})",
    },
    "per_month": " per month",
    "checkout_link": "Pay for {label} here: {url}",
    "portal_link": "Manage your plan here: {url}",
    "billing_plan": "Your plan: {plan}",
    "no_products": "There is nothing to buy right now.",
    "payment_received": {
        "one": "Payment received: {count} credit added. Your credits now: {balance}.",
        "other": "Payment received: {count} credits added. Your credits now: {balance}.",
    },
    "plan_renewed": {
        "one": "Your plan renewed: {count} credit added. Your credits now: {balance}.",
        "other": "Your plan renewed: {count} credits added. Your credits now: {balance}.",
    },
    "plan_ended": "Your plan has ended; no more monthly credits will be added. Your credits stay yours.",
    # a plan's status (Creem's subscription states): what it means and what to do, in /balance …
    "plan_state.active": "{plan}",
    "plan_state.trialing": "{plan} (trial)",
    "plan_state.scheduled_cancel": "{plan} (ends at the end of this period; resume it in /billing)",
    "plan_state.past_due": "{plan} (a payment failed and is being retried; update your payment method in /billing)",
    "plan_state.unpaid": "{plan} (suspended: its payment is missing; pay or update your payment method in /billing)",
    "plan_state.paused": "{plan} (paused: no monthly credits until you resume it in /billing)",
    "plan_state.expired": "{plan} (expired without payment: no monthly credits; renew it in /billing)",
    # … and as a notice when it changes
    "plan_status.active": "Your plan {plan} is active again. Monthly credits are added with each payment.",
    "plan_status.trialing": "Your trial of {plan} has started.",
    "plan_status.scheduled_cancel": (
        "Your plan {plan} will end at the end of the current period; until then nothing changes. "
        "Changed your mind? Resume it in /billing."
    ),
    "plan_status.past_due": (
        "The payment for your plan {plan} failed. It will be retried; to keep your plan, update your payment "
        "method in /billing."
    ),
    "plan_status.unpaid": (
        "Your plan {plan} is suspended because its payment could not be collected: no monthly credits are added. "
        "Pay or update your payment method in /billing to continue."
    ),
    "plan_status.paused": (
        "Your plan {plan} is paused: no monthly credits are added until you resume it in /billing. "
        "Your credits stay yours."
    ),
    "plan_status.expired": (
        "Your plan {plan} has expired: the period ended without a payment, so no monthly credits are added. "
        "The payment may still be retried; update your payment method in /billing to renew, or cancel it there."
    ),
    "payment_reversed": {
        "one": "A payment was refunded or disputed: {count} credit was taken back. Your credits now: {balance}.",
        "other": "A payment was refunded or disputed: {count} credits were taken back. Your credits now: {balance}.",
    },
    "payment_page_title": "Thank you!",
    "payment_page": (
        "Your payment is being confirmed. Your credits appear in the chat in a moment — you can close this page and "
        "go back to the bot."
    ),
    "payment_page_unverified_title": "Payment status unknown",
    "payment_page_unverified": (
        "We could not verify this link. If you paid, your credits will still appear in the chat once the payment is "
        "confirmed."
    ),
    "paysupport": "Questions about a payment? Write to {contact} with your payment details and we will help.",
    "stars_button": {"one": "⭐ {count} Star", "other": "⭐ {count} Stars"},
    "pay_with_card": "💳 {price}",
    # privacy
    "export_ready": "Here is everything we hold about you: mydata.json and your images, in a zip.",
    "export_ready_parts": {
        "one": "Here is everything we hold about you: mydata.json and your images, in {count} zip file.",
        "other": "Here is everything we hold about you: mydata.json and your images, in {count} zip files.",
    },
    "export_kept": {
        "one": (
            "Here is everything we hold about you (mydata.json and your images, zipped); the file is deleted in "
            "{count} minute:"
        ),
        "other": (
            "Here is everything we hold about you (mydata.json and your images, zipped); the file is deleted in "
            "{count} minutes:"
        ),
    },
    "export_nothing": "We hold no data about you.",
    "delete_confirm": {
        "one": (
            "This deletes your account, prompts, images, credits and payment records for good. "
            "Unused credits are lost; today's free images used and any unpaid balance still count if you come "
            "back (see /privacy). To confirm, send: /deleteme {code} (valid for {count} minute). "
            "/deleteme cancel keeps everything."
        ),
        "other": (
            "This deletes your account, prompts, images, credits and payment records for good. "
            "Unused credits are lost; today's free images used and any unpaid balance still count if you come "
            "back (see /privacy). To confirm, send: /deleteme {code} (valid for {count} minutes). "
            "/deleteme cancel keeps everything."
        ),
    },
    "delete_confirm_buttons": (
        "This deletes your account, prompts, images, credits and payment records for good. "
        "Unused credits are lost; today's free images used and any unpaid balance still count if you come back "
        "(see /privacy). Are you sure?"
    ),
    "delete_button_yes": "Yes, delete everything",
    "delete_button_no": "Cancel",
    "deleted": (
        "Your account and your data have been deleted (we keep only the keyed hash described in /privacy). "
        "Goodbye! Send /start if you ever want to come back."
    ),
    "delete_cancelled": "Deletion cancelled. Nothing was deleted.",
    "nothing_to_delete": "We hold no data about you, so there is nothing to delete.",
    # admin actions, as the person they concern is told
    "admin_granted": {
        "one": "An admin added {count} credit to your account ({reason}). Your credits now: {balance}.",
        "other": "An admin added {count} credits to your account ({reason}). Your credits now: {balance}.",
    },
    "admin_revoked": {
        "one": "An admin took {count} credit from your account ({reason}). Your credits now: {balance}.",
        "other": "An admin took {count} credits from your account ({reason}). Your credits now: {balance}.",
    },
    "account_blocked": (
        "Your account has been suspended by an admin: I won't make new images or take payments for it. Images "
        "already on their way still arrive. You can still export your data (/mydata), delete your account "
        "(/deleteme) and read /privacy. To ask about it, write to {contact}."
    ),
    "account_unblocked": "Your account is active again. Send /help to see what I can do.",
    # admin tools (only admins ever see these)
    "discord.admin": "Admin tools",
    "discord.admin.user": "Balance, plan, latest generations and payments of a person",
    "discord.admin.who": "Account id, user id, or telegram:<id> / discord:<id>",
    "discord.admin.prompts": "Also show the prompts (logged, and shown to the person)",
    "discord.admin.grant": "Add paid credits to a person",
    "discord.admin.revoke": "Take paid credits back (never below zero)",
    "discord.admin.block": "Refuse everything but a person's privacy rights",
    "discord.admin.unblock": "Lift a block",
    "discord.admin.stats": "People, generations, credits, provider cost and the queue",
    "discord.admin.announce": "Tell everyone, once each (or see how far it got)",
    "discord.admin.announce_kind": (
        "policy or terms: a change everyone must hear of; news: skipped for people who opted out; status"
    ),
    "discord.admin.announce_text": "What to tell everyone (not needed for status)",
    "admin.usage": "Admin commands:",
    "admin.usage.user": (
        "/admin user <who> [--prompts] — balance, plan, latest generations, payments (--prompts also shows the "
        "prompts; that access is logged and the person sees it in /mydata)"
    ),
    "admin.usage.grant": "/admin grant <who> <credits> <reason> — add paid credits",
    "admin.usage.revoke": "/admin revoke <who> <credits> <reason> — take paid credits back (never below zero)",
    "admin.usage.block": (
        "/admin block <who> <reason> — refuse everything but /mydata, /deleteme, /privacy, /terms and /help"
    ),
    "admin.usage.unblock": "/admin unblock <who> [reason] — lift a block",
    "admin.usage.stats": "/admin stats — people, generations, credits, provider cost and the queue",
    "admin.usage.announce": (
        "/admin announce policy|terms|news <text> — tell everyone, once each (a policy or terms change reaches "
        "everyone; news skips people who turned notifications off); /admin announce status — how far they got"
    ),
    "admin.announced": (
        "Announcement {id} ({kind}) recorded for {people}. The bot sends it at its lowest priority, once to each "
        "person; /admin announce status shows how far it got."
    ),
    "n_accounts": {"one": "{count} account", "other": "{count} accounts"},
    "admin.announced_already": "Already recorded: announcement {id} ({kind}) from this command; nothing is sent twice.",
    "admin.announcements_none": "No announcements yet.",
    "admin.announcement": (
        "{id} {kind} · {at} UTC · {people} · “{text}”\n"
        "  sent {sent} · blocked {blocked} · failed {failed} · skipped {skipped} · uncertain {uncertain} · "
        "remaining {remaining} · {eta}"
    ),
    "admin.announcement_done": "done",
    "admin.announcement_eta": "about {eta} more (at {rate}/s)",
    "admin.announcement_stalled": "nothing sent in the last {wait}: is the bot running?",
    "admin.usage_who": "<who>: an account id, a user id, or telegram:<id>, discord:<id>, console:<name>.",
    "admin.usage_of": "Usage: {usage}",
    "admin.unknown_action": "There is no admin command “{action}”.",
    "admin.already": "Already done: this command was applied before ({action} at {at}); nothing changed.",
    "admin.granted": "Granted {credits} to {who}. Their balance: {balance}.",
    "admin.revoked": "Took {credits} from {who}. Their balance: {balance}.",
    "admin.revoked_partly": {
        "one": (
            "Took {credits} of the {count} credit asked from {who}: a revoke never takes the balance below zero. "
            "Their balance: {balance}."
        ),
        "other": (
            "Took {credits} of the {count} credits asked from {who}: a revoke never takes the balance below zero. "
            "Their balance: {balance}."
        ),
    },
    "admin.blocked": (
        "Blocked {who}. They can still use /mydata, /deleteme, /privacy, /terms and /help; work in flight finishes."
    ),
    "admin.unblocked": "Unblocked {who}.",
    "admin.person": "{name} (account {account})",
    "admin.user": (
        "Account {account} — {name}, language {language}, since {created}\n"
        "Identities: {identities}\n"
        "Consent: {consent}; status: {status}\n"
        "Balance: {free_left} of {free_per_day} free images left today, {credits}; plan: {plan}"
    ),
    "admin.user_active": "active",
    "admin.user_blocked": "blocked since {at} ({reason})",
    "admin.user_being_deleted": "being deleted",
    "admin.user_consent_none": "not given",
    "admin.user_generations": "Latest generations:",
    "admin.user_generation": "• {at} {id} {status}: {count}×{resolution}, {cost}{error}",
    "admin.user_generation_error": "; error {code}",
    "admin.user_prompt": "   prompt: {prompt}",
    "admin.user_no_generations": "No generations.",
    "admin.user_payments": "Latest payments:",
    "admin.user_payment": "• {at} {provider} {ref}: {credits}, {status}",
    "admin.user_no_payments": "No payments.",
    "admin.user_prompts_logged": "Prompts shown: this access is in the audit log, and the person sees it in /mydata.",
    "admin.stats": (
        "Stats (UTC), today / last 7 days:\n"
        "People active: {active_today} / {active_week}\n"
        "Generations requested: {requested_today} / {requested_week}\n"
        "Finished: delivered {delivered_today} / {delivered_week}; partly refunded {partly_today} / {partly_week}; "
        "refunded {refunded_today} / {refunded_week}\n"
        "Credits: sold {sold_today} / {sold_week}; used {used_today} / {used_week}; refunded {back_today} / "
        "{back_week}; free images used {free_today} / {free_week}\n"
        "Provider tasks: {tasks_today} / {tasks_week}; estimated provider cost: {cost_today} / {cost_week}\n"
        "Now: queued {queued}, running {running}, being sent {undelivered}; people with work in flight: {accounts}"
    ),
    "admin.stats_cost": "KIE credits: {credits} ≈ ${usd}",
    # settings
    "settings": (
        "Your settings:\nLanguage: {language}\nAspect ratio: {aspect_ratio}\nResolution: {resolution}\n"
        "Send as file: {send_as_file}\nNotifications: {notifications}"
    ),
    "settings_usage": (
        "Change with: /settings lang <{languages}|auto>, /settings ar <auto|1:1|9:16|16:9|4:3|3:4>, "
        "/settings res <1K|2K|4K>, /settings file <on|off>, /settings notify <on|off>"
    ),
    "language_auto": "automatic ({language})",
    "language_choose": "Choose your language:",
    "language_button_auto": "Automatic (as my app)",
    "language_saved": "Language saved: {language}.",
    "language_auto_saved": "I'll follow your app's language again ({language}).",
    "language_unknown": "I don't speak that language yet. Choose one of: {languages}, or auto.",
    "settings_button_language": "🌐 Language",
    "settings_language_placeholder": "Language",
    "settings_saved": "Saved.",
    "settings_4k_square": (
        "4K isn't available with the 1:1 aspect ratio, so nothing was changed. Choose another aspect ratio first "
        "(16:9, 9:16, 4:3 or 3:4), or 1K or 2K."
    ),
    "settings_auto_1k": (
        "The auto aspect ratio makes 1K images only, so nothing was changed. Choose an aspect ratio such as 16:9 "
        "first, or 1K."
    ),
    "option_unknown_ratio": "Unknown aspect ratio “{value}”. Use one of: {allowed}.",
    "option_unknown_resolution": "Unknown resolution “{value}”. Use one of: {allowed}.",
    "option_count_range": "The number of images must be between 1 and {max}.",
    "option_count_not_number": "--n must be a number from 1 to 4, not “{value}”.",
    "option_needs_value": "The option --{option} needs a value.",
    "option_unknown": "Unknown option --{option}. Options: --ar, --res, --n.",
    "option_4k_square": "4K is not available for the 1:1 aspect ratio; use 1K or 2K.",
    "option_auto_1k": "The auto aspect ratio is 1K only; choose an aspect ratio such as 16:9 for 2K or 4K.",
    "on": "on",
    "off": "off",
    "private_note": "I've sent you the answer in a private message.",
    "private_unreachable": "Please start a private chat with me first, then try again.",
    # discord
    "help_discord": (
        "Commands:\n"
        "/imagine prompt: [aspect_ratio:] [resolution:] [count: 1-4] [reference: an image] — create images\n"
        "/cancel — cancel your latest request still waiting in line (what it held comes back at once)\n"
        "/balance — free images left today and your credits\n"
        "{buy}"
        "/settings — language, default aspect ratio and resolution, notifications\n"
        "/regenerate — your latest request again; /vary — a variation of your latest image\n"
        "/link [code:] — use one account on Telegram, Discord and the console; /accounts — linked platforms; "
        "/unlink platform: — detach one\n"
        "/mydata — export everything we hold about you\n"
        "/deleteme — delete your account and data\n"
        "/terms — terms of use, /privacy — our privacy policy, /help — this list\n"
        "Buttons under a result: Regenerate makes the same request again, Vary uses the first image as a reference.\n"
        "Notes: 4K is not available for 1:1, and auto aspect ratio is 1K only."
    ),
    "button_stale": "This button no longer works. Send /help to see what I can do.",
    "image_too_large_link": "Image {index} is too large to attach here; open it: {url}",
    "image_too_large": "Image {index} is too large to attach here.",
    "notify_button_on": "🔔 Notifications: on",
    "notify_button_off": "🔕 Notifications: off",
    "settings_ar_placeholder": "Default aspect ratio",
    "settings_res_placeholder": "Default resolution",
    "billing_button": "Manage plan",
    # errors
    "error.consent_required": "Please accept the terms first: send /start.",
    "error.consent_outdated": "Please accept our updated terms of use or privacy policy first.",
    "error.not_registered": "You don't have an account yet: send /start.",
    "error.prompt_empty": "Please describe the image: /imagine <prompt>.",
    "error.prompt_too_long": {
        "one": "Your prompt is too long ({count} character; the limit is {limit}).",
        "other": "Your prompt is too long ({count} characters; the limit is {limit}).",
    },
    "error.prompt_invalid_characters": (
        "Your prompt contains characters I can't use (a null character or a broken emoji). "
        "Please retype it and send it again. Nothing was charged."
    ),
    "error.invalid_option": "{detail}",
    "error.too_many_references": {
        "one": "Too many reference images: you can use at most {count}.",
        "other": "Too many reference images: you can use at most {count}.",
    },
    "error.insufficient_credits": "Not enough credits: this needs {needed} and you have {credits}.",
    "short_of_images": (
        "Not enough credits: this needs {images}, and you have {free_left} and {credits} "
        "(each image beyond the free ones costs {unit_price} at {resolution})."
    ),
    "error.insufficient_credits_shared": (
        "Not enough credits for this. Send me /balance in a private chat to see yours."
    ),
    "short_of_credits": {
        "one": (
            "Not enough credits: {count} image at {resolution} needs {needed} and you have {credits} "
            "(free images cover up to {free_max})."
        ),
        "other": (
            "Not enough credits: {count} images at {resolution} need {needed} and you have {credits} "
            "(free images cover up to {free_max})."
        ),
    },
    "short_of_credits_no_free": {
        "one": "Not enough credits: {count} image at {resolution} needs {needed} and you have {credits}.",
        "other": "Not enough credits: {count} images at {resolution} need {needed} and you have {credits}.",
    },
    "short_negative_balance": (
        "Your credit balance is {credits} after a refund or dispute, so new images wait until it is topped up."
    ),
    "free_reset": "Free images reset at {time} UTC, in {wait}.",
    "hint_buy": "Buy credits with /buy.",
    "hint_plans": "See the plans with /buy.",
    "error.rate_limited": {
        "one": "You're going fast! Please wait {count} second and try again.",
        "other": "You're going fast! Please wait {count} seconds and try again.",
    },
    "error.too_many_running": {
        "one": "You already have {count} generation running. Please wait for it to finish.",
        "other": "You already have {count} generations running. Please wait for one to finish.",
    },
    "error.prompt_rejected": "This prompt can't be used: {reason} Nothing was charged.",
    "error.moderation_unavailable": "I can't check prompts right now, so I can't generate. Nothing was charged.",
    "error.provider_unavailable": "The image service is unavailable right now. Please try again later.",
    "error.generation_failed": "The image service reported an error.",
    "error.generation_timeout": "The image service took too long.",
    "error.storage_failed": "I couldn't save the result.",
    "error.payments_disabled": "Payments are not configured on this bot.",
    "error.payments_unavailable": "The payment service is unavailable right now. Please try again later.",
    "error.unknown_product": "I don't know that product. Send /buy to see what's available.",
    "error.not_found": "I couldn't find that. It may have been deleted.",
    "error.not_owner": "Only the person who made this image can use this button.",
    "error.no_generations": "You have no images yet to use. Send /imagine <prompt> to make one.",
    "error.no_plan": "You don't have a plan.",
    "error.confirmation_invalid": "That confirmation code is wrong or has expired. Send /deleteme to get a new one.",
    "error.generation_in_progress": "Your images are still being made. Please confirm again once they are done.",
    "error.account_being_deleted": "Your account is being deleted, so I can't do that any more.",
    "error.account_blocked": (
        "Sorry, your account has been suspended, so I can't do that. You can still export your data (/mydata), "
        "delete your account (/deleteme) and read /privacy, /terms and /help. To ask about it, write to {contact}."
    ),
    "error.admin_no_such_person": (
        "No one found for “{who}”. Name a person by account id, by user id, or as telegram:<id>, discord:<id> or "
        "console:<name>."
    ),
    "error.admin_ambiguous": (
        "“{who}” is a user id on several platforms: say which, e.g. telegram:{who} or discord:{who}."
    ),
    "error.admin_bad_credits": "Credits must be a whole number from 1 to {limit}.",
    "error.admin_reason_required": (
        "Please give a reason: it is kept in the audit log and the person sees it in /mydata."
    ),
    "error.busy": {
        "one": "I'm very busy right now. Please try again in {count} minute. Nothing was charged.",
        "other": "I'm very busy right now. Please try again in {count} minutes. Nothing was charged.",
    },
    "error.temporarily_unavailable": "Something is temporarily unavailable. Please try again in a minute.",
    "error.task_lost": "We lost track of it during a restart on our side.",
    "error.cancelled": "You cancelled it.",
    "error.nothing_to_cancel": "You have nothing waiting in line to cancel.",
    "error.already_started": (
        "It's too late to cancel: the image service is already making it and can't stop. "
        "The result will arrive here as usual."
    ),
    "error.already_finished": "That request has already finished, so there is nothing to cancel.",
    "error.not_yours": "Only the person who made this request can cancel it.",
    "error.link_code_invalid": (
        "That link code is wrong, expired or already used. Send /link on your other account for a new one, then "
        "send /link <code> here."
    ),
    "error.link_same_platform": (
        "The account you want to join already has a {platform} identity, and an account holds one per platform. "
        "To replace it, send /unlink {platform} there first."
    ),
    "error.link_two_plans": (
        "Both accounts have a plan, and a joined account can hold only one. Cancel one of them first (/billing on "
        "that account opens the billing portal), then link again. Nothing was changed."
    ),
    "error.link_in_flight": (
        "This account still has an image being made. Link again once it has arrived. Nothing was changed."
    ),
    "error.already_linked": "This account is already linked to that one. See /accounts.",
    "error.unlink_last": (
        "That is the only identity of this account, so it can't be unlinked. To delete the account, use /deleteme."
    ),
    "error.unlink_not_linked": (
        "This account has no {platform} identity to unlink. Send /accounts to see the linked ones."
    ),
    "error.internal": "Something went wrong on our side (error id {error_id}). Please try again.",
    "reason_policy": "it goes against the content policy.",
    "failed_reason.prompt_rejected": "This prompt can't be used: {reason}",
    # linking accounts across platforms (/link, /accounts, /unlink)
    "platform.telegram": "Telegram",
    "platform.discord": "Discord",
    "platform.console": "console",
    "link_code": (
        "Your link code: {code}\n"
        "Send /link {code} from your account on another platform to use one account, with one balance, "
        "everywhere. The code works once, for {wait}. Keep it to yourself: whoever uses it shares your "
        "credits, plan and history."
    ),
    "link_confirm": (
        "Your {platform} account will share credits, plan and history with {issuer_platform} user {issuer}."
    ),
    "link_merge": (
        "Both accounts have history, so they become one:\n"
        "• paid credits add up: {credits_here} here + {credits_there} there = {credits_total}\n"
        "• free images today count once: {free_used} of {free_per_day} used (the higher of the two)\n"
        "• everything made here (images: {images}, payments: {payments}) moves to the joined account, whose "
        "settings stay\n"
        "• {plan_line}"
    ),
    "link_merge_no_free": (
        "Both accounts have history, so they become one:\n"
        "• paid credits add up: {credits_here} here + {credits_there} there = {credits_total}\n"
        "• everything made here (images: {images}, payments: {payments}) moves to the joined account, whose "
        "settings stay\n"
        "• {plan_line}"
    ),
    "link_plan_kept": "plan: {plan} stays with the joined account",
    "link_no_plan": "plan: none on either account",
    "link_confirm_console": "To confirm, send: /link {code} yes",
    "link_button_yes": "Link accounts",
    "link_button_no": "Cancel",
    "link_cancelled": "Nothing was linked.",
    "link_done": (
        "Linked! This {platform} account now shares credits, plan and history with {issuer_platform} user "
        "{issuer}.\nPaid credits: {credits}. Free images left today: {free_left} of {free_per_day}."
    ),
    "link_done_no_free": (
        "Linked! This {platform} account now shares credits, plan and history with {issuer_platform} user "
        "{issuer}.\nPaid credits: {credits}."
    ),
    "link_done_already": "This account is already linked to that one. See /accounts.",
    "accounts_list": "This account is used from:\n{lines}",
    "accounts_line": "• {platform}: {label}",
    "accounts_line_you": "• {platform}: {label} (you, here)",
    "accounts_hint": "To add another platform, send /link. To detach one, send /unlink {platform}.",
    "accounts_hint_one": "To use this account on another platform too, send /link.",
    "unlinked": (
        "{platform} is no longer linked to this account. The history stays with the account; {platform} starts "
        "fresh on its next /start."
    ),
    "unlinked_you": (
        "This {platform} identity is no longer linked to the account. The history stays with the account; send "
        "/start to begin fresh here."
    ),
    "delete_identities": "This deletes the account for every identity linked to it: {identities}.",
    # telegram
    "status_pending": "⏳ Working on it…",
    "status_done": {"one": "✅ Done: {count} image, posted below.", "other": "✅ Done: {count} images, posted below."},
    "result_actions": "More like this, or the original files:",
    "buy_button": "💳 Buy credits",
    "settings_button_file": "📎 Send as file",
    "settings_button_notify": "🔔 Notifications",
    "stars_refused": "This invoice is no longer valid. Send /buy for a new one.",
    "stars_wrong_account": "This invoice was made for another account. Send /buy to get your own.",
    "photo_hint": (
        "Nice picture! To edit it, reply to it with /imagine <what to change>, or send it again with that as its "
        "caption."
    ),
    "unusable_sticker": (
        "I can't use stickers. Describe an image (any message here is a prompt), or send a photo with a caption "
        "saying what to change."
    ),
    "unusable_animation": (
        "I can't use GIFs or animations. Send a still photo with a caption saying what to change, or describe "
        "a new image."
    ),
    "unusable_voice": "I can't listen to voice or audio messages. Please type what you'd like me to draw.",
    "unusable_video": (
        "I can't use videos. Send a still photo with a caption saying what to change, or describe a new image."
    ),
    "unusable_document": (
        "I can only use images (PNG, JPEG or WebP). Send a photo with a caption saying what to change, or describe "
        "a new image."
    ),
    "preview_title": "OFFLINE PREVIEW",
    "preview_footer": (
        "{width}x{height} px preview of a {nominal_width}x{nominal_height} image ({resolution}, {aspect_ratio}) · "
        "seed {seed}"
    ),
    "preview_references": {"one": " · edited from {count} reference", "other": " · edited from {count} references"},
    "reference_too_large": "That image is too large for me to download (over {mb} MB). Please send a smaller one.",
    "reference_download_failed": "I couldn't download that image. Please send it again.",
    "reference_no_file": "No image file at {path}.",
    "reference_invalid": "The reference must be a PNG, JPEG or WebP image under 20 MB.",
    "command.start": "Start and accept the terms",
    "command.imagine": "Create images: /imagine <prompt> [--ar 16:9] [--res 2K] [--n 1-4]",
    "command.cancel": "Cancel a request still waiting in line",
    "command.balance": "Free images left today and your credits",
    "command.buy": "Buy credits or a plan",
    "command.billing": "Manage your plan",
    "command.settings": "Language, aspect ratio, resolution, notifications",
    "command.mydata": "Export everything we hold about you",
    "command.deleteme": "Delete your account and data",
    "command.privacy": "Our privacy policy",
    "command.terms": "Our terms of use",
    "command.regenerate": "Make your latest image again (or /regenerate <id>)",
    "command.vary": "A variation of your latest image (or /vary <id>)",
    "command.paysupport": "Help with a payment",
    "command.help": "What I can do",
    "command.link": "Use one account on Telegram, Discord and the console",
    "command.accounts": "The platforms linked to your account",
    "command.unlink": "Detach a platform from your account",
    "command.admin": "Admin tools: /admin help",
    # Discord slash commands (descriptions ≤ 100 characters; command and option names stay English)
    "discord.command.start": "Start: accept the terms to begin",
    "discord.command.imagine": "Create images from a description",
    "discord.command.regenerate": "Make your latest request again",
    "discord.command.vary": "A variation of your latest image",
    "discord.option.prompt": "What to draw",
    "discord.option.aspect_ratio": "Shape of the image (default: your setting)",
    "discord.option.resolution": "1K, 2K or 4K (default: your setting)",
    "discord.option.count": "How many images (1-4)",
    "discord.option.reference": "An image to edit or take inspiration from",
    "discord.option.request": "The request's id (default: your latest request still waiting)",
    "discord.option.code": "The code /link gave you on your other platform (leave empty to get one)",
    "discord.option.platform": "The platform to detach (its history stays with the account)",
    "discord.choice.auto": "auto",
}
