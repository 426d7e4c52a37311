"""French texts (vouvoiement throughout): the same keys and placeholders as `en.py`."""

from core.locales import Text

TEXTS: dict[str, Text] = {
    # onboarding
    "welcome": (
        "Bienvenue sur GPT-Image-2 ! Je transforme vos mots en images.\n"
        "Avant de commencer, veuillez lire nos conditions d'utilisation (/terms) et notre politique de confidentialité "
        "(/privacy), puis confirmer que vous les acceptez et que vous avez 13 ans ou plus."
    ),
    "welcome_back": (
        "Bon retour ! Envoyez /imagine <prompt> pour créer une image, ou /help pour voir tout ce que je sais faire."
    ),
    "consent_accepted": {
        "one": (
            "Merci ! Vous pouvez maintenant créer des images : /imagine <prompt>. Vous avez droit à {count} image "
            "gratuite chaque jour."
        ),
        "many": (
            "Merci ! Vous pouvez maintenant créer des images : /imagine <prompt>. Vous avez droit à {count} images "
            "gratuites chaque jour."
        ),
        "other": (
            "Merci ! Vous pouvez maintenant créer des images : /imagine <prompt>. Vous avez droit à {count} images "
            "gratuites chaque jour."
        ),
    },
    "consent_accepted_paid": (
        "Merci ! Vous pouvez maintenant créer des images : /imagine <prompt>. Chaque image coûte des crédits."
    ),
    "consent_age_required": "Désolé, GPT-Image-2 est réservé aux personnes de 13 ans ou plus.",
    "consent_prompt_console": (
        "Envoyez /accept pour accepter les conditions d'utilisation et la politique de confidentialité, et confirmer "
        "que vous avez 13 ans ou plus (sinon, /decline)."
    ),
    "consent_needed_console": (
        "Veuillez d'abord accepter les conditions : envoyez /accept (vous pouvez les lire avec /terms et /privacy)."
    ),
    "consent_changed": (
        "Nous avons mis à jour {documents}. {read}\n"
        "Pour continuer à créer des images, veuillez accepter la nouvelle version et confirmer que vous avez 13 ans ou "
        "plus."
    ),
    "consent_changed_documents.terms": "nos conditions d'utilisation",
    "consent_changed_documents.privacy": "notre politique de confidentialité",
    "consent_changed_documents.both": "nos conditions d'utilisation et notre politique de confidentialité",
    "consent_changed_what": "Ce qui a changé : {url}",
    "consent_changed_read": "Texte complet : {url}",
    "consent_changed_read.terms": "Lisez-les avec /terms.",
    "consent_changed_read.privacy": "Lisez-la avec /privacy.",
    "consent_changed_read.both": "Lisez-les avec /terms et /privacy.",
    "consent_declined_update": (
        "C'est noté. Tant que vous n'aurez pas accepté la nouvelle version, vous ne pourrez pas créer d'images, mais "
        "votre compte reste tel quel : /mydata exporte vos données et /deleteme les supprime. La question vous sera "
        "reposée la prochaine fois."
    ),
    "announcement.policy": "📣 Notre politique de confidentialité a changé.\n\n{text}\n\n{read}",
    "announcement.terms": "📣 Nos conditions d'utilisation ont changé.\n\n{text}\n\n{read}",
    "announcement.news": "📣 {text}\n\n(Vous pouvez désactiver les messages de ce type dans /settings.)",
    "announcement_accept_next": "Avant votre prochaine image, il vous sera demandé d'accepter la nouvelle version.",
    "consent_button_accept": "J'accepte et j'ai 13 ans ou plus",
    "consent_button_decline": "Non merci",
    "help": (
        "Commandes :\n"
        "/imagine <prompt> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] — créer des images\n"
        "Pour modifier une photo, répondez-y avec /imagine <ce qu'il faut changer>, ou envoyez-la avec cette consigne "
        "en légende.\n"
        "Dans une discussion privée, chaque message est aussi un prompt.\n"
        "/regenerate [id] — relancer votre dernière demande ; /vary [id] — une variante de votre dernière image\n"
        "/cancel — annuler votre dernière demande encore en file d'attente (ce qu'elle réservait vous est rendu "
        "aussitôt)\n"
        "/balance — images gratuites restantes aujourd'hui et vos crédits\n"
        "{buy}"
        "/settings — langue, format et résolution par défaut, fichiers, notifications\n"
        "/link [code] — utiliser un seul compte sur Telegram, Discord et la console ; /accounts — plateformes liées ; "
        "/unlink <plateforme> — en détacher une\n"
        "/mydata — exporter toutes les données que nous détenons sur vous\n"
        "/deleteme — supprimer votre compte et vos données\n"
        "/terms — conditions d'utilisation ; /privacy — notre politique de confidentialité\n"
        "/start — recommencer, /help — cette liste\n"
        "À noter : la 4K n'est pas disponible en 1:1, et le format auto n'existe qu'en 1K."
    ),
    "help_console": (
        "Commandes :\n"
        "/start, puis /accept (ou /decline) — accepter les conditions et confirmer que vous avez 13 ans ou plus\n"
        "/imagine <prompt> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] [--ref <fichier image>] — "
        "créer des images ; --ref modifie un fichier image (répétez-le pour en utiliser plusieurs)\n"
        "Une ligne qui n'est pas une commande est aussi un prompt.\n"
        "/regenerate [id] — relancer votre dernière demande ; /vary [id] — une variante de votre dernière image\n"
        "/cancel [id] — annuler une demande encore en file d'attente (ce qu'elle réservait vous est rendu aussitôt)\n"
        "/balance — images gratuites restantes aujourd'hui et vos crédits\n"
        "{buy}"
        "/settings [lang|ar|res|file|notify <valeur>] — votre langue et vos réglages par défaut\n"
        "/link [code] — utiliser un seul compte sur Telegram, Discord et la console ; /accounts — plateformes liées ; "
        "/unlink <plateforme> — en détacher une\n"
        "/mydata — exporter toutes les données que nous détenons sur vous\n"
        "/deleteme — supprimer votre compte et vos données\n"
        "/terms — conditions d'utilisation ; /privacy — notre politique de confidentialité\n"
        "/help — cette liste. Ctrl-D (ou Ctrl-C) pour quitter.\n"
        "À noter : la 4K n'est pas disponible en 1:1, et le format auto n'existe qu'en 1K."
    ),
    "help_buy": (
        "/buy — acheter des crédits ou un abonnement ; /billing — gérer votre abonnement ; /paysupport — aide pour un "
        "paiement\n"
    ),
    "help_buy_console": (
        "/buy [produit] — acheter des crédits ou un abonnement ; /billing — gérer votre abonnement ; /paysupport — "
        "aide pour un paiement\n"
    ),
    "help_buy_discord": "/buy — acheter des crédits ou un abonnement\n/billing — gérer votre abonnement\n",
    "console_banner": (
        "Discussion GPT-Image-2 en console. Tapez /help pour voir les commandes, /start pour commencer ; toute autre "
        "ligne est un prompt. Ctrl-D ou Ctrl-C pour quitter."
    ),
    "unknown_command": "Je ne connais pas cette commande. Voici ce que je sais faire :",
    "privacy": (
        "La confidentialité, en bref :\n"
        "• Nous conservons votre compte (nom affiché, langue, réglages, consentement), vos prompts, les images créées "
        "pour vous, l'historique de vos crédits et vos données de paiement (jamais vos données de carte : c'est Creem "
        "qui gère les paiements), ainsi qu'un journal de ce que nos administrateurs ont fait sur votre compte (crédits "
        "ajoutés ou retirés, suspension, consultation de votre compte).\n"
        "• Les prompts, ainsi que toute image que vous me demandez de modifier, sont envoyés à notre fournisseur d'IA "
        "(KIE.ai) pour créer les images ; les prompts sont vérifiés avant cet envoi. Les paiements sont traités par "
        "Creem. Nous ne vendons pas vos données.\n"
        "• /mydata exporte toutes les données que nous détenons sur vous ; /deleteme supprime votre compte, vos "
        "prompts, vos images et vos historiques ; /settings vous permet de refuser les messages non essentiels.\n"
        "• Après une suppression, nous ne gardons que ce qui empêche de contourner nos limites d'utilisation : un "
        "hachage à clé de votre identifiant sur la plateforme (impossible de retrouver l'identifiant à partir de lui), "
        "avec les images gratuites utilisées aujourd'hui (jusqu'à la fin de la journée UTC) et un éventuel solde "
        "impayé. Rien d'autre vous concernant.\n"
        "• Le service n'est pas destiné aux moins de 13 ans.\n"
        "Questions sur la confidentialité : {contact}"
    ),
    "privacy_link": "La politique de confidentialité complète : {url}",
    "terms": (
        "Les conditions d'utilisation, en bref :\n"
        "• GPT-Image-2 est réservé aux personnes de 13 ans ou plus.\n"
        "• Ne demandez pas de contenu illégal ou préjudiciable, ni de contenu qui porte atteinte aux droits d'autrui ; "
        "les prompts sont vérifiés et peuvent être refusés.\n"
        "• Les images sont créées par une IA et peuvent être imparfaites ; vous êtes responsable de l'usage que vous "
        "en faites.\n"
        "• Chaque image consomme une image gratuite du jour ou des crédits ; une image qui ne peut pas être créée est "
        "remboursée. Les crédits non utilisés sont perdus si vous supprimez votre compte.\n"
        "• Les comptes qui abusent du service peuvent être suspendus.\n"
        "Questions : {contact}"
    ),
    "terms_link": "Les conditions complètes : {url}",
    # generation
    "queued": {
        "one": "En file d'attente : {count} image, {cost}. J'enverrai le résultat ici.",
        "many": "En file d'attente : {count} images, {cost}. J'enverrai les résultats ici.",
        "other": "En file d'attente : {count} images, {cost}. J'enverrai les résultats ici.",
    },
    "queued_shared": {
        "one": "En file d'attente : {count} image. J'enverrai le résultat ici.",
        "many": "En file d'attente : {count} images. J'enverrai les résultats ici.",
        "other": "En file d'attente : {count} images. J'enverrai les résultats ici.",
    },
    "queued_place": {
        "one": "En file d'attente : {count} image, {cost}. {place} J'enverrai le résultat ici.",
        "many": "En file d'attente : {count} images, {cost}. {place} J'enverrai les résultats ici.",
        "other": "En file d'attente : {count} images, {cost}. {place} J'enverrai les résultats ici.",
    },
    "queued_shared_place": {
        "one": "En file d'attente : {count} image. {place} J'enverrai le résultat ici.",
        "many": "En file d'attente : {count} images. {place} J'enverrai les résultats ici.",
        "other": "En file d'attente : {count} images. {place} J'enverrai les résultats ici.",
    },
    "place_next": "Vous êtes en tête de file — environ {eta}.",
    "place_in_line": "Vous êtes en position {position} dans la file — environ {eta}.",
    "cost_free": {
        "one": "{count} gratuite",
        "many": "{count} gratuites",
        "other": "{count} gratuites",
    },
    "cost_paid": {
        "one": "{count} crédit",
        "many": "{count} crédits",
        "other": "{count} crédits",
    },
    "cost_mixed": "{free} + {credits}",
    # amounts used inside other texts
    "n_credits": {
        "one": "{count} crédit",
        "many": "{count} crédits",
        "other": "{count} crédits",
    },
    "n_images": {
        "one": "{count} image",
        "many": "{count} images",
        "other": "{count} images",
    },
    "n_free_images": {
        "one": "{count} image gratuite",
        "many": "{count} images gratuites",
        "other": "{count} images gratuites",
    },
    "free_left_today": {
        "one": "{count} image gratuite restante aujourd'hui",
        "many": "{count} images gratuites restantes aujourd'hui",
        "other": "{count} images gratuites restantes aujourd'hui",
    },
    "progress_generating": "Création en cours… {done}/{count} terminées",
    "progress_storing": {
        "one": "Presque fini : j'enregistre votre image…",
        "many": "Presque fini : j'enregistre vos images…",
        "other": "Presque fini : j'enregistre vos images…",
    },
    "done": "Terminé : « {prompt} » — {free_left}, {credits}.",
    "done_credits": "Terminé : « {prompt} » — il vous reste {credits}.",
    "done_shared": "Terminé : « {prompt} »",
    "done_paths": "Fichiers enregistrés :",
    "partial": {
        "one": "Images créées : {made} sur {count} ; ce que les autres réservaient vous a été rendu.",
        "many": "Images créées : {made} sur {count} ; ce que les autres réservaient vous a été rendu.",
        "other": "Images créées : {made} sur {count} ; ce que les autres réservaient vous a été rendu.",
    },
    "console_after": (
        "Encore dans ce style : /regenerate {id} · partir de la première image comme référence : /vary {id}"
    ),
    "failed": {
        "one": (
            "Désolé, votre image n'a pas pu être créée : {reason} Rien n'a été facturé : ce qu'elle réservait vous a "
            "été rendu."
        ),
        "many": (
            "Désolé, vos images n'ont pas pu être créées : {reason} Rien n'a été facturé : ce qu'elles réservaient "
            "vous a été rendu."
        ),
        "other": (
            "Désolé, vos images n'ont pas pu être créées : {reason} Rien n'a été facturé : ce qu'elles réservaient "
            "vous a été rendu."
        ),
    },
    "cancel_button": "✖ Annuler",
    "cancelled": "Annulé. Rien n'a été créé, et ce qui était réservé vous a été rendu : {refund}.",
    "cancelled_free_of_charge": "Annulé. Rien n'a été créé et rien n'a été facturé.",
    "cancelled_shared": "Annulé. Rien n'a été créé, et ce qui était réservé a été rendu.",
    "refund_mixed": "{free} et {credits}",
    "regenerate_button": "🔁 Régénérer",
    "vary_button": "🎨 Variante",
    "original_button": "🖼 Fichier original",
    # balance / billing
    "balance": (
        "Images gratuites restantes aujourd'hui : {free_left} sur {free_per_day}\n"
        "Crédits payants : {credits}\n"
        "Abonnement : {plan}"
    ),
    "balance_no_free": "Crédits payants : {credits}\nAbonnement : {plan}",
    "plan_none": "aucun",
    "prices": "Crédits par image : 1K = {p1}, 2K = {p2}, 4K = {p4}.",
    "products_header": "Choisissez un pack ou un abonnement :",
    "product_line": {
        "one": "{label} — {price} ({count} crédit{per_month})",
        "many": "{label} — {price} ({count} crédits{per_month})",
        "other": "{label} — {price} ({count} crédits{per_month})",
    },
    "per_month": " par mois",
    "checkout_link": "Pour payer {label}, c'est ici : {url}",
    "portal_link": "Gérez votre abonnement ici : {url}",
    "billing_plan": "Votre abonnement : {plan}",
    "no_products": "Il n'y a rien à acheter pour le moment.",
    "payment_received": {
        "one": "Paiement reçu : {count} crédit ajouté. Vos crédits désormais : {balance}.",
        "many": "Paiement reçu : {count} crédits ajoutés. Vos crédits désormais : {balance}.",
        "other": "Paiement reçu : {count} crédits ajoutés. Vos crédits désormais : {balance}.",
    },
    "plan_renewed": {
        "one": "Votre abonnement a été renouvelé : {count} crédit ajouté. Vos crédits désormais : {balance}.",
        "many": "Votre abonnement a été renouvelé : {count} crédits ajoutés. Vos crédits désormais : {balance}.",
        "other": "Votre abonnement a été renouvelé : {count} crédits ajoutés. Vos crédits désormais : {balance}.",
    },
    "plan_ended": "Votre abonnement a pris fin ; plus aucun crédit mensuel ne sera ajouté. Vos crédits restent à vous.",
    # a plan's status (Creem's subscription states): what it means and what to do, in /balance …
    "plan_state.active": "{plan}",
    "plan_state.trialing": "{plan} (essai)",
    "plan_state.scheduled_cancel": "{plan} (prend fin à la fin de cette période ; réactivez-le dans /billing)",
    "plan_state.past_due": (
        "{plan} (un paiement a échoué et va être retenté ; mettez à jour votre moyen de paiement dans /billing)"
    ),
    "plan_state.unpaid": (
        "{plan} (suspendu : paiement manquant ; payez ou mettez à jour votre moyen de paiement dans /billing)"
    ),
    "plan_state.paused": "{plan} (en pause : pas de crédits mensuels tant que vous ne le réactivez pas dans /billing)",
    "plan_state.expired": "{plan} (expiré sans paiement : pas de crédits mensuels ; renouvelez-le dans /billing)",
    # … and as a notice when it changes
    "plan_status.active": (
        "Votre abonnement {plan} est de nouveau actif. Des crédits mensuels sont ajoutés à chaque paiement."
    ),
    "plan_status.trialing": "Votre période d'essai de {plan} a commencé.",
    "plan_status.scheduled_cancel": (
        "Votre abonnement {plan} prendra fin à la fin de la période en cours ; d'ici là, rien ne change. Vous avez "
        "changé d'avis ? Réactivez-le dans /billing."
    ),
    "plan_status.past_due": (
        "Le paiement de votre abonnement {plan} a échoué. Il sera retenté ; pour garder votre abonnement, mettez à "
        "jour votre moyen de paiement dans /billing."
    ),
    "plan_status.unpaid": (
        "Votre abonnement {plan} est suspendu car son paiement n'a pas pu être encaissé : aucun crédit mensuel n'est "
        "ajouté. Payez ou mettez à jour votre moyen de paiement dans /billing pour continuer."
    ),
    "plan_status.paused": (
        "Votre abonnement {plan} est en pause : aucun crédit mensuel n'est ajouté tant que vous ne le réactivez pas "
        "dans /billing. Vos crédits restent à vous."
    ),
    "plan_status.expired": (
        "Votre abonnement {plan} a expiré : la période s'est terminée sans paiement, donc aucun crédit mensuel n'est "
        "ajouté. Le paiement peut encore être retenté ; mettez à jour votre moyen de paiement dans /billing pour le "
        "renouveler, ou résiliez-le au même endroit."
    ),
    "payment_reversed": {
        "one": (
            "Un paiement a été remboursé ou contesté : {count} crédit a été retiré. Vos crédits désormais : {balance}."
        ),
        "many": (
            "Un paiement a été remboursé ou contesté : {count} crédits ont été retirés. Vos crédits désormais : "
            "{balance}."
        ),
        "other": (
            "Un paiement a été remboursé ou contesté : {count} crédits ont été retirés. Vos crédits désormais : "
            "{balance}."
        ),
    },
    "payment_page_title": "Merci !",
    "payment_page": (
        "Votre paiement est en cours de confirmation. Vos crédits apparaîtront dans la discussion dans un instant — "
        "vous pouvez fermer cette page et revenir au bot."
    ),
    "payment_page_unverified_title": "Statut du paiement inconnu",
    "payment_page_unverified": (
        "Nous n'avons pas pu vérifier ce lien. Si vous avez payé, vos crédits apparaîtront quand même dans la "
        "discussion une fois le paiement confirmé."
    ),
    "paysupport": (
        "Une question sur un paiement ? Écrivez à {contact} en indiquant les détails de votre paiement, et nous vous "
        "aiderons."
    ),
    "stars_button": {
        "one": "⭐ {count} Étoile",
        "many": "⭐ {count} Étoiles",
        "other": "⭐ {count} Étoiles",
    },
    "pay_with_card": "💳 {price}",
    # privacy
    "export_ready": (
        "Voici toutes les données que nous détenons sur vous : mydata.json et vos images, dans un fichier zip."
    ),
    "export_ready_parts": {
        "one": (
            "Voici toutes les données que nous détenons sur vous : mydata.json et vos images, dans {count} fichier zip."
        ),
        "many": (
            "Voici toutes les données que nous détenons sur vous : mydata.json et vos images, dans {count} fichiers "
            "zip."
        ),
        "other": (
            "Voici toutes les données que nous détenons sur vous : mydata.json et vos images, dans {count} fichiers "
            "zip."
        ),
    },
    "export_kept": {
        "one": (
            "Voici toutes les données que nous détenons sur vous (mydata.json et vos images, en zip) ; le fichier sera "
            "supprimé dans {count} minute :"
        ),
        "many": (
            "Voici toutes les données que nous détenons sur vous (mydata.json et vos images, en zip) ; le fichier sera "
            "supprimé dans {count} minutes :"
        ),
        "other": (
            "Voici toutes les données que nous détenons sur vous (mydata.json et vos images, en zip) ; le fichier sera "
            "supprimé dans {count} minutes :"
        ),
    },
    "export_nothing": "Nous ne détenons aucune donnée vous concernant.",
    "delete_confirm": {
        "one": (
            "Cette action supprime définitivement votre compte, vos prompts, vos images, vos crédits et vos données de "
            "paiement. Les crédits non utilisés sont perdus ; les images gratuites utilisées aujourd'hui et un "
            "éventuel solde impayé compteront toujours si vous revenez (voir /privacy). Pour confirmer, envoyez : "
            "/deleteme {code} (valable {count} minute). Pour tout garder : /deleteme cancel."
        ),
        "many": (
            "Cette action supprime définitivement votre compte, vos prompts, vos images, vos crédits et vos données de "
            "paiement. Les crédits non utilisés sont perdus ; les images gratuites utilisées aujourd'hui et un "
            "éventuel solde impayé compteront toujours si vous revenez (voir /privacy). Pour confirmer, envoyez : "
            "/deleteme {code} (valable {count} minutes). Pour tout garder : /deleteme cancel."
        ),
        "other": (
            "Cette action supprime définitivement votre compte, vos prompts, vos images, vos crédits et vos données de "
            "paiement. Les crédits non utilisés sont perdus ; les images gratuites utilisées aujourd'hui et un "
            "éventuel solde impayé compteront toujours si vous revenez (voir /privacy). Pour confirmer, envoyez : "
            "/deleteme {code} (valable {count} minutes). Pour tout garder : /deleteme cancel."
        ),
    },
    "delete_confirm_buttons": (
        "Cette action supprime définitivement votre compte, vos prompts, vos images, vos crédits et vos données de "
        "paiement. Les crédits non utilisés sont perdus ; les images gratuites utilisées aujourd'hui et un éventuel "
        "solde impayé compteront toujours si vous revenez (voir /privacy). Voulez-vous vraiment tout supprimer ?"
    ),
    "delete_button_yes": "Oui, tout supprimer",
    "delete_button_no": "Annuler",
    "deleted": (
        "Votre compte et vos données ont été supprimés (nous ne gardons que le hachage à clé décrit dans /privacy). Au "
        "revoir ! Envoyez /start si vous souhaitez revenir un jour."
    ),
    "delete_cancelled": "Suppression annulée. Rien n'a été supprimé.",
    "nothing_to_delete": "Nous ne détenons aucune donnée vous concernant, il n'y a donc rien à supprimer.",
    # admin actions, as the person they concern is told
    "admin_granted": {
        "one": (
            "Un administrateur a ajouté {count} crédit à votre compte ({reason}). Vos crédits désormais : {balance}."
        ),
        "many": (
            "Un administrateur a ajouté {count} crédits à votre compte ({reason}). Vos crédits désormais : {balance}."
        ),
        "other": (
            "Un administrateur a ajouté {count} crédits à votre compte ({reason}). Vos crédits désormais : {balance}."
        ),
    },
    "admin_revoked": {
        "one": (
            "Un administrateur a retiré {count} crédit de votre compte ({reason}). Vos crédits désormais : {balance}."
        ),
        "many": (
            "Un administrateur a retiré {count} crédits de votre compte ({reason}). Vos crédits désormais : {balance}."
        ),
        "other": (
            "Un administrateur a retiré {count} crédits de votre compte ({reason}). Vos crédits désormais : {balance}."
        ),
    },
    "account_blocked": (
        "Votre compte a été suspendu par un administrateur : je ne créerai plus d'images et n'accepterai plus de "
        "paiements pour ce compte. Les images déjà en route arriveront quand même. Vous pouvez toujours exporter vos "
        "données (/mydata), supprimer votre compte (/deleteme) et lire /privacy. Pour toute question, écrivez à "
        "{contact}."
    ),
    "account_unblocked": "Votre compte est de nouveau actif. Envoyez /help pour voir ce que je sais faire.",
    # admin tools (only admins ever see these)
    "discord.admin": "Outils d'administration",
    "discord.admin.user": "Solde, abonnement, dernières générations et paiements d'une personne",
    "discord.admin.who": "Identifiant de compte, identifiant d'utilisateur ou telegram:<id> / discord:<id>",
    "discord.admin.prompts": "Afficher aussi les prompts (l'accès est journalisé et la personne le voit)",
    "discord.admin.grant": "Ajouter des crédits payants à une personne",
    "discord.admin.revoke": "Retirer des crédits payants (jamais en dessous de zéro)",
    "discord.admin.block": "Tout refuser sauf les droits d'une personne sur ses données",
    "discord.admin.unblock": "Lever un blocage",
    "discord.admin.stats": "Personnes, générations, crédits, coût du fournisseur et file d'attente",
    "discord.admin.announce": "Prévenir tout le monde, une fois chacun (ou voir où on en est)",
    "discord.admin.announce_kind": (
        "policy ou terms : changement que tous doivent connaître ; news : sauf notifications coupées ; status"
    ),
    "discord.admin.announce_text": "Ce qu'il faut dire à tous (inutile pour status)",
    "admin.usage": "Commandes d'administration :",
    "admin.usage.user": (
        "/admin user <qui> [--prompts] — solde, abonnement, dernières générations, paiements (--prompts affiche aussi "
        "les prompts ; cet accès est journalisé et la personne le voit dans /mydata)"
    ),
    "admin.usage.grant": "/admin grant <qui> <crédits> <raison> — ajouter des crédits payants",
    "admin.usage.revoke": (
        "/admin revoke <qui> <crédits> <raison> — retirer des crédits payants (jamais en dessous de zéro)"
    ),
    "admin.usage.block": (
        "/admin block <qui> <raison> — tout refuser sauf /mydata, /deleteme, /privacy, /terms et /help"
    ),
    "admin.usage.unblock": "/admin unblock <qui> [raison] — lever un blocage",
    "admin.usage.stats": "/admin stats — personnes, générations, crédits, coût du fournisseur et file d'attente",
    "admin.usage.announce": (
        "/admin announce policy|terms|news <texte> — prévenir tout le monde, une fois chacun (un changement de "
        "politique ou de conditions atteint tout le monde ; les actualités sautent les personnes qui ont désactivé les "
        "notifications) ; /admin announce status — où en est l'envoi"
    ),
    "admin.announced": (
        "Annonce {id} ({kind}) enregistrée pour {people}. Le bot l'envoie avec la priorité la plus basse, une fois à "
        "chaque personne ; /admin announce status indique où en est l'envoi."
    ),
    "n_accounts": {
        "one": "{count} compte",
        "many": "{count} comptes",
        "other": "{count} comptes",
    },
    "admin.announced_already": (
        "Déjà enregistrée : annonce {id} ({kind}) issue de cette commande ; rien n'est envoyé deux fois."
    ),
    "admin.announcements_none": "Aucune annonce pour l'instant.",
    "admin.announcement": (
        "{id} {kind} · {at} UTC · {people} · « {text} »\n"
        "  envoyées {sent} · bloquées {blocked} · échecs {failed} · ignorées {skipped} · incertaines {uncertain} · "
        "restantes {remaining} · {eta}"
    ),
    "admin.announcement_done": "terminé",
    "admin.announcement_eta": "encore environ {eta} (à {rate}/s)",
    "admin.announcement_stalled": "rien n'a été envoyé depuis {wait} : le bot tourne-t-il ?",
    "admin.usage_who": (
        "<qui> : un identifiant de compte, un identifiant d'utilisateur, ou telegram:<id>, discord:<id>, console:<nom>."
    ),
    "admin.usage_of": "Utilisation : {usage}",
    "admin.unknown_action": "Il n'existe pas de commande d'administration « {action} ».",
    "admin.already": "Déjà fait : cette commande a déjà été appliquée ({action}, {at}) ; rien n'a changé.",
    "admin.granted": "Accordé à {who} : {credits}. Son solde : {balance}.",
    "admin.revoked": "Retiré à {who} : {credits}. Son solde : {balance}.",
    "admin.revoked_partly": {
        "one": (
            "Retiré à {who} : {credits} sur {count} crédit demandé, car un retrait ne fait jamais passer le solde sous "
            "zéro. Son solde : {balance}."
        ),
        "many": (
            "Retiré à {who} : {credits} sur {count} crédits demandés, car un retrait ne fait jamais passer le solde "
            "sous zéro. Son solde : {balance}."
        ),
        "other": (
            "Retiré à {who} : {credits} sur {count} crédits demandés, car un retrait ne fait jamais passer le solde "
            "sous zéro. Son solde : {balance}."
        ),
    },
    "admin.blocked": (
        "Bloqué : {who}. La personne peut toujours utiliser /mydata, /deleteme, /privacy, /terms et /help ; le travail "
        "en cours se termine."
    ),
    "admin.unblocked": "Débloqué : {who}.",
    "admin.person": "{name} (compte {account})",
    "admin.user": (
        "Compte {account} — {name}, langue {language}, depuis le {created}\n"
        "Identités : {identities}\n"
        "Consentement : {consent} ; statut : {status}\n"
        "Solde : images gratuites du jour {free_left}/{free_per_day}, {credits} ; abonnement : {plan}"
    ),
    "admin.user_active": "actif",
    "admin.user_blocked": "bloqué depuis {at} ({reason})",
    "admin.user_being_deleted": "en cours de suppression",
    "admin.user_consent_none": "non donné",
    "admin.user_generations": "Dernières générations :",
    "admin.user_generation": "• {at} {id} {status} : {count}×{resolution}, {cost}{error}",
    "admin.user_generation_error": " ; erreur {code}",
    "admin.user_prompt": "   prompt : {prompt}",
    "admin.user_no_generations": "Aucune génération.",
    "admin.user_payments": "Derniers paiements :",
    "admin.user_payment": "• {at} {provider} {ref} : {credits}, {status}",
    "admin.user_no_payments": "Aucun paiement.",
    "admin.user_prompts_logged": (
        "Prompts affichés : cet accès figure dans le journal d'audit, et la personne le voit dans /mydata."
    ),
    "admin.stats": (
        "Statistiques (UTC), aujourd'hui / 7 derniers jours :\n"
        "Personnes actives : {active_today} / {active_week}\n"
        "Générations demandées : {requested_today} / {requested_week}\n"
        "Terminées : livrées {delivered_today} / {delivered_week} ; remboursées en partie {partly_today} / "
        "{partly_week} ; remboursées {refunded_today} / {refunded_week}\n"
        "Crédits : vendus {sold_today} / {sold_week} ; utilisés {used_today} / {used_week} ; remboursés {back_today} / "
        "{back_week} ; images gratuites utilisées {free_today} / {free_week}\n"
        "Tâches du fournisseur : {tasks_today} / {tasks_week} ; coût estimé du fournisseur : {cost_today} / "
        "{cost_week}\n"
        "En ce moment : en file d'attente {queued}, en cours {running}, en cours d'envoi {undelivered} ; personnes "
        "avec du travail en cours : {accounts}"
    ),
    "admin.stats_cost": "Crédits KIE : {credits} ≈ {usd} $",
    # settings
    "settings": (
        "Vos réglages :\n"
        "Langue : {language}\n"
        "Format : {aspect_ratio}\n"
        "Résolution : {resolution}\n"
        "Envoi en fichier : {send_as_file}\n"
        "Notifications : {notifications}"
    ),
    "settings_usage": (
        "Pour modifier : /settings lang <{languages}|auto>, /settings ar <auto|1:1|9:16|16:9|4:3|3:4>, /settings res "
        "<1K|2K|4K>, /settings file <on|off>, /settings notify <on|off>"
    ),
    "language_auto": "automatique ({language})",
    "language_choose": "Choisissez votre langue :",
    "language_button_auto": "Automatique (langue de mon appli)",
    "language_saved": "Langue enregistrée : {language}.",
    "language_auto_saved": "Je reprends la langue de votre application ({language}).",
    "language_unknown": "Je ne parle pas encore cette langue. Choisissez parmi : {languages}, ou auto.",
    "settings_button_language": "🌐 Langue",
    "settings_language_placeholder": "Langue",
    "settings_saved": "Enregistré.",
    "settings_4k_square": (
        "La 4K n'est pas disponible au format 1:1, donc rien n'a été modifié. Choisissez d'abord un autre format "
        "(16:9, 9:16, 4:3 ou 3:4), ou bien la 1K ou la 2K."
    ),
    "settings_auto_1k": (
        "Le format auto ne produit que des images 1K, donc rien n'a été modifié. Choisissez d'abord un format comme "
        "16:9, ou bien la 1K."
    ),
    "option_unknown_ratio": "Format « {value} » inconnu. Utilisez l'un de ceux-ci : {allowed}.",
    "option_unknown_resolution": "Résolution « {value} » inconnue. Utilisez l'une de celles-ci : {allowed}.",
    "option_count_range": "Le nombre d'images doit être compris entre 1 et {max}.",
    "option_count_not_number": "--n doit être un nombre de 1 à 4, et non « {value} ».",
    "option_needs_value": "L'option --{option} attend une valeur.",
    "option_unknown": "Option --{option} inconnue. Options : --ar, --res, --n.",
    "option_4k_square": "La 4K n'est pas disponible au format 1:1 ; utilisez la 1K ou la 2K.",
    "option_auto_1k": "Le format auto n'existe qu'en 1K ; choisissez un format comme 16:9 pour la 2K ou la 4K.",
    "on": "oui",
    "off": "non",
    "private_note": "Je vous ai envoyé la réponse en message privé.",
    "private_unreachable": "Veuillez d'abord démarrer une discussion privée avec moi, puis réessayez.",
    # discord
    "help_discord": (
        "Commandes :\n"
        "/imagine prompt: [aspect_ratio:] [resolution:] [count: 1-4] [reference: une image] — créer des images\n"
        "/cancel — annuler votre dernière demande encore en file d'attente (ce qu'elle réservait vous est rendu "
        "aussitôt)\n"
        "/balance — images gratuites restantes aujourd'hui et vos crédits\n"
        "{buy}"
        "/settings — langue, format et résolution par défaut, notifications\n"
        "/regenerate — relancer votre dernière demande ; /vary — une variante de votre dernière image\n"
        "/link [code:] — utiliser un seul compte sur Telegram, Discord et la console ; /accounts — plateformes liées ; "
        "/unlink platform: — en détacher une\n"
        "/mydata — exporter toutes les données que nous détenons sur vous\n"
        "/deleteme — supprimer votre compte et vos données\n"
        "/terms — conditions d'utilisation, /privacy — notre politique de confidentialité, /help — cette liste\n"
        "Boutons sous un résultat : Régénérer relance la même demande, Variante part de la première image comme "
        "référence.\n"
        "À noter : la 4K n'est pas disponible en 1:1, et le format auto n'existe qu'en 1K."
    ),
    "button_stale": "Ce bouton ne fonctionne plus. Envoyez /help pour voir ce que je sais faire.",
    "image_too_large_link": "L'image {index} est trop volumineuse pour être jointe ici ; ouvrez-la : {url}",
    "image_too_large": "L'image {index} est trop volumineuse pour être jointe ici.",
    "notify_button_on": "🔔 Notifications : activées",
    "notify_button_off": "🔕 Notifications : désactivées",
    "settings_ar_placeholder": "Format par défaut",
    "settings_res_placeholder": "Résolution par défaut",
    "billing_button": "Gérer l'abonnement",
    # errors
    "error.consent_required": "Veuillez d'abord accepter les conditions : envoyez /start.",
    "error.consent_outdated": (
        "Veuillez d'abord accepter nos conditions d'utilisation ou notre politique de confidentialité mises à jour."
    ),
    "error.not_registered": "Vous n'avez pas encore de compte : envoyez /start.",
    "error.prompt_empty": "Veuillez décrire l'image : /imagine <prompt>.",
    "error.prompt_too_long": {
        "one": "Votre prompt est trop long ({count} caractère ; la limite est de {limit}).",
        "many": "Votre prompt est trop long ({count} caractères ; la limite est de {limit}).",
        "other": "Votre prompt est trop long ({count} caractères ; la limite est de {limit}).",
    },
    "error.prompt_invalid_characters": (
        "Votre prompt contient des caractères que je ne peux pas utiliser (un caractère nul ou un emoji abîmé). "
        "Veuillez le retaper et l'envoyer à nouveau. Rien n'a été facturé."
    ),
    "error.invalid_option": "{detail}",
    "error.too_many_references": {
        "one": "Trop d'images de référence : vous pouvez en utiliser {count} au maximum.",
        "many": "Trop d'images de référence : vous pouvez en utiliser {count} au maximum.",
        "other": "Trop d'images de référence : vous pouvez en utiliser {count} au maximum.",
    },
    "error.insufficient_credits": "Crédits insuffisants : il faut {needed} et vous avez {credits}.",
    "short_of_images": (
        "Crédits insuffisants : cette demande porte sur {images}, et vous avez {free_left} et {credits} (chaque image "
        "au-delà des gratuites coûte {unit_price} en {resolution})."
    ),
    "error.insufficient_credits_shared": (
        "Pas assez de crédits pour cela. Envoyez-moi /balance en message privé pour voir les vôtres."
    ),
    "short_of_credits": {
        "one": (
            "Crédits insuffisants : {count} image en {resolution} nécessite {needed} et vous avez {credits} (les "
            "images gratuites vont jusqu'à {free_max})."
        ),
        "many": (
            "Crédits insuffisants : {count} images en {resolution} nécessitent {needed} et vous avez {credits} (les "
            "images gratuites vont jusqu'à {free_max})."
        ),
        "other": (
            "Crédits insuffisants : {count} images en {resolution} nécessitent {needed} et vous avez {credits} (les "
            "images gratuites vont jusqu'à {free_max})."
        ),
    },
    "short_of_credits_no_free": {
        "one": "Crédits insuffisants : {count} image en {resolution} nécessite {needed} et vous avez {credits}.",
        "many": "Crédits insuffisants : {count} images en {resolution} nécessitent {needed} et vous avez {credits}.",
        "other": "Crédits insuffisants : {count} images en {resolution} nécessitent {needed} et vous avez {credits}.",
    },
    "short_negative_balance": (
        "Votre solde de crédits est de {credits} après un remboursement ou une contestation : les nouvelles images "
        "attendront qu'il soit rechargé."
    ),
    "free_reset": "Les images gratuites reviennent à {time} UTC, dans {wait}.",
    "hint_buy": "Achetez des crédits avec /buy.",
    "hint_plans": "Découvrez les abonnements avec /buy.",
    "error.rate_limited": {
        "one": "Pas si vite ! Patientez {count} seconde, puis réessayez.",
        "many": "Pas si vite ! Patientez {count} secondes, puis réessayez.",
        "other": "Pas si vite ! Patientez {count} secondes, puis réessayez.",
    },
    "error.too_many_running": {
        "one": "Vous avez déjà {count} génération en cours. Veuillez attendre qu'elle se termine.",
        "many": "Vous avez déjà {count} générations en cours. Veuillez attendre que l'une d'elles se termine.",
        "other": "Vous avez déjà {count} générations en cours. Veuillez attendre que l'une d'elles se termine.",
    },
    "error.prompt_rejected": "Ce prompt ne peut pas être utilisé : {reason} Rien n'a été facturé.",
    "error.moderation_unavailable": (
        "Je ne peux pas vérifier les prompts pour le moment, donc je ne peux pas créer d'images. Rien n'a été facturé."
    ),
    "error.provider_unavailable": "Le service d'images est indisponible pour le moment. Veuillez réessayer plus tard.",
    "error.generation_failed": "Le service d'images a signalé une erreur.",
    "error.generation_timeout": "Le service d'images a mis trop de temps.",
    "error.storage_failed": "Je n'ai pas pu enregistrer le résultat.",
    "error.payments_disabled": "Les paiements ne sont pas configurés sur ce bot.",
    "error.payments_unavailable": (
        "Le service de paiement est indisponible pour le moment. Veuillez réessayer plus tard."
    ),
    "error.unknown_product": "Je ne connais pas ce produit. Envoyez /buy pour voir ce qui est disponible.",
    "error.not_found": "Je n'ai rien trouvé. Cet élément a peut-être été supprimé.",
    "error.not_owner": "Seule la personne qui a créé cette image peut utiliser ce bouton.",
    "error.no_generations": "Vous n'avez encore aucune image à utiliser. Envoyez /imagine <prompt> pour en créer une.",
    "error.no_plan": "Vous n'avez pas d'abonnement.",
    "error.confirmation_invalid": (
        "Ce code de confirmation est incorrect ou a expiré. Envoyez /deleteme pour en obtenir un nouveau."
    ),
    "error.generation_in_progress": (
        "Vos images sont encore en cours de création. Veuillez confirmer à nouveau une fois qu'elles seront prêtes."
    ),
    "error.account_being_deleted": "Votre compte est en cours de suppression, je ne peux donc plus faire cela.",
    "error.account_blocked": (
        "Désolé, votre compte a été suspendu, je ne peux donc pas faire cela. Vous pouvez toujours exporter vos "
        "données (/mydata), supprimer votre compte (/deleteme) et lire /privacy, /terms et /help. Pour toute question, "
        "écrivez à {contact}."
    ),
    "error.admin_no_such_person": (
        "Aucune personne trouvée pour « {who} ». Désignez une personne par identifiant de compte, par identifiant "
        "d'utilisateur, ou sous la forme telegram:<id>, discord:<id> ou console:<nom>."
    ),
    "error.admin_ambiguous": (
        "« {who} » est un identifiant d'utilisateur sur plusieurs plateformes : précisez laquelle, par ex. "
        "telegram:{who} ou discord:{who}."
    ),
    "error.admin_bad_credits": "Le nombre de crédits doit être un entier de 1 à {limit}.",
    "error.admin_reason_required": (
        "Veuillez indiquer une raison : elle est conservée dans le journal d'audit et la personne la voit dans /mydata."
    ),
    "error.busy": {
        "one": "Je suis très sollicité en ce moment. Réessayez dans {count} minute. Rien n'a été facturé.",
        "many": "Je suis très sollicité en ce moment. Réessayez dans {count} minutes. Rien n'a été facturé.",
        "other": "Je suis très sollicité en ce moment. Réessayez dans {count} minutes. Rien n'a été facturé.",
    },
    "error.temporarily_unavailable": "Un service est temporairement indisponible. Réessayez dans une minute.",
    "error.task_lost": "Nous en avons perdu la trace lors d'un redémarrage de notre côté.",
    "error.cancelled": "Vous l'avez annulée.",
    "error.nothing_to_cancel": "Vous n'avez rien en file d'attente à annuler.",
    "error.already_started": (
        "Trop tard pour annuler : le service d'images a déjà commencé et ne peut pas s'arrêter. Le résultat arrivera "
        "ici comme prévu."
    ),
    "error.already_finished": "Cette demande est déjà terminée, il n'y a donc rien à annuler.",
    "error.not_yours": "Seule la personne qui a fait cette demande peut l'annuler.",
    "error.link_code_invalid": (
        "Ce code de liaison est incorrect, a expiré ou a déjà été utilisé. Envoyez /link depuis votre autre compte "
        "pour en obtenir un nouveau, puis envoyez /link <code> ici."
    ),
    "error.link_same_platform": (
        "Le compte que vous voulez rejoindre a déjà une identité {platform}, et un compte n'en a qu'une par "
        "plateforme. Pour la remplacer, envoyez d'abord /unlink {platform} depuis ce compte."
    ),
    "error.link_two_plans": (
        "Les deux comptes ont un abonnement, et un compte lié ne peut en avoir qu'un. Résiliez d'abord l'un des deux "
        "(/billing sur ce compte ouvre le portail de facturation), puis refaites la liaison. Rien n'a été modifié."
    ),
    "error.link_in_flight": (
        "Une image de ce compte est encore en cours de création. Refaites la liaison une fois qu'elle sera arrivée. "
        "Rien n'a été modifié."
    ),
    "error.already_linked": "Ce compte est déjà lié à celui-ci. Voir /accounts.",
    "error.unlink_last": (
        "C'est la seule identité de ce compte, elle ne peut donc pas être détachée. Pour supprimer le compte, utilisez "
        "/deleteme."
    ),
    "error.unlink_not_linked": (
        "Ce compte n'a pas d'identité {platform} à détacher. Envoyez /accounts pour voir celles qui sont liées."
    ),
    "error.internal": "Un problème est survenu de notre côté (identifiant d'erreur {error_id}). Veuillez réessayer.",
    "reason_policy": "il va à l'encontre de la politique de contenu.",
    "failed_reason.prompt_rejected": "Ce prompt ne peut pas être utilisé : {reason}",
    # linking accounts across platforms (/link, /accounts, /unlink)
    "platform.telegram": "Telegram",
    "platform.discord": "Discord",
    "platform.console": "console",
    "link_code": (
        "Votre code de liaison : {code}\n"
        "Envoyez /link {code} depuis votre compte sur une autre plateforme pour utiliser un seul compte, avec un seul "
        "solde, partout. Le code ne fonctionne qu'une fois, pendant {wait}. Gardez-le pour vous : quiconque l'utilise "
        "partage vos crédits, votre abonnement et votre historique."
    ),
    "link_confirm": (
        "Votre compte {platform} partagera ses crédits, son abonnement et son historique avec l'utilisateur "
        "{issuer_platform} {issuer}."
    ),
    "link_merge": (
        "Les deux comptes ont un historique, ils vont donc n'en faire qu'un :\n"
        "• les crédits payants s'additionnent : {credits_here} ici + {credits_there} là-bas = {credits_total}\n"
        "• les images gratuites du jour ne comptent qu'une fois : {free_used} sur {free_per_day} utilisées (le plus "
        "élevé des deux)\n"
        "• tout ce qui a été créé ici (images : {images}, paiements : {payments}) passe sur le compte rejoint, dont "
        "les réglages sont conservés\n"
        "• {plan_line}"
    ),
    "link_merge_no_free": (
        "Les deux comptes ont un historique, ils vont donc n'en faire qu'un :\n"
        "• les crédits payants s'additionnent : {credits_here} ici + {credits_there} là-bas = {credits_total}\n"
        "• tout ce qui a été créé ici (images : {images}, paiements : {payments}) passe sur le compte "
        "rejoint, dont les réglages sont conservés\n"
        "• {plan_line}"
    ),
    "link_plan_kept": "abonnement : {plan} reste sur le compte rejoint",
    "link_no_plan": "abonnement : aucun sur les deux comptes",
    "link_confirm_console": "Pour confirmer, envoyez : /link {code} yes",
    "link_button_yes": "Lier les comptes",
    "link_button_no": "Annuler",
    "link_cancelled": "Rien n'a été lié.",
    "link_done": (
        "C'est lié ! Ce compte {platform} partage désormais ses crédits, son abonnement et son historique avec "
        "l'utilisateur {issuer_platform} {issuer}.\n"
        "Crédits payants : {credits}. Images gratuites restantes aujourd'hui : {free_left} sur {free_per_day}."
    ),
    "link_done_no_free": (
        "C'est lié ! Ce compte {platform} partage désormais ses crédits, son abonnement et son historique "
        "avec l'utilisateur {issuer_platform} {issuer}.\n"
        "Crédits payants : {credits}."
    ),
    "link_done_already": "Ce compte est déjà lié à celui-ci. Voir /accounts.",
    "accounts_list": "Ce compte est utilisé depuis :\n{lines}",
    "accounts_line": "• {platform} : {label}",
    "accounts_line_you": "• {platform} : {label} (vous, ici)",
    "accounts_hint": (
        "Pour ajouter une autre plateforme, envoyez /link. Pour en détacher une, envoyez /unlink {platform}."
    ),
    "accounts_hint_one": "Pour utiliser aussi ce compte sur une autre plateforme, envoyez /link.",
    "unlinked": (
        "{platform} n'est plus lié à ce compte. L'historique reste sur le compte ; {platform} repartira de zéro au "
        "prochain /start."
    ),
    "unlinked_you": (
        "Cette identité {platform} n'est plus liée au compte. L'historique reste sur le compte ; envoyez /start pour "
        "repartir de zéro ici."
    ),
    "delete_identities": "Cela supprime le compte pour toutes les identités qui y sont liées : {identities}.",
    # telegram
    "status_pending": "⏳ Je m'en occupe…",
    "status_done": {
        "one": "✅ Terminé : {count} image, ci-dessous.",
        "many": "✅ Terminé : {count} images, ci-dessous.",
        "other": "✅ Terminé : {count} images, ci-dessous.",
    },
    "result_actions": "Encore dans ce style, ou les fichiers originaux :",
    "buy_button": "💳 Acheter des crédits",
    "settings_button_file": "📎 Envoyer en fichier",
    "settings_button_notify": "🔔 Notifications",
    "stars_refused": "Cette facture n'est plus valable. Envoyez /buy pour en obtenir une nouvelle.",
    "stars_wrong_account": "Cette facture a été créée pour un autre compte. Envoyez /buy pour obtenir la vôtre.",
    "photo_hint": (
        "Jolie photo ! Pour la modifier, répondez-y avec /imagine <ce qu'il faut changer>, ou renvoyez-la avec cette "
        "consigne en légende."
    ),
    "unusable_sticker": (
        "Je ne peux pas utiliser les stickers. Décrivez une image (ici, chaque message est un prompt), ou envoyez une "
        "photo avec une légende indiquant ce qu'il faut changer."
    ),
    "unusable_animation": (
        "Je ne peux pas utiliser les GIF ni les animations. Envoyez une photo fixe avec une légende indiquant ce qu'il "
        "faut changer, ou décrivez une nouvelle image."
    ),
    "unusable_voice": (
        "Je ne peux pas écouter les messages vocaux ou audio. Écrivez-moi plutôt ce que vous aimeriez que je dessine."
    ),
    "unusable_video": (
        "Je ne peux pas utiliser les vidéos. Envoyez une photo fixe avec une légende indiquant ce qu'il faut changer, "
        "ou décrivez une nouvelle image."
    ),
    "unusable_document": (
        "Je ne peux utiliser que des images (PNG, JPEG ou WebP). Envoyez une photo avec une légende indiquant ce qu'il "
        "faut changer, ou décrivez une nouvelle image."
    ),
    "preview_title": "APERÇU HORS LIGNE",
    "preview_footer": (
        "Aperçu {width}x{height} px d'une image {nominal_width}x{nominal_height} ({resolution}, {aspect_ratio}) · "
        "graine {seed}"
    ),
    "preview_references": {
        "one": " · modifiée à partir de {count} référence",
        "many": " · modifiée à partir de {count} références",
        "other": " · modifiée à partir de {count} références",
    },
    "reference_too_large": (
        "Cette image est trop volumineuse pour que je la télécharge (plus de {mb} Mo). Veuillez en envoyer une plus "
        "petite."
    ),
    "reference_download_failed": "Je n'ai pas pu télécharger cette image. Veuillez la renvoyer.",
    "reference_no_file": "Aucun fichier image trouvé : {path}.",
    "reference_invalid": "La référence doit être une image PNG, JPEG ou WebP de moins de 20 Mo.",
    "command.start": "Démarrer et accepter les conditions",
    "command.imagine": "Créer des images : /imagine <prompt> [--ar 16:9] [--res 2K] [--n 1-4]",
    "command.cancel": "Annuler une demande encore en file d'attente",
    "command.balance": "Images gratuites restantes aujourd'hui et vos crédits",
    "command.buy": "Acheter des crédits ou un abonnement",
    "command.billing": "Gérer votre abonnement",
    "command.settings": "Langue, format, résolution, notifications",
    "command.mydata": "Exporter toutes les données que nous détenons sur vous",
    "command.deleteme": "Supprimer votre compte et vos données",
    "command.privacy": "Notre politique de confidentialité",
    "command.terms": "Nos conditions d'utilisation",
    "command.regenerate": "Recréer votre dernière image (ou /regenerate <id>)",
    "command.vary": "Une variante de votre dernière image (ou /vary <id>)",
    "command.paysupport": "Aide pour un paiement",
    "command.help": "Ce que je sais faire",
    "command.link": "Utiliser un seul compte sur Telegram, Discord et la console",
    "command.accounts": "Les plateformes liées à votre compte",
    "command.unlink": "Détacher une plateforme de votre compte",
    "command.admin": "Outils d'administration : /admin help",
    # Discord slash commands (descriptions ≤ 100 characters; command and option names stay English)
    "discord.command.start": "Démarrer : accepter les conditions pour commencer",
    "discord.command.imagine": "Créer des images à partir d'une description",
    "discord.command.regenerate": "Relancer votre dernière demande",
    "discord.command.vary": "Une variante de votre dernière image",
    "discord.option.prompt": "Ce qu'il faut dessiner",
    "discord.option.aspect_ratio": "Format de l'image (par défaut : votre réglage)",
    "discord.option.resolution": "1K, 2K ou 4K (par défaut : votre réglage)",
    "discord.option.count": "Nombre d'images (1-4)",
    "discord.option.reference": "Une image à modifier ou dont s'inspirer",
    "discord.option.request": "L'identifiant de la demande (par défaut : votre dernière demande en attente)",
    "discord.option.code": (
        "Le code que /link vous a donné sur votre autre plateforme (laissez vide pour en obtenir un)"
    ),
    "discord.option.platform": "La plateforme à détacher (son historique reste sur le compte)",
    "discord.choice.auto": "auto",
}
