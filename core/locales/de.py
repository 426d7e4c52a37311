"""German texts (du): the same keys and placeholders as `core.locales.en`."""

TEXTS: dict[str, str | dict[str, str]] = {
    # onboarding
    "welcome": (
        "Willkommen bei GPT-Image-2! Ich verwandle deine Worte in Bilder.\n"
        "Bevor wir loslegen, lies bitte unsere Nutzungsbedingungen (/terms) und Datenschutzerklärung (/privacy) und "
        "bestätige, dass du sie akzeptierst und mindestens 13 Jahre alt bist."
    ),
    "welcome_back": (
        "Schön, dass du wieder da bist! Sende /imagine <Prompt>, um ein Bild zu erstellen, oder /help, um alles zu "
        "sehen, was ich kann."
    ),
    "consent_accepted": {
        "one": "Danke! Jetzt kannst du Bilder erstellen: /imagine <Prompt>. Du bekommst jeden Tag {count} Gratisbild.",
        "other": (
            "Danke! Jetzt kannst du Bilder erstellen: /imagine <Prompt>. Du bekommst jeden Tag {count} Gratisbilder."
        ),
    },
    "consent_accepted_paid": "Danke! Jetzt kannst du Bilder erstellen: /imagine <Prompt>. Jedes Bild kostet Credits.",
    "consent_age_required": "Tut mir leid, GPT-Image-2 ist nur für Personen ab 13 Jahren.",
    "consent_prompt_console": (
        "Sende /accept, um die Nutzungsbedingungen und die Datenschutzerklärung zu akzeptieren und zu bestätigen, dass "
        "du mindestens 13 Jahre alt bist (sonst /decline)."
    ),
    "consent_needed_console": (
        "Bitte akzeptiere zuerst die Nutzungsbedingungen: Sende /accept (lesen kannst du sie mit /terms und /privacy)."
    ),
    "consent_changed": (
        "Wir haben {documents} aktualisiert. {read}\n"
        "Um weiter Bilder zu erstellen, akzeptiere bitte die neue Version und bestätige, dass du mindestens 13 Jahre "
        "alt bist."
    ),
    "consent_changed_documents.terms": "unsere Nutzungsbedingungen",
    "consent_changed_documents.privacy": "unsere Datenschutzerklärung",
    "consent_changed_documents.both": "unsere Nutzungsbedingungen und unsere Datenschutzerklärung",
    "consent_changed_what": "Was sich geändert hat: {url}",
    "consent_changed_read": "Vollständiger Text: {url}",
    "consent_changed_read.terms": "Lies sie mit /terms.",
    "consent_changed_read.privacy": "Lies sie mit /privacy.",
    "consent_changed_read.both": "Lies sie mit /terms und /privacy.",
    "consent_declined_update": (
        "Verstanden. Bis du die neue Version akzeptierst, kannst du keine Bilder erstellen, aber dein Konto bleibt, "
        "wie es ist: /mydata exportiert deine Daten und /deleteme löscht sie. Wir fragen dich beim nächsten Mal noch "
        "einmal."
    ),
    "announcement.policy": ("📣 Unsere Datenschutzerklärung hat sich geändert.\n\n{text}\n\n{read}"),
    "announcement.terms": ("📣 Unsere Nutzungsbedingungen haben sich geändert.\n\n{text}\n\n{read}"),
    "announcement.news": ("📣 {text}\n\n(Nachrichten wie diese kannst du in /settings abschalten.)"),
    "announcement_accept_next": "Vor deinem nächsten Bild wirst du gebeten, die neue Version zu akzeptieren.",
    "consent_button_accept": "Ich stimme zu und bin 13+",
    "consent_button_decline": "Nein, danke",
    "help": (
        "Befehle:\n"
        "/imagine <Prompt> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] — Bilder erstellen\n"
        "Um ein Foto zu bearbeiten, antworte darauf mit /imagine <was sich ändern soll> oder sende es mit diesem Text "
        "als Bildunterschrift.\n"
        "Im privaten Chat ist auch jede Nachricht ein Prompt.\n"
        "/regenerate [id] — deine letzte Anfrage noch einmal; /vary [id] — eine Variante deines letzten Bildes\n"
        "/cancel — deine letzte Anfrage abbrechen, die noch in der Warteschlange steht (was dafür reserviert war, "
        "kommt sofort zurück)\n"
        "/balance — heute verbleibende Gratisbilder und deine Credits\n"
        "{buy}/settings — Sprache, Standard für Seitenverhältnis und Auflösung, Dateien, Benachrichtigungen\n"
        "/link [Code] — ein Konto für Telegram, Discord und die Konsole; /accounts — verknüpfte Plattformen; /unlink "
        "<Plattform> — eine trennen\n"
        "/mydata — alles exportieren, was wir über dich speichern\n"
        "/deleteme — dein Konto und deine Daten löschen\n"
        "/terms — Nutzungsbedingungen; /privacy — unsere Datenschutzerklärung\n"
        "/start — neu starten, /help — diese Liste\n"
        "Hinweise: 4K gibt es nicht für 1:1, und das Seitenverhältnis auto gibt es nur in 1K."
    ),
    "help_console": (
        "Befehle:\n"
        "/start, dann /accept (oder /decline) — die Nutzungsbedingungen akzeptieren und bestätigen, dass du mindestens "
        "13 Jahre alt bist\n"
        "/imagine <Prompt> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] [--ref <Bilddatei>] — Bilder "
        "erstellen; --ref bearbeitet eine Bilddatei (für mehrere wiederholen)\n"
        "Eine Zeile, die kein Befehl ist, ist auch ein Prompt.\n"
        "/regenerate [id] — deine letzte Anfrage noch einmal; /vary [id] — eine Variante deines letzten Bildes\n"
        "/cancel [id] — eine Anfrage abbrechen, die noch in der Warteschlange steht (was dafür reserviert war, kommt "
        "sofort zurück)\n"
        "/balance — heute verbleibende Gratisbilder und deine Credits\n"
        "{buy}/settings [lang|ar|res|file|notify <Wert>] — deine Sprache und Standardeinstellungen\n"
        "/link [Code] — ein Konto für Telegram, Discord und die Konsole; /accounts — verknüpfte Plattformen; /unlink "
        "<Plattform> — eine trennen\n"
        "/mydata — alles exportieren, was wir über dich speichern\n"
        "/deleteme — dein Konto und deine Daten löschen\n"
        "/terms — Nutzungsbedingungen; /privacy — unsere Datenschutzerklärung\n"
        "/help — diese Liste. Ctrl-D (oder Ctrl-C) beendet.\n"
        "Hinweise: 4K gibt es nicht für 1:1, und das Seitenverhältnis auto gibt es nur in 1K."
    ),
    "help_buy": (
        "/buy — Credits oder ein Abo kaufen; /billing — dein Abo verwalten; /paysupport — Hilfe bei einer Zahlung\n"
    ),
    "help_buy_console": (
        "/buy [Produkt] — Credits oder ein Abo kaufen; /billing — dein Abo verwalten; /paysupport — Hilfe bei einer "
        "Zahlung\n"
    ),
    "help_buy_discord": ("/buy — Credits oder ein Abo kaufen\n/billing — dein Abo verwalten\n"),
    "console_banner": (
        "GPT-Image-2-Konsolenchat. Tippe /help für die Befehle und /start zum Loslegen; jede andere Zeile ist ein "
        "Prompt. Ctrl-D oder Ctrl-C beendet."
    ),
    "unknown_command": "Diesen Befehl kenne ich nicht. Das kann ich:",
    "privacy": (
        "Datenschutz in Kürze:\n"
        "• Wir speichern dein Konto (Anzeigename, Sprache, deine Einstellungen, deine Einwilligung), deine Prompts, "
        "die für dich erstellten Bilder, dein Credit-Konto und deine Zahlungsbelege (niemals Kartendaten: Zahlungen "
        "wickelt Creem ab) sowie ein Protokoll dessen, was unsere Admins mit deinem Konto gemacht haben (Credits "
        "gutgeschrieben oder abgezogen, eine Sperre, ein Blick in dein Konto).\n"
        "• Prompts und jedes Bild, das ich für dich bearbeiten soll, werden an unseren KI-Anbieter (KIE.ai) gesendet, "
        "um die Bilder zu erstellen; Prompts werden vorher geprüft. Zahlungen verarbeitet Creem. Wir verkaufen deine "
        "Daten nicht.\n"
        "• /mydata exportiert alles, was wir über dich speichern; /deleteme löscht dein Konto, deine Prompts, Bilder "
        "und Belege; in /settings kannst du nicht notwendige Nachrichten abbestellen.\n"
        "• Nach einer Löschung behalten wir nur, was Missbrauch unserer Nutzungslimits verhindert: einen "
        "schlüsselbasierten Hash deiner Plattform-ID (er lässt sich nicht in die ID zurückverwandeln) mit den heute "
        "genutzten Gratisbildern (bis zum Ende des UTC-Tages) und einem etwaigen offenen Betrag. Sonst nichts über "
        "dich.\n"
        "• Der Dienst ist nicht für Personen unter 13 Jahren.\n"
        "Fragen zum Datenschutz: {contact}"
    ),
    "privacy_link": "Die vollständige Datenschutzerklärung: {url}",
    "terms": (
        "Nutzungsbedingungen in Kürze:\n"
        "• GPT-Image-2 ist für Personen ab 13 Jahren.\n"
        "• Fordere keine illegalen oder schädlichen Inhalte an und keine Inhalte, die die Rechte anderer verletzen; "
        "Prompts werden geprüft und können abgelehnt werden.\n"
        "• Die Bilder erstellt eine KI, sie können Fehler haben; du bist dafür verantwortlich, wie du sie nutzt.\n"
        "• Jedes Bild verbraucht Gratisbilder des Tages oder Credits; ein Bild, das nicht erstellt werden kann, wird "
        "erstattet. Nicht genutzte Credits verfallen, wenn du dein Konto löschst.\n"
        "• Konten, die den Dienst missbrauchen, können gesperrt werden.\n"
        "Fragen: {contact}"
    ),
    "terms_link": "Die vollständigen Nutzungsbedingungen: {url}",
    # generation
    "queued": {
        "one": "In der Warteschlange: {count} Bild, {cost}. Ich schicke dir das Ergebnis hierher.",
        "other": "In der Warteschlange: {count} Bilder, {cost}. Ich schicke dir die Ergebnisse hierher.",
    },
    "queued_shared": {
        "one": "In der Warteschlange: {count} Bild. Ich schicke das Ergebnis hierher.",
        "other": "In der Warteschlange: {count} Bilder. Ich schicke die Ergebnisse hierher.",
    },
    "queued_place": {
        "one": "In der Warteschlange: {count} Bild, {cost}. {place} Ich schicke dir das Ergebnis hierher.",
        "other": "In der Warteschlange: {count} Bilder, {cost}. {place} Ich schicke dir die Ergebnisse hierher.",
    },
    "queued_shared_place": {
        "one": "In der Warteschlange: {count} Bild. {place} Ich schicke das Ergebnis hierher.",
        "other": "In der Warteschlange: {count} Bilder. {place} Ich schicke die Ergebnisse hierher.",
    },
    "place_next": "Du bist als Nächstes dran (fertig in etwa {eta}).",
    "place_in_line": "Du bist Nr. {position} in der Warteschlange (fertig in etwa {eta}).",
    "cost_free": {
        "one": "{count} gratis",
        "other": "{count} gratis",
    },
    "cost_paid": {
        "one": "{count} Credit",
        "other": "{count} Credits",
    },
    "cost_mixed": "{free} + {credits}",
    # amounts used inside other texts
    "n_credits": {
        "one": "{count} Credit",
        "other": "{count} Credits",
    },
    "n_images": {
        "one": "{count} Bild",
        "other": "{count} Bilder",
    },
    "n_free_images": {
        "one": "{count} Gratisbild",
        "other": "{count} Gratisbilder",
    },
    "free_left_today": {
        "one": "heute noch {count} Gratisbild",
        "other": "heute noch {count} Gratisbilder",
    },
    "progress_generating": "Wird erstellt … {done}/{count} fertig",
    "progress_storing": {
        "one": "Gleich geschafft: dein Bild wird gespeichert …",
        "other": "Gleich geschafft: deine Bilder werden gespeichert …",
    },
    "done": "Fertig: „{prompt}“ — {free_left} und {credits} übrig.",
    "done_credits": "Fertig: „{prompt}“ — noch {credits} übrig.",
    "done_shared": "Fertig: „{prompt}“",
    "done_paths": "Gespeichert:",
    "partial": {
        "one": "{made} von {count} Bild konnte erstellt werden; was für die übrigen reserviert war, wurde erstattet.",
        "other": (
            "{made} von {count} Bildern konnten erstellt werden; was für die übrigen reserviert war, wurde erstattet."
        ),
    },
    "console_after": "Mehr davon: /regenerate {id} · das erste Bild als Vorlage nutzen: /vary {id}",
    "failed": {
        "one": (
            "Tut mir leid, dein Bild konnte nicht erstellt werden: {reason} Es wurde nichts berechnet: Was dafür "
            "reserviert war, wurde erstattet."
        ),
        "other": (
            "Tut mir leid, deine Bilder konnten nicht erstellt werden: {reason} Es wurde nichts berechnet: Was dafür "
            "reserviert war, wurde erstattet."
        ),
    },
    "cancel_button": "✖ Abbrechen",
    "cancelled": "Abgebrochen. Es wurde nichts erstellt, und was dafür reserviert war, wurde erstattet: {refund}.",
    "cancelled_free_of_charge": "Abgebrochen. Es wurde nichts erstellt und nichts berechnet.",
    "cancelled_shared": "Abgebrochen. Es wurde nichts erstellt, und was dafür reserviert war, wurde erstattet.",
    "refund_mixed": "{free} und {credits}",
    "regenerate_button": "🔁 Neu erstellen",
    "vary_button": "🎨 Variieren",
    "original_button": "🖼 Originaldatei",
    # balance / billing
    "balance": ("Gratisbilder heute noch: {free_left} von {free_per_day}\nGekaufte Credits: {credits}\nAbo: {plan}"),
    "balance_no_free": "Gekaufte Credits: {credits}\nAbo: {plan}",
    "plan_none": "keines",
    "prices": "Credits pro Bild: 1K = {p1}, 2K = {p2}, 4K = {p4}.",
    "products_header": "Wähle ein Paket oder ein Abo:",
    "product_line": {
        "one": "{label} — {price} ({count} Credit{per_month})",
        "other": "{label} — {price} ({count} Credits{per_month})",
    },
    "per_month": " pro Monat",
    "checkout_link": "Hier kannst du {label} bezahlen: {url}",
    "portal_link": "Hier kannst du dein Abo verwalten: {url}",
    "billing_plan": "Dein Abo: {plan}",
    "no_products": "Im Moment gibt es nichts zu kaufen.",
    "payment_received": {
        "one": "Zahlung erhalten: {count} Credit gutgeschrieben. Deine Credits jetzt: {balance}.",
        "other": "Zahlung erhalten: {count} Credits gutgeschrieben. Deine Credits jetzt: {balance}.",
    },
    "plan_renewed": {
        "one": "Dein Abo wurde verlängert: {count} Credit gutgeschrieben. Deine Credits jetzt: {balance}.",
        "other": "Dein Abo wurde verlängert: {count} Credits gutgeschrieben. Deine Credits jetzt: {balance}.",
    },
    "plan_ended": (
        "Dein Abo ist beendet; es werden keine monatlichen Credits mehr gutgeschrieben. Deine Credits bleiben dir."
    ),
    # a plan's status (Creem's subscription states): what it means and what to do, in /balance …
    "plan_state.active": "{plan}",
    "plan_state.trialing": "{plan} (Testphase)",
    "plan_state.scheduled_cancel": "{plan} (endet zum Ende dieses Zeitraums; in /billing kannst du es fortsetzen)",
    "plan_state.past_due": (
        "{plan} (eine Zahlung ist fehlgeschlagen und wird erneut versucht; aktualisiere deine Zahlungsmethode in "
        "/billing)"
    ),
    "plan_state.unpaid": (
        "{plan} (ausgesetzt: die Zahlung fehlt; bezahle oder aktualisiere deine Zahlungsmethode in /billing)"
    ),
    "plan_state.paused": "{plan} (pausiert: keine monatlichen Credits, bis du es in /billing fortsetzt)",
    "plan_state.expired": "{plan} (ohne Zahlung abgelaufen: keine monatlichen Credits; verlängere es in /billing)",
    # … and as a notice when it changes
    "plan_status.active": (
        "Dein Abo {plan} ist wieder aktiv. Mit jeder Zahlung werden die monatlichen Credits gutgeschrieben."
    ),
    "plan_status.trialing": "Deine Testphase für {plan} hat begonnen.",
    "plan_status.scheduled_cancel": (
        "Dein Abo {plan} endet zum Ende des aktuellen Zeitraums; bis dahin ändert sich nichts. Du hast es dir anders "
        "überlegt? Setze es in /billing fort."
    ),
    "plan_status.past_due": (
        "Die Zahlung für dein Abo {plan} ist fehlgeschlagen. Sie wird erneut versucht; um dein Abo zu behalten, "
        "aktualisiere deine Zahlungsmethode in /billing."
    ),
    "plan_status.unpaid": (
        "Dein Abo {plan} ist ausgesetzt, weil die Zahlung nicht eingezogen werden konnte: Es werden keine monatlichen "
        "Credits gutgeschrieben. Bezahle oder aktualisiere deine Zahlungsmethode in /billing, um weiterzumachen."
    ),
    "plan_status.paused": (
        "Dein Abo {plan} ist pausiert: Es werden keine monatlichen Credits gutgeschrieben, bis du es in /billing "
        "fortsetzt. Deine Credits bleiben dir."
    ),
    "plan_status.expired": (
        "Dein Abo {plan} ist abgelaufen: Der Zeitraum endete ohne Zahlung, daher werden keine monatlichen Credits "
        "gutgeschrieben. Die Zahlung wird eventuell noch einmal versucht; aktualisiere deine Zahlungsmethode in "
        "/billing, um es zu verlängern, oder kündige es dort."
    ),
    "payment_reversed": {
        "one": (
            "Eine Zahlung wurde erstattet oder angefochten: {count} Credit wurde abgezogen. Deine Credits jetzt: "
            "{balance}."
        ),
        "other": (
            "Eine Zahlung wurde erstattet oder angefochten: {count} Credits wurden abgezogen. Deine Credits jetzt: "
            "{balance}."
        ),
    },
    "payment_page_title": "Danke!",
    "payment_page": (
        "Deine Zahlung wird gerade bestätigt. Deine Credits erscheinen gleich im Chat — du kannst diese Seite "
        "schließen und zum Bot zurückkehren."
    ),
    "payment_page_unverified_title": "Zahlungsstatus unbekannt",
    "payment_page_unverified": (
        "Wir konnten diesen Link nicht überprüfen. Falls du bezahlt hast, erscheinen deine Credits trotzdem im Chat, "
        "sobald die Zahlung bestätigt ist."
    ),
    "paysupport": (
        "Fragen zu einer Zahlung? Schreib an {contact} und nenn uns die Details deiner Zahlung, dann helfen wir dir."
    ),
    "stars_button": {
        "one": "⭐ {count} Stern",
        "other": "⭐ {count} Sterne",
    },
    "pay_with_card": "💳 {price}",
    # privacy
    "export_ready": "Hier ist alles, was wir über dich speichern: mydata.json und deine Bilder, als Zip.",
    "export_ready_parts": {
        "one": "Hier ist alles, was wir über dich speichern: mydata.json und deine Bilder, in {count} Zip-Datei.",
        "other": "Hier ist alles, was wir über dich speichern: mydata.json und deine Bilder, in {count} Zip-Dateien.",
    },
    "export_kept": {
        "one": (
            "Hier ist alles, was wir über dich speichern (mydata.json und deine Bilder, als Zip); die Datei wird in "
            "{count} Minute gelöscht:"
        ),
        "other": (
            "Hier ist alles, was wir über dich speichern (mydata.json und deine Bilder, als Zip); die Datei wird in "
            "{count} Minuten gelöscht:"
        ),
    },
    "export_nothing": "Wir speichern keine Daten über dich.",
    "delete_confirm": {
        "one": (
            "Damit werden dein Konto, deine Prompts, Bilder, Credits und Zahlungsbelege endgültig gelöscht. Nicht "
            "genutzte Credits verfallen; die heute genutzten Gratisbilder und ein etwaiger offener Betrag zählen "
            "weiter, wenn du zurückkommst (siehe /privacy). Zum Bestätigen sende: /deleteme {code} (gültig für {count} "
            "Minute). Mit /deleteme cancel bleibt alles erhalten."
        ),
        "other": (
            "Damit werden dein Konto, deine Prompts, Bilder, Credits und Zahlungsbelege endgültig gelöscht. Nicht "
            "genutzte Credits verfallen; die heute genutzten Gratisbilder und ein etwaiger offener Betrag zählen "
            "weiter, wenn du zurückkommst (siehe /privacy). Zum Bestätigen sende: /deleteme {code} (gültig für {count} "
            "Minuten). Mit /deleteme cancel bleibt alles erhalten."
        ),
    },
    "delete_confirm_buttons": (
        "Damit werden dein Konto, deine Prompts, Bilder, Credits und Zahlungsbelege endgültig gelöscht. Nicht genutzte "
        "Credits verfallen; die heute genutzten Gratisbilder und ein etwaiger offener Betrag zählen weiter, wenn du "
        "zurückkommst (siehe /privacy). Bist du sicher?"
    ),
    "delete_button_yes": "Ja, alles löschen",
    "delete_button_no": "Abbrechen",
    "deleted": (
        "Dein Konto und deine Daten wurden gelöscht (wir behalten nur den in /privacy beschriebenen schlüsselbasierten "
        "Hash). Tschüss! Sende /start, falls du irgendwann zurückkommen möchtest."
    ),
    "delete_cancelled": "Löschen abgebrochen. Es wurde nichts gelöscht.",
    "nothing_to_delete": "Wir speichern keine Daten über dich, es gibt also nichts zu löschen.",
    # admin actions, as the person they concern is told
    "admin_granted": {
        "one": "Ein Admin hat deinem Konto {count} Credit gutgeschrieben ({reason}). Deine Credits jetzt: {balance}.",
        "other": (
            "Ein Admin hat deinem Konto {count} Credits gutgeschrieben ({reason}). Deine Credits jetzt: {balance}."
        ),
    },
    "admin_revoked": {
        "one": "Ein Admin hat deinem Konto {count} Credit abgezogen ({reason}). Deine Credits jetzt: {balance}.",
        "other": "Ein Admin hat deinem Konto {count} Credits abgezogen ({reason}). Deine Credits jetzt: {balance}.",
    },
    "account_blocked": (
        "Dein Konto wurde von einem Admin gesperrt: Ich erstelle dafür keine neuen Bilder und nehme keine Zahlungen "
        "an. Bilder, die schon unterwegs sind, kommen trotzdem an. Du kannst weiterhin deine Daten exportieren "
        "(/mydata), dein Konto löschen (/deleteme) und /privacy lesen. Bei Fragen schreib an {contact}."
    ),
    "account_unblocked": "Dein Konto ist wieder aktiv. Sende /help, um zu sehen, was ich kann.",
    # admin tools (only admins ever see these)
    "discord.admin": "Admin-Werkzeuge",
    "discord.admin.user": "Guthaben, Abo, letzte Erstellungen und Zahlungen einer Person",
    "discord.admin.who": "Konto-ID, Nutzer-ID oder telegram:<id> / discord:<id>",
    "discord.admin.prompts": "Auch die Prompts zeigen (wird protokolliert, die Person sieht es)",
    "discord.admin.grant": "Einer Person Credits gutschreiben",
    "discord.admin.revoke": "Credits abziehen (nie unter null)",
    "discord.admin.block": "Alles ablehnen außer den Datenschutzrechten einer Person",
    "discord.admin.unblock": "Eine Sperre aufheben",
    "discord.admin.stats": "Personen, Erstellungen, Credits, Anbieterkosten und die Warteschlange",
    "discord.admin.announce": "Allen Bescheid geben, jedem einmal (oder den Stand sehen)",
    "discord.admin.announce_kind": (
        "policy oder terms: Änderung, die alle erfahren müssen; news: ohne Abgemeldete; status"
    ),
    "discord.admin.announce_text": "Was alle erfahren sollen (für status nicht nötig)",
    "admin.usage": "Admin-Befehle:",
    "admin.usage.user": (
        "/admin user <wer> [--prompts] — Guthaben, Abo, letzte Erstellungen, Zahlungen (--prompts zeigt auch die "
        "Prompts; dieser Zugriff wird protokolliert und die Person sieht ihn in /mydata)"
    ),
    "admin.usage.grant": "/admin grant <wer> <Credits> <Grund> — gekaufte Credits gutschreiben",
    "admin.usage.revoke": "/admin revoke <wer> <Credits> <Grund> — gekaufte Credits abziehen (nie unter null)",
    "admin.usage.block": (
        "/admin block <wer> <Grund> — alles ablehnen außer /mydata, /deleteme, /privacy, /terms und /help"
    ),
    "admin.usage.unblock": "/admin unblock <wer> [Grund] — eine Sperre aufheben",
    "admin.usage.stats": "/admin stats — Personen, Erstellungen, Credits, Anbieterkosten und die Warteschlange",
    "admin.usage.announce": (
        "/admin announce policy|terms|news <Text> — allen Bescheid geben, jeder Person einmal (eine Änderung der "
        "Datenschutzerklärung oder der Nutzungsbedingungen erreicht alle; News überspringen Personen, die "
        "Benachrichtigungen abgeschaltet haben); /admin announce status — wie weit der Versand ist"
    ),
    "admin.announced": (
        "Ankündigung {id} ({kind}) für {people} erfasst. Der Bot sendet sie mit der niedrigsten Priorität, jeder "
        "Person einmal; /admin announce status zeigt, wie weit der Versand ist."
    ),
    "n_accounts": {
        "one": "{count} Konto",
        "other": "{count} Konten",
    },
    "admin.announced_already": (
        "Schon erfasst: Ankündigung {id} ({kind}) aus diesem Befehl; nichts wird doppelt gesendet."
    ),
    "admin.announcements_none": "Noch keine Ankündigungen.",
    "admin.announcement": (
        "{id} {kind} · {at} UTC · {people} · „{text}“\n"
        "  gesendet {sent} · blockiert {blocked} · fehlgeschlagen {failed} · übersprungen {skipped} · unklar "
        "{uncertain} · offen {remaining} · {eta}"
    ),
    "admin.announcement_done": "fertig",
    "admin.announcement_eta": "noch etwa {eta} ({rate}/s)",
    "admin.announcement_stalled": "in den letzten {wait} wurde nichts gesendet: Läuft der Bot?",
    "admin.usage_who": "<wer>: eine Konto-ID, eine Nutzer-ID oder telegram:<id>, discord:<id>, console:<Name>.",
    "admin.usage_of": "Verwendung: {usage}",
    "admin.unknown_action": "Es gibt keinen Admin-Befehl „{action}“.",
    "admin.already": (
        "Schon erledigt: Dieser Befehl wurde bereits angewendet ({action} am {at}); es hat sich nichts geändert."
    ),
    "admin.granted": "{who} gutgeschrieben: {credits}. Guthaben: {balance}.",
    "admin.revoked": "{who} abgezogen: {credits}. Guthaben: {balance}.",
    "admin.revoked_partly": {
        "one": (
            "{who} abgezogen: {credits} von {count} angefragten Credit – ein Abzug bringt das Guthaben nie unter null. "
            "Guthaben: {balance}."
        ),
        "other": (
            "{who} abgezogen: {credits} von {count} angefragten Credits – ein Abzug bringt das Guthaben nie unter "
            "null. Guthaben: {balance}."
        ),
    },
    "admin.blocked": (
        "{who} ist gesperrt. /mydata, /deleteme, /privacy, /terms und /help bleiben nutzbar; laufende Arbeit wird "
        "abgeschlossen."
    ),
    "admin.unblocked": "{who} ist entsperrt.",
    "admin.person": "{name} (Konto {account})",
    "admin.user": (
        "Konto {account} — {name}, Sprache {language}, seit {created}\n"
        "Identitäten: {identities}\n"
        "Einwilligung: {consent}; Status: {status}\n"
        "Guthaben: heute noch {free_left} von {free_per_day} Gratisbildern, {credits}; Abo: {plan}"
    ),
    "admin.user_active": "aktiv",
    "admin.user_blocked": "gesperrt seit {at} ({reason})",
    "admin.user_being_deleted": "wird gelöscht",
    "admin.user_consent_none": "nicht erteilt",
    "admin.user_generations": "Letzte Erstellungen:",
    "admin.user_generation": "• {at} {id} {status}: {count}×{resolution}, {cost}{error}",
    "admin.user_generation_error": "; Fehler {code}",
    "admin.user_prompt": "   Prompt: {prompt}",
    "admin.user_no_generations": "Keine Erstellungen.",
    "admin.user_payments": "Letzte Zahlungen:",
    "admin.user_payment": "• {at} {provider} {ref}: {credits}, {status}",
    "admin.user_no_payments": "Keine Zahlungen.",
    "admin.user_prompts_logged": (
        "Prompts angezeigt: Dieser Zugriff steht im Audit-Log, und die Person sieht ihn in /mydata."
    ),
    "admin.stats": (
        "Statistik (UTC), heute / letzte 7 Tage:\n"
        "Aktive Personen: {active_today} / {active_week}\n"
        "Angefragte Erstellungen: {requested_today} / {requested_week}\n"
        "Abgeschlossen: zugestellt {delivered_today} / {delivered_week}; teilweise erstattet {partly_today} / "
        "{partly_week}; erstattet {refunded_today} / {refunded_week}\n"
        "Credits: verkauft {sold_today} / {sold_week}; verbraucht {used_today} / {used_week}; erstattet {back_today} / "
        "{back_week}; Gratisbilder genutzt {free_today} / {free_week}\n"
        "Anbieter-Tasks: {tasks_today} / {tasks_week}; geschätzte Anbieterkosten: {cost_today} / {cost_week}\n"
        "Jetzt: in der Warteschlange {queued}, laufend {running}, im Versand {undelivered}; Personen mit laufender "
        "Arbeit: {accounts}"
    ),
    "admin.stats_cost": "KIE-Credits: {credits} ≈ ${usd}",
    # settings
    "settings": (
        "Deine Einstellungen:\n"
        "Sprache: {language}\n"
        "Seitenverhältnis: {aspect_ratio}\n"
        "Auflösung: {resolution}\n"
        "Als Datei senden: {send_as_file}\n"
        "Benachrichtigungen: {notifications}"
    ),
    "settings_usage": (
        "Ändern mit: /settings lang <{languages}|auto>, /settings ar <auto|1:1|9:16|16:9|4:3|3:4>, /settings res "
        "<1K|2K|4K>, /settings file <on|off>, /settings notify <on|off>"
    ),
    "language_auto": "automatisch ({language})",
    "language_choose": "Wähle deine Sprache:",
    "language_button_auto": "Automatisch (wie meine App)",
    "language_saved": "Sprache gespeichert: {language}.",
    "language_auto_saved": "Ich richte mich wieder nach der Sprache deiner App ({language}).",
    "language_unknown": "Diese Sprache spreche ich noch nicht. Wähle eine davon: {languages} oder auto.",
    "settings_button_language": "🌐 Sprache",
    "settings_language_placeholder": "Sprache",
    "settings_saved": "Gespeichert.",
    "settings_4k_square": (
        "4K gibt es nicht mit dem Seitenverhältnis 1:1, daher wurde nichts geändert. Wähle zuerst ein anderes "
        "Seitenverhältnis (16:9, 9:16, 4:3 oder 3:4) oder 1K bzw. 2K."
    ),
    "settings_auto_1k": (
        "Das Seitenverhältnis auto erstellt nur 1K-Bilder, daher wurde nichts geändert. Wähle zuerst ein "
        "Seitenverhältnis wie 16:9 oder 1K."
    ),
    "option_unknown_ratio": "Unbekanntes Seitenverhältnis „{value}“. Möglich sind: {allowed}.",
    "option_unknown_resolution": "Unbekannte Auflösung „{value}“. Möglich sind: {allowed}.",
    "option_count_range": "Die Anzahl der Bilder muss zwischen 1 und {max} liegen.",
    "option_count_not_number": "--n muss eine Zahl von 1 bis 4 sein, nicht „{value}“.",
    "option_needs_value": "Die Option --{option} braucht einen Wert.",
    "option_unknown": "Unbekannte Option --{option}. Optionen: --ar, --res, --n.",
    "option_4k_square": "4K gibt es nicht für das Seitenverhältnis 1:1; nimm 1K oder 2K.",
    "option_auto_1k": (
        "Das Seitenverhältnis auto gibt es nur in 1K; wähle für 2K oder 4K ein Seitenverhältnis wie 16:9."
    ),
    "on": "an",
    "off": "aus",
    "private_note": "Ich habe dir die Antwort per Privatnachricht geschickt.",
    "private_unreachable": "Starte bitte zuerst einen privaten Chat mit mir und versuch es dann noch einmal.",
    # discord
    "help_discord": (
        "Befehle:\n"
        "/imagine prompt: [aspect_ratio:] [resolution:] [count: 1-4] [reference: ein Bild] — Bilder erstellen\n"
        "/cancel — deine letzte Anfrage abbrechen, die noch in der Warteschlange steht (was dafür reserviert war, "
        "kommt sofort zurück)\n"
        "/balance — heute verbleibende Gratisbilder und deine Credits\n"
        "{buy}/settings — Sprache, Standard für Seitenverhältnis und Auflösung, Benachrichtigungen\n"
        "/regenerate — deine letzte Anfrage noch einmal; /vary — eine Variante deines letzten Bildes\n"
        "/link [code:] — ein Konto für Telegram, Discord und die Konsole; /accounts — verknüpfte Plattformen; /unlink "
        "platform: — eine trennen\n"
        "/mydata — alles exportieren, was wir über dich speichern\n"
        "/deleteme — dein Konto und deine Daten löschen\n"
        "/terms — Nutzungsbedingungen, /privacy — unsere Datenschutzerklärung, /help — diese Liste\n"
        "Buttons unter einem Ergebnis: „Neu erstellen“ stellt dieselbe Anfrage noch einmal, „Variieren“ nutzt das "
        "erste Bild als Vorlage.\n"
        "Hinweise: 4K gibt es nicht für 1:1, und das Seitenverhältnis auto gibt es nur in 1K."
    ),
    "button_stale": "Dieser Button funktioniert nicht mehr. Sende /help, um zu sehen, was ich kann.",
    "image_too_large_link": "Bild {index} ist zu groß, um es hier anzuhängen; öffne es hier: {url}",
    "image_too_large": "Bild {index} ist zu groß, um es hier anzuhängen.",
    "notify_button_on": "🔔 Benachrichtigungen: an",
    "notify_button_off": "🔕 Benachrichtigungen: aus",
    "settings_ar_placeholder": "Standard-Seitenverhältnis",
    "settings_res_placeholder": "Standardauflösung",
    "billing_button": "Abo verwalten",
    # errors
    "error.consent_required": "Bitte akzeptiere zuerst die Nutzungsbedingungen: Sende /start.",
    "error.consent_outdated": (
        "Bitte akzeptiere zuerst unsere aktualisierten Nutzungsbedingungen oder unsere aktualisierte "
        "Datenschutzerklärung."
    ),
    "error.not_registered": "Du hast noch kein Konto: Sende /start.",
    "error.prompt_empty": "Bitte beschreibe das Bild: /imagine <Prompt>.",
    "error.prompt_too_long": {
        "one": "Dein Prompt ist zu lang ({count} Zeichen; erlaubt sind {limit}).",
        "other": "Dein Prompt ist zu lang ({count} Zeichen; erlaubt sind {limit}).",
    },
    "error.prompt_invalid_characters": (
        "Dein Prompt enthält Zeichen, die ich nicht verwenden kann (ein Nullzeichen oder ein kaputtes Emoji). Bitte "
        "tippe ihn neu und sende ihn noch einmal. Es wurde nichts berechnet."
    ),
    "error.invalid_option": "{detail}",
    "error.too_many_references": {
        "one": "Zu viele Referenzbilder: Du kannst höchstens {count} verwenden.",
        "other": "Zu viele Referenzbilder: Du kannst höchstens {count} verwenden.",
    },
    "error.insufficient_credits": "Nicht genug Credits: Dafür brauchst du {needed} und hast {credits}.",
    "short_of_images": (
        "Nicht genug Credits: Dafür brauchst du {images}; du hast {free_left} und {credits} (jedes Bild über die "
        "Gratisbilder hinaus kostet {unit_price} in {resolution})."
    ),
    "error.insufficient_credits_shared": (
        "Dafür reichen die Credits nicht. Schick mir /balance in einem privaten Chat, um deine zu sehen."
    ),
    "short_of_credits": {
        "one": (
            "Nicht genug Credits: {count} Bild in {resolution} kostet {needed} und du hast {credits} (Gratisbilder "
            "gibt es nur bis {free_max})."
        ),
        "other": (
            "Nicht genug Credits: {count} Bilder in {resolution} kosten {needed} und du hast {credits} (Gratisbilder "
            "gibt es nur bis {free_max})."
        ),
    },
    "short_of_credits_no_free": {
        "one": "Nicht genug Credits: {count} Bild in {resolution} kostet {needed} und du hast {credits}.",
        "other": "Nicht genug Credits: {count} Bilder in {resolution} kosten {needed} und du hast {credits}.",
    },
    "short_negative_balance": (
        "Dein Credit-Guthaben liegt nach einer Erstattung oder Anfechtung bei {credits}, daher warten neue Bilder, bis "
        "du es aufgeladen hast."
    ),
    "free_reset": "Die Gratisbilder werden um {time} Uhr UTC zurückgesetzt (in {wait}).",
    "hint_buy": "Mit /buy kannst du Credits kaufen.",
    "hint_plans": "Die Abos findest du unter /buy.",
    "error.rate_limited": {
        "one": "Du bist ganz schön schnell! Bitte warte {count} Sekunde und versuch es dann noch einmal.",
        "other": "Du bist ganz schön schnell! Bitte warte {count} Sekunden und versuch es dann noch einmal.",
    },
    "error.too_many_running": {
        "one": "Bei dir läuft schon {count} Erstellung. Bitte warte, bis sie fertig ist.",
        "other": "Bei dir laufen schon {count} Erstellungen. Bitte warte, bis eine davon fertig ist.",
    },
    "error.prompt_rejected": "Dieser Prompt kann nicht verwendet werden: {reason} Es wurde nichts berechnet.",
    "error.moderation_unavailable": (
        "Ich kann Prompts gerade nicht prüfen und deshalb keine Bilder erstellen. Es wurde nichts berechnet."
    ),
    "error.provider_unavailable": "Der Bilddienst ist gerade nicht erreichbar. Bitte versuch es später noch einmal.",
    "error.generation_failed": "Der Bilddienst hat einen Fehler gemeldet.",
    "error.generation_timeout": "Der Bilddienst hat zu lange gebraucht.",
    "error.storage_failed": "Ich konnte das Ergebnis nicht speichern.",
    "error.payments_disabled": "Zahlungen sind für diesen Bot nicht eingerichtet.",
    "error.payments_unavailable": (
        "Der Zahlungsdienst ist gerade nicht erreichbar. Bitte versuch es später noch einmal."
    ),
    "error.unknown_product": "Dieses Produkt kenne ich nicht. Sende /buy, um zu sehen, was es gibt.",
    "error.not_found": "Das konnte ich nicht finden. Vielleicht wurde es gelöscht.",
    "error.not_owner": "Nur wer dieses Bild erstellt hat, kann diesen Button nutzen.",
    "error.no_generations": (
        "Du hast noch keine Bilder, die du nutzen kannst. Sende /imagine <Prompt>, um eins zu erstellen."
    ),
    "error.no_plan": "Du hast kein Abo.",
    "error.confirmation_invalid": (
        "Dieser Bestätigungscode ist falsch oder abgelaufen. Sende /deleteme, um einen neuen zu bekommen."
    ),
    "error.generation_in_progress": (
        "Deine Bilder werden noch erstellt. Bitte bestätige noch einmal, sobald sie fertig sind."
    ),
    "error.account_being_deleted": "Dein Konto wird gerade gelöscht, deshalb kann ich das nicht mehr tun.",
    "error.account_blocked": (
        "Tut mir leid, dein Konto ist gesperrt, deshalb kann ich das nicht tun. Du kannst weiterhin deine Daten "
        "exportieren (/mydata), dein Konto löschen (/deleteme) und /privacy, /terms und /help lesen. Bei Fragen "
        "schreib an {contact}."
    ),
    "error.admin_no_such_person": (
        "Niemand gefunden für „{who}“. Gib die Person per Konto-ID, per Nutzer-ID oder als telegram:<id>, discord:<id> "
        "oder console:<Name> an."
    ),
    "error.admin_ambiguous": (
        "„{who}“ ist eine Nutzer-ID auf mehreren Plattformen: Gib an, welche, z. B. telegram:{who} oder discord:{who}."
    ),
    "error.admin_bad_credits": "Credits müssen eine ganze Zahl von 1 bis {limit} sein.",
    "error.admin_reason_required": (
        "Bitte gib einen Grund an: Er wird im Audit-Log gespeichert und die Person sieht ihn in /mydata."
    ),
    "error.busy": {
        "one": (
            "Ich habe gerade sehr viel zu tun. Bitte versuch es in {count} Minute noch einmal. Es wurde nichts "
            "berechnet."
        ),
        "other": (
            "Ich habe gerade sehr viel zu tun. Bitte versuch es in {count} Minuten noch einmal. Es wurde nichts "
            "berechnet."
        ),
    },
    "error.temporarily_unavailable": (
        "Etwas ist vorübergehend nicht verfügbar. Bitte versuch es in einer Minute noch einmal."
    ),
    "error.task_lost": "Deine Anfrage ist bei einem Neustart auf unserer Seite verloren gegangen.",
    "error.cancelled": "Du hast die Anfrage abgebrochen.",
    "error.nothing_to_cancel": "Du hast nichts in der Warteschlange, das du abbrechen könntest.",
    "error.already_started": (
        "Zum Abbrechen ist es zu spät: Der Bilddienst arbeitet schon daran und kann nicht mehr stoppen. Das Ergebnis "
        "kommt wie gewohnt hier an."
    ),
    "error.already_finished": "Diese Anfrage ist schon fertig, es gibt also nichts abzubrechen.",
    "error.not_yours": "Nur wer diese Anfrage gestellt hat, kann sie abbrechen.",
    "error.link_code_invalid": (
        "Dieser Verknüpfungscode ist falsch, abgelaufen oder schon benutzt. Sende /link in deinem anderen Konto, um "
        "einen neuen zu bekommen, und dann hier /link <Code>."
    ),
    "error.link_same_platform": (
        "Das Konto, dem du beitreten willst, hat schon eine Identität auf {platform}, und ein Konto hat pro Plattform "
        "nur eine. Um sie zu ersetzen, sende dort zuerst /unlink {platform}."
    ),
    "error.link_two_plans": (
        "Beide Konten haben ein Abo, ein verknüpftes Konto kann aber nur eines haben. Kündige zuerst eines davon "
        "(/billing in diesem Konto öffnet das Abrechnungsportal) und verknüpfe dann erneut. Es wurde nichts geändert."
    ),
    "error.link_in_flight": (
        "Für dieses Konto wird gerade noch ein Bild erstellt. Verknüpfe erneut, sobald es angekommen ist. Es wurde "
        "nichts geändert."
    ),
    "error.already_linked": "Dieses Konto ist bereits mit jenem verknüpft. Siehe /accounts.",
    "error.unlink_last": (
        "Das ist die einzige Identität dieses Kontos, daher kann sie nicht getrennt werden. Um das Konto zu löschen, "
        "nutze /deleteme."
    ),
    "error.unlink_not_linked": (
        "Dieses Konto hat keine Identität auf {platform}, die getrennt werden könnte. Sende /accounts, um die "
        "verknüpften zu sehen."
    ),
    "error.internal": "Bei uns ist etwas schiefgelaufen (Fehler-ID {error_id}). Bitte versuch es noch einmal.",
    "reason_policy": "Er verstößt gegen unsere Inhaltsrichtlinien.",
    "failed_reason.prompt_rejected": "Dieser Prompt kann nicht verwendet werden: {reason}",
    # linking accounts across platforms (/link, /accounts, /unlink)
    "platform.telegram": "Telegram",
    "platform.discord": "Discord",
    "platform.console": "Konsole",
    "link_code": (
        "Dein Verknüpfungscode: {code}\n"
        "Sende /link {code} von deinem Konto auf einer anderen Plattform, um überall ein Konto mit einem Guthaben zu "
        "nutzen. Der Code funktioniert einmal und ist {wait} gültig. Behalte ihn für dich: Wer ihn nutzt, teilt deine "
        "Credits, dein Abo und deinen Verlauf."
    ),
    "link_confirm": "Dein Konto ({platform}) teilt dann Credits, Abo und Verlauf mit {issuer} ({issuer_platform}).",
    "link_merge": (
        "Beide Konten haben einen Verlauf, daher werden sie zu einem:\n"
        "• gekaufte Credits werden addiert: {credits_here} hier + {credits_there} dort = {credits_total}\n"
        "• die Gratisbilder von heute zählen einmal: {free_used} von {free_per_day} genutzt (der höhere der beiden "
        "Werte)\n"
        "• alles, was hier erstellt wurde (Bilder: {images}, Zahlungen: {payments}), geht in das verknüpfte Konto "
        "über, dessen Einstellungen bleiben\n"
        "• {plan_line}"
    ),
    "link_merge_no_free": (
        "Beide Konten haben einen Verlauf, daher werden sie zu einem:\n"
        "• gekaufte Credits werden addiert: {credits_here} hier + {credits_there} dort = {credits_total}\n"
        "• alles, was hier erstellt wurde (Bilder: {images}, Zahlungen: {payments}), geht in das verknüpfte "
        "Konto über, dessen Einstellungen bleiben\n"
        "• {plan_line}"
    ),
    "link_plan_kept": "Abo: {plan} bleibt beim verknüpften Konto",
    "link_no_plan": "Abo: keines der beiden Konten hat eins",
    "link_confirm_console": "Zum Bestätigen sende: /link {code} yes",
    "link_button_yes": "Konten verknüpfen",
    "link_button_no": "Abbrechen",
    "link_cancelled": "Es wurde nichts verknüpft.",
    "link_done": (
        "Verknüpft! Dieses Konto ({platform}) teilt jetzt Credits, Abo und Verlauf mit {issuer} ({issuer_platform}).\n"
        "Gekaufte Credits: {credits}. Gratisbilder heute noch: {free_left} von {free_per_day}."
    ),
    "link_done_no_free": (
        "Verknüpft! Dieses Konto ({platform}) teilt jetzt Credits, Abo und Verlauf mit {issuer} "
        "({issuer_platform}).\n"
        "Gekaufte Credits: {credits}."
    ),
    "link_done_already": "Dieses Konto ist bereits mit jenem verknüpft. Siehe /accounts.",
    "accounts_list": "Dieses Konto wird genutzt über:\n{lines}",
    "accounts_line": "• {platform}: {label}",
    "accounts_line_you": "• {platform}: {label} (du, hier)",
    "accounts_hint": (
        "Um eine weitere Plattform hinzuzufügen, sende /link. Um eine zu trennen, sende /unlink {platform}."
    ),
    "accounts_hint_one": "Um dieses Konto auch auf einer anderen Plattform zu nutzen, sende /link.",
    "unlinked": (
        "{platform} ist nicht mehr mit diesem Konto verknüpft. Der Verlauf bleibt beim Konto; {platform} startet beim "
        "nächsten /start neu."
    ),
    "unlinked_you": (
        "Diese Identität ({platform}) ist nicht mehr mit dem Konto verknüpft. Der Verlauf bleibt beim Konto; sende "
        "/start, um hier neu anzufangen."
    ),
    "delete_identities": "Damit wird das Konto für alle damit verknüpften Identitäten gelöscht: {identities}.",
    # telegram
    "status_pending": "⏳ Ich bin dran …",
    "status_done": {
        "one": "✅ Fertig: {count} Bild, siehe unten.",
        "other": "✅ Fertig: {count} Bilder, siehe unten.",
    },
    "result_actions": "Mehr davon oder die Originaldateien:",
    "buy_button": "💳 Credits kaufen",
    "settings_button_file": "📎 Als Datei senden",
    "settings_button_notify": "🔔 Benachrichtigungen",
    "stars_refused": "Diese Rechnung ist nicht mehr gültig. Sende /buy für eine neue.",
    "stars_wrong_account": (
        "Diese Rechnung wurde für ein anderes Konto erstellt. Sende /buy, um deine eigene zu bekommen."
    ),
    "photo_hint": (
        "Schönes Bild! Um es zu bearbeiten, antworte darauf mit /imagine <was sich ändern soll> oder sende es noch "
        "einmal mit diesem Text als Bildunterschrift."
    ),
    "unusable_sticker": (
        "Mit Stickern kann ich nichts anfangen. Beschreib ein Bild (jede Nachricht hier ist ein Prompt) oder sende ein "
        "Foto mit einer Bildunterschrift, die sagt, was sich ändern soll."
    ),
    "unusable_animation": (
        "Mit GIFs und Animationen kann ich nichts anfangen. Sende ein Standbild mit einer Bildunterschrift, die sagt, "
        "was sich ändern soll, oder beschreib ein neues Bild."
    ),
    "unusable_voice": "Sprach- und Audionachrichten kann ich nicht anhören. Schreib bitte, was ich zeichnen soll.",
    "unusable_video": (
        "Mit Videos kann ich nichts anfangen. Sende ein Standbild mit einer Bildunterschrift, die sagt, was sich "
        "ändern soll, oder beschreib ein neues Bild."
    ),
    "unusable_document": (
        "Ich kann nur Bilder verwenden (PNG, JPEG oder WebP). Sende ein Foto mit einer Bildunterschrift, die sagt, was "
        "sich ändern soll, oder beschreib ein neues Bild."
    ),
    "preview_title": "OFFLINE-VORSCHAU",
    "preview_footer": (
        "{width}x{height}-px-Vorschau eines {nominal_width}x{nominal_height}-Bildes ({resolution}, {aspect_ratio}) · "
        "Seed {seed}"
    ),
    "preview_references": {
        "one": " · bearbeitet aus {count} Referenz",
        "other": " · bearbeitet aus {count} Referenzen",
    },
    "reference_too_large": "Dieses Bild ist zu groß für den Download (über {mb} MB). Bitte sende ein kleineres.",
    "reference_download_failed": "Ich konnte dieses Bild nicht herunterladen. Bitte sende es noch einmal.",
    "reference_no_file": "Unter {path} gibt es keine Bilddatei.",
    "reference_invalid": "Die Referenz muss ein PNG-, JPEG- oder WebP-Bild unter 20 MB sein.",
    "command.start": "Starten und die Nutzungsbedingungen akzeptieren",
    "command.imagine": "Bilder erstellen: /imagine <Prompt> [--ar 16:9] [--res 2K] [--n 1-4]",
    "command.cancel": "Eine Anfrage abbrechen, die noch in der Warteschlange steht",
    "command.balance": "Heute verbleibende Gratisbilder und deine Credits",
    "command.buy": "Credits oder ein Abo kaufen",
    "command.billing": "Dein Abo verwalten",
    "command.settings": "Sprache, Seitenverhältnis, Auflösung, Benachrichtigungen",
    "command.mydata": "Alles exportieren, was wir über dich speichern",
    "command.deleteme": "Dein Konto und deine Daten löschen",
    "command.privacy": "Unsere Datenschutzerklärung",
    "command.terms": "Unsere Nutzungsbedingungen",
    "command.regenerate": "Dein letztes Bild neu erstellen (oder /regenerate <id>)",
    "command.vary": "Eine Variante deines letzten Bildes (oder /vary <id>)",
    "command.paysupport": "Hilfe bei einer Zahlung",
    "command.help": "Was ich kann",
    "command.link": "Ein Konto für Telegram, Discord und die Konsole",
    "command.accounts": "Die mit deinem Konto verknüpften Plattformen",
    "command.unlink": "Eine Plattform von deinem Konto trennen",
    "command.admin": "Admin-Werkzeuge: /admin help",
    # Discord slash commands (descriptions ≤ 100 characters; command and option names stay English)
    "discord.command.start": "Starten: die Nutzungsbedingungen akzeptieren",
    "discord.command.imagine": "Bilder aus einer Beschreibung erstellen",
    "discord.command.regenerate": "Deine letzte Anfrage noch einmal",
    "discord.command.vary": "Eine Variante deines letzten Bildes",
    "discord.option.prompt": "Was ich zeichnen soll",
    "discord.option.aspect_ratio": "Form des Bildes (Standard: deine Einstellung)",
    "discord.option.resolution": "1K, 2K oder 4K (Standard: deine Einstellung)",
    "discord.option.count": "Wie viele Bilder (1-4)",
    "discord.option.reference": "Ein Bild zum Bearbeiten oder als Inspiration",
    "discord.option.request": "Die ID der Anfrage (Standard: deine letzte Anfrage, die noch wartet)",
    "discord.option.code": (
        "Der Code, den /link dir auf deiner anderen Plattform gegeben hat (leer lassen für einen neuen)"
    ),
    "discord.option.platform": "Die Plattform, die getrennt werden soll (ihr Verlauf bleibt beim Konto)",
    "discord.choice.auto": "auto",
}
