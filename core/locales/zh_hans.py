"""Simplified Chinese texts ("你" throughout, full-width punctuation, a space between Chinese and Latin text or
numbers): the same keys and placeholders as `en.py`."""

from core.locales import Text

TEXTS: dict[str, Text] = {
    # onboarding
    "welcome": (
        "欢迎使用 GPT-Image-2！我能把你的文字变成图片。\n"
        "开始之前，请阅读我们的使用条款（/terms）和隐私政策（/privacy），并确认你接受它们且已年满 13 岁。"
    ),
    "welcome_back": "欢迎回来！发送 /imagine <提示词> 来生成图片，或发送 /help 查看我能做的所有事情。",
    "consent_accepted": {
        "other": "谢谢！现在你可以生成图片了：/imagine <提示词>。你每天有 {count} 张免费图片。",
    },
    "consent_accepted_paid": "谢谢！现在你可以生成图片了：/imagine <提示词>。每张图片都需要消耗积分。",
    "consent_age_required": "抱歉，GPT-Image-2 仅供年满 13 岁的用户使用。",
    "consent_prompt_console": (
        "发送 /accept 以接受使用条款和隐私政策，并确认你已年满 13 岁（如未满，请发送 /decline）。"
    ),
    "consent_needed_console": "请先接受条款：发送 /accept（可用 /terms 和 /privacy 阅读条款）。",
    "consent_changed": "我们更新了{documents}。{read}\n如需继续生成图片，请接受新版本并确认你已年满 13 岁。",
    "consent_changed_documents.terms": "使用条款",
    "consent_changed_documents.privacy": "隐私政策",
    "consent_changed_documents.both": "使用条款和隐私政策",
    "consent_changed_what": "更新内容：{url}",
    "consent_changed_read": "完整文本：{url}",
    "consent_changed_read.terms": "可用 /terms 查看。",
    "consent_changed_read.privacy": "可用 /privacy 查看。",
    "consent_changed_read.both": "可用 /terms 和 /privacy 查看。",
    "consent_declined_update": (
        "明白了。在你接受新版本之前，你将无法生成图片，但你的账户会保持原样：/mydata 可导出你的数据，/deleteme 可删除数"
        "据。下次会再次询问你。"
    ),
    "announcement.policy": "📣 我们的隐私政策已更新。\n\n{text}\n\n{read}",
    "announcement.terms": "📣 我们的使用条款已更新。\n\n{text}\n\n{read}",
    "announcement.news": "📣 {text}\n\n（你可以在 /settings 中关闭此类消息。）",
    "announcement_accept_next": "在生成下一张图片之前，你需要先接受新版本。",
    "consent_button_accept": "我接受，且已年满 13 岁",
    "consent_button_decline": "不了，谢谢",
    "help": (
        "命令：\n"
        "/imagine <提示词> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] — 生成图片\n"
        "要编辑照片，请用 /imagine <要修改的内容> 回复这张照片，或发送照片时把修改内容写在说明文字里。\n"
        "在私聊中，任何消息都会被当作提示词。\n"
        "/regenerate [id] — 重新执行你最近的请求；/vary [id] — 生成你最近一张图片的变体\n"
        "/cancel — 取消你最近一个仍在排队的请求（占用的额度会立即退还）\n"
        "/balance — 今日剩余免费图片和你的积分\n"
        "{buy}"
        "/settings — 语言、默认宽高比和分辨率、文件、通知\n"
        "/link [代码] — 在 Telegram、Discord 和控制台使用同一个账户；/accounts — 已关联的平台；/unlink <平台> — 解除其"
        "中一个\n"
        "/mydata — 导出我们保存的关于你的全部数据\n"
        "/deleteme — 删除你的账户和数据\n"
        "/terms — 使用条款；/privacy — 隐私政策\n"
        "/start — 重新开始，/help — 本列表\n"
        "注意：1:1 不支持 4K，auto 宽高比仅支持 1K。"
    ),
    "help_console": (
        "命令：\n"
        "/start，然后 /accept（或 /decline）— 接受条款并确认你已年满 13 岁\n"
        "/imagine <提示词> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] [--ref <图片文件>] — 生成图片；"
        "--ref 用于编辑图片文件（可重复使用以添加多张）\n"
        "不是命令的每一行也都会被当作提示词。\n"
        "/regenerate [id] — 重新执行你最近的请求；/vary [id] — 生成你最近一张图片的变体\n"
        "/cancel [id] — 取消仍在排队的请求（占用的额度会立即退还）\n"
        "/balance — 今日剩余免费图片和你的积分\n"
        "{buy}"
        "/settings [lang|ar|res|file|notify <值>] — 你的语言和默认设置\n"
        "/link [代码] — 在 Telegram、Discord 和控制台使用同一个账户；/accounts — 已关联的平台；/unlink <平台> — 解除其"
        "中一个\n"
        "/mydata — 导出我们保存的关于你的全部数据\n"
        "/deleteme — 删除你的账户和数据\n"
        "/terms — 使用条款；/privacy — 隐私政策\n"
        "/help — 本列表。按 Ctrl-D（或 Ctrl-C）退出。\n"
        "注意：1:1 不支持 4K，auto 宽高比仅支持 1K。"
    ),
    "help_buy": "/buy — 购买积分或套餐；/billing — 管理你的套餐；/paysupport — 付款帮助\n",
    "help_buy_console": "/buy [商品] — 购买积分或套餐；/billing — 管理你的套餐；/paysupport — 付款帮助\n",
    "help_buy_discord": "/buy — 购买积分或套餐\n/billing — 管理你的套餐\n",
    "console_banner": (
        "GPT-Image-2 控制台聊天。输入 /help 查看命令，输入 /start 开始；其他任何一行都会被当作提示词。按 Ctrl-D 或 "
        "Ctrl-C 退出。"
    ),
    "unknown_command": "我不认识这个命令。我能做这些：",
    "privacy": (
        "隐私要点：\n"
        "• 我们保存你的账户（显示名称、语言、设置和同意记录）、你的提示词、为你生成的图片、积分明细和付款记录（从不保存"
        "银行卡信息：付款由 Creem 处理），以及管理员对你账户所做操作的日志（添加或扣回积分、停用账户、查看你的账户）。"
        "\n"
        "• 提示词以及你让我编辑的图片会发送给我们的 AI 服务商（KIE.ai）用于生成图片；提示词在发送前会先经过审核。付款由"
        " Creem 处理。我们不会出售你的数据。\n"
        "• /mydata 可导出我们保存的关于你的全部数据；/deleteme 会删除你的账户、提示词、图片和记录；/settings 可让你关闭"
        "非必要消息。\n"
        "• 删除后，我们只保留防止滥用使用限额所需的信息：你的平台 ID 的带密钥哈希值（无法还原为 ID），以及今日已用的免"
        "费图片数（保留至 UTC 当日结束）和未付余额（如有）。除此之外，不保留任何关于你的信息。\n"
        "• 本服务不面向 13 岁以下的用户。\n"
        "隐私问题请联系：{contact}"
    ),
    "privacy_link": "完整隐私政策：{url}",
    "terms": (
        "使用条款要点：\n"
        "• GPT-Image-2 仅供年满 13 岁的用户使用。\n"
        "• 请勿请求违法或有害的内容，或侵犯他人权利的内容；提示词会经过审核，可能被拒绝。\n"
        "• 图片由 AI 生成，可能不尽完美；你需对自己如何使用这些图片负责。\n"
        "• 每张图片会消耗当日免费图片或积分；未能生成的图片会退还。删除账户后，未使用的积分将作废。\n"
        "• 滥用服务的账户可能会被停用。\n"
        "如有疑问：{contact}"
    ),
    "terms_link": "完整使用条款：{url}",
    # generation
    "queued": {
        "other": "已加入队列：{count} 张图片，{cost}。结果会发送到这里。",
    },
    "queued_shared": {
        "other": "已加入队列：{count} 张图片。结果会发送到这里。",
    },
    "queued_place": {
        "other": "已加入队列：{count} 张图片，{cost}。{place}结果会发送到这里。",
    },
    "queued_shared_place": {
        "other": "已加入队列：{count} 张图片。{place}结果会发送到这里。",
    },
    "place_next": "下一个就轮到你，预计约 {eta}。",
    "place_in_line": "你排在第 {position} 位，预计约 {eta}。",
    "cost_free": {
        "other": "{count} 张免费",
    },
    "cost_paid": {
        "other": "{count} 积分",
    },
    "cost_mixed": "{free} + {credits}",
    # amounts used inside other texts
    "n_credits": {
        "other": "{count} 积分",
    },
    "n_images": {
        "other": "{count} 张图片",
    },
    "n_free_images": {
        "other": "{count} 张免费图片",
    },
    "free_left_today": {
        "other": "今日剩余 {count} 张免费图片",
    },
    "progress_generating": "正在生成……已完成 {done}/{count}",
    "progress_storing": {
        "other": "快好了：正在保存你的图片……",
    },
    "done": "完成：“{prompt}”——{free_left}，{credits}。",
    "done_credits": "完成：“{prompt}”——剩余 {credits}。",
    "done_shared": "完成：“{prompt}”",
    "done_paths": "已保存：",
    "partial": {
        "other": "{count} 张图片中有 {made} 张生成成功；其余图片占用的额度已退还。",
    },
    "console_after": "再来一组类似的：/regenerate {id} · 以第一张图片为参考：/vary {id}",
    "failed": {
        "other": "抱歉，你的图片未能生成：{reason}未扣除任何费用：占用的额度已退还。",
    },
    "cancel_button": "✖ 取消",
    "cancelled": "已取消。没有生成任何图片，占用的额度已退还：{refund}。",
    "cancelled_free_of_charge": "已取消。没有生成任何图片，也没有扣费。",
    "cancelled_shared": "已取消。没有生成任何图片，占用的额度已退还。",
    "refund_mixed": "{free}和 {credits}",
    "regenerate_button": "🔁 重新生成",
    "vary_button": "🎨 变体",
    "original_button": "🖼 原始文件",
    # balance / billing
    "balance": "今日剩余免费图片：{free_left}/{free_per_day}\n付费积分：{credits}\n套餐：{plan}",
    "balance_no_free": "付费积分：{credits}\n套餐：{plan}",
    "plan_none": "无",
    "prices": "每张图片所需积分：1K = {p1}，2K = {p2}，4K = {p4}。",
    "products_header": "请选择积分包或套餐：",
    "product_line": {
        "other": "{label} — {price}（{count} 积分{per_month}）",
    },
    "per_month": "/月",
    "checkout_link": "在此支付 {label}：{url}",
    "portal_link": "在此管理你的套餐：{url}",
    "billing_plan": "你的套餐：{plan}",
    "no_products": "目前没有可购买的商品。",
    "payment_received": {
        "other": "已收到付款：已添加 {count} 积分。当前积分：{balance}。",
    },
    "plan_renewed": {
        "other": "你的套餐已续订：已添加 {count} 积分。当前积分：{balance}。",
    },
    "plan_ended": "你的套餐已结束，之后不会再发放每月积分。已有的积分仍然归你所有。",
    # a plan's status (Creem's subscription states): what it means and what to do, in /balance …
    "plan_state.active": "{plan}",
    "plan_state.trialing": "{plan}（试用中）",
    "plan_state.scheduled_cancel": "{plan}（将在本期结束时终止；可在 /billing 中恢复）",
    "plan_state.past_due": "{plan}（一笔付款失败，正在重试；请在 /billing 中更新付款方式）",
    "plan_state.unpaid": "{plan}（已停用：款项未付；请在 /billing 中付款或更新付款方式）",
    "plan_state.paused": "{plan}（已暂停：在 /billing 中恢复之前不发放每月积分）",
    "plan_state.expired": "{plan}（未付款已过期：不发放每月积分；请在 /billing 中续订）",
    # … and as a notice when it changes
    "plan_status.active": "你的套餐 {plan} 已重新生效。每次付款后都会发放每月积分。",
    "plan_status.trialing": "你的 {plan} 试用已开始。",
    "plan_status.scheduled_cancel": (
        "你的套餐 {plan} 将在当前周期结束时终止；在此之前一切照旧。改变主意了？可以在 /billing 中恢复。"
    ),
    "plan_status.past_due": "你的套餐 {plan} 付款失败。系统会重试扣款；如需保留套餐，请在 /billing 中更新付款方式。",
    "plan_status.unpaid": (
        "由于无法收取款项，你的套餐 {plan} 已被停用：不会发放每月积分。请在 /billing 中付款或更新付款方式以继续使用。"
    ),
    "plan_status.paused": (
        "你的套餐 {plan} 已暂停：在你于 /billing 中恢复之前，不会发放每月积分。已有的积分仍然归你所有。"
    ),
    "plan_status.expired": (
        "你的套餐 {plan} 已过期：本周期结束时未收到付款，因此不会发放每月积分。系统仍可能重试扣款；请在 /billing 中更新"
        "付款方式以续订，或在那里取消套餐。"
    ),
    "payment_reversed": {
        "other": "一笔付款已退款或被提出争议：已扣回 {count} 积分。当前积分：{balance}。",
    },
    "payment_page_title": "谢谢！",
    "payment_page": "你的付款正在确认中。积分稍后就会出现在聊天中——你可以关闭此页面并返回机器人。",
    "payment_page_unverified_title": "付款状态未知",
    "payment_page_unverified": "我们无法验证此链接。如果你已付款，付款确认后积分仍会出现在聊天中。",
    "paysupport": "付款方面有疑问？请附上付款详情联系 {contact}，我们会帮你处理。",
    "stars_button": {
        "other": "⭐ {count} Stars",
    },
    "pay_with_card": "💳 {price}",
    # privacy
    "export_ready": "这是我们保存的关于你的全部数据：mydata.json 和你的图片，打包为一个 zip 文件。",
    "export_ready_parts": {
        "other": "这是我们保存的关于你的全部数据：mydata.json 和你的图片，分为 {count} 个 zip 文件。",
    },
    "export_kept": {
        "other": (
            "这是我们保存的关于你的全部数据（mydata.json 和你的图片，已打包为 zip）；文件将在 {count} 分钟后删除："
        ),
    },
    "export_nothing": "我们没有保存任何关于你的数据。",
    "delete_confirm": {
        "other": (
            "此操作将永久删除你的账户、提示词、图片、积分和付款记录。未使用的积分将作废；如果你以后回来，今日已用的免费"
            "图片和未付余额（如有）仍会计入（见 /privacy）。确认请发送：/deleteme {code}（{count} 分钟内有效）。如要保"
            "留一切，请发送 /deleteme cancel。"
        ),
    },
    "delete_confirm_buttons": (
        "此操作将永久删除你的账户、提示词、图片、积分和付款记录。未使用的积分将作废；如果你以后回来，今日已用的免费图片"
        "和未付余额（如有）仍会计入（见 /privacy）。确定要删除吗？"
    ),
    "delete_button_yes": "是的，全部删除",
    "delete_button_no": "取消",
    "deleted": "你的账户和数据已删除（我们只保留 /privacy 中所述的带密钥哈希值）。再见！如果想回来，随时发送 /start。",
    "delete_cancelled": "已取消删除。没有删除任何内容。",
    "nothing_to_delete": "我们没有保存任何关于你的数据，因此没有可删除的内容。",
    # admin actions, as the person they concern is told
    "admin_granted": {
        "other": "管理员为你的账户添加了 {count} 积分（{reason}）。当前积分：{balance}。",
    },
    "admin_revoked": {
        "other": "管理员从你的账户扣回了 {count} 积分（{reason}）。当前积分：{balance}。",
    },
    "account_blocked": (
        "你的账户已被管理员停用：我不会再为该账户生成新图片或接受付款。已在生成中的图片仍会送达。你仍可以导出数据（"
        "/mydata）、删除账户（/deleteme）和阅读 /privacy。如有疑问，请联系 {contact}。"
    ),
    "account_unblocked": "你的账户已恢复正常。发送 /help 查看我能做什么。",
    # admin tools (only admins ever see these)
    "discord.admin": "管理员工具",
    "discord.admin.user": "某人的余额、套餐、最近的生成记录和付款",
    "discord.admin.who": "账户 ID、用户 ID，或 telegram:<id> / discord:<id>",
    "discord.admin.prompts": "同时显示提示词（会被记录，本人也能看到）",
    "discord.admin.grant": "为某人添加付费积分",
    "discord.admin.revoke": "扣回付费积分（余额不会低于零）",
    "discord.admin.block": "除隐私权利外，拒绝此人的一切操作",
    "discord.admin.unblock": "解除封禁",
    "discord.admin.stats": "用户、生成、积分、服务商成本和队列",
    "discord.admin.announce": "通知所有人，每人一次（或查看进度）",
    "discord.admin.announce_kind": "policy 或 terms：所有人都必须知道的变更；news：跳过关闭了通知的用户；status",
    "discord.admin.announce_text": "要告诉所有人的内容（status 不需要）",
    "admin.usage": "管理员命令：",
    "admin.usage.user": (
        "/admin user <用户> [--prompts] — 余额、套餐、最近的生成记录、付款（--prompts 还会显示提示词；此访问会被记录，"
        "且对方可在 /mydata 中看到）"
    ),
    "admin.usage.grant": "/admin grant <用户> <积分> <原因> — 添加付费积分",
    "admin.usage.revoke": "/admin revoke <用户> <积分> <原因> — 扣回付费积分（余额不会低于零）",
    "admin.usage.block": "/admin block <用户> <原因> — 除 /mydata、/deleteme、/privacy、/terms 和 /help 外一律拒绝",
    "admin.usage.unblock": "/admin unblock <用户> [原因] — 解除封禁",
    "admin.usage.stats": "/admin stats — 用户、生成、积分、服务商成本和队列",
    "admin.usage.announce": (
        "/admin announce policy|terms|news <文本> — 通知所有人，每人一次（政策或条款变更会发送给所有人；新闻会跳过关闭"
        "了通知的用户）；/admin announce status — 查看发送进度"
    ),
    "admin.announced": (
        "公告 {id}（{kind}）已为 {people}记录。机器人会以最低优先级发送，每人一次；/admin announce status 可查看发送进"
        "度。"
    ),
    "n_accounts": {
        "other": "{count} 个账户",
    },
    "admin.announced_already": "已记录：此命令对应的公告 {id}（{kind}）；不会重复发送。",
    "admin.announcements_none": "暂无公告。",
    "admin.announcement": (
        "{id} {kind} · {at} UTC · {people} · “{text}”\n"
        "  已发送 {sent} · 被屏蔽 {blocked} · 失败 {failed} · 已跳过 {skipped} · 不确定 {uncertain} · 剩余 {remaining} "
        "· {eta}"
    ),
    "admin.announcement_done": "已完成",
    "admin.announcement_eta": "还需约 {eta}（{rate}/s）",
    "admin.announcement_stalled": "最近 {wait} 内没有发送任何内容：机器人在运行吗？",
    "admin.usage_who": "<用户>：账户 ID、用户 ID，或 telegram:<id>、discord:<id>、console:<名称>。",
    "admin.usage_of": "用法：{usage}",
    "admin.unknown_action": "没有名为“{action}”的管理员命令。",
    "admin.already": "已完成：此命令之前已执行过（{action}，{at}）；未做任何更改。",
    "admin.granted": "已为 {who} 添加 {credits}。其余额：{balance}。",
    "admin.revoked": "已从 {who} 扣回 {credits}。其余额：{balance}。",
    "admin.revoked_partly": {
        "other": "已从 {who} 扣回 {credits}（请求 {count} 积分）：扣回不会使余额低于零。其余额：{balance}。",
    },
    "admin.blocked": (
        "已封禁 {who}。对方仍可使用 /mydata、/deleteme、/privacy、/terms 和 /help；进行中的任务会继续完成。"
    ),
    "admin.unblocked": "已解除封禁 {who}。",
    "admin.person": "{name}（账户 {account}）",
    "admin.user": (
        "账户 {account} — {name}，语言 {language}，注册于 {created}\n"
        "身份：{identities}\n"
        "同意：{consent}；状态：{status}\n"
        "余额：今日剩余免费图片 {free_left}/{free_per_day}，{credits}；套餐：{plan}"
    ),
    "admin.user_active": "正常",
    "admin.user_blocked": "自 {at} 起被封禁（{reason}）",
    "admin.user_being_deleted": "正在删除",
    "admin.user_consent_none": "未同意",
    "admin.user_generations": "最近的生成记录：",
    "admin.user_generation": "• {at} {id} {status}：{count}×{resolution}，{cost}{error}",
    "admin.user_generation_error": "；错误 {code}",
    "admin.user_prompt": "   提示词：{prompt}",
    "admin.user_no_generations": "没有生成记录。",
    "admin.user_payments": "最近的付款：",
    "admin.user_payment": "• {at} {provider} {ref}：{credits}，{status}",
    "admin.user_no_payments": "没有付款记录。",
    "admin.user_prompts_logged": "已显示提示词：此访问已记入审计日志，对方可在 /mydata 中看到。",
    "admin.stats": (
        "统计（UTC），今日 / 最近 7 天：\n"
        "活跃用户：{active_today} / {active_week}\n"
        "请求的生成：{requested_today} / {requested_week}\n"
        "已完成：已送达 {delivered_today} / {delivered_week}；部分退还 {partly_today} / {partly_week}；全部退还 "
        "{refunded_today} / {refunded_week}\n"
        "积分：售出 {sold_today} / {sold_week}；已用 {used_today} / {used_week}；退还 {back_today} / {back_week}；已用"
        "免费图片 {free_today} / {free_week}\n"
        "服务商任务：{tasks_today} / {tasks_week}；服务商成本估算：{cost_today} / {cost_week}\n"
        "当前：排队 {queued}，运行中 {running}，发送中 {undelivered}；有任务进行中的用户：{accounts}"
    ),
    "admin.stats_cost": "KIE 积分：{credits} ≈ ${usd}",
    # settings
    "settings": (
        "你的设置：\n"
        "语言：{language}\n"
        "宽高比：{aspect_ratio}\n"
        "分辨率：{resolution}\n"
        "以文件发送：{send_as_file}\n"
        "通知：{notifications}"
    ),
    "settings_usage": (
        "修改方式：/settings lang <{languages}|auto>、/settings ar <auto|1:1|9:16|16:9|4:3|3:4>、/settings res "
        "<1K|2K|4K>、/settings file <on|off>、/settings notify <on|off>"
    ),
    "language_auto": "自动（{language}）",
    "language_choose": "请选择你的语言：",
    "language_button_auto": "自动（跟随我的应用）",
    "language_saved": "语言已保存：{language}。",
    "language_auto_saved": "我将重新跟随你的应用语言（{language}）。",
    "language_unknown": "我还不会这种语言。请从以下选项中选择：{languages}，或 auto。",
    "settings_button_language": "🌐 语言",
    "settings_language_placeholder": "语言",
    "settings_saved": "已保存。",
    "settings_4k_square": (
        "1:1 宽高比不支持 4K，因此未做任何更改。请先选择其他宽高比（16:9、9:16、4:3 或 3:4），或选择 1K 或 2K。"
    ),
    "settings_auto_1k": "auto 宽高比只能生成 1K 图片，因此未做任何更改。请先选择 16:9 等宽高比，或选择 1K。",
    "option_unknown_ratio": "未知的宽高比“{value}”。请使用以下之一：{allowed}。",
    "option_unknown_resolution": "未知的分辨率“{value}”。请使用以下之一：{allowed}。",
    "option_count_range": "图片数量必须在 1 到 {max} 之间。",
    "option_count_not_number": "--n 必须是 1 到 4 之间的数字，而不是“{value}”。",
    "option_needs_value": "选项 --{option} 需要一个值。",
    "option_unknown": "未知选项 --{option}。可用选项：--ar、--res、--n。",
    "option_4k_square": "1:1 宽高比不支持 4K；请使用 1K 或 2K。",
    "option_auto_1k": "auto 宽高比仅支持 1K；如需 2K 或 4K，请选择 16:9 等宽高比。",
    "on": "开启",
    "off": "关闭",
    "private_note": "我已通过私信把回复发给你了。",
    "private_unreachable": "请先和我开始私聊，然后再试一次。",
    # discord
    "help_discord": (
        "命令：\n"
        "/imagine prompt: [aspect_ratio:] [resolution:] [count: 1-4] [reference: 一张图片] — 生成图片\n"
        "/cancel — 取消你最近一个仍在排队的请求（占用的额度会立即退还）\n"
        "/balance — 今日剩余免费图片和你的积分\n"
        "{buy}"
        "/settings — 语言、默认宽高比和分辨率、通知\n"
        "/regenerate — 重新执行你最近的请求；/vary — 生成你最近一张图片的变体\n"
        "/link [code:] — 在 Telegram、Discord 和控制台使用同一个账户；/accounts — 已关联的平台；/unlink platform: — 解"
        "除其中一个\n"
        "/mydata — 导出我们保存的关于你的全部数据\n"
        "/deleteme — 删除你的账户和数据\n"
        "/terms — 使用条款，/privacy — 隐私政策，/help — 本列表\n"
        "结果下方的按钮：“重新生成”会再次执行同一请求，“变体”会以第一张图片为参考。\n"
        "注意：1:1 不支持 4K，auto 宽高比仅支持 1K。"
    ),
    "button_stale": "这个按钮已失效。发送 /help 查看我能做什么。",
    "image_too_large_link": "第 {index} 张图片太大，无法在此附加；请打开链接查看：{url}",
    "image_too_large": "第 {index} 张图片太大，无法在此附加。",
    "notify_button_on": "🔔 通知：开启",
    "notify_button_off": "🔕 通知：关闭",
    "settings_ar_placeholder": "默认宽高比",
    "settings_res_placeholder": "默认分辨率",
    "billing_button": "管理套餐",
    # errors
    "error.consent_required": "请先接受条款：发送 /start。",
    "error.consent_outdated": "请先接受我们更新后的使用条款或隐私政策。",
    "error.not_registered": "你还没有账户：发送 /start。",
    "error.prompt_empty": "请描述你想要的图片：/imagine <提示词>。",
    "error.prompt_too_long": {
        "other": "你的提示词太长了（{count} 个字符；上限为 {limit}）。",
    },
    "error.prompt_invalid_characters": (
        "你的提示词包含我无法使用的字符（空字符或损坏的表情符号）。请重新输入后再发送。未扣除任何费用。"
    ),
    "error.invalid_option": "{detail}",
    "error.too_many_references": {
        "other": "参考图片过多：最多只能使用 {count} 张。",
    },
    "error.insufficient_credits": "积分不足：需要 {needed}，你只有 {credits}。",
    "short_of_images": (
        "积分不足：本次需要 {images}，而你{free_left}，另有 {credits}（超出免费额度的图片在 {resolution} 下每张需 "
        "{unit_price}）。"
    ),
    "error.insufficient_credits_shared": "积分不足。请在私聊中向我发送 /balance 查看你的积分。",
    "short_of_credits": {
        "other": (
            "积分不足：{count} 张 {resolution} 图片需要 {needed}，你只有 {credits}（免费图片最高支持 {free_max}）。"
        ),
    },
    "short_of_credits_no_free": {
        "other": "积分不足：{count} 张 {resolution} 图片需要 {needed}，你只有 {credits}。",
    },
    "short_negative_balance": "由于退款或争议，你的积分余额为 {credits}，新图片需等充值后才能生成。",
    "free_reset": "免费图片将于 UTC {time} 重置，还有 {wait}。",
    "hint_buy": "可通过 /buy 购买积分。",
    "hint_plans": "发送 /buy 查看套餐。",
    "error.rate_limited": {
        "other": "你太快啦！请等待 {count} 秒后再试。",
    },
    "error.too_many_running": {
        "other": "你已有 {count} 个生成任务在进行中。请等待任务完成后再试。",
    },
    "error.prompt_rejected": "此提示词无法使用：{reason}未扣除任何费用。",
    "error.moderation_unavailable": "我暂时无法审核提示词，因此无法生成图片。未扣除任何费用。",
    "error.provider_unavailable": "图片服务暂时不可用。请稍后再试。",
    "error.generation_failed": "图片服务返回了错误。",
    "error.generation_timeout": "图片服务响应超时。",
    "error.storage_failed": "我无法保存结果。",
    "error.payments_disabled": "此机器人未配置付款功能。",
    "error.payments_unavailable": "支付服务暂时不可用。请稍后再试。",
    "error.unknown_product": "我不认识这个商品。发送 /buy 查看可购买的内容。",
    "error.not_found": "找不到该内容，它可能已被删除。",
    "error.not_owner": "只有生成这张图片的人才能使用此按钮。",
    "error.no_generations": "你还没有可用的图片。发送 /imagine <提示词> 来生成一张。",
    "error.no_plan": "你没有套餐。",
    "error.confirmation_invalid": "该确认码错误或已过期。发送 /deleteme 获取新的确认码。",
    "error.generation_in_progress": "你的图片仍在生成中。请在完成后再次确认。",
    "error.account_being_deleted": "你的账户正在删除中，我无法再执行此操作。",
    "error.account_blocked": (
        "抱歉，你的账户已被停用，因此我无法执行此操作。你仍可以导出数据（/mydata）、删除账户（/deleteme），以及阅读 "
        "/privacy、/terms 和 /help。如有疑问，请联系 {contact}。"
    ),
    "error.admin_no_such_person": (
        "找不到“{who}”对应的用户。请用账户 ID、用户 ID，或 telegram:<id>、discord:<id>、console:<名称> 指定用户。"
    ),
    "error.admin_ambiguous": "“{who}”是多个平台上的用户 ID：请指明平台，例如 telegram:{who} 或 discord:{who}。",
    "error.admin_bad_credits": "积分必须是 1 到 {limit} 之间的整数。",
    "error.admin_reason_required": "请提供原因：原因会保存在审计日志中，对方可在 /mydata 中看到。",
    "error.busy": {
        "other": "我现在非常忙。请在 {count} 分钟后再试。未扣除任何费用。",
    },
    "error.temporarily_unavailable": "某项服务暂时不可用。请一分钟后再试。",
    "error.task_lost": "我们这边重启时丢失了这个任务。",
    "error.cancelled": "你已取消。",
    "error.nothing_to_cancel": "你没有正在排队、可以取消的请求。",
    "error.already_started": "已无法取消：图片服务已经开始生成，无法中止。结果会照常发送到这里。",
    "error.already_finished": "该请求已经完成，没有可取消的内容。",
    "error.not_yours": "只有发起此请求的人才能取消它。",
    "error.link_code_invalid": (
        "该关联码错误、已过期或已被使用。请在你的另一个账户上发送 /link 获取新的关联码，然后在这里发送 /link <代码>。"
    ),
    "error.link_same_platform": (
        "你要加入的账户已有一个 {platform} 身份，而每个账户在每个平台只能有一个身份。如需替换，请先在那个账户上发送 "
        "/unlink {platform}。"
    ),
    "error.link_two_plans": (
        "两个账户都有套餐，而合并后的账户只能保留一个。请先取消其中一个（在该账户上发送 /billing 可打开账单管理页面），"
        "然后再关联。未做任何更改。"
    ),
    "error.link_in_flight": "此账户还有图片正在生成。请在图片送达后再关联。未做任何更改。",
    "error.already_linked": "此账户已与那个账户关联。请查看 /accounts。",
    "error.unlink_last": "这是此账户唯一的身份，因此无法解除关联。如需删除账户，请使用 /deleteme。",
    "error.unlink_not_linked": "此账户没有可解除关联的 {platform} 身份。发送 /accounts 查看已关联的身份。",
    "error.internal": "我们这边出了点问题（错误 ID：{error_id}）。请重试。",
    "reason_policy": "违反了内容政策。",
    "failed_reason.prompt_rejected": "此提示词无法使用：{reason}",
    # linking accounts across platforms (/link, /accounts, /unlink)
    "platform.telegram": "Telegram",
    "platform.discord": "Discord",
    "platform.console": "控制台",
    "link_code": (
        "你的关联码：{code}\n"
        "从你在其他平台上的账户发送 /link {code}，即可在所有平台使用同一个账户和同一份余额。此代码只能使用一次，有效期 "
        "{wait}。请勿分享给他人：任何使用它的人都会共享你的积分、套餐和历史记录。"
    ),
    "link_confirm": "你的 {platform} 账户将与 {issuer_platform} 用户 {issuer} 共享积分、套餐和历史记录。",
    "link_merge": (
        "两个账户都有历史记录，因此将合并为一个：\n"
        "• 付费积分相加：这里 {credits_here} + 那边 {credits_there} = {credits_total}\n"
        "• 今日免费图片只计一次：已用 {free_used}/{free_per_day}（取两者中较高者）\n"
        "• 在这里生成的所有内容（图片：{images}，付款：{payments}）都会转移到合并后的账户，并沿用该账户的设置\n"
        "• {plan_line}"
    ),
    "link_merge_no_free": (
        "两个账户都有历史记录，因此将合并为一个：\n"
        "• 付费积分相加：这里 {credits_here} + 那边 {credits_there} = {credits_total}\n"
        "• 在这里生成的所有内容（图片：{images}，付款：{payments}）都会转移到合并后的账户，并沿用该账户的设置\n"
        "• {plan_line}"
    ),
    "link_plan_kept": "套餐：{plan} 保留在合并后的账户中",
    "link_no_plan": "套餐：两个账户都没有",
    "link_confirm_console": "确认请发送：/link {code} yes",
    "link_button_yes": "关联账户",
    "link_button_no": "取消",
    "link_cancelled": "未关联任何账户。",
    "link_done": (
        "关联成功！此 {platform} 账户现在与 {issuer_platform} 用户 {issuer} 共享积分、套餐和历史记录。\n"
        "付费积分：{credits}。今日剩余免费图片：{free_left}/{free_per_day}。"
    ),
    "link_done_no_free": (
        "关联成功！此 {platform} 账户现在与 {issuer_platform} 用户 {issuer} 共享积分、套餐和历史记录。\n"
        "付费积分：{credits}。"
    ),
    "link_done_already": "此账户已与那个账户关联。请查看 /accounts。",
    "accounts_list": "此账户在以下平台使用：\n{lines}",
    "accounts_line": "• {platform}：{label}",
    "accounts_line_you": "• {platform}：{label}（你，当前）",
    "accounts_hint": "如需添加其他平台，请发送 /link。如需解除某个平台，请发送 /unlink {platform}。",
    "accounts_hint_one": "如需在其他平台也使用此账户，请发送 /link。",
    "unlinked": "{platform} 已不再关联此账户。历史记录保留在账户中；{platform} 下次 /start 时将从头开始。",
    "unlinked_you": "此 {platform} 身份已不再关联该账户。历史记录保留在账户中；发送 /start 即可在这里从头开始。",
    "delete_identities": "这将为关联的所有身份删除该账户：{identities}。",
    # telegram
    "status_pending": "⏳ 正在处理……",
    "status_done": {
        "other": "✅ 完成：{count} 张图片，见下方。",
    },
    "result_actions": "再来一组类似的，或获取原始文件：",
    "buy_button": "💳 购买积分",
    "settings_button_file": "📎 以文件发送",
    "settings_button_notify": "🔔 通知",
    "stars_refused": "此账单已失效。发送 /buy 获取新的账单。",
    "stars_wrong_account": "此账单是为另一个账户创建的。发送 /buy 获取你自己的账单。",
    "photo_hint": "好图！要编辑它，请用 /imagine <要修改的内容> 回复这张图片，或重新发送它并把修改内容写在说明文字里。",
    "unusable_sticker": (
        "我无法使用贴纸。请描述一张图片（在这里，任何消息都是提示词），或发送一张照片，并在说明文字里写明要修改的内容。"
    ),
    "unusable_animation": (
        "我无法使用 GIF 或动画。请发送一张静态照片，并在说明文字里写明要修改的内容，或描述一张新图片。"
    ),
    "unusable_voice": "我听不了语音或音频消息。请用文字告诉我你想画什么。",
    "unusable_video": "我无法使用视频。请发送一张静态照片，并在说明文字里写明要修改的内容，或描述一张新图片。",
    "unusable_document": (
        "我只能使用图片（PNG、JPEG 或 WebP）。请发送一张照片，并在说明文字里写明要修改的内容，或描述一张新图片。"
    ),
    "preview_title": "离线预览",
    "preview_footer": (
        "{nominal_width}x{nominal_height} 图片的 {width}x{height} 像素预览（{resolution}，{aspect_ratio}）· 种子 {seed}"
    ),
    "preview_references": {
        "other": " · 基于 {count} 张参考图编辑",
    },
    "reference_too_large": "这张图片太大，我无法下载（超过 {mb} MB）。请发送一张小一点的图片。",
    "reference_download_failed": "我无法下载这张图片。请重新发送。",
    "reference_no_file": "{path} 处没有图片文件。",
    "reference_invalid": "参考图必须是小于 20 MB 的 PNG、JPEG 或 WebP 图片。",
    "command.start": "开始并接受条款",
    "command.imagine": "生成图片：/imagine <提示词> [--ar 16:9] [--res 2K] [--n 1-4]",
    "command.cancel": "取消仍在排队的请求",
    "command.balance": "今日剩余免费图片和你的积分",
    "command.buy": "购买积分或套餐",
    "command.billing": "管理你的套餐",
    "command.settings": "语言、宽高比、分辨率、通知",
    "command.mydata": "导出我们保存的关于你的全部数据",
    "command.deleteme": "删除你的账户和数据",
    "command.privacy": "隐私政策",
    "command.terms": "使用条款",
    "command.regenerate": "重新生成你最近的图片（或 /regenerate <id>）",
    "command.vary": "你最近一张图片的变体（或 /vary <id>）",
    "command.paysupport": "付款帮助",
    "command.help": "我能做什么",
    "command.link": "在 Telegram、Discord 和控制台使用同一账户",
    "command.accounts": "已关联到你账户的平台",
    "command.unlink": "从你的账户解除一个平台",
    "command.admin": "管理员工具：/admin help",
    # Discord slash commands (descriptions ≤ 100 characters; command and option names stay English)
    "discord.command.start": "开始：接受条款即可开始使用",
    "discord.command.imagine": "根据描述生成图片",
    "discord.command.regenerate": "重新执行你最近的请求",
    "discord.command.vary": "你最近一张图片的变体",
    "discord.option.prompt": "要画什么",
    "discord.option.aspect_ratio": "图片形状（默认：你的设置）",
    "discord.option.resolution": "1K、2K 或 4K（默认：你的设置）",
    "discord.option.count": "图片数量（1-4）",
    "discord.option.reference": "要编辑或作为灵感参考的图片",
    "discord.option.request": "请求 ID（默认：你最近一个仍在等待的请求）",
    "discord.option.code": "你在另一个平台上通过 /link 获得的代码（留空即可获取代码）",
    "discord.option.platform": "要解除关联的平台（其历史记录保留在账户中）",
    "discord.choice.auto": "auto",
}
