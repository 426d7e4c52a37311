"""Brazilian Portuguese texts (você): the same keys and placeholders as `core.locales.en`."""

TEXTS: dict[str, str | dict[str, str]] = {
    # onboarding
    "welcome": (
        "Boas-vindas ao GPT-Image-2! Eu transformo suas palavras em imagens.\n"
        "Antes de começar, leia nossos termos de uso (/terms) e nossa política de privacidade (/privacy) e confirme "
        "que você os aceita e que tem 13 anos ou mais."
    ),
    "welcome_back": (
        "Que bom ter você de volta! Envie /imagine <descrição> para criar uma imagem, ou /help para ver tudo o que eu "
        "sei fazer."
    ),
    "consent_accepted": {
        "one": (
            "Obrigado! Agora você já pode criar imagens: /imagine <descrição>. Você ganha {count} imagem grátis todos "
            "os dias."
        ),
        "many": (
            "Obrigado! Agora você já pode criar imagens: /imagine <descrição>. Você ganha {count} imagens grátis todos "
            "os dias."
        ),
        "other": (
            "Obrigado! Agora você já pode criar imagens: /imagine <descrição>. Você ganha {count} imagens grátis todos "
            "os dias."
        ),
    },
    "consent_accepted_paid": (
        "Obrigado! Agora você já pode criar imagens: /imagine <descrição>. Cada imagem custa créditos."
    ),
    "consent_age_required": "Desculpe, o GPT-Image-2 é só para pessoas com 13 anos ou mais.",
    "consent_prompt_console": (
        "Envie /accept para aceitar os termos e a política de privacidade e confirmar que você tem 13 anos ou mais (ou "
        "/decline, se não for o caso)."
    ),
    "consent_needed_console": "Primeiro aceite os termos: envie /accept (leia-os com /terms e /privacy).",
    "consent_changed": (
        "Atualizamos {documents}. {read}\n"
        "Para continuar criando imagens, aceite a nova versão e confirme que você tem 13 anos ou mais."
    ),
    "consent_changed_documents.terms": "nossos termos de uso",
    "consent_changed_documents.privacy": "nossa política de privacidade",
    "consent_changed_documents.both": "nossos termos de uso e nossa política de privacidade",
    "consent_changed_what": "O que mudou: {url}",
    "consent_changed_read": "Texto completo: {url}",
    "consent_changed_read.terms": "Leia-os com /terms.",
    "consent_changed_read.privacy": "Leia-a com /privacy.",
    "consent_changed_read.both": "Leia-os com /terms e /privacy.",
    "consent_declined_update": (
        "Entendido. Até você aceitar a nova versão, não dá para criar imagens, mas sua conta continua como está: "
        "/mydata exporta seus dados e /deleteme os exclui. Vamos perguntar de novo na próxima vez."
    ),
    "announcement.policy": ("📣 Nossa política de privacidade mudou.\n\n{text}\n\n{read}"),
    "announcement.terms": ("📣 Nossos termos de uso mudaram.\n\n{text}\n\n{read}"),
    "announcement.news": ("📣 {text}\n\n(Você pode desativar mensagens como esta em /settings.)"),
    "announcement_accept_next": "Antes da sua próxima imagem, vamos pedir que você aceite a nova versão.",
    "consent_button_accept": "Aceito e tenho 13+",
    "consent_button_decline": "Não, obrigado",
    "help": (
        "Comandos:\n"
        "/imagine <descrição> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] — cria imagens\n"
        "Para editar uma foto, responda a ela com /imagine <o que mudar>, ou envie a foto com isso na legenda.\n"
        "Em um chat privado, qualquer mensagem também vale como descrição.\n"
        "/regenerate [id] — repete seu último pedido; /vary [id] — uma variação da sua última imagem\n"
        "/cancel — cancela seu último pedido que ainda está na fila (o que estava reservado volta na hora)\n"
        "/balance — imagens grátis que restam hoje e seus créditos\n"
        "{buy}/settings — idioma, proporção e resolução padrão, arquivos, notificações\n"
        "/link [código] — usa uma só conta no Telegram, no Discord e no console; /accounts — plataformas vinculadas; "
        "/unlink <plataforma> — desvincula uma\n"
        "/mydata — exporta tudo o que guardamos sobre você\n"
        "/deleteme — exclui sua conta e seus dados\n"
        "/terms — termos de uso; /privacy — nossa política de privacidade\n"
        "/start — começar de novo, /help — esta lista\n"
        "Observações: 4K não está disponível para 1:1, e a proporção auto só funciona em 1K."
    ),
    "help_console": (
        "Comandos:\n"
        "/start e depois /accept (ou /decline) — aceita os termos e confirma que você tem 13 anos ou mais\n"
        "/imagine <descrição> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] [--ref <arquivo de imagem>] "
        "— cria imagens; --ref edita um arquivo de imagem (repita para usar vários)\n"
        "Uma linha que não é um comando também vale como descrição.\n"
        "/regenerate [id] — repete seu último pedido; /vary [id] — uma variação da sua última imagem\n"
        "/cancel [id] — cancela um pedido que ainda está na fila (o que estava reservado volta na hora)\n"
        "/balance — imagens grátis que restam hoje e seus créditos\n"
        "{buy}/settings [lang|ar|res|file|notify <valor>] — seu idioma e suas preferências padrão\n"
        "/link [código] — usa uma só conta no Telegram, no Discord e no console; /accounts — plataformas vinculadas; "
        "/unlink <plataforma> — desvincula uma\n"
        "/mydata — exporta tudo o que guardamos sobre você\n"
        "/deleteme — exclui sua conta e seus dados\n"
        "/terms — termos de uso; /privacy — nossa política de privacidade\n"
        "/help — esta lista. Ctrl-D (ou Ctrl-C) para sair.\n"
        "Observações: 4K não está disponível para 1:1, e a proporção auto só funciona em 1K."
    ),
    "help_buy": (
        "/buy — compra créditos ou um plano; /billing — gerencia seu plano; /paysupport — ajuda com um pagamento\n"
    ),
    "help_buy_console": (
        "/buy [produto] — compra créditos ou um plano; /billing — gerencia seu plano; /paysupport — ajuda com um "
        "pagamento\n"
    ),
    "help_buy_discord": ("/buy — compra créditos ou um plano\n/billing — gerencia seu plano\n"),
    "console_banner": (
        "Chat de console do GPT-Image-2. Digite /help para ver os comandos e /start para começar; qualquer outra linha "
        "é uma descrição. Ctrl-D ou Ctrl-C para sair."
    ),
    "unknown_command": "Não conheço esse comando. Veja o que eu sei fazer:",
    "privacy": (
        "Privacidade, em resumo:\n"
        "• Guardamos sua conta (nome de exibição, idioma, suas configurações, seu consentimento), suas descrições "
        "(prompts), as imagens criadas para você, seu histórico de créditos e seus registros de pagamento (nunca os "
        "dados do cartão: quem cuida dos pagamentos é a Creem), e um registro do que nossos administradores fizeram na "
        "sua conta (créditos adicionados ou retirados, uma suspensão, uma consulta à sua conta).\n"
        "• As descrições, e qualquer imagem que você me peça para editar, são enviadas ao nosso provedor de IA "
        "(KIE.ai) para criar as imagens; antes disso, as descrições passam por uma verificação. Os pagamentos são "
        "processados pela Creem. Não vendemos seus dados.\n"
        "• /mydata exporta tudo o que guardamos sobre você; /deleteme exclui sua conta, descrições, imagens e "
        "registros; em /settings você pode deixar de receber mensagens não essenciais.\n"
        "• Depois de uma exclusão, guardamos só o que impede o abuso dos nossos limites de uso: um hash com chave do "
        "seu id na plataforma (que não pode ser convertido de volta no id), com as imagens grátis usadas hoje (até o "
        "fim do dia em UTC) e qualquer saldo não pago. Nada mais sobre você.\n"
        "• O serviço não é para menores de 13 anos.\n"
        "Dúvidas sobre privacidade: {contact}"
    ),
    "privacy_link": "A política de privacidade completa: {url}",
    "terms": (
        "Termos de uso, em resumo:\n"
        "• O GPT-Image-2 é para pessoas com 13 anos ou mais.\n"
        "• Não peça conteúdo ilegal ou nocivo nem conteúdo que viole direitos de outras pessoas; as descrições passam "
        "por verificação e podem ser recusadas.\n"
        "• As imagens são feitas por IA e podem ter imperfeições; você é responsável pelo uso que fizer delas.\n"
        "• Cada imagem usa imagens grátis do dia ou créditos; uma imagem que não pode ser feita é reembolsada. "
        "Créditos não usados são perdidos quando você exclui sua conta.\n"
        "• Contas que abusarem do serviço podem ser suspensas.\n"
        "Dúvidas: {contact}"
    ),
    "terms_link": "Os termos completos: {url}",
    # generation
    "queued": {
        "one": "Na fila: {count} imagem, {cost}. Vou enviar o resultado aqui.",
        "many": "Na fila: {count} imagens, {cost}. Vou enviar os resultados aqui.",
        "other": "Na fila: {count} imagens, {cost}. Vou enviar os resultados aqui.",
    },
    "queued_shared": {
        "one": "Na fila: {count} imagem. Vou enviar o resultado aqui.",
        "many": "Na fila: {count} imagens. Vou enviar os resultados aqui.",
        "other": "Na fila: {count} imagens. Vou enviar os resultados aqui.",
    },
    "queued_place": {
        "one": "Na fila: {count} imagem, {cost}. {place} Vou enviar o resultado aqui.",
        "many": "Na fila: {count} imagens, {cost}. {place} Vou enviar os resultados aqui.",
        "other": "Na fila: {count} imagens, {cost}. {place} Vou enviar os resultados aqui.",
    },
    "queued_shared_place": {
        "one": "Na fila: {count} imagem. {place} Vou enviar o resultado aqui.",
        "many": "Na fila: {count} imagens. {place} Vou enviar os resultados aqui.",
        "other": "Na fila: {count} imagens. {place} Vou enviar os resultados aqui.",
    },
    "place_next": "Seu pedido é o próximo: pronto em cerca de {eta}.",
    "place_in_line": "Seu pedido é o nº {position} da fila: pronto em cerca de {eta}.",
    "cost_free": {
        "one": "{count} grátis",
        "many": "{count} grátis",
        "other": "{count} grátis",
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
        "one": "{count} imagem",
        "many": "{count} imagens",
        "other": "{count} imagens",
    },
    "n_free_images": {
        "one": "{count} imagem grátis",
        "many": "{count} imagens grátis",
        "other": "{count} imagens grátis",
    },
    "free_left_today": {
        "one": "resta {count} imagem grátis hoje",
        "many": "restam {count} imagens grátis hoje",
        "other": "restam {count} imagens grátis hoje",
    },
    "progress_generating": "Gerando… {done}/{count} prontas",
    "progress_storing": {
        "one": "Quase lá: salvando sua imagem…",
        "many": "Quase lá: salvando suas imagens…",
        "other": "Quase lá: salvando suas imagens…",
    },
    "done": "Pronto: “{prompt}” — {free_left} e {credits}.",
    "done_credits": "Pronto: “{prompt}” — saldo: {credits}.",
    "done_shared": "Pronto: “{prompt}”",
    "done_paths": "Salvo em:",
    "partial": {
        "one": "Imagens feitas: {made} de {count}; o que estava reservado para as outras foi devolvido.",
        "many": "Imagens feitas: {made} de {count}; o que estava reservado para as outras foi devolvido.",
        "other": "Imagens feitas: {made} de {count}; o que estava reservado para as outras foi devolvido.",
    },
    "console_after": "Mais como esta: /regenerate {id} · usar a primeira imagem como referência: /vary {id}",
    "failed": {
        "one": (
            "Desculpe, não foi possível fazer sua imagem: {reason} Nada foi cobrado: o que estava reservado para ela "
            "foi devolvido."
        ),
        "many": (
            "Desculpe, não foi possível fazer suas imagens: {reason} Nada foi cobrado: o que estava reservado para "
            "elas foi devolvido."
        ),
        "other": (
            "Desculpe, não foi possível fazer suas imagens: {reason} Nada foi cobrado: o que estava reservado para "
            "elas foi devolvido."
        ),
    },
    "cancel_button": "✖ Cancelar",
    "cancelled": "Cancelado. Nada foi feito, e o que estava reservado foi devolvido: {refund}.",
    "cancelled_free_of_charge": "Cancelado. Nada foi feito e nada foi cobrado.",
    "cancelled_shared": "Cancelado. Nada foi feito, e o que estava reservado foi devolvido.",
    "refund_mixed": "{free} e {credits}",
    "regenerate_button": "🔁 Gerar de novo",
    "vary_button": "🎨 Variar",
    "original_button": "🖼 Arquivo original",
    # balance / billing
    "balance": (
        "Imagens grátis que restam hoje: {free_left} de {free_per_day}\nCréditos pagos: {credits}\nPlano: {plan}"
    ),
    "balance_no_free": "Créditos pagos: {credits}\nPlano: {plan}",
    "plan_none": "nenhum",
    "prices": "Créditos por imagem: 1K = {p1}, 2K = {p2}, 4K = {p4}.",
    "products_header": "Escolha um pacote ou plano:",
    "product_line": {
        "one": "{label} — {price} ({count} crédito{per_month})",
        "many": "{label} — {price} ({count} créditos{per_month})",
        "other": "{label} — {price} ({count} créditos{per_month})",
    },
    "per_month": " por mês",
    "checkout_link": "Pague {label} aqui: {url}",
    "portal_link": "Gerencie seu plano aqui: {url}",
    "billing_plan": "Seu plano: {plan}",
    "no_products": "Não há nada à venda no momento.",
    "payment_received": {
        "one": "Pagamento recebido: {count} crédito adicionado. Seus créditos agora: {balance}.",
        "many": "Pagamento recebido: {count} créditos adicionados. Seus créditos agora: {balance}.",
        "other": "Pagamento recebido: {count} créditos adicionados. Seus créditos agora: {balance}.",
    },
    "plan_renewed": {
        "one": "Seu plano foi renovado: {count} crédito adicionado. Seus créditos agora: {balance}.",
        "many": "Seu plano foi renovado: {count} créditos adicionados. Seus créditos agora: {balance}.",
        "other": "Seu plano foi renovado: {count} créditos adicionados. Seus créditos agora: {balance}.",
    },
    "plan_ended": (
        "Seu plano terminou; não serão adicionados mais créditos mensais. Seus créditos continuam sendo seus."
    ),
    # a plan's status (Creem's subscription states): what it means and what to do, in /balance …
    "plan_state.active": "{plan}",
    "plan_state.trialing": "{plan} (teste)",
    "plan_state.scheduled_cancel": "{plan} (termina no fim deste período; retome-o em /billing)",
    "plan_state.past_due": (
        "{plan} (um pagamento falhou e está sendo tentado de novo; atualize sua forma de pagamento em /billing)"
    ),
    "plan_state.unpaid": "{plan} (suspenso: falta o pagamento; pague ou atualize sua forma de pagamento em /billing)",
    "plan_state.paused": "{plan} (pausado: sem créditos mensais até você retomá-lo em /billing)",
    "plan_state.expired": "{plan} (expirado sem pagamento: sem créditos mensais; renove-o em /billing)",
    # … and as a notice when it changes
    "plan_status.active": "Seu plano {plan} está ativo de novo. Os créditos mensais são adicionados a cada pagamento.",
    "plan_status.trialing": "Seu período de teste do {plan} começou.",
    "plan_status.scheduled_cancel": (
        "Seu plano {plan} vai terminar no fim do período atual; até lá, nada muda. Mudou de ideia? Retome-o em "
        "/billing."
    ),
    "plan_status.past_due": (
        "O pagamento do seu plano {plan} falhou. Ele será tentado de novo; para manter seu plano, atualize sua forma "
        "de pagamento em /billing."
    ),
    "plan_status.unpaid": (
        "Seu plano {plan} está suspenso porque o pagamento não pôde ser cobrado: nenhum crédito mensal é adicionado. "
        "Pague ou atualize sua forma de pagamento em /billing para continuar."
    ),
    "plan_status.paused": (
        "Seu plano {plan} está pausado: nenhum crédito mensal é adicionado até você retomá-lo em /billing. Seus "
        "créditos continuam sendo seus."
    ),
    "plan_status.expired": (
        "Seu plano {plan} expirou: o período terminou sem pagamento, então nenhum crédito mensal é adicionado. O "
        "pagamento ainda pode ser tentado de novo; atualize sua forma de pagamento em /billing para renovar, ou "
        "cancele o plano por lá."
    ),
    "payment_reversed": {
        "one": (
            "Um pagamento foi reembolsado ou contestado: {count} crédito foi retirado. Seus créditos agora: {balance}."
        ),
        "many": (
            "Um pagamento foi reembolsado ou contestado: {count} créditos foram retirados. Seus créditos agora: "
            "{balance}."
        ),
        "other": (
            "Um pagamento foi reembolsado ou contestado: {count} créditos foram retirados. Seus créditos agora: "
            "{balance}."
        ),
    },
    "payment_page_title": "Obrigado!",
    "payment_page": (
        "Seu pagamento está sendo confirmado. Seus créditos vão aparecer no chat em instantes — você pode fechar esta "
        "página e voltar para o bot."
    ),
    "payment_page_unverified_title": "Status do pagamento desconhecido",
    "payment_page_unverified": (
        "Não conseguimos verificar este link. Se você pagou, seus créditos vão aparecer no chat assim que o pagamento "
        "for confirmado."
    ),
    "paysupport": "Dúvidas sobre um pagamento? Escreva para {contact} com os detalhes do pagamento e nós vamos ajudar.",
    "stars_button": {
        "one": "⭐ {count} Estrela",
        "many": "⭐ {count} Estrelas",
        "other": "⭐ {count} Estrelas",
    },
    "pay_with_card": "💳 {price}",
    # privacy
    "export_ready": "Aqui está tudo o que guardamos sobre você: mydata.json e suas imagens, em um zip.",
    "export_ready_parts": {
        "one": "Aqui está tudo o que guardamos sobre você: mydata.json e suas imagens, em {count} arquivo zip.",
        "many": "Aqui está tudo o que guardamos sobre você: mydata.json e suas imagens, em {count} arquivos zip.",
        "other": "Aqui está tudo o que guardamos sobre você: mydata.json e suas imagens, em {count} arquivos zip.",
    },
    "export_kept": {
        "one": (
            "Aqui está tudo o que guardamos sobre você (mydata.json e suas imagens, compactados em zip); o arquivo "
            "será excluído em {count} minuto:"
        ),
        "many": (
            "Aqui está tudo o que guardamos sobre você (mydata.json e suas imagens, compactados em zip); o arquivo "
            "será excluído em {count} minutos:"
        ),
        "other": (
            "Aqui está tudo o que guardamos sobre você (mydata.json e suas imagens, compactados em zip); o arquivo "
            "será excluído em {count} minutos:"
        ),
    },
    "export_nothing": "Não guardamos nenhum dado sobre você.",
    "delete_confirm": {
        "one": (
            "Isto exclui para sempre sua conta, descrições, imagens, créditos e registros de pagamento. Créditos não "
            "usados são perdidos; as imagens grátis usadas hoje e qualquer saldo não pago continuam contando se você "
            "voltar (veja /privacy). Para confirmar, envie: /deleteme {code} (válido por {count} minuto). Para manter "
            "tudo, envie /deleteme cancel."
        ),
        "many": (
            "Isto exclui para sempre sua conta, descrições, imagens, créditos e registros de pagamento. Créditos não "
            "usados são perdidos; as imagens grátis usadas hoje e qualquer saldo não pago continuam contando se você "
            "voltar (veja /privacy). Para confirmar, envie: /deleteme {code} (válido por {count} minutos). Para manter "
            "tudo, envie /deleteme cancel."
        ),
        "other": (
            "Isto exclui para sempre sua conta, descrições, imagens, créditos e registros de pagamento. Créditos não "
            "usados são perdidos; as imagens grátis usadas hoje e qualquer saldo não pago continuam contando se você "
            "voltar (veja /privacy). Para confirmar, envie: /deleteme {code} (válido por {count} minutos). Para manter "
            "tudo, envie /deleteme cancel."
        ),
    },
    "delete_confirm_buttons": (
        "Isto exclui para sempre sua conta, descrições, imagens, créditos e registros de pagamento. Créditos não "
        "usados são perdidos; as imagens grátis usadas hoje e qualquer saldo não pago continuam contando se você "
        "voltar (veja /privacy). Tem certeza?"
    ),
    "delete_button_yes": "Sim, excluir tudo",
    "delete_button_no": "Cancelar",
    "deleted": (
        "Sua conta e seus dados foram excluídos (guardamos só o hash com chave descrito em /privacy). Tchau! Envie "
        "/start se um dia quiser voltar."
    ),
    "delete_cancelled": "Exclusão cancelada. Nada foi excluído.",
    "nothing_to_delete": "Não guardamos nenhum dado sobre você, então não há nada para excluir.",
    # admin actions, as the person they concern is told
    "admin_granted": {
        "one": "Um administrador adicionou {count} crédito à sua conta ({reason}). Seus créditos agora: {balance}.",
        "many": "Um administrador adicionou {count} créditos à sua conta ({reason}). Seus créditos agora: {balance}.",
        "other": "Um administrador adicionou {count} créditos à sua conta ({reason}). Seus créditos agora: {balance}.",
    },
    "admin_revoked": {
        "one": "Um administrador retirou {count} crédito da sua conta ({reason}). Seus créditos agora: {balance}.",
        "many": "Um administrador retirou {count} créditos da sua conta ({reason}). Seus créditos agora: {balance}.",
        "other": "Um administrador retirou {count} créditos da sua conta ({reason}). Seus créditos agora: {balance}.",
    },
    "account_blocked": (
        "Sua conta foi suspensa por um administrador: não vou criar novas imagens nem aceitar pagamentos para ela. As "
        "imagens que já estão a caminho ainda chegam. Você ainda pode exportar seus dados (/mydata), excluir sua conta "
        "(/deleteme) e ler /privacy. Para perguntar sobre isso, escreva para {contact}."
    ),
    "account_unblocked": "Sua conta está ativa de novo. Envie /help para ver o que eu sei fazer.",
    # admin tools (only admins ever see these)
    "discord.admin": "Ferramentas de administração",
    "discord.admin.user": "Saldo, plano, últimas gerações e pagamentos de uma pessoa",
    "discord.admin.who": "ID da conta, ID de usuário ou telegram:<id> / discord:<id>",
    "discord.admin.prompts": "Mostrar também as descrições (fica registrado e a pessoa vê)",
    "discord.admin.grant": "Adicionar créditos pagos a uma pessoa",
    "discord.admin.revoke": "Retirar créditos pagos (nunca abaixo de zero)",
    "discord.admin.block": "Recusar tudo, exceto os direitos de privacidade de uma pessoa",
    "discord.admin.unblock": "Remover um bloqueio",
    "discord.admin.stats": "Pessoas, gerações, créditos, custo do provedor e a fila",
    "discord.admin.announce": "Avisar todo mundo, uma vez cada (ou ver o andamento)",
    "discord.admin.announce_kind": (
        "policy ou terms: mudança que todos precisam saber; news: pulada para quem desativou; status"
    ),
    "discord.admin.announce_text": "O que dizer a todos (não precisa para status)",
    "admin.usage": "Comandos de administração:",
    "admin.usage.user": (
        "/admin user <quem> [--prompts] — saldo, plano, últimas gerações, pagamentos (--prompts também mostra as "
        "descrições; esse acesso fica registrado e a pessoa o vê em /mydata)"
    ),
    "admin.usage.grant": "/admin grant <quem> <créditos> <motivo> — adiciona créditos pagos",
    "admin.usage.revoke": "/admin revoke <quem> <créditos> <motivo> — retira créditos pagos (nunca abaixo de zero)",
    "admin.usage.block": (
        "/admin block <quem> <motivo> — recusa tudo, exceto /mydata, /deleteme, /privacy, /terms e /help"
    ),
    "admin.usage.unblock": "/admin unblock <quem> [motivo] — remove um bloqueio",
    "admin.usage.stats": "/admin stats — pessoas, gerações, créditos, custo do provedor e a fila",
    "admin.usage.announce": (
        "/admin announce policy|terms|news <texto> — avisa todo mundo, uma vez cada pessoa (uma mudança de política ou "
        "de termos chega a todos; notícias pulam quem desativou as notificações); /admin announce status — até onde "
        "chegou"
    ),
    "admin.announced": (
        "Anúncio {id} ({kind}) registrado para {people}. O bot o envia com a prioridade mais baixa, uma vez para cada "
        "pessoa; /admin announce status mostra até onde chegou."
    ),
    "n_accounts": {
        "one": "{count} conta",
        "many": "{count} contas",
        "other": "{count} contas",
    },
    "admin.announced_already": "Já registrado: anúncio {id} ({kind}) deste comando; nada é enviado duas vezes.",
    "admin.announcements_none": "Ainda não há anúncios.",
    "admin.announcement": (
        "{id} {kind} · {at} UTC · {people} · “{text}”\n"
        "  enviados {sent} · bloqueados {blocked} · falharam {failed} · pulados {skipped} · incertos {uncertain} · "
        "restantes {remaining} · {eta}"
    ),
    "admin.announcement_done": "concluído",
    "admin.announcement_eta": "faltam cerca de {eta} (a {rate}/s)",
    "admin.announcement_stalled": "nada enviado nos últimos {wait}: o bot está rodando?",
    "admin.usage_who": "<quem>: um id de conta, um id de usuário, ou telegram:<id>, discord:<id>, console:<nome>.",
    "admin.usage_of": "Uso: {usage}",
    "admin.unknown_action": "Não existe o comando de administração “{action}”.",
    "admin.already": "Já feito: este comando já foi aplicado antes ({action} em {at}); nada mudou.",
    "admin.granted": "Adicionado para {who}: {credits}. Saldo dessa pessoa: {balance}.",
    "admin.revoked": "Retirado de {who}: {credits}. Saldo dessa pessoa: {balance}.",
    "admin.revoked_partly": {
        "one": (
            "Retirado de {who}: {credits} de {count} crédito pedido; uma retirada nunca deixa o saldo abaixo de zero. "
            "Saldo dessa pessoa: {balance}."
        ),
        "many": (
            "Retirado de {who}: {credits} de {count} créditos pedidos; uma retirada nunca deixa o saldo abaixo de "
            "zero. Saldo dessa pessoa: {balance}."
        ),
        "other": (
            "Retirado de {who}: {credits} de {count} créditos pedidos; uma retirada nunca deixa o saldo abaixo de "
            "zero. Saldo dessa pessoa: {balance}."
        ),
    },
    "admin.blocked": (
        "Bloqueio aplicado a {who}. A pessoa ainda pode usar /mydata, /deleteme, /privacy, /terms e /help; o trabalho "
        "em andamento termina."
    ),
    "admin.unblocked": "Bloqueio removido de {who}.",
    "admin.person": "{name} (conta {account})",
    "admin.user": (
        "Conta {account} — {name}, idioma {language}, desde {created}\n"
        "Identidades: {identities}\n"
        "Consentimento: {consent}; status: {status}\n"
        "Saldo: {free_left} de {free_per_day} imagens grátis restantes hoje, {credits}; plano: {plan}"
    ),
    "admin.user_active": "ativa",
    "admin.user_blocked": "bloqueada desde {at} ({reason})",
    "admin.user_being_deleted": "sendo excluída",
    "admin.user_consent_none": "não dado",
    "admin.user_generations": "Últimas gerações:",
    "admin.user_generation": "• {at} {id} {status}: {count}×{resolution}, {cost}{error}",
    "admin.user_generation_error": "; erro {code}",
    "admin.user_prompt": "   descrição: {prompt}",
    "admin.user_no_generations": "Nenhuma geração.",
    "admin.user_payments": "Últimos pagamentos:",
    "admin.user_payment": "• {at} {provider} {ref}: {credits}, {status}",
    "admin.user_no_payments": "Nenhum pagamento.",
    "admin.user_prompts_logged": (
        "Descrições exibidas: este acesso fica no registro de auditoria, e a pessoa o vê em /mydata."
    ),
    "admin.stats": (
        "Estatísticas (UTC), hoje / últimos 7 dias:\n"
        "Pessoas ativas: {active_today} / {active_week}\n"
        "Gerações pedidas: {requested_today} / {requested_week}\n"
        "Concluídas: entregues {delivered_today} / {delivered_week}; reembolsadas em parte {partly_today} / "
        "{partly_week}; reembolsadas {refunded_today} / {refunded_week}\n"
        "Créditos: vendidos {sold_today} / {sold_week}; usados {used_today} / {used_week}; reembolsados {back_today} / "
        "{back_week}; imagens grátis usadas {free_today} / {free_week}\n"
        "Tarefas do provedor: {tasks_today} / {tasks_week}; custo estimado do provedor: {cost_today} / {cost_week}\n"
        "Agora: na fila {queued}, em andamento {running}, em envio {undelivered}; pessoas com trabalho em andamento: "
        "{accounts}"
    ),
    "admin.stats_cost": "créditos KIE: {credits} ≈ ${usd}",
    # settings
    "settings": (
        "Suas configurações:\n"
        "Idioma: {language}\n"
        "Proporção: {aspect_ratio}\n"
        "Resolução: {resolution}\n"
        "Enviar como arquivo: {send_as_file}\n"
        "Notificações: {notifications}"
    ),
    "settings_usage": (
        "Para alterar: /settings lang <{languages}|auto>, /settings ar <auto|1:1|9:16|16:9|4:3|3:4>, /settings res "
        "<1K|2K|4K>, /settings file <on|off>, /settings notify <on|off>"
    ),
    "language_auto": "automático ({language})",
    "language_choose": "Escolha seu idioma:",
    "language_button_auto": "Automático (o do meu app)",
    "language_saved": "Idioma salvo: {language}.",
    "language_auto_saved": "Vou voltar a usar o idioma do seu app ({language}).",
    "language_unknown": "Ainda não falo esse idioma. Escolha um destes: {languages}, ou auto.",
    "settings_button_language": "🌐 Idioma",
    "settings_language_placeholder": "Idioma",
    "settings_saved": "Salvo.",
    "settings_4k_square": (
        "4K não está disponível com a proporção 1:1, então nada foi alterado. Escolha antes outra proporção (16:9, "
        "9:16, 4:3 ou 3:4), ou então 1K ou 2K."
    ),
    "settings_auto_1k": (
        "A proporção auto só faz imagens em 1K, então nada foi alterado. Escolha antes uma proporção como 16:9, ou "
        "então 1K."
    ),
    "option_unknown_ratio": "Proporção desconhecida: “{value}”. Use uma destas: {allowed}.",
    "option_unknown_resolution": "Resolução desconhecida: “{value}”. Use uma destas: {allowed}.",
    "option_count_range": "O número de imagens precisa estar entre 1 e {max}.",
    "option_count_not_number": "--n precisa ser um número de 1 a 4, não “{value}”.",
    "option_needs_value": "A opção --{option} precisa de um valor.",
    "option_unknown": "Opção desconhecida: --{option}. Opções: --ar, --res, --n.",
    "option_4k_square": "4K não está disponível para a proporção 1:1; use 1K ou 2K.",
    "option_auto_1k": "A proporção auto só funciona em 1K; escolha uma proporção como 16:9 para 2K ou 4K.",
    "on": "ativado",
    "off": "desativado",
    "private_note": "Enviei a resposta para você em uma mensagem privada.",
    "private_unreachable": "Primeiro inicie um chat privado comigo e depois tente de novo.",
    # discord
    "help_discord": (
        "Comandos:\n"
        "/imagine prompt: [aspect_ratio:] [resolution:] [count: 1-4] [reference: uma imagem] — cria imagens\n"
        "/cancel — cancela seu último pedido que ainda está na fila (o que estava reservado volta na hora)\n"
        "/balance — imagens grátis que restam hoje e seus créditos\n"
        "{buy}/settings — idioma, proporção e resolução padrão, notificações\n"
        "/regenerate — repete seu último pedido; /vary — uma variação da sua última imagem\n"
        "/link [code:] — usa uma só conta no Telegram, no Discord e no console; /accounts — plataformas vinculadas; "
        "/unlink platform: — desvincula uma\n"
        "/mydata — exporta tudo o que guardamos sobre você\n"
        "/deleteme — exclui sua conta e seus dados\n"
        "/terms — termos de uso, /privacy — nossa política de privacidade, /help — esta lista\n"
        "Botões abaixo de um resultado: Gerar de novo repete o mesmo pedido, Variar usa a primeira imagem como "
        "referência.\n"
        "Observações: 4K não está disponível para 1:1, e a proporção auto só funciona em 1K."
    ),
    "button_stale": "Este botão não funciona mais. Envie /help para ver o que eu sei fazer.",
    "image_too_large_link": "A imagem {index} é grande demais para anexar aqui; abra-a aqui: {url}",
    "image_too_large": "A imagem {index} é grande demais para anexar aqui.",
    "notify_button_on": "🔔 Notificações: ativadas",
    "notify_button_off": "🔕 Notificações: desativadas",
    "settings_ar_placeholder": "Proporção padrão",
    "settings_res_placeholder": "Resolução padrão",
    "billing_button": "Gerenciar plano",
    # errors
    "error.consent_required": "Primeiro aceite os termos: envie /start.",
    "error.consent_outdated": "Primeiro aceite nossos termos de uso ou nossa política de privacidade atualizados.",
    "error.not_registered": "Você ainda não tem uma conta: envie /start.",
    "error.prompt_empty": "Descreva a imagem: /imagine <descrição>.",
    "error.prompt_too_long": {
        "one": "Sua descrição é longa demais ({count} caractere; o limite é {limit}).",
        "many": "Sua descrição é longa demais ({count} caracteres; o limite é {limit}).",
        "other": "Sua descrição é longa demais ({count} caracteres; o limite é {limit}).",
    },
    "error.prompt_invalid_characters": (
        "Sua descrição tem caracteres que não consigo usar (um caractere nulo ou um emoji corrompido). Digite de novo "
        "e envie outra vez. Nada foi cobrado."
    ),
    "error.invalid_option": "{detail}",
    "error.too_many_references": {
        "one": "Imagens de referência demais: você pode usar no máximo {count}.",
        "many": "Imagens de referência demais: você pode usar no máximo {count}.",
        "other": "Imagens de referência demais: você pode usar no máximo {count}.",
    },
    "error.insufficient_credits": "Créditos insuficientes: isto precisa de {needed} e você tem {credits}.",
    "short_of_images": (
        "Créditos insuficientes: isto precisa de {images}; {free_left} e você tem {credits} (cada imagem além das "
        "grátis custa {unit_price} em {resolution})."
    ),
    "error.insufficient_credits_shared": (
        "Não há créditos suficientes para isto. Envie /balance para mim em um chat privado para ver os seus."
    ),
    "short_of_credits": {
        "one": (
            "Créditos insuficientes: {count} imagem em {resolution} precisa de {needed} e você tem {credits} (as "
            "imagens grátis vão só até {free_max})."
        ),
        "many": (
            "Créditos insuficientes: {count} imagens em {resolution} precisam de {needed} e você tem {credits} (as "
            "imagens grátis vão só até {free_max})."
        ),
        "other": (
            "Créditos insuficientes: {count} imagens em {resolution} precisam de {needed} e você tem {credits} (as "
            "imagens grátis vão só até {free_max})."
        ),
    },
    "short_of_credits_no_free": {
        "one": "Créditos insuficientes: {count} imagem em {resolution} precisa de {needed} e você tem {credits}.",
        "many": "Créditos insuficientes: {count} imagens em {resolution} precisam de {needed} e você tem {credits}.",
        "other": "Créditos insuficientes: {count} imagens em {resolution} precisam de {needed} e você tem {credits}.",
    },
    "short_negative_balance": (
        "Seu saldo de créditos é {credits} depois de um reembolso ou contestação, então novas imagens vão esperar até "
        "você recarregá-lo."
    ),
    "free_reset": "As imagens grátis renovam às {time} UTC, daqui a {wait}.",
    "hint_buy": "Compre créditos com /buy.",
    "hint_plans": "Veja os planos com /buy.",
    "error.rate_limited": {
        "one": "Você está indo rápido demais! Espere {count} segundo e tente de novo.",
        "many": "Você está indo rápido demais! Espere {count} segundos e tente de novo.",
        "other": "Você está indo rápido demais! Espere {count} segundos e tente de novo.",
    },
    "error.too_many_running": {
        "one": "Você já tem {count} geração em andamento. Espere até que ela termine.",
        "many": "Você já tem {count} gerações em andamento. Espere até que uma delas termine.",
        "other": "Você já tem {count} gerações em andamento. Espere até que uma delas termine.",
    },
    "error.prompt_rejected": "Esta descrição não pode ser usada: {reason} Nada foi cobrado.",
    "error.moderation_unavailable": (
        "No momento não consigo verificar descrições, então não posso gerar imagens. Nada foi cobrado."
    ),
    "error.provider_unavailable": "O serviço de imagens está indisponível no momento. Tente de novo mais tarde.",
    "error.generation_failed": "O serviço de imagens informou um erro.",
    "error.generation_timeout": "O serviço de imagens demorou demais.",
    "error.storage_failed": "Não consegui salvar o resultado.",
    "error.payments_disabled": "Os pagamentos não estão configurados neste bot.",
    "error.payments_unavailable": "O serviço de pagamentos está indisponível no momento. Tente de novo mais tarde.",
    "error.unknown_product": "Não conheço esse produto. Envie /buy para ver o que está disponível.",
    "error.not_found": "Não encontrei isso. Talvez tenha sido excluído.",
    "error.not_owner": "Só quem criou esta imagem pode usar este botão.",
    "error.no_generations": "Você ainda não tem imagens para usar. Envie /imagine <descrição> para criar uma.",
    "error.no_plan": "Você não tem um plano.",
    "error.confirmation_invalid": (
        "Esse código de confirmação está errado ou expirou. Envie /deleteme para receber um novo."
    ),
    "error.generation_in_progress": (
        "Suas imagens ainda estão sendo feitas. Confirme de novo quando elas ficarem prontas."
    ),
    "error.account_being_deleted": "Sua conta está sendo excluída, então não posso mais fazer isso.",
    "error.account_blocked": (
        "Desculpe, sua conta foi suspensa, então não posso fazer isso. Você ainda pode exportar seus dados (/mydata), "
        "excluir sua conta (/deleteme) e ler /privacy, /terms e /help. Para perguntar sobre isso, escreva para "
        "{contact}."
    ),
    "error.admin_no_such_person": (
        "Ninguém encontrado para “{who}”. Indique a pessoa pelo id da conta, pelo id de usuário, ou como "
        "telegram:<id>, discord:<id> ou console:<nome>."
    ),
    "error.admin_ambiguous": (
        "“{who}” é um id de usuário em várias plataformas: diga qual, por exemplo telegram:{who} ou discord:{who}."
    ),
    "error.admin_bad_credits": "Os créditos precisam ser um número inteiro de 1 a {limit}.",
    "error.admin_reason_required": "Informe um motivo: ele fica no registro de auditoria, e a pessoa o vê em /mydata.",
    "error.busy": {
        "one": "Estou muito ocupado agora. Tente de novo daqui a {count} minuto. Nada foi cobrado.",
        "many": "Estou muito ocupado agora. Tente de novo daqui a {count} minutos. Nada foi cobrado.",
        "other": "Estou muito ocupado agora. Tente de novo daqui a {count} minutos. Nada foi cobrado.",
    },
    "error.temporarily_unavailable": "Algo está temporariamente indisponível. Tente de novo daqui a um minuto.",
    "error.task_lost": "Perdemos o pedido durante uma reinicialização do nosso sistema.",
    "error.cancelled": "Você cancelou o pedido.",
    "error.nothing_to_cancel": "Você não tem nada na fila para cancelar.",
    "error.already_started": (
        "Tarde demais para cancelar: o serviço de imagens já está criando a imagem e não consegue parar. O resultado "
        "vai chegar aqui normalmente."
    ),
    "error.already_finished": "Esse pedido já terminou, então não há nada para cancelar.",
    "error.not_yours": "Só quem fez este pedido pode cancelá-lo.",
    "error.link_code_invalid": (
        "Esse código de vinculação está errado, expirou ou já foi usado. Envie /link na sua outra conta para receber "
        "um novo e depois envie /link <código> aqui."
    ),
    "error.link_same_platform": (
        "A conta à qual você quer se juntar já tem uma identidade do {platform}, e cada conta tem uma por plataforma. "
        "Para substituí-la, envie /unlink {platform} lá primeiro."
    ),
    "error.link_two_plans": (
        "As duas contas têm um plano, e uma conta unificada só pode ter um. Cancele um deles primeiro (/billing nessa "
        "conta abre o portal de cobrança) e depois vincule de novo. Nada foi alterado."
    ),
    "error.link_in_flight": (
        "Esta conta ainda tem uma imagem sendo feita. Vincule de novo quando ela chegar. Nada foi alterado."
    ),
    "error.already_linked": "Esta conta já está vinculada àquela. Veja /accounts.",
    "error.unlink_last": (
        "Essa é a única identidade desta conta, então ela não pode ser desvinculada. Para excluir a conta, use "
        "/deleteme."
    ),
    "error.unlink_not_linked": (
        "Esta conta não tem nenhuma identidade do {platform} para desvincular. Envie /accounts para ver as vinculadas."
    ),
    "error.internal": "Algo deu errado do nosso lado (id do erro {error_id}). Tente de novo.",
    "reason_policy": "vai contra a política de conteúdo.",
    "failed_reason.prompt_rejected": "Esta descrição não pode ser usada: {reason}",
    # linking accounts across platforms (/link, /accounts, /unlink)
    "platform.telegram": "Telegram",
    "platform.discord": "Discord",
    "platform.console": "console",
    "link_code": (
        "Seu código de vinculação: {code}\n"
        "Envie /link {code} da sua conta em outra plataforma para usar uma só conta, com um só saldo, em todo lugar. O "
        "código funciona uma única vez, por {wait}. Guarde-o só para você: quem usar o código compartilha seus "
        "créditos, plano e histórico."
    ),
    "link_confirm": (
        "Sua conta do {platform} vai compartilhar créditos, plano e histórico com o usuário {issuer} do "
        "{issuer_platform}."
    ),
    "link_merge": (
        "As duas contas têm histórico, então elas vão virar uma só:\n"
        "• os créditos pagos se somam: {credits_here} aqui + {credits_there} lá = {credits_total}\n"
        "• as imagens grátis de hoje contam uma vez só: {free_used} de {free_per_day} usadas (o maior valor das duas)\n"
        "• tudo o que foi feito aqui (imagens: {images}, pagamentos: {payments}) passa para a conta unificada, que "
        "mantém as configurações dela\n"
        "• {plan_line}"
    ),
    "link_merge_no_free": (
        "As duas contas têm histórico, então elas vão virar uma só:\n"
        "• os créditos pagos se somam: {credits_here} aqui + {credits_there} lá = {credits_total}\n"
        "• tudo o que foi feito aqui (imagens: {images}, pagamentos: {payments}) passa para a conta "
        "unificada, que mantém as configurações dela\n"
        "• {plan_line}"
    ),
    "link_plan_kept": "plano: {plan} fica com a conta unificada",
    "link_no_plan": "plano: nenhuma das contas tem um",
    "link_confirm_console": "Para confirmar, envie: /link {code} yes",
    "link_button_yes": "Vincular contas",
    "link_button_no": "Cancelar",
    "link_cancelled": "Nada foi vinculado.",
    "link_done": (
        "Vinculadas! Esta conta do {platform} agora compartilha créditos, plano e histórico com o usuário {issuer} do "
        "{issuer_platform}.\n"
        "Créditos pagos: {credits}. Imagens grátis que restam hoje: {free_left} de {free_per_day}."
    ),
    "link_done_no_free": (
        "Vinculadas! Esta conta do {platform} agora compartilha créditos, plano e histórico com o usuário "
        "{issuer} do {issuer_platform}.\n"
        "Créditos pagos: {credits}."
    ),
    "link_done_already": "Esta conta já está vinculada àquela. Veja /accounts.",
    "accounts_list": "Esta conta é usada a partir de:\n{lines}",
    "accounts_line": "• {platform}: {label}",
    "accounts_line_you": "• {platform}: {label} (você, aqui)",
    "accounts_hint": "Para adicionar outra plataforma, envie /link. Para desvincular uma, envie /unlink {platform}.",
    "accounts_hint_one": "Para usar esta conta também em outra plataforma, envie /link.",
    "unlinked": (
        "O {platform} não está mais vinculado a esta conta. O histórico fica com a conta; o {platform} começa do zero "
        "no próximo /start."
    ),
    "unlinked_you": (
        "Esta identidade do {platform} não está mais vinculada à conta. O histórico fica com a conta; envie /start "
        "para começar do zero aqui."
    ),
    "delete_identities": "Isto exclui a conta para todas as identidades vinculadas a ela: {identities}.",
    # telegram
    "status_pending": "⏳ Trabalhando nisso…",
    "status_done": {
        "one": "✅ Pronto: {count} imagem, aqui embaixo.",
        "many": "✅ Pronto: {count} imagens, aqui embaixo.",
        "other": "✅ Pronto: {count} imagens, aqui embaixo.",
    },
    "result_actions": "Mais como esta, ou os arquivos originais:",
    "buy_button": "💳 Comprar créditos",
    "settings_button_file": "📎 Enviar como arquivo",
    "settings_button_notify": "🔔 Notificações",
    "stars_refused": "Esta fatura não é mais válida. Envie /buy para receber uma nova.",
    "stars_wrong_account": "Esta fatura foi feita para outra conta. Envie /buy para receber a sua.",
    "photo_hint": (
        "Bela foto! Para editá-la, responda a ela com /imagine <o que mudar>, ou envie de novo com isso na legenda."
    ),
    "unusable_sticker": (
        "Não consigo usar figurinhas. Descreva uma imagem (aqui qualquer mensagem vale como descrição), ou envie uma "
        "foto com uma legenda dizendo o que mudar."
    ),
    "unusable_animation": (
        "Não consigo usar GIFs nem animações. Envie uma foto estática com uma legenda dizendo o que mudar, ou descreva "
        "uma nova imagem."
    ),
    "unusable_voice": "Não consigo ouvir mensagens de voz ou de áudio. Digite o que você quer que eu desenhe.",
    "unusable_video": (
        "Não consigo usar vídeos. Envie uma foto estática com uma legenda dizendo o que mudar, ou descreva uma nova "
        "imagem."
    ),
    "unusable_document": (
        "Só consigo usar imagens (PNG, JPEG ou WebP). Envie uma foto com uma legenda dizendo o que mudar, ou descreva "
        "uma nova imagem."
    ),
    "preview_title": "PRÉVIA OFFLINE",
    "preview_footer": (
        "Prévia de {width}x{height} px de uma imagem de {nominal_width}x{nominal_height} ({resolution}, "
        "{aspect_ratio}) · semente {seed}"
    ),
    "preview_references": {
        "one": " · editada a partir de {count} referência",
        "many": " · editada a partir de {count} referências",
        "other": " · editada a partir de {count} referências",
    },
    "reference_too_large": "Essa imagem é grande demais para eu baixar (mais de {mb} MB). Envie uma menor.",
    "reference_download_failed": "Não consegui baixar essa imagem. Envie de novo.",
    "reference_no_file": "Não há nenhum arquivo de imagem em {path}.",
    "reference_invalid": "A referência precisa ser uma imagem PNG, JPEG ou WebP com menos de 20 MB.",
    "command.start": "Começar e aceitar os termos",
    "command.imagine": "Criar imagens: /imagine <descrição> [--ar 16:9] [--res 2K] [--n 1-4]",
    "command.cancel": "Cancelar um pedido que ainda está na fila",
    "command.balance": "Imagens grátis que restam hoje e seus créditos",
    "command.buy": "Comprar créditos ou um plano",
    "command.billing": "Gerenciar seu plano",
    "command.settings": "Idioma, proporção, resolução, notificações",
    "command.mydata": "Exportar tudo o que guardamos sobre você",
    "command.deleteme": "Excluir sua conta e seus dados",
    "command.privacy": "Nossa política de privacidade",
    "command.terms": "Nossos termos de uso",
    "command.regenerate": "Refazer sua última imagem (ou /regenerate <id>)",
    "command.vary": "Uma variação da sua última imagem (ou /vary <id>)",
    "command.paysupport": "Ajuda com um pagamento",
    "command.help": "O que eu sei fazer",
    "command.link": "Usar uma só conta no Telegram, no Discord e no console",
    "command.accounts": "As plataformas vinculadas à sua conta",
    "command.unlink": "Desvincular uma plataforma da sua conta",
    "command.admin": "Ferramentas de administração: /admin help",
    # Discord slash commands (descriptions ≤ 100 characters; command and option names stay English)
    "discord.command.start": "Começar: aceite os termos para iniciar",
    "discord.command.imagine": "Criar imagens a partir de uma descrição",
    "discord.command.regenerate": "Repetir seu último pedido",
    "discord.command.vary": "Uma variação da sua última imagem",
    "discord.option.prompt": "O que desenhar",
    "discord.option.aspect_ratio": "Formato da imagem (padrão: sua configuração)",
    "discord.option.resolution": "1K, 2K ou 4K (padrão: sua configuração)",
    "discord.option.count": "Quantas imagens (1-4)",
    "discord.option.reference": "Uma imagem para editar ou para se inspirar",
    "discord.option.request": "O id do pedido (padrão: seu último pedido ainda na fila)",
    "discord.option.code": "O código que o /link te deu na outra plataforma (deixe vazio para receber um)",
    "discord.option.platform": "A plataforma a desvincular (o histórico fica com a conta)",
    "discord.choice.auto": "auto",
}
