"""Spanish texts (tú): the same keys and placeholders as `core.locales.en`."""

TEXTS: dict[str, str | dict[str, str]] = {
    # onboarding
    "welcome": (
        "¡Te damos la bienvenida a GPT-Image-2! Convierto tus palabras en imágenes.\n"
        "Antes de empezar, lee nuestras condiciones de uso (/terms) y nuestra política de privacidad (/privacy) y "
        "confirma que las aceptas y que tienes 13 años o más."
    ),
    "welcome_back": (
        "¡Hola de nuevo! Envía /imagine <descripción> para crear una imagen, o /help para ver todo lo que puedo hacer."
    ),
    "consent_accepted": {
        "one": "¡Gracias! Ya puedes crear imágenes: /imagine <descripción>. Tienes {count} imagen gratis cada día.",
        "many": "¡Gracias! Ya puedes crear imágenes: /imagine <descripción>. Tienes {count} imágenes gratis cada día.",
        "other": "¡Gracias! Ya puedes crear imágenes: /imagine <descripción>. Tienes {count} imágenes gratis cada día.",
    },
    "consent_accepted_paid": "¡Gracias! Ya puedes crear imágenes: /imagine <descripción>. Cada imagen cuesta créditos.",
    "consent_age_required": "Lo siento, GPT-Image-2 es solo para personas de 13 años o más.",
    "consent_prompt_console": (
        "Envía /accept para aceptar las condiciones y la política de privacidad y confirmar que tienes 13 años o más "
        "(/decline si no es así)."
    ),
    "consent_needed_console": "Primero acepta las condiciones: envía /accept (puedes leerlas con /terms y /privacy).",
    "consent_changed": (
        "Hemos actualizado {documents}. {read}\n"
        "Para seguir creando imágenes, acepta la nueva versión y confirma que tienes 13 años o más."
    ),
    "consent_changed_documents.terms": "nuestras condiciones de uso",
    "consent_changed_documents.privacy": "nuestra política de privacidad",
    "consent_changed_documents.both": "nuestras condiciones de uso y nuestra política de privacidad",
    "consent_changed_what": "Qué ha cambiado: {url}",
    "consent_changed_read": "Texto completo: {url}",
    "consent_changed_read.terms": "Puedes leerlas con /terms.",
    "consent_changed_read.privacy": "Puedes leerla con /privacy.",
    "consent_changed_read.both": "Puedes leerlas con /terms y /privacy.",
    "consent_declined_update": (
        "Entendido. Hasta que aceptes la nueva versión no podrás crear imágenes, pero tu cuenta sigue como está: "
        "/mydata exporta tus datos y /deleteme los elimina. Te lo volveremos a preguntar la próxima vez."
    ),
    "announcement.policy": ("📣 Nuestra política de privacidad ha cambiado.\n\n{text}\n\n{read}"),
    "announcement.terms": ("📣 Nuestras condiciones de uso han cambiado.\n\n{text}\n\n{read}"),
    "announcement.news": ("📣 {text}\n\n(Puedes desactivar los mensajes como este en /settings.)"),
    "announcement_accept_next": "Antes de tu próxima imagen te pediremos que aceptes la nueva versión.",
    "consent_button_accept": "Acepto y tengo 13 años o más",
    "consent_button_decline": "No, gracias",
    "help": (
        "Comandos:\n"
        "/imagine <descripción> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] — crea imágenes\n"
        "Para editar una foto, respóndela con /imagine <qué cambiar>, o envíala con eso como pie de foto.\n"
        "En un chat privado, cualquier mensaje también sirve como descripción.\n"
        "/regenerate [id] — repite tu última solicitud; /vary [id] — una variación de tu última imagen\n"
        "/cancel — cancela tu última solicitud que aún espera en la cola (lo que tenía reservado vuelve al instante)\n"
        "/balance — imágenes gratis que te quedan hoy y tus créditos\n"
        "{buy}/settings — idioma, relación de aspecto y resolución predeterminadas, archivos, notificaciones\n"
        "/link [código] — usa una sola cuenta en Telegram, Discord y la consola; /accounts — plataformas vinculadas; "
        "/unlink <plataforma> — desvincula una\n"
        "/mydata — exporta todo lo que guardamos sobre ti\n"
        "/deleteme — elimina tu cuenta y tus datos\n"
        "/terms — condiciones de uso; /privacy — nuestra política de privacidad\n"
        "/start — empezar de nuevo, /help — esta lista\n"
        "Notas: 4K no está disponible para 1:1, y la relación de aspecto auto solo admite 1K."
    ),
    "help_console": (
        "Comandos:\n"
        "/start y luego /accept (o /decline) — acepta las condiciones y confirma que tienes 13 años o más\n"
        "/imagine <descripción> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] [--ref <archivo de "
        "imagen>] — crea imágenes; --ref edita un archivo de imagen (repítelo para usar varios)\n"
        "Una línea que no es un comando también sirve como descripción.\n"
        "/regenerate [id] — repite tu última solicitud; /vary [id] — una variación de tu última imagen\n"
        "/cancel [id] — cancela una solicitud que aún espera en la cola (lo que tenía reservado vuelve al instante)\n"
        "/balance — imágenes gratis que te quedan hoy y tus créditos\n"
        "{buy}/settings [lang|ar|res|file|notify <valor>] — tu idioma y tus valores predeterminados\n"
        "/link [código] — usa una sola cuenta en Telegram, Discord y la consola; /accounts — plataformas vinculadas; "
        "/unlink <plataforma> — desvincula una\n"
        "/mydata — exporta todo lo que guardamos sobre ti\n"
        "/deleteme — elimina tu cuenta y tus datos\n"
        "/terms — condiciones de uso; /privacy — nuestra política de privacidad\n"
        "/help — esta lista. Ctrl-D (o Ctrl-C) para salir.\n"
        "Notas: 4K no está disponible para 1:1, y la relación de aspecto auto solo admite 1K."
    ),
    "help_buy": "/buy — compra créditos o un plan; /billing — gestiona tu plan; /paysupport — ayuda con un pago\n",
    "help_buy_console": (
        "/buy [producto] — compra créditos o un plan; /billing — gestiona tu plan; /paysupport — ayuda con un pago\n"
    ),
    "help_buy_discord": ("/buy — compra créditos o un plan\n/billing — gestiona tu plan\n"),
    "console_banner": (
        "Chat de consola de GPT-Image-2. Escribe /help para ver los comandos y /start para empezar; cualquier otra "
        "línea es una descripción. Ctrl-D o Ctrl-C para salir."
    ),
    "unknown_command": "No conozco ese comando. Esto es lo que puedo hacer:",
    "privacy": (
        "La privacidad, en resumen:\n"
        "• Guardamos tu cuenta (nombre visible, idioma, tus ajustes, tu consentimiento), tus descripciones (prompts), "
        "las imágenes creadas para ti, tu historial de créditos y tus registros de pago (nunca los datos de tu "
        "tarjeta: los pagos los gestiona Creem), y un registro de lo que nuestros administradores han hecho en tu "
        "cuenta (créditos añadidos o retirados, una suspensión, una consulta de tu cuenta).\n"
        "• Las descripciones, y cualquier imagen que me pidas editar, se envían a nuestro proveedor de IA (KIE.ai) "
        "para crear las imágenes; antes se revisan las descripciones. Los pagos los procesa Creem. No vendemos tus "
        "datos.\n"
        "• /mydata exporta todo lo que guardamos sobre ti; /deleteme elimina tu cuenta, tus descripciones, imágenes y "
        "registros; con /settings puedes dejar de recibir mensajes no esenciales.\n"
        "• Tras una eliminación solo conservamos lo necesario para evitar abusos de los límites de uso: un hash con "
        "clave de tu id en la plataforma (no se puede volver a convertir en el id), junto con las imágenes gratis "
        "usadas hoy (hasta el final del día UTC) y cualquier saldo pendiente de pago. Nada más sobre ti.\n"
        "• El servicio no es para menores de 13 años.\n"
        "Preguntas sobre privacidad: {contact}"
    ),
    "privacy_link": "La política de privacidad completa: {url}",
    "terms": (
        "Las condiciones de uso, en resumen:\n"
        "• GPT-Image-2 es para personas de 13 años o más.\n"
        "• No pidas contenido ilegal o dañino ni contenido que vulnere los derechos de otras personas; las "
        "descripciones se revisan y pueden rechazarse.\n"
        "• Las imágenes las crea una IA y pueden tener imperfecciones; tú eres responsable del uso que hagas de "
        "ellas.\n"
        "• Cada imagen consume imágenes gratis del día o créditos; si una imagen no se puede crear, se reembolsa. Los "
        "créditos sin usar se pierden al eliminar tu cuenta.\n"
        "• Las cuentas que abusen del servicio pueden ser suspendidas.\n"
        "Preguntas: {contact}"
    ),
    "terms_link": "Las condiciones completas: {url}",
    # generation
    "queued": {
        "one": "En cola: {count} imagen, {cost}. Te enviaré el resultado aquí.",
        "many": "En cola: {count} imágenes, {cost}. Te enviaré los resultados aquí.",
        "other": "En cola: {count} imágenes, {cost}. Te enviaré los resultados aquí.",
    },
    "queued_shared": {
        "one": "En cola: {count} imagen. Enviaré el resultado aquí.",
        "many": "En cola: {count} imágenes. Enviaré los resultados aquí.",
        "other": "En cola: {count} imágenes. Enviaré los resultados aquí.",
    },
    "queued_place": {
        "one": "En cola: {count} imagen, {cost}. {place} Te enviaré el resultado aquí.",
        "many": "En cola: {count} imágenes, {cost}. {place} Te enviaré los resultados aquí.",
        "other": "En cola: {count} imágenes, {cost}. {place} Te enviaré los resultados aquí.",
    },
    "queued_shared_place": {
        "one": "En cola: {count} imagen. {place} Enviaré el resultado aquí.",
        "many": "En cola: {count} imágenes. {place} Enviaré los resultados aquí.",
        "other": "En cola: {count} imágenes. {place} Enviaré los resultados aquí.",
    },
    "place_next": "Tu solicitud es la siguiente: lista en unos {eta}.",
    "place_in_line": "Tu solicitud es la n.º {position} de la cola: lista en unos {eta}.",
    "cost_free": {
        "one": "{count} gratis",
        "many": "{count} gratis",
        "other": "{count} gratis",
    },
    "cost_paid": {
        "one": "{count} crédito",
        "many": "{count} créditos",
        "other": "{count} créditos",
    },
    "cost_mixed": "{free} + {credits}",
    # amounts used inside other texts
    "n_credits": {
        "one": "{count} crédito",
        "many": "{count} créditos",
        "other": "{count} créditos",
    },
    "n_images": {
        "one": "{count} imagen",
        "many": "{count} imágenes",
        "other": "{count} imágenes",
    },
    "n_free_images": {
        "one": "{count} imagen gratis",
        "many": "{count} imágenes gratis",
        "other": "{count} imágenes gratis",
    },
    "free_left_today": {
        "one": "te queda {count} imagen gratis hoy",
        "many": "te quedan {count} imágenes gratis hoy",
        "other": "te quedan {count} imágenes gratis hoy",
    },
    "progress_generating": "Generando… {done}/{count} listas",
    "progress_storing": {
        "one": "Ya casi está: guardando tu imagen…",
        "many": "Ya casi está: guardando tus imágenes…",
        "other": "Ya casi está: guardando tus imágenes…",
    },
    "done": "Listo: «{prompt}» — {free_left} y {credits}.",
    "done_credits": "Listo: «{prompt}» — saldo: {credits}.",
    "done_shared": "Listo: «{prompt}»",
    "done_paths": "Guardado en:",
    "partial": {
        "one": "Imágenes creadas: {made} de {count}; se ha devuelto lo que tenían reservado las demás.",
        "many": "Imágenes creadas: {made} de {count}; se ha devuelto lo que tenían reservado las demás.",
        "other": "Imágenes creadas: {made} de {count}; se ha devuelto lo que tenían reservado las demás.",
    },
    "console_after": "Más como esta: /regenerate {id} · usar la primera imagen como referencia: /vary {id}",
    "failed": {
        "one": (
            "Lo siento, no se pudo crear tu imagen: {reason} No se ha cobrado nada: se ha devuelto lo que tenía "
            "reservado."
        ),
        "many": (
            "Lo siento, no se pudieron crear tus imágenes: {reason} No se ha cobrado nada: se ha devuelto lo que "
            "tenían reservado."
        ),
        "other": (
            "Lo siento, no se pudieron crear tus imágenes: {reason} No se ha cobrado nada: se ha devuelto lo que "
            "tenían reservado."
        ),
    },
    "cancel_button": "✖ Cancelar",
    "cancelled": "Cancelado. No se creó nada y se ha devuelto lo que tenía reservado: {refund}.",
    "cancelled_free_of_charge": "Cancelado. No se creó nada y no se cobró nada.",
    "cancelled_shared": "Cancelado. No se creó nada y se ha reembolsado lo que tenía reservado.",
    "refund_mixed": "{free} y {credits}",
    "regenerate_button": "🔁 Regenerar",
    "vary_button": "🎨 Variar",
    "original_button": "🖼 Archivo original",
    # balance / billing
    "balance": (
        "Imágenes gratis que te quedan hoy: {free_left} de {free_per_day}\nCréditos de pago: {credits}\nPlan: {plan}"
    ),
    "balance_no_free": "Créditos de pago: {credits}\nPlan: {plan}",
    "plan_none": "ninguno",
    "prices": "Créditos por imagen: 1K = {p1}, 2K = {p2}, 4K = {p4}.",
    "products_header": "Elige un paquete o un plan:",
    "product_line": {
        "one": "{label} — {price} ({count} crédito{per_month})",
        "many": "{label} — {price} ({count} créditos{per_month})",
        "other": "{label} — {price} ({count} créditos{per_month})",
    },
    "per_month": " al mes",
    "checkout_link": "Paga {label} aquí: {url}",
    "portal_link": "Gestiona tu plan aquí: {url}",
    "billing_plan": "Tu plan: {plan}",
    "no_products": "Ahora mismo no hay nada a la venta.",
    "payment_received": {
        "one": "Pago recibido: se ha añadido {count} crédito. Tus créditos ahora: {balance}.",
        "many": "Pago recibido: se han añadido {count} créditos. Tus créditos ahora: {balance}.",
        "other": "Pago recibido: se han añadido {count} créditos. Tus créditos ahora: {balance}.",
    },
    "plan_renewed": {
        "one": "Tu plan se ha renovado: se ha añadido {count} crédito. Tus créditos ahora: {balance}.",
        "many": "Tu plan se ha renovado: se han añadido {count} créditos. Tus créditos ahora: {balance}.",
        "other": "Tu plan se ha renovado: se han añadido {count} créditos. Tus créditos ahora: {balance}.",
    },
    "plan_ended": "Tu plan ha terminado; ya no se añadirán créditos mensuales. Tus créditos siguen siendo tuyos.",
    # a plan's status (Creem's subscription states): what it means and what to do, in /balance …
    "plan_state.active": "{plan}",
    "plan_state.trialing": "{plan} (prueba)",
    "plan_state.scheduled_cancel": "{plan} (termina al final de este periodo; puedes reanudarlo en /billing)",
    "plan_state.past_due": "{plan} (un pago falló y se está reintentando; actualiza tu método de pago en /billing)",
    "plan_state.unpaid": "{plan} (suspendido: falta su pago; paga o actualiza tu método de pago en /billing)",
    "plan_state.paused": "{plan} (en pausa: no hay créditos mensuales hasta que lo reanudes en /billing)",
    "plan_state.expired": "{plan} (vencido sin pago: no hay créditos mensuales; renuévalo en /billing)",
    # … and as a notice when it changes
    "plan_status.active": "Tu plan {plan} vuelve a estar activo. Los créditos mensuales se añaden con cada pago.",
    "plan_status.trialing": "Ha empezado tu prueba de {plan}.",
    "plan_status.scheduled_cancel": (
        "Tu plan {plan} terminará al final del periodo actual; hasta entonces no cambia nada. ¿Has cambiado de idea? "
        "Reanúdalo en /billing."
    ),
    "plan_status.past_due": (
        "El pago de tu plan {plan} ha fallado. Se volverá a intentar; para conservar tu plan, actualiza tu método de "
        "pago en /billing."
    ),
    "plan_status.unpaid": (
        "Tu plan {plan} está suspendido porque no se pudo cobrar su pago: no se añaden créditos mensuales. Paga o "
        "actualiza tu método de pago en /billing para continuar."
    ),
    "plan_status.paused": (
        "Tu plan {plan} está en pausa: no se añaden créditos mensuales hasta que lo reanudes en /billing. Tus créditos "
        "siguen siendo tuyos."
    ),
    "plan_status.expired": (
        "Tu plan {plan} ha vencido: el periodo terminó sin pago, así que no se añaden créditos mensuales. Puede que el "
        "pago se vuelva a intentar; actualiza tu método de pago en /billing para renovarlo, o cancélalo allí."
    ),
    "payment_reversed": {
        "one": "Un pago se ha reembolsado o impugnado: se ha retirado {count} crédito. Tus créditos ahora: {balance}.",
        "many": (
            "Un pago se ha reembolsado o impugnado: se han retirado {count} créditos. Tus créditos ahora: {balance}."
        ),
        "other": (
            "Un pago se ha reembolsado o impugnado: se han retirado {count} créditos. Tus créditos ahora: {balance}."
        ),
    },
    "payment_page_title": "¡Gracias!",
    "payment_page": (
        "Estamos confirmando tu pago. Tus créditos aparecerán en el chat en un momento; puedes cerrar esta página y "
        "volver al bot."
    ),
    "payment_page_unverified_title": "Estado del pago desconocido",
    "payment_page_unverified": (
        "No pudimos verificar este enlace. Si pagaste, tus créditos aparecerán igualmente en el chat en cuanto se "
        "confirme el pago."
    ),
    "paysupport": "¿Tienes preguntas sobre un pago? Escribe a {contact} con los datos de tu pago y te ayudaremos.",
    "stars_button": {
        "one": "⭐ {count} estrella",
        "many": "⭐ {count} estrellas",
        "other": "⭐ {count} estrellas",
    },
    "pay_with_card": "💳 {price}",
    # privacy
    "export_ready": "Aquí tienes todo lo que guardamos sobre ti: mydata.json y tus imágenes, en un zip.",
    "export_ready_parts": {
        "one": "Aquí tienes todo lo que guardamos sobre ti: mydata.json y tus imágenes, en {count} archivo zip.",
        "many": "Aquí tienes todo lo que guardamos sobre ti: mydata.json y tus imágenes, en {count} archivos zip.",
        "other": "Aquí tienes todo lo que guardamos sobre ti: mydata.json y tus imágenes, en {count} archivos zip.",
    },
    "export_kept": {
        "one": (
            "Aquí tienes todo lo que guardamos sobre ti (mydata.json y tus imágenes, en un zip); el archivo se "
            "eliminará en {count} minuto:"
        ),
        "many": (
            "Aquí tienes todo lo que guardamos sobre ti (mydata.json y tus imágenes, en un zip); el archivo se "
            "eliminará en {count} minutos:"
        ),
        "other": (
            "Aquí tienes todo lo que guardamos sobre ti (mydata.json y tus imágenes, en un zip); el archivo se "
            "eliminará en {count} minutos:"
        ),
    },
    "export_nothing": "No guardamos ningún dato sobre ti.",
    "delete_confirm": {
        "one": (
            "Esto elimina para siempre tu cuenta, tus descripciones, imágenes, créditos y registros de pago. Los "
            "créditos sin usar se pierden; las imágenes gratis usadas hoy y cualquier saldo pendiente de pago seguirán "
            "contando si vuelves (consulta /privacy). Para confirmar, envía: /deleteme {code} (válido durante {count} "
            "minuto). Envía /deleteme cancel para conservarlo todo."
        ),
        "many": (
            "Esto elimina para siempre tu cuenta, tus descripciones, imágenes, créditos y registros de pago. Los "
            "créditos sin usar se pierden; las imágenes gratis usadas hoy y cualquier saldo pendiente de pago seguirán "
            "contando si vuelves (consulta /privacy). Para confirmar, envía: /deleteme {code} (válido durante {count} "
            "minutos). Envía /deleteme cancel para conservarlo todo."
        ),
        "other": (
            "Esto elimina para siempre tu cuenta, tus descripciones, imágenes, créditos y registros de pago. Los "
            "créditos sin usar se pierden; las imágenes gratis usadas hoy y cualquier saldo pendiente de pago seguirán "
            "contando si vuelves (consulta /privacy). Para confirmar, envía: /deleteme {code} (válido durante {count} "
            "minutos). Envía /deleteme cancel para conservarlo todo."
        ),
    },
    "delete_confirm_buttons": (
        "Esto elimina para siempre tu cuenta, tus descripciones, imágenes, créditos y registros de pago. Los créditos "
        "sin usar se pierden; las imágenes gratis usadas hoy y cualquier saldo pendiente de pago seguirán contando si "
        "vuelves (consulta /privacy). ¿Seguro que quieres continuar?"
    ),
    "delete_button_yes": "Sí, eliminar todo",
    "delete_button_no": "Cancelar",
    "deleted": (
        "Tu cuenta y tus datos se han eliminado (solo conservamos el hash con clave descrito en /privacy). ¡Adiós! "
        "Envía /start si algún día quieres volver."
    ),
    "delete_cancelled": "Eliminación cancelada. No se ha eliminado nada.",
    "nothing_to_delete": "No guardamos ningún dato sobre ti, así que no hay nada que eliminar.",
    # admin actions, as the person they concern is told
    "admin_granted": {
        "one": "Un administrador ha añadido {count} crédito a tu cuenta ({reason}). Tus créditos ahora: {balance}.",
        "many": "Un administrador ha añadido {count} créditos a tu cuenta ({reason}). Tus créditos ahora: {balance}.",
        "other": "Un administrador ha añadido {count} créditos a tu cuenta ({reason}). Tus créditos ahora: {balance}.",
    },
    "admin_revoked": {
        "one": "Un administrador ha retirado {count} crédito de tu cuenta ({reason}). Tus créditos ahora: {balance}.",
        "many": "Un administrador ha retirado {count} créditos de tu cuenta ({reason}). Tus créditos ahora: {balance}.",
        "other": (
            "Un administrador ha retirado {count} créditos de tu cuenta ({reason}). Tus créditos ahora: {balance}."
        ),
    },
    "account_blocked": (
        "Un administrador ha suspendido tu cuenta: no crearé imágenes nuevas ni aceptaré pagos para ella. Las imágenes "
        "que ya están en camino llegarán igualmente. Puedes seguir exportando tus datos (/mydata), eliminar tu cuenta "
        "(/deleteme) y leer /privacy. Si tienes preguntas, escribe a {contact}."
    ),
    "account_unblocked": "Tu cuenta vuelve a estar activa. Envía /help para ver lo que puedo hacer.",
    # admin tools (only admins ever see these)
    "discord.admin": "Herramientas de administración",
    "discord.admin.user": "Saldo, plan, últimas generaciones y pagos de una persona",
    "discord.admin.who": "ID de cuenta, ID de usuario o telegram:<id> / discord:<id>",
    "discord.admin.prompts": "Mostrar también las descripciones (queda registrado y la persona lo ve)",
    "discord.admin.grant": "Añadir créditos de pago a una persona",
    "discord.admin.revoke": "Retirar créditos de pago (nunca por debajo de cero)",
    "discord.admin.block": "Rechazar todo salvo los derechos de privacidad de una persona",
    "discord.admin.unblock": "Levantar un bloqueo",
    "discord.admin.stats": "Personas, generaciones, créditos, coste del proveedor y la cola",
    "discord.admin.announce": "Avisar a todos, una vez a cada uno (o ver cómo va)",
    "discord.admin.announce_kind": (
        "policy o terms: un cambio que todos deben conocer; news: omitido si lo desactivaron; status"
    ),
    "discord.admin.announce_text": "Qué decir a todos (no hace falta para status)",
    "admin.usage": "Comandos de administración:",
    "admin.usage.user": (
        "/admin user <quién> [--prompts] — saldo, plan, últimas generaciones, pagos (--prompts también muestra las "
        "descripciones; ese acceso queda registrado y la persona lo ve en /mydata)"
    ),
    "admin.usage.grant": "/admin grant <quién> <créditos> <motivo> — añade créditos de pago",
    "admin.usage.revoke": (
        "/admin revoke <quién> <créditos> <motivo> — retira créditos de pago (nunca por debajo de cero)"
    ),
    "admin.usage.block": (
        "/admin block <quién> <motivo> — rechaza todo salvo /mydata, /deleteme, /privacy, /terms y /help"
    ),
    "admin.usage.unblock": "/admin unblock <quién> [motivo] — levanta un bloqueo",
    "admin.usage.stats": "/admin stats — personas, generaciones, créditos, coste del proveedor y la cola",
    "admin.usage.announce": (
        "/admin announce policy|terms|news <texto> — avisa a todos, una vez a cada persona (un cambio de política o de "
        "condiciones llega a todos; las noticias se saltan a quienes desactivaron las notificaciones); /admin announce "
        "status — hasta dónde ha llegado"
    ),
    "admin.announced": (
        "Anuncio {id} ({kind}) registrado para {people}. El bot lo envía con la prioridad más baja, una vez a cada "
        "persona; /admin announce status muestra hasta dónde ha llegado."
    ),
    "n_accounts": {
        "one": "{count} cuenta",
        "many": "{count} cuentas",
        "other": "{count} cuentas",
    },
    "admin.announced_already": "Ya registrado: el anuncio {id} ({kind}) de este comando; no se envía nada dos veces.",
    "admin.announcements_none": "Aún no hay anuncios.",
    "admin.announcement": (
        "{id} {kind} · {at} UTC · {people} · «{text}»\n"
        "  enviados {sent} · bloqueados {blocked} · fallidos {failed} · omitidos {skipped} · inciertos {uncertain} · "
        "pendientes {remaining} · {eta}"
    ),
    "admin.announcement_done": "terminado",
    "admin.announcement_eta": "faltan unos {eta} (a {rate}/s)",
    "admin.announcement_stalled": "no se ha enviado nada en los últimos {wait}: ¿está funcionando el bot?",
    "admin.usage_who": "<quién>: un id de cuenta, un id de usuario, o telegram:<id>, discord:<id>, console:<nombre>.",
    "admin.usage_of": "Uso: {usage}",
    "admin.unknown_action": "No existe el comando de administración «{action}».",
    "admin.already": "Ya está hecho: este comando se aplicó antes ({action} el {at}); no ha cambiado nada.",
    "admin.granted": "Añadido a {who}: {credits}. Su saldo: {balance}.",
    "admin.revoked": "Retirado a {who}: {credits}. Su saldo: {balance}.",
    "admin.revoked_partly": {
        "one": (
            "Retirado a {who}: {credits} de {count} crédito pedido; una retirada nunca deja el saldo por debajo de "
            "cero. Su saldo: {balance}."
        ),
        "many": (
            "Retirado a {who}: {credits} de {count} créditos pedidos; una retirada nunca deja el saldo por debajo de "
            "cero. Su saldo: {balance}."
        ),
        "other": (
            "Retirado a {who}: {credits} de {count} créditos pedidos; una retirada nunca deja el saldo por debajo de "
            "cero. Su saldo: {balance}."
        ),
    },
    "admin.blocked": (
        "Se ha bloqueado a {who}. Aún puede usar /mydata, /deleteme, /privacy, /terms y /help; el trabajo en curso "
        "termina."
    ),
    "admin.unblocked": "Se ha desbloqueado a {who}.",
    "admin.person": "{name} (cuenta {account})",
    "admin.user": (
        "Cuenta {account} — {name}, idioma {language}, desde {created}\n"
        "Identidades: {identities}\n"
        "Consentimiento: {consent}; estado: {status}\n"
        "Saldo: {free_left} de {free_per_day} imágenes gratis hoy, {credits}; plan: {plan}"
    ),
    "admin.user_active": "activa",
    "admin.user_blocked": "bloqueada desde {at} ({reason})",
    "admin.user_being_deleted": "en proceso de eliminación",
    "admin.user_consent_none": "no dado",
    "admin.user_generations": "Últimas generaciones:",
    "admin.user_generation": "• {at} {id} {status}: {count}×{resolution}, {cost}{error}",
    "admin.user_generation_error": "; error {code}",
    "admin.user_prompt": "   descripción: {prompt}",
    "admin.user_no_generations": "Sin generaciones.",
    "admin.user_payments": "Últimos pagos:",
    "admin.user_payment": "• {at} {provider} {ref}: {credits}, {status}",
    "admin.user_no_payments": "Sin pagos.",
    "admin.user_prompts_logged": (
        "Descripciones mostradas: este acceso queda en el registro de auditoría y la persona lo ve en /mydata."
    ),
    "admin.stats": (
        "Estadísticas (UTC), hoy / últimos 7 días:\n"
        "Personas activas: {active_today} / {active_week}\n"
        "Generaciones solicitadas: {requested_today} / {requested_week}\n"
        "Terminadas: entregadas {delivered_today} / {delivered_week}; reembolsadas en parte {partly_today} / "
        "{partly_week}; reembolsadas {refunded_today} / {refunded_week}\n"
        "Créditos: vendidos {sold_today} / {sold_week}; usados {used_today} / {used_week}; reembolsados {back_today} / "
        "{back_week}; imágenes gratis usadas {free_today} / {free_week}\n"
        "Tareas del proveedor: {tasks_today} / {tasks_week}; coste estimado del proveedor: {cost_today} / {cost_week}\n"
        "Ahora: en cola {queued}, en curso {running}, enviándose {undelivered}; personas con trabajo en curso: "
        "{accounts}"
    ),
    "admin.stats_cost": "créditos de KIE: {credits} ≈ ${usd}",
    # settings
    "settings": (
        "Tus ajustes:\n"
        "Idioma: {language}\n"
        "Relación de aspecto: {aspect_ratio}\n"
        "Resolución: {resolution}\n"
        "Enviar como archivo: {send_as_file}\n"
        "Notificaciones: {notifications}"
    ),
    "settings_usage": (
        "Para cambiarlos: /settings lang <{languages}|auto>, /settings ar <auto|1:1|9:16|16:9|4:3|3:4>, /settings res "
        "<1K|2K|4K>, /settings file <on|off>, /settings notify <on|off>"
    ),
    "language_auto": "automático ({language})",
    "language_choose": "Elige tu idioma:",
    "language_button_auto": "Automático (el de mi app)",
    "language_saved": "Idioma guardado: {language}.",
    "language_auto_saved": "Volveré a usar el idioma de tu app ({language}).",
    "language_unknown": "Todavía no hablo ese idioma. Elige uno de estos: {languages}, o auto.",
    "settings_button_language": "🌐 Idioma",
    "settings_language_placeholder": "Idioma",
    "settings_saved": "Guardado.",
    "settings_4k_square": (
        "4K no está disponible con la relación de aspecto 1:1, así que no se ha cambiado nada. Elige primero otra "
        "relación de aspecto (16:9, 9:16, 4:3 o 3:4), o bien 1K o 2K."
    ),
    "settings_auto_1k": (
        "La relación de aspecto auto solo crea imágenes en 1K, así que no se ha cambiado nada. Elige primero una "
        "relación de aspecto como 16:9, o bien 1K."
    ),
    "option_unknown_ratio": "Relación de aspecto desconocida: «{value}». Usa una de estas: {allowed}.",
    "option_unknown_resolution": "Resolución desconocida: «{value}». Usa una de estas: {allowed}.",
    "option_count_range": "El número de imágenes debe estar entre 1 y {max}.",
    "option_count_not_number": "--n debe ser un número del 1 al 4, no «{value}».",
    "option_needs_value": "La opción --{option} necesita un valor.",
    "option_unknown": "Opción desconocida: --{option}. Opciones: --ar, --res, --n.",
    "option_4k_square": "4K no está disponible para la relación de aspecto 1:1; usa 1K o 2K.",
    "option_auto_1k": (
        "La relación de aspecto auto solo admite 1K; elige una relación de aspecto como 16:9 para 2K o 4K."
    ),
    "on": "activado",
    "off": "desactivado",
    "private_note": "Te he enviado la respuesta por mensaje privado.",
    "private_unreachable": "Primero abre un chat privado conmigo y luego vuelve a intentarlo.",
    # discord
    "help_discord": (
        "Comandos:\n"
        "/imagine prompt: [aspect_ratio:] [resolution:] [count: 1-4] [reference: una imagen] — crea imágenes\n"
        "/cancel — cancela tu última solicitud que aún espera en la cola (lo que tenía reservado vuelve al instante)\n"
        "/balance — imágenes gratis que te quedan hoy y tus créditos\n"
        "{buy}/settings — idioma, relación de aspecto y resolución predeterminadas, notificaciones\n"
        "/regenerate — repite tu última solicitud; /vary — una variación de tu última imagen\n"
        "/link [code:] — usa una sola cuenta en Telegram, Discord y la consola; /accounts — plataformas vinculadas; "
        "/unlink platform: — desvincula una\n"
        "/mydata — exporta todo lo que guardamos sobre ti\n"
        "/deleteme — elimina tu cuenta y tus datos\n"
        "/terms — condiciones de uso, /privacy — nuestra política de privacidad, /help — esta lista\n"
        "Botones bajo un resultado: Regenerar repite la misma solicitud, Variar usa la primera imagen como "
        "referencia.\n"
        "Notas: 4K no está disponible para 1:1, y la relación de aspecto auto solo admite 1K."
    ),
    "button_stale": "Este botón ya no funciona. Envía /help para ver lo que puedo hacer.",
    "image_too_large_link": "La imagen {index} es demasiado grande para adjuntarla aquí; ábrela aquí: {url}",
    "image_too_large": "La imagen {index} es demasiado grande para adjuntarla aquí.",
    "notify_button_on": "🔔 Notificaciones: activadas",
    "notify_button_off": "🔕 Notificaciones: desactivadas",
    "settings_ar_placeholder": "Relación de aspecto predeterminada",
    "settings_res_placeholder": "Resolución predeterminada",
    "billing_button": "Gestionar plan",
    # errors
    "error.consent_required": "Primero acepta las condiciones: envía /start.",
    "error.consent_outdated": (
        "Primero acepta nuestras condiciones de uso o nuestra política de privacidad actualizadas."
    ),
    "error.not_registered": "Aún no tienes cuenta: envía /start.",
    "error.prompt_empty": "Describe la imagen: /imagine <descripción>.",
    "error.prompt_too_long": {
        "one": "Tu descripción es demasiado larga ({count} carácter; el límite es {limit}).",
        "many": "Tu descripción es demasiado larga ({count} caracteres; el límite es {limit}).",
        "other": "Tu descripción es demasiado larga ({count} caracteres; el límite es {limit}).",
    },
    "error.prompt_invalid_characters": (
        "Tu descripción contiene caracteres que no puedo usar (un carácter nulo o un emoji dañado). Vuelve a "
        "escribirla y envíala de nuevo. No se ha cobrado nada."
    ),
    "error.invalid_option": "{detail}",
    "error.too_many_references": {
        "one": "Demasiadas imágenes de referencia: puedes usar como máximo {count}.",
        "many": "Demasiadas imágenes de referencia: puedes usar como máximo {count}.",
        "other": "Demasiadas imágenes de referencia: puedes usar como máximo {count}.",
    },
    "error.insufficient_credits": "No tienes créditos suficientes: esto necesita {needed} y tienes {credits}.",
    "short_of_images": (
        "No tienes créditos suficientes: esto necesita {images}; {free_left} y tienes {credits} (cada imagen más allá "
        "de las gratis cuesta {unit_price} en {resolution})."
    ),
    "error.insufficient_credits_shared": (
        "No hay créditos suficientes para esto. Envíame /balance en un chat privado para ver los tuyos."
    ),
    "short_of_credits": {
        "one": (
            "No tienes créditos suficientes: {count} imagen en {resolution} necesita {needed} y tienes {credits} (las "
            "imágenes gratis solo llegan hasta {free_max})."
        ),
        "many": (
            "No tienes créditos suficientes: {count} imágenes en {resolution} necesitan {needed} y tienes {credits} "
            "(las imágenes gratis solo llegan hasta {free_max})."
        ),
        "other": (
            "No tienes créditos suficientes: {count} imágenes en {resolution} necesitan {needed} y tienes {credits} "
            "(las imágenes gratis solo llegan hasta {free_max})."
        ),
    },
    "short_of_credits_no_free": {
        "one": "No tienes créditos suficientes: {count} imagen en {resolution} necesita {needed} y tienes {credits}.",
        "many": (
            "No tienes créditos suficientes: {count} imágenes en {resolution} necesitan {needed} y tienes {credits}."
        ),
        "other": (
            "No tienes créditos suficientes: {count} imágenes en {resolution} necesitan {needed} y tienes {credits}."
        ),
    },
    "short_negative_balance": (
        "Tu saldo de créditos es {credits} tras un reembolso o una impugnación, así que las imágenes nuevas esperarán "
        "hasta que lo recargues."
    ),
    "free_reset": "Las imágenes gratis se renuevan a las {time} UTC, dentro de {wait}.",
    "hint_buy": "Compra créditos con /buy.",
    "hint_plans": "Consulta los planes con /buy.",
    "error.rate_limited": {
        "one": "¡Vas muy rápido! Espera {count} segundo y vuelve a intentarlo.",
        "many": "¡Vas muy rápido! Espera {count} segundos y vuelve a intentarlo.",
        "other": "¡Vas muy rápido! Espera {count} segundos y vuelve a intentarlo.",
    },
    "error.too_many_running": {
        "one": "Ya tienes {count} generación en curso. Espera a que termine.",
        "many": "Ya tienes {count} generaciones en curso. Espera a que termine alguna.",
        "other": "Ya tienes {count} generaciones en curso. Espera a que termine alguna.",
    },
    "error.prompt_rejected": "Esta descripción no se puede usar: {reason} No se ha cobrado nada.",
    "error.moderation_unavailable": (
        "Ahora mismo no puedo revisar descripciones, así que no puedo generar. No se ha cobrado nada."
    ),
    "error.provider_unavailable": (
        "El servicio de imágenes no está disponible en este momento. Vuelve a intentarlo más tarde."
    ),
    "error.generation_failed": "El servicio de imágenes informó de un error.",
    "error.generation_timeout": "El servicio de imágenes tardó demasiado.",
    "error.storage_failed": "No pude guardar el resultado.",
    "error.payments_disabled": "Los pagos no están configurados en este bot.",
    "error.payments_unavailable": (
        "El servicio de pagos no está disponible en este momento. Vuelve a intentarlo más tarde."
    ),
    "error.unknown_product": "No conozco ese producto. Envía /buy para ver lo que hay disponible.",
    "error.not_found": "No lo he encontrado. Puede que se haya eliminado.",
    "error.not_owner": "Solo quien creó esta imagen puede usar este botón.",
    "error.no_generations": "Aún no tienes imágenes que usar. Envía /imagine <descripción> para crear una.",
    "error.no_plan": "No tienes ningún plan.",
    "error.confirmation_invalid": (
        "Ese código de confirmación es incorrecto o ha caducado. Envía /deleteme para obtener uno nuevo."
    ),
    "error.generation_in_progress": "Tus imágenes todavía se están creando. Vuelve a confirmar cuando estén listas.",
    "error.account_being_deleted": "Tu cuenta se está eliminando, así que ya no puedo hacer eso.",
    "error.account_blocked": (
        "Lo siento, tu cuenta está suspendida, así que no puedo hacer eso. Puedes seguir exportando tus datos "
        "(/mydata), eliminar tu cuenta (/deleteme) y leer /privacy, /terms y /help. Si tienes preguntas, escribe a "
        "{contact}."
    ),
    "error.admin_no_such_person": (
        "No se encontró a nadie para «{who}». Indica a la persona por id de cuenta, por id de usuario, o como "
        "telegram:<id>, discord:<id> o console:<nombre>."
    ),
    "error.admin_ambiguous": (
        "«{who}» es un id de usuario en varias plataformas: indica cuál, p. ej. telegram:{who} o discord:{who}."
    ),
    "error.admin_bad_credits": "Los créditos deben ser un número entero del 1 al {limit}.",
    "error.admin_reason_required": (
        "Indica un motivo: se guarda en el registro de auditoría y la persona lo ve en /mydata."
    ),
    "error.busy": {
        "one": "Ahora mismo estoy muy ocupado. Vuelve a intentarlo dentro de {count} minuto. No se ha cobrado nada.",
        "many": "Ahora mismo estoy muy ocupado. Vuelve a intentarlo dentro de {count} minutos. No se ha cobrado nada.",
        "other": "Ahora mismo estoy muy ocupado. Vuelve a intentarlo dentro de {count} minutos. No se ha cobrado nada.",
    },
    "error.temporarily_unavailable": "Algo no está disponible temporalmente. Vuelve a intentarlo dentro de un minuto.",
    "error.task_lost": "Se perdió durante un reinicio de nuestro sistema.",
    "error.cancelled": "La cancelaste tú.",
    "error.nothing_to_cancel": "No tienes nada esperando en la cola que cancelar.",
    "error.already_started": (
        "Ya es tarde para cancelar: el servicio de imágenes ya la está creando y no puede detenerse. El resultado "
        "llegará aquí como siempre."
    ),
    "error.already_finished": "Esa solicitud ya ha terminado, así que no hay nada que cancelar.",
    "error.not_yours": "Solo quien hizo esta solicitud puede cancelarla.",
    "error.link_code_invalid": (
        "Ese código de vinculación es incorrecto, ha caducado o ya se ha usado. Envía /link en tu otra cuenta para "
        "obtener uno nuevo y luego envía /link <código> aquí."
    ),
    "error.link_same_platform": (
        "La cuenta a la que quieres unirte ya tiene una identidad de {platform}, y cada cuenta tiene una por "
        "plataforma. Para reemplazarla, envía primero /unlink {platform} allí."
    ),
    "error.link_two_plans": (
        "Las dos cuentas tienen un plan, y una cuenta unida solo puede tener uno. Cancela primero uno de ellos "
        "(/billing en esa cuenta abre el portal de facturación) y vuelve a vincularlas. No se ha cambiado nada."
    ),
    "error.link_in_flight": (
        "Esta cuenta todavía tiene una imagen en proceso. Vuelve a vincularla cuando haya llegado. No se ha cambiado "
        "nada."
    ),
    "error.already_linked": "Esta cuenta ya está vinculada a esa. Consulta /accounts.",
    "error.unlink_last": (
        "Es la única identidad de esta cuenta, así que no se puede desvincular. Para eliminar la cuenta, usa /deleteme."
    ),
    "error.unlink_not_linked": (
        "Esta cuenta no tiene ninguna identidad de {platform} que desvincular. Envía /accounts para ver las vinculadas."
    ),
    "error.internal": "Algo salió mal por nuestra parte (id de error {error_id}). Vuelve a intentarlo.",
    "reason_policy": "va en contra de la política de contenido.",
    "failed_reason.prompt_rejected": "Esta descripción no se puede usar: {reason}",
    # linking accounts across platforms (/link, /accounts, /unlink)
    "platform.telegram": "Telegram",
    "platform.discord": "Discord",
    "platform.console": "consola",
    "link_code": (
        "Tu código de vinculación: {code}\n"
        "Envía /link {code} desde tu cuenta en otra plataforma para usar una sola cuenta, con un solo saldo, en todas "
        "partes. El código funciona una sola vez y durante {wait}. No lo compartas: quien lo use compartirá tus "
        "créditos, tu plan y tu historial."
    ),
    "link_confirm": (
        "Tu cuenta de {platform} compartirá créditos, plan e historial con el usuario de {issuer_platform} {issuer}."
    ),
    "link_merge": (
        "Las dos cuentas tienen historial, así que se unirán en una:\n"
        "• los créditos de pago se suman: {credits_here} aquí + {credits_there} allí = {credits_total}\n"
        "• las imágenes gratis de hoy cuentan una sola vez: {free_used} de {free_per_day} usadas (la cifra más alta de "
        "las dos)\n"
        "• todo lo creado aquí (imágenes: {images}, pagos: {payments}) pasa a la cuenta unida, que conserva sus "
        "ajustes\n"
        "• {plan_line}"
    ),
    "link_merge_no_free": (
        "Las dos cuentas tienen historial, así que se unirán en una:\n"
        "• los créditos de pago se suman: {credits_here} aquí + {credits_there} allí = {credits_total}\n"
        "• todo lo creado aquí (imágenes: {images}, pagos: {payments}) pasa a la cuenta unida, que conserva "
        "sus ajustes\n"
        "• {plan_line}"
    ),
    "link_plan_kept": "plan: {plan} se queda en la cuenta unida",
    "link_no_plan": "plan: ninguna de las dos cuentas tiene uno",
    "link_confirm_console": "Para confirmar, envía: /link {code} yes",
    "link_button_yes": "Vincular cuentas",
    "link_button_no": "Cancelar",
    "link_cancelled": "No se ha vinculado nada.",
    "link_done": (
        "¡Vinculadas! Esta cuenta de {platform} comparte ahora créditos, plan e historial con el usuario de "
        "{issuer_platform} {issuer}.\n"
        "Créditos de pago: {credits}. Imágenes gratis que te quedan hoy: {free_left} de {free_per_day}."
    ),
    "link_done_no_free": (
        "¡Vinculadas! Esta cuenta de {platform} comparte ahora créditos, plan e historial con el usuario de "
        "{issuer_platform} {issuer}.\n"
        "Créditos de pago: {credits}."
    ),
    "link_done_already": "Esta cuenta ya está vinculada a esa. Consulta /accounts.",
    "accounts_list": "Esta cuenta se usa desde:\n{lines}",
    "accounts_line": "• {platform}: {label}",
    "accounts_line_you": "• {platform}: {label} (tú, aquí)",
    "accounts_hint": "Para añadir otra plataforma, envía /link. Para desvincular una, envía /unlink {platform}.",
    "accounts_hint_one": "Para usar esta cuenta también en otra plataforma, envía /link.",
    "unlinked": (
        "Se ha desvinculado {platform} de esta cuenta. El historial se queda en la cuenta; en {platform} se empezará "
        "de cero con el próximo /start."
    ),
    "unlinked_you": (
        "Esta identidad de {platform} ya no está vinculada a la cuenta. El historial se queda en la cuenta; envía "
        "/start para empezar de cero aquí."
    ),
    "delete_identities": "Esto elimina la cuenta para todas las identidades vinculadas a ella: {identities}.",
    # telegram
    "status_pending": "⏳ Trabajando en ello…",
    "status_done": {
        "one": "✅ Listo: {count} imagen, aquí abajo.",
        "many": "✅ Listo: {count} imágenes, aquí abajo.",
        "other": "✅ Listo: {count} imágenes, aquí abajo.",
    },
    "result_actions": "Más como esta, o los archivos originales:",
    "buy_button": "💳 Comprar créditos",
    "settings_button_file": "📎 Enviar como archivo",
    "settings_button_notify": "🔔 Notificaciones",
    "stars_refused": "Esta factura ya no es válida. Envía /buy para obtener una nueva.",
    "stars_wrong_account": "Esta factura se creó para otra cuenta. Envía /buy para obtener la tuya.",
    "photo_hint": (
        "¡Bonita foto! Para editarla, respóndela con /imagine <qué cambiar>, o vuelve a enviarla con eso como pie de "
        "foto."
    ),
    "unusable_sticker": (
        "No puedo usar stickers. Describe una imagen (aquí cualquier mensaje sirve como descripción), o envía una foto "
        "con un pie de foto que diga qué cambiar."
    ),
    "unusable_animation": (
        "No puedo usar GIF ni animaciones. Envía una foto fija con un pie de foto que diga qué cambiar, o describe una "
        "imagen nueva."
    ),
    "unusable_voice": "No puedo escuchar mensajes de voz ni de audio. Escribe lo que quieres que dibuje.",
    "unusable_video": (
        "No puedo usar vídeos. Envía una foto fija con un pie de foto que diga qué cambiar, o describe una imagen "
        "nueva."
    ),
    "unusable_document": (
        "Solo puedo usar imágenes (PNG, JPEG o WebP). Envía una foto con un pie de foto que diga qué cambiar, o "
        "describe una imagen nueva."
    ),
    "preview_title": "VISTA PREVIA SIN CONEXIÓN",
    "preview_footer": (
        "Vista previa de {width}x{height} px de una imagen de {nominal_width}x{nominal_height} ({resolution}, "
        "{aspect_ratio}) · semilla {seed}"
    ),
    "preview_references": {
        "one": " · editada a partir de {count} referencia",
        "many": " · editada a partir de {count} referencias",
        "other": " · editada a partir de {count} referencias",
    },
    "reference_too_large": "Esa imagen es demasiado grande para descargarla (más de {mb} MB). Envía una más pequeña.",
    "reference_download_failed": "No pude descargar esa imagen. Vuelve a enviarla.",
    "reference_no_file": "No hay ningún archivo de imagen en {path}.",
    "reference_invalid": "La referencia debe ser una imagen PNG, JPEG o WebP de menos de 20 MB.",
    "command.start": "Empezar y aceptar las condiciones",
    "command.imagine": "Crear imágenes: /imagine <descripción> [--ar 16:9] [--res 2K] [--n 1-4]",
    "command.cancel": "Cancelar una solicitud que aún espera en la cola",
    "command.balance": "Imágenes gratis que te quedan hoy y tus créditos",
    "command.buy": "Comprar créditos o un plan",
    "command.billing": "Gestionar tu plan",
    "command.settings": "Idioma, relación de aspecto, resolución, notificaciones",
    "command.mydata": "Exportar todo lo que guardamos sobre ti",
    "command.deleteme": "Eliminar tu cuenta y tus datos",
    "command.privacy": "Nuestra política de privacidad",
    "command.terms": "Nuestras condiciones de uso",
    "command.regenerate": "Repetir tu última imagen (o /regenerate <id>)",
    "command.vary": "Una variación de tu última imagen (o /vary <id>)",
    "command.paysupport": "Ayuda con un pago",
    "command.help": "Lo que puedo hacer",
    "command.link": "Usar una sola cuenta en Telegram, Discord y la consola",
    "command.accounts": "Las plataformas vinculadas a tu cuenta",
    "command.unlink": "Desvincular una plataforma de tu cuenta",
    "command.admin": "Herramientas de administración: /admin help",
    # Discord slash commands (descriptions ≤ 100 characters; command and option names stay English)
    "discord.command.start": "Empezar: acepta las condiciones para comenzar",
    "discord.command.imagine": "Crear imágenes a partir de una descripción",
    "discord.command.regenerate": "Repetir tu última solicitud",
    "discord.command.vary": "Una variación de tu última imagen",
    "discord.option.prompt": "Qué dibujar",
    "discord.option.aspect_ratio": "Forma de la imagen (por defecto: tu ajuste)",
    "discord.option.resolution": "1K, 2K o 4K (por defecto: tu ajuste)",
    "discord.option.count": "Cuántas imágenes (1-4)",
    "discord.option.reference": "Una imagen para editar o para inspirarte",
    "discord.option.request": "El id de la solicitud (por defecto: tu última solicitud aún en espera)",
    "discord.option.code": "El código que te dio /link en tu otra plataforma (déjalo vacío para obtener uno)",
    "discord.option.platform": "La plataforma que quieres desvincular (su historial se queda en la cuenta)",
    "discord.choice.auto": "auto",
}
