"""Indonesian texts (friendly "kamu", the bot says "aku", the service "kami"): the same keys and placeholders as
`en.py`."""

from core.locales import Text

TEXTS: dict[str, Text] = {
    # onboarding
    "welcome": (
        "Selamat datang di GPT-Image-2! Aku mengubah kata-katamu menjadi gambar.\n"
        "Sebelum mulai, baca dulu ketentuan penggunaan (/terms) dan kebijakan privasi kami (/privacy), lalu "
        "konfirmasikan bahwa kamu menyetujuinya dan berusia 13 tahun atau lebih."
    ),
    "welcome_back": (
        "Selamat datang kembali! Kirim /imagine <prompt> untuk membuat gambar, atau /help untuk melihat semua yang "
        "bisa kulakukan."
    ),
    "consent_accepted": {
        "other": (
            "Terima kasih! Sekarang kamu bisa membuat gambar: /imagine <prompt>. Kamu mendapat {count} gambar gratis "
            "setiap hari."
        ),
    },
    "consent_accepted_paid": (
        "Terima kasih! Sekarang kamu bisa membuat gambar: /imagine <prompt>. Setiap gambar memakai kredit."
    ),
    "consent_age_required": "Maaf, GPT-Image-2 hanya untuk orang berusia 13 tahun ke atas.",
    "consent_prompt_console": (
        "Kirim /accept untuk menyetujui ketentuan penggunaan dan kebijakan privasi serta mengonfirmasi bahwa kamu "
        "berusia 13 tahun atau lebih (kirim /decline jika tidak)."
    ),
    "consent_needed_console": (
        "Setujui ketentuannya dulu ya: kirim /accept (kamu bisa membacanya dengan /terms dan /privacy)."
    ),
    "consent_changed": (
        "Kami telah memperbarui {documents} kami. {read}\n"
        "Untuk terus membuat gambar, setujui versi barunya dan konfirmasikan bahwa kamu berusia 13 tahun atau lebih."
    ),
    "consent_changed_documents.terms": "ketentuan penggunaan",
    "consent_changed_documents.privacy": "kebijakan privasi",
    "consent_changed_documents.both": "ketentuan penggunaan dan kebijakan privasi",
    "consent_changed_what": "Apa yang berubah: {url}",
    "consent_changed_read": "Teks lengkap: {url}",
    "consent_changed_read.terms": "Baca dengan /terms.",
    "consent_changed_read.privacy": "Baca dengan /privacy.",
    "consent_changed_read.both": "Baca dengan /terms dan /privacy.",
    "consent_declined_update": (
        "Baik. Selama kamu belum menyetujui versi baru, kamu tidak bisa membuat gambar, tapi akunmu tetap seperti "
        "sekarang: /mydata mengekspor datamu dan /deleteme menghapusnya. Kamu akan ditanya lagi lain kali."
    ),
    "announcement.policy": "📣 Kebijakan privasi kami telah berubah.\n\n{text}\n\n{read}",
    "announcement.terms": "📣 Ketentuan penggunaan kami telah berubah.\n\n{text}\n\n{read}",
    "announcement.news": "📣 {text}\n\n(Kamu bisa mematikan pesan seperti ini di /settings.)",
    "announcement_accept_next": "Sebelum gambar berikutnya, kamu akan diminta menyetujui versi baru.",
    "consent_button_accept": "Aku setuju dan berusia 13+",
    "consent_button_decline": "Tidak, terima kasih",
    "help": (
        "Perintah:\n"
        "/imagine <prompt> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] — buat gambar\n"
        "Untuk mengedit foto, balas foto itu dengan /imagine <apa yang ingin diubah>, atau kirim fotonya dengan "
        "keterangan berisi hal itu.\n"
        "Di chat pribadi, pesan apa pun juga dianggap prompt.\n"
        "/regenerate [id] — ulangi permintaan terakhirmu; /vary [id] — variasi dari gambar terakhirmu\n"
        "/cancel — batalkan permintaan terakhirmu yang masih mengantre (jatah yang ditahan langsung kembali)\n"
        "/balance — sisa gambar gratis hari ini dan kreditmu\n"
        "{buy}"
        "/settings — bahasa, rasio aspek dan resolusi default, file, notifikasi\n"
        "/link [kode] — pakai satu akun di Telegram, Discord, dan konsol; /accounts — platform yang tertaut; /unlink "
        "<platform> — lepaskan salah satunya\n"
        "/mydata — ekspor semua data yang kami simpan tentang kamu\n"
        "/deleteme — hapus akun dan datamu\n"
        "/terms — ketentuan penggunaan; /privacy — kebijakan privasi kami\n"
        "/start — mulai lagi, /help — daftar ini\n"
        "Catatan: 4K tidak tersedia untuk 1:1, dan rasio aspek auto hanya untuk 1K."
    ),
    "help_console": (
        "Perintah:\n"
        "/start, lalu /accept (atau /decline) — setujui ketentuan dan konfirmasikan bahwa kamu berusia 13 tahun atau "
        "lebih\n"
        "/imagine <prompt> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] [--ref <file gambar>] — buat "
        "gambar; --ref mengedit file gambar (ulangi untuk beberapa file)\n"
        "Baris yang bukan perintah juga dianggap prompt.\n"
        "/regenerate [id] — ulangi permintaan terakhirmu; /vary [id] — variasi dari gambar terakhirmu\n"
        "/cancel [id] — batalkan permintaan yang masih mengantre (jatah yang ditahan langsung kembali)\n"
        "/balance — sisa gambar gratis hari ini dan kreditmu\n"
        "{buy}"
        "/settings [lang|ar|res|file|notify <nilai>] — bahasa dan pengaturan default-mu\n"
        "/link [kode] — pakai satu akun di Telegram, Discord, dan konsol; /accounts — platform yang tertaut; /unlink "
        "<platform> — lepaskan salah satunya\n"
        "/mydata — ekspor semua data yang kami simpan tentang kamu\n"
        "/deleteme — hapus akun dan datamu\n"
        "/terms — ketentuan penggunaan; /privacy — kebijakan privasi kami\n"
        "/help — daftar ini. Ctrl-D (atau Ctrl-C) untuk keluar.\n"
        "Catatan: 4K tidak tersedia untuk 1:1, dan rasio aspek auto hanya untuk 1K."
    ),
    "help_buy": (
        "/buy — beli kredit atau langganan; /billing — kelola langgananmu; /paysupport — bantuan soal pembayaran\n"
    ),
    "help_buy_console": (
        "/buy [produk] — beli kredit atau langganan; /billing — kelola langgananmu; /paysupport — bantuan soal "
        "pembayaran\n"
    ),
    "help_buy_discord": "/buy — beli kredit atau langganan\n/billing — kelola langgananmu\n",
    "console_banner": (
        "Chat konsol GPT-Image-2. Ketik /help untuk melihat perintah, /start untuk memulai; baris lainnya dianggap "
        "prompt. Ctrl-D atau Ctrl-C untuk keluar."
    ),
    "unknown_command": "Aku tidak mengenal perintah itu. Ini yang bisa kulakukan:",
    "privacy": (
        "Privasi, singkatnya:\n"
        "• Kami menyimpan akunmu (nama tampilan, bahasa, pengaturan, dan persetujuanmu), prompt-mu, gambar yang dibuat "
        "untukmu, riwayat kreditmu, dan catatan pembayaran (tidak pernah data kartu: pembayaran ditangani oleh Creem), "
        "serta catatan tindakan admin kami pada akunmu (kredit yang ditambahkan atau ditarik, penangguhan, pemeriksaan "
        "akunmu).\n"
        "• Prompt, dan gambar apa pun yang kamu minta untuk kuedit, dikirim ke penyedia AI kami (KIE.ai) untuk membuat "
        "gambar; prompt diperiksa lebih dulu sebelum dikirim. Pembayaran diproses oleh Creem. Kami tidak menjual "
        "datamu.\n"
        "• /mydata mengekspor semua data yang kami simpan tentang kamu; /deleteme menghapus akun, prompt, gambar, dan "
        "catatanmu; /settings memungkinkanmu berhenti menerima pesan yang tidak penting.\n"
        "• Setelah penghapusan, kami hanya menyimpan hal yang mencegah penyalahgunaan batas pemakaian kami: hash "
        "berkunci dari ID platform-mu (tidak bisa dikembalikan menjadi ID), beserta jumlah gambar gratis yang terpakai "
        "hari ini (sampai akhir hari UTC) dan saldo yang belum dibayar, jika ada. Tidak ada hal lain tentang kamu.\n"
        "• Layanan ini tidak untuk orang berusia di bawah 13 tahun.\n"
        "Pertanyaan soal privasi: {contact}"
    ),
    "privacy_link": "Kebijakan privasi lengkap: {url}",
    "terms": (
        "Ketentuan penggunaan, singkatnya:\n"
        "• GPT-Image-2 untuk orang berusia 13 tahun ke atas.\n"
        "• Jangan meminta konten ilegal atau berbahaya, atau konten yang melanggar hak orang lain; prompt diperiksa "
        "dan bisa ditolak.\n"
        "• Gambar dibuat oleh AI dan mungkin tidak sempurna; kamu bertanggung jawab atas cara kamu menggunakannya.\n"
        "• Setiap gambar memakai jatah gambar gratis hari itu atau kredit; gambar yang gagal dibuat akan dikembalikan. "
        "Kredit yang belum terpakai hangus saat kamu menghapus akun.\n"
        "• Akun yang menyalahgunakan layanan dapat ditangguhkan.\n"
        "Pertanyaan: {contact}"
    ),
    "terms_link": "Ketentuan lengkap: {url}",
    # generation
    "queued": {
        "other": "Masuk antrean: {count} gambar, {cost}. Hasilnya akan kukirim ke sini.",
    },
    "queued_shared": {
        "other": "Masuk antrean: {count} gambar. Hasilnya akan kukirim ke sini.",
    },
    "queued_place": {
        "other": "Masuk antrean: {count} gambar, {cost}. {place} Hasilnya akan kukirim ke sini.",
    },
    "queued_shared_place": {
        "other": "Masuk antrean: {count} gambar. {place} Hasilnya akan kukirim ke sini.",
    },
    "place_next": "Giliranmu berikutnya — sekitar {eta}.",
    "place_in_line": "Kamu di urutan ke-{position} — sekitar {eta}.",
    "cost_free": {
        "other": "{count} gratis",
    },
    "cost_paid": {
        "other": "{count} kredit",
    },
    "cost_mixed": "{free} + {credits}",
    # amounts used inside other texts
    "n_credits": {
        "other": "{count} kredit",
    },
    "n_images": {
        "other": "{count} gambar",
    },
    "n_free_images": {
        "other": "{count} gambar gratis",
    },
    "free_left_today": {
        "other": "sisa {count} gambar gratis hari ini",
    },
    "progress_generating": "Sedang membuat… {done}/{count} selesai",
    "progress_storing": {
        "other": "Hampir selesai: menyimpan gambarmu…",
    },
    "done": "Selesai: “{prompt}” — {free_left}, {credits}.",
    "done_credits": "Selesai: “{prompt}” — sisa {credits}.",
    "done_shared": "Selesai: “{prompt}”",
    "done_paths": "Disimpan:",
    "partial": {
        "other": "{made} dari {count} gambar berhasil dibuat; jatah yang ditahan untuk sisanya sudah dikembalikan.",
    },
    "console_after": "Buat lagi yang serupa: /regenerate {id} · pakai gambar pertama sebagai referensi: /vary {id}",
    "failed": {
        "other": "Maaf, gambarmu tidak bisa dibuat: {reason} Tidak ada biaya: jatah yang ditahan sudah dikembalikan.",
    },
    "cancel_button": "✖ Batal",
    "cancelled": "Dibatalkan. Tidak ada yang dibuat, dan yang ditahan sudah dikembalikan: {refund}.",
    "cancelled_free_of_charge": "Dibatalkan. Tidak ada yang dibuat dan tidak ada biaya yang dikenakan.",
    "cancelled_shared": "Dibatalkan. Tidak ada yang dibuat, dan jatah yang ditahan sudah dikembalikan.",
    "refund_mixed": "{free} dan {credits}",
    "regenerate_button": "🔁 Buat ulang",
    "vary_button": "🎨 Variasi",
    "original_button": "🖼 File asli",
    # balance / billing
    "balance": (
        "Sisa gambar gratis hari ini: {free_left} dari {free_per_day}\nKredit berbayar: {credits}\nLangganan: {plan}"
    ),
    "balance_no_free": "Kredit berbayar: {credits}\nLangganan: {plan}",
    "plan_none": "tidak ada",
    "prices": "Kredit per gambar: 1K = {p1}, 2K = {p2}, 4K = {p4}.",
    "products_header": "Pilih paket atau langganan:",
    "product_line": {
        "other": "{label} — {price} ({count} kredit{per_month})",
    },
    "per_month": " per bulan",
    "checkout_link": "Bayar {label} di sini: {url}",
    "portal_link": "Kelola langgananmu di sini: {url}",
    "billing_plan": "Langgananmu: {plan}",
    "no_products": "Saat ini belum ada yang bisa dibeli.",
    "payment_received": {
        "other": "Pembayaran diterima: {count} kredit ditambahkan. Kreditmu sekarang: {balance}.",
    },
    "plan_renewed": {
        "other": "Langgananmu diperpanjang: {count} kredit ditambahkan. Kreditmu sekarang: {balance}.",
    },
    "plan_ended": (
        "Langgananmu telah berakhir; tidak akan ada lagi kredit bulanan yang ditambahkan. Kreditmu tetap milikmu."
    ),
    # a plan's status (Creem's subscription states): what it means and what to do, in /balance …
    "plan_state.active": "{plan}",
    "plan_state.trialing": "{plan} (uji coba)",
    "plan_state.scheduled_cancel": "{plan} (berakhir di akhir periode ini; lanjutkan lagi di /billing)",
    "plan_state.past_due": (
        "{plan} (pembayaran gagal dan sedang dicoba ulang; perbarui metode pembayaranmu di /billing)"
    ),
    "plan_state.unpaid": (
        "{plan} (ditangguhkan: pembayarannya belum masuk; bayar atau perbarui metode pembayaranmu di /billing)"
    ),
    "plan_state.paused": "{plan} (dijeda: tidak ada kredit bulanan sampai kamu melanjutkannya di /billing)",
    "plan_state.expired": "{plan} (kedaluwarsa tanpa pembayaran: tidak ada kredit bulanan; perpanjang di /billing)",
    # … and as a notice when it changes
    "plan_status.active": (
        "Langganan {plan} kamu aktif kembali. Kredit bulanan ditambahkan setiap kali pembayaran masuk."
    ),
    "plan_status.trialing": "Masa uji coba {plan} kamu sudah dimulai.",
    "plan_status.scheduled_cancel": (
        "Langganan {plan} kamu akan berakhir di akhir periode saat ini; sampai saat itu tidak ada yang berubah. "
        "Berubah pikiran? Lanjutkan lagi di /billing."
    ),
    "plan_status.past_due": (
        "Pembayaran untuk langganan {plan} kamu gagal. Pembayaran akan dicoba ulang; agar langgananmu tetap berjalan, "
        "perbarui metode pembayaranmu di /billing."
    ),
    "plan_status.unpaid": (
        "Langganan {plan} kamu ditangguhkan karena pembayarannya tidak berhasil ditagih: tidak ada kredit bulanan yang "
        "ditambahkan. Bayar atau perbarui metode pembayaranmu di /billing untuk melanjutkan."
    ),
    "plan_status.paused": (
        "Langganan {plan} kamu dijeda: tidak ada kredit bulanan yang ditambahkan sampai kamu melanjutkannya di "
        "/billing. Kreditmu tetap milikmu."
    ),
    "plan_status.expired": (
        "Langganan {plan} kamu telah kedaluwarsa: periodenya berakhir tanpa pembayaran, jadi tidak ada kredit bulanan "
        "yang ditambahkan. Pembayaran mungkin masih dicoba ulang; perbarui metode pembayaranmu di /billing untuk "
        "memperpanjang, atau batalkan langganan di sana."
    ),
    "payment_reversed": {
        "other": (
            "Sebuah pembayaran di-refund atau disengketakan: {count} kredit ditarik kembali. Kreditmu sekarang: "
            "{balance}."
        ),
    },
    "payment_page_title": "Terima kasih!",
    "payment_page": (
        "Pembayaranmu sedang dikonfirmasi. Kreditmu akan muncul di chat sebentar lagi — kamu bisa menutup halaman ini "
        "dan kembali ke bot."
    ),
    "payment_page_unverified_title": "Status pembayaran tidak diketahui",
    "payment_page_unverified": (
        "Kami tidak bisa memverifikasi tautan ini. Jika kamu sudah membayar, kreditmu tetap akan muncul di chat "
        "setelah pembayaran dikonfirmasi."
    ),
    "paysupport": (
        "Ada pertanyaan soal pembayaran? Hubungi {contact} dengan menyertakan detail pembayaranmu, dan kami akan "
        "membantu."
    ),
    "stars_button": {
        "other": "⭐ {count} Bintang",
    },
    "pay_with_card": "💳 {price}",
    # privacy
    "export_ready": (
        "Ini semua data yang kami simpan tentang kamu: mydata.json dan gambar-gambarmu, dalam satu file zip."
    ),
    "export_ready_parts": {
        "other": (
            "Ini semua data yang kami simpan tentang kamu: mydata.json dan gambar-gambarmu, dalam {count} file zip."
        ),
    },
    "export_kept": {
        "other": (
            "Ini semua data yang kami simpan tentang kamu (mydata.json dan gambar-gambarmu, dalam zip); file ini akan "
            "dihapus dalam {count} menit:"
        ),
    },
    "export_nothing": "Kami tidak menyimpan data apa pun tentang kamu.",
    "delete_confirm": {
        "other": (
            "Tindakan ini menghapus akun, prompt, gambar, kredit, dan catatan pembayaranmu secara permanen. Kredit "
            "yang belum terpakai akan hangus; gambar gratis yang sudah terpakai hari ini dan saldo yang belum dibayar "
            "tetap diperhitungkan jika kamu kembali (lihat /privacy). Untuk konfirmasi, kirim: /deleteme {code} "
            "(berlaku {count} menit). Untuk membatalkan dan menyimpan semuanya: /deleteme cancel."
        ),
    },
    "delete_confirm_buttons": (
        "Tindakan ini menghapus akun, prompt, gambar, kredit, dan catatan pembayaranmu secara permanen. Kredit yang "
        "belum terpakai akan hangus; gambar gratis yang sudah terpakai hari ini dan saldo yang belum dibayar tetap "
        "diperhitungkan jika kamu kembali (lihat /privacy). Kamu yakin?"
    ),
    "delete_button_yes": "Ya, hapus semuanya",
    "delete_button_no": "Batal",
    "deleted": (
        "Akun dan datamu sudah dihapus (kami hanya menyimpan hash berkunci yang dijelaskan di /privacy). Sampai jumpa! "
        "Kirim /start kalau suatu saat kamu ingin kembali."
    ),
    "delete_cancelled": "Penghapusan dibatalkan. Tidak ada yang dihapus.",
    "nothing_to_delete": "Kami tidak menyimpan data apa pun tentang kamu, jadi tidak ada yang perlu dihapus.",
    # admin actions, as the person they concern is told
    "admin_granted": {
        "other": "Admin menambahkan {count} kredit ke akunmu ({reason}). Kreditmu sekarang: {balance}.",
    },
    "admin_revoked": {
        "other": "Admin menarik {count} kredit dari akunmu ({reason}). Kreditmu sekarang: {balance}.",
    },
    "account_blocked": (
        "Akunmu ditangguhkan oleh admin: aku tidak akan membuat gambar baru atau menerima pembayaran untuk akun ini. "
        "Gambar yang sudah dalam proses tetap akan dikirim. Kamu masih bisa mengekspor datamu (/mydata), menghapus "
        "akunmu (/deleteme), dan membaca /privacy. Untuk bertanya, hubungi {contact}."
    ),
    "account_unblocked": "Akunmu aktif lagi. Kirim /help untuk melihat apa yang bisa kulakukan.",
    # admin tools (only admins ever see these)
    "discord.admin": "Alat admin",
    "discord.admin.user": "Saldo, langganan, pembuatan gambar terakhir, dan pembayaran seseorang",
    "discord.admin.who": "ID akun, ID pengguna, atau telegram:<id> / discord:<id>",
    "discord.admin.prompts": "Tampilkan juga prompt-nya (dicatat, dan orangnya bisa melihatnya)",
    "discord.admin.grant": "Tambahkan kredit berbayar ke seseorang",
    "discord.admin.revoke": "Tarik kembali kredit berbayar (tidak pernah di bawah nol)",
    "discord.admin.block": "Tolak semuanya kecuali hak privasi seseorang",
    "discord.admin.unblock": "Cabut blokir",
    "discord.admin.stats": "Orang, pembuatan gambar, kredit, biaya penyedia, dan antrean",
    "discord.admin.announce": "Beri tahu semua orang, masing-masing sekali (atau lihat progresnya)",
    "discord.admin.announce_kind": (
        "policy atau terms: perubahan yang wajib diketahui; news: dilewati bila notifikasi mati; status"
    ),
    "discord.admin.announce_text": "Yang ingin disampaikan ke semua orang (tidak perlu untuk status)",
    "admin.usage": "Perintah admin:",
    "admin.usage.user": (
        "/admin user <siapa> [--prompts] — saldo, langganan, pembuatan gambar terakhir, pembayaran (--prompts juga "
        "menampilkan prompt; akses ini dicatat dan orang tersebut melihatnya di /mydata)"
    ),
    "admin.usage.grant": "/admin grant <siapa> <kredit> <alasan> — tambahkan kredit berbayar",
    "admin.usage.revoke": (
        "/admin revoke <siapa> <kredit> <alasan> — tarik kembali kredit berbayar (saldo tidak pernah di bawah nol)"
    ),
    "admin.usage.block": (
        "/admin block <siapa> <alasan> — tolak semuanya kecuali /mydata, /deleteme, /privacy, /terms, dan /help"
    ),
    "admin.usage.unblock": "/admin unblock <siapa> [alasan] — cabut blokir",
    "admin.usage.stats": "/admin stats — orang, pembuatan gambar, kredit, biaya penyedia, dan antrean",
    "admin.usage.announce": (
        "/admin announce policy|terms|news <teks> — beri tahu semua orang, masing-masing sekali (perubahan kebijakan "
        "atau ketentuan sampai ke semua orang; berita melewati orang yang mematikan notifikasi); /admin announce "
        "status — sejauh mana pengirimannya"
    ),
    "admin.announced": (
        "Pengumuman {id} ({kind}) dicatat untuk {people}. Bot mengirimnya dengan prioritas terendah, sekali ke setiap "
        "orang; /admin announce status menunjukkan sejauh mana pengirimannya."
    ),
    "n_accounts": {
        "other": "{count} akun",
    },
    "admin.announced_already": (
        "Sudah dicatat: pengumuman {id} ({kind}) dari perintah ini; tidak ada yang dikirim dua kali."
    ),
    "admin.announcements_none": "Belum ada pengumuman.",
    "admin.announcement": (
        "{id} {kind} · {at} UTC · {people} · “{text}”\n"
        "  terkirim {sent} · diblokir {blocked} · gagal {failed} · dilewati {skipped} · tidak pasti {uncertain} · "
        "tersisa {remaining} · {eta}"
    ),
    "admin.announcement_done": "selesai",
    "admin.announcement_eta": "sekitar {eta} lagi ({rate}/s)",
    "admin.announcement_stalled": "tidak ada yang terkirim dalam {wait} terakhir: apakah bot berjalan?",
    "admin.usage_who": "<siapa>: ID akun, ID pengguna, atau telegram:<id>, discord:<id>, console:<nama>.",
    "admin.usage_of": "Penggunaan: {usage}",
    "admin.unknown_action": "Tidak ada perintah admin “{action}”.",
    "admin.already": (
        "Sudah dilakukan: perintah ini sudah diterapkan sebelumnya ({action}, {at}); tidak ada yang berubah."
    ),
    "admin.granted": "Diberikan kepada {who}: {credits}. Saldonya: {balance}.",
    "admin.revoked": "Ditarik dari {who}: {credits}. Saldonya: {balance}.",
    "admin.revoked_partly": {
        "other": (
            "Ditarik dari {who}: {credits} dari {count} kredit yang diminta, karena penarikan tidak pernah membuat "
            "saldo di bawah nol. Saldonya: {balance}."
        ),
    },
    "admin.blocked": (
        "{who} diblokir. Orang ini masih bisa memakai /mydata, /deleteme, /privacy, /terms, dan /help; pekerjaan yang "
        "sedang berjalan tetap diselesaikan."
    ),
    "admin.unblocked": "Blokir {who} dicabut.",
    "admin.person": "{name} (akun {account})",
    "admin.user": (
        "Akun {account} — {name}, bahasa {language}, sejak {created}\n"
        "Identitas: {identities}\n"
        "Persetujuan: {consent}; status: {status}\n"
        "Saldo: sisa {free_left} dari {free_per_day} gambar gratis hari ini, {credits}; langganan: {plan}"
    ),
    "admin.user_active": "aktif",
    "admin.user_blocked": "diblokir sejak {at} ({reason})",
    "admin.user_being_deleted": "sedang dihapus",
    "admin.user_consent_none": "belum diberikan",
    "admin.user_generations": "Pembuatan gambar terakhir:",
    "admin.user_generation": "• {at} {id} {status}: {count}×{resolution}, {cost}{error}",
    "admin.user_generation_error": "; kesalahan {code}",
    "admin.user_prompt": "   prompt: {prompt}",
    "admin.user_no_generations": "Belum ada pembuatan gambar.",
    "admin.user_payments": "Pembayaran terakhir:",
    "admin.user_payment": "• {at} {provider} {ref}: {credits}, {status}",
    "admin.user_no_payments": "Belum ada pembayaran.",
    "admin.user_prompts_logged": (
        "Prompt ditampilkan: akses ini tercatat di log audit, dan orang tersebut melihatnya di /mydata."
    ),
    "admin.stats": (
        "Statistik (UTC), hari ini / 7 hari terakhir:\n"
        "Orang aktif: {active_today} / {active_week}\n"
        "Pembuatan gambar diminta: {requested_today} / {requested_week}\n"
        "Selesai: terkirim {delivered_today} / {delivered_week}; dikembalikan sebagian {partly_today} / {partly_week}; "
        "dikembalikan {refunded_today} / {refunded_week}\n"
        "Kredit: terjual {sold_today} / {sold_week}; terpakai {used_today} / {used_week}; dikembalikan {back_today} / "
        "{back_week}; gambar gratis terpakai {free_today} / {free_week}\n"
        "Tugas penyedia: {tasks_today} / {tasks_week}; perkiraan biaya penyedia: {cost_today} / {cost_week}\n"
        "Saat ini: mengantre {queued}, berjalan {running}, sedang dikirim {undelivered}; orang dengan pekerjaan yang "
        "sedang berjalan: {accounts}"
    ),
    "admin.stats_cost": "Kredit KIE: {credits} ≈ ${usd}",
    # settings
    "settings": (
        "Pengaturanmu:\n"
        "Bahasa: {language}\n"
        "Rasio aspek: {aspect_ratio}\n"
        "Resolusi: {resolution}\n"
        "Kirim sebagai file: {send_as_file}\n"
        "Notifikasi: {notifications}"
    ),
    "settings_usage": (
        "Ubah dengan: /settings lang <{languages}|auto>, /settings ar <auto|1:1|9:16|16:9|4:3|3:4>, /settings res "
        "<1K|2K|4K>, /settings file <on|off>, /settings notify <on|off>"
    ),
    "language_auto": "otomatis ({language})",
    "language_choose": "Pilih bahasamu:",
    "language_button_auto": "Otomatis (ikuti aplikasiku)",
    "language_saved": "Bahasa disimpan: {language}.",
    "language_auto_saved": "Aku akan kembali mengikuti bahasa aplikasimu ({language}).",
    "language_unknown": "Aku belum bisa bahasa itu. Pilih salah satu: {languages}, atau auto.",
    "settings_button_language": "🌐 Bahasa",
    "settings_language_placeholder": "Bahasa",
    "settings_saved": "Tersimpan.",
    "settings_4k_square": (
        "4K tidak tersedia dengan rasio aspek 1:1, jadi tidak ada yang diubah. Pilih rasio aspek lain dulu (16:9, "
        "9:16, 4:3, atau 3:4), atau pilih 1K atau 2K."
    ),
    "settings_auto_1k": (
        "Rasio aspek auto hanya membuat gambar 1K, jadi tidak ada yang diubah. Pilih dulu rasio aspek seperti 16:9, "
        "atau pilih 1K."
    ),
    "option_unknown_ratio": "Rasio aspek “{value}” tidak dikenal. Gunakan salah satu: {allowed}.",
    "option_unknown_resolution": "Resolusi “{value}” tidak dikenal. Gunakan salah satu: {allowed}.",
    "option_count_range": "Jumlah gambar harus antara 1 dan {max}.",
    "option_count_not_number": "--n harus berupa angka 1 sampai 4, bukan “{value}”.",
    "option_needs_value": "Opsi --{option} perlu diberi nilai.",
    "option_unknown": "Opsi --{option} tidak dikenal. Opsi yang tersedia: --ar, --res, --n.",
    "option_4k_square": "4K tidak tersedia untuk rasio aspek 1:1; gunakan 1K atau 2K.",
    "option_auto_1k": "Rasio aspek auto hanya untuk 1K; pilih rasio aspek seperti 16:9 untuk 2K atau 4K.",
    "on": "aktif",
    "off": "nonaktif",
    "private_note": "Jawabannya sudah kukirim lewat pesan pribadi.",
    "private_unreachable": "Mulai chat pribadi denganku dulu, lalu coba lagi.",
    # discord
    "help_discord": (
        "Perintah:\n"
        "/imagine prompt: [aspect_ratio:] [resolution:] [count: 1-4] [reference: sebuah gambar] — buat gambar\n"
        "/cancel — batalkan permintaan terakhirmu yang masih mengantre (jatah yang ditahan langsung kembali)\n"
        "/balance — sisa gambar gratis hari ini dan kreditmu\n"
        "{buy}"
        "/settings — bahasa, rasio aspek dan resolusi default, notifikasi\n"
        "/regenerate — ulangi permintaan terakhirmu; /vary — variasi dari gambar terakhirmu\n"
        "/link [code:] — pakai satu akun di Telegram, Discord, dan konsol; /accounts — platform yang tertaut; /unlink "
        "platform: — lepaskan salah satunya\n"
        "/mydata — ekspor semua data yang kami simpan tentang kamu\n"
        "/deleteme — hapus akun dan datamu\n"
        "/terms — ketentuan penggunaan, /privacy — kebijakan privasi kami, /help — daftar ini\n"
        "Tombol di bawah hasil: Buat ulang mengulangi permintaan yang sama, Variasi memakai gambar pertama sebagai "
        "referensi.\n"
        "Catatan: 4K tidak tersedia untuk 1:1, dan rasio aspek auto hanya untuk 1K."
    ),
    "button_stale": "Tombol ini sudah tidak berfungsi. Kirim /help untuk melihat apa yang bisa kulakukan.",
    "image_too_large_link": "Gambar {index} terlalu besar untuk dilampirkan di sini; buka lewat tautan ini: {url}",
    "image_too_large": "Gambar {index} terlalu besar untuk dilampirkan di sini.",
    "notify_button_on": "🔔 Notifikasi: aktif",
    "notify_button_off": "🔕 Notifikasi: nonaktif",
    "settings_ar_placeholder": "Rasio aspek default",
    "settings_res_placeholder": "Resolusi default",
    "billing_button": "Kelola langganan",
    # errors
    "error.consent_required": "Setujui ketentuannya dulu ya: kirim /start.",
    "error.consent_outdated": "Setujui dulu ketentuan penggunaan atau kebijakan privasi kami yang sudah diperbarui.",
    "error.not_registered": "Kamu belum punya akun: kirim /start.",
    "error.prompt_empty": "Jelaskan gambar yang kamu inginkan: /imagine <prompt>.",
    "error.prompt_too_long": {
        "other": "Prompt-mu terlalu panjang ({count} karakter; batasnya {limit}).",
    },
    "error.prompt_invalid_characters": (
        "Prompt-mu berisi karakter yang tidak bisa kupakai (karakter null atau emoji yang rusak). Ketik ulang lalu "
        "kirim lagi. Tidak ada biaya yang dikenakan."
    ),
    "error.invalid_option": "{detail}",
    "error.too_many_references": {
        "other": "Terlalu banyak gambar referensi: kamu bisa memakai paling banyak {count}.",
    },
    "error.insufficient_credits": "Kredit tidak cukup: ini butuh {needed} dan kamu punya {credits}.",
    "short_of_images": (
        "Kredit tidak cukup: ini butuh {images}, sedangkan kamu punya {free_left} dan {credits} (setiap gambar di luar "
        "jatah gratis berharga {unit_price} untuk {resolution})."
    ),
    "error.insufficient_credits_shared": (
        "Kredit tidak cukup untuk ini. Kirim /balance kepadaku lewat chat pribadi untuk melihat kreditmu."
    ),
    "short_of_credits": {
        "other": (
            "Kredit tidak cukup: {count} gambar {resolution} butuh {needed} dan kamu punya {credits} (gambar gratis "
            "hanya berlaku sampai {free_max})."
        ),
    },
    "short_of_credits_no_free": {
        "other": "Kredit tidak cukup: {count} gambar {resolution} butuh {needed} dan kamu punya {credits}.",
    },
    "short_negative_balance": (
        "Saldo kreditmu {credits} setelah refund atau sengketa, jadi gambar baru harus menunggu sampai saldomu diisi "
        "ulang."
    ),
    "free_reset": "Jatah gambar gratis direset pukul {time} UTC, dalam {wait}.",
    "hint_buy": "Beli kredit dengan /buy.",
    "hint_plans": "Lihat pilihan langganan dengan /buy.",
    "error.rate_limited": {
        "other": "Pelan-pelan! Tunggu {count} detik, lalu coba lagi.",
    },
    "error.too_many_running": {
        "other": "Kamu sudah punya {count} pembuatan gambar yang sedang berjalan. Tunggu sampai ada yang selesai dulu.",
    },
    "error.prompt_rejected": "Prompt ini tidak bisa dipakai: {reason} Tidak ada biaya yang dikenakan.",
    "error.moderation_unavailable": (
        "Saat ini aku tidak bisa memeriksa prompt, jadi aku tidak bisa membuat gambar. Tidak ada biaya yang dikenakan."
    ),
    "error.provider_unavailable": "Layanan gambar sedang tidak tersedia. Coba lagi nanti.",
    "error.generation_failed": "Layanan gambar melaporkan kesalahan.",
    "error.generation_timeout": "Layanan gambar terlalu lama merespons.",
    "error.storage_failed": "Aku tidak bisa menyimpan hasilnya.",
    "error.payments_disabled": "Pembayaran belum diatur di bot ini.",
    "error.payments_unavailable": "Layanan pembayaran sedang tidak tersedia. Coba lagi nanti.",
    "error.unknown_product": "Aku tidak mengenal produk itu. Kirim /buy untuk melihat apa saja yang tersedia.",
    "error.not_found": "Aku tidak bisa menemukannya. Mungkin sudah dihapus.",
    "error.not_owner": "Hanya orang yang membuat gambar ini yang bisa memakai tombol ini.",
    "error.no_generations": "Kamu belum punya gambar untuk dipakai. Kirim /imagine <prompt> untuk membuatnya.",
    "error.no_plan": "Kamu tidak punya langganan.",
    "error.confirmation_invalid": (
        "Kode konfirmasi itu salah atau sudah kedaluwarsa. Kirim /deleteme untuk mendapatkan kode baru."
    ),
    "error.generation_in_progress": "Gambarmu masih dalam proses pembuatan. Konfirmasi lagi setelah selesai, ya.",
    "error.account_being_deleted": "Akunmu sedang dihapus, jadi aku tidak bisa melakukannya lagi.",
    "error.account_blocked": (
        "Maaf, akunmu ditangguhkan, jadi aku tidak bisa melakukannya. Kamu masih bisa mengekspor datamu (/mydata), "
        "menghapus akunmu (/deleteme), dan membaca /privacy, /terms, dan /help. Untuk bertanya, hubungi {contact}."
    ),
    "error.admin_no_such_person": (
        "Tidak ada yang ditemukan untuk “{who}”. Sebut orangnya dengan ID akun, ID pengguna, atau sebagai "
        "telegram:<id>, discord:<id>, atau console:<nama>."
    ),
    "error.admin_ambiguous": (
        "“{who}” adalah ID pengguna di beberapa platform: sebutkan yang mana, misalnya telegram:{who} atau "
        "discord:{who}."
    ),
    "error.admin_bad_credits": "Kredit harus berupa bilangan bulat dari 1 sampai {limit}.",
    "error.admin_reason_required": (
        "Berikan alasan: alasan disimpan di log audit dan orang tersebut melihatnya di /mydata."
    ),
    "error.busy": {
        "other": "Aku sedang sangat sibuk. Coba lagi dalam {count} menit. Tidak ada biaya yang dikenakan.",
    },
    "error.temporarily_unavailable": "Ada layanan yang untuk sementara tidak tersedia. Coba lagi dalam semenit.",
    "error.task_lost": "Prosesnya terputus saat sistem kami dimulai ulang.",
    "error.cancelled": "Kamu membatalkannya.",
    "error.nothing_to_cancel": "Tidak ada permintaanmu yang sedang mengantre untuk dibatalkan.",
    "error.already_started": (
        "Sudah terlambat untuk membatalkan: layanan gambar sudah mulai membuatnya dan tidak bisa dihentikan. Hasilnya "
        "tetap akan dikirim ke sini seperti biasa."
    ),
    "error.already_finished": "Permintaan itu sudah selesai, jadi tidak ada yang bisa dibatalkan.",
    "error.not_yours": "Hanya orang yang membuat permintaan ini yang bisa membatalkannya.",
    "error.link_code_invalid": (
        "Kode tautan itu salah, kedaluwarsa, atau sudah dipakai. Kirim /link di akunmu yang lain untuk mendapatkan "
        "kode baru, lalu kirim /link <kode> di sini."
    ),
    "error.link_same_platform": (
        "Akun yang ingin kamu gabungi sudah punya identitas {platform}, dan satu akun hanya bisa punya satu identitas "
        "per platform. Untuk menggantinya, kirim /unlink {platform} di sana dulu."
    ),
    "error.link_two_plans": (
        "Kedua akun punya langganan, dan akun gabungan hanya bisa punya satu. Batalkan salah satunya dulu (/billing di "
        "akun itu membuka portal penagihan), lalu tautkan lagi. Tidak ada yang diubah."
    ),
    "error.link_in_flight": (
        "Akun ini masih punya gambar yang sedang dibuat. Tautkan lagi setelah gambarnya sampai. Tidak ada yang diubah."
    ),
    "error.already_linked": "Akun ini sudah tertaut ke akun itu. Lihat /accounts.",
    "error.unlink_last": (
        "Itu satu-satunya identitas akun ini, jadi tidak bisa dilepas. Untuk menghapus akun, gunakan /deleteme."
    ),
    "error.unlink_not_linked": (
        "Akun ini tidak punya identitas {platform} untuk dilepas. Kirim /accounts untuk melihat yang tertaut."
    ),
    "error.internal": "Terjadi kesalahan di sistem kami (ID kesalahan {error_id}). Silakan coba lagi.",
    "reason_policy": "melanggar kebijakan konten.",
    "failed_reason.prompt_rejected": "Prompt ini tidak bisa dipakai: {reason}",
    # linking accounts across platforms (/link, /accounts, /unlink)
    "platform.telegram": "Telegram",
    "platform.discord": "Discord",
    "platform.console": "konsol",
    "link_code": (
        "Kode tautanmu: {code}\n"
        "Kirim /link {code} dari akunmu di platform lain untuk memakai satu akun, dengan satu saldo, di mana saja. "
        "Kode ini hanya berlaku sekali, selama {wait}. Jangan bagikan ke siapa pun: siapa pun yang memakainya akan "
        "berbagi kredit, langganan, dan riwayatmu."
    ),
    "link_confirm": (
        "Akun {platform} kamu akan berbagi kredit, langganan, dan riwayat dengan pengguna {issuer_platform} {issuer}."
    ),
    "link_merge": (
        "Kedua akun punya riwayat, jadi keduanya akan digabung:\n"
        "• kredit berbayar dijumlahkan: {credits_here} di sini + {credits_there} di sana = {credits_total}\n"
        "• gambar gratis hari ini dihitung sekali: {free_used} dari {free_per_day} terpakai (yang lebih tinggi dari "
        "keduanya)\n"
        "• semua yang dibuat di sini (gambar: {images}, pembayaran: {payments}) pindah ke akun gabungan, yang "
        "pengaturannya tetap dipakai\n"
        "• {plan_line}"
    ),
    "link_merge_no_free": (
        "Kedua akun punya riwayat, jadi keduanya akan digabung:\n"
        "• kredit berbayar dijumlahkan: {credits_here} di sini + {credits_there} di sana = {credits_total}\n"
        "• semua yang dibuat di sini (gambar: {images}, pembayaran: {payments}) pindah ke akun gabungan, yang "
        "pengaturannya tetap dipakai\n"
        "• {plan_line}"
    ),
    "link_plan_kept": "langganan: {plan} tetap di akun gabungan",
    "link_no_plan": "langganan: tidak ada di kedua akun",
    "link_confirm_console": "Untuk konfirmasi, kirim: /link {code} yes",
    "link_button_yes": "Tautkan akun",
    "link_button_no": "Batal",
    "link_cancelled": "Tidak ada yang ditautkan.",
    "link_done": (
        "Tertaut! Akun {platform} ini sekarang berbagi kredit, langganan, dan riwayat dengan pengguna "
        "{issuer_platform} {issuer}.\n"
        "Kredit berbayar: {credits}. Sisa gambar gratis hari ini: {free_left} dari {free_per_day}."
    ),
    "link_done_no_free": (
        "Tertaut! Akun {platform} ini sekarang berbagi kredit, langganan, dan riwayat dengan pengguna "
        "{issuer_platform} {issuer}.\n"
        "Kredit berbayar: {credits}."
    ),
    "link_done_already": "Akun ini sudah tertaut ke akun itu. Lihat /accounts.",
    "accounts_list": "Akun ini dipakai dari:\n{lines}",
    "accounts_line": "• {platform}: {label}",
    "accounts_line_you": "• {platform}: {label} (kamu, di sini)",
    "accounts_hint": (
        "Untuk menambah platform lain, kirim /link. Untuk melepas salah satunya, kirim /unlink {platform}."
    ),
    "accounts_hint_one": "Untuk memakai akun ini juga di platform lain, kirim /link.",
    "unlinked": (
        "{platform} tidak lagi tertaut ke akun ini. Riwayatnya tetap di akun; {platform} akan mulai dari awal pada "
        "/start berikutnya."
    ),
    "unlinked_you": (
        "Identitas {platform} ini tidak lagi tertaut ke akun. Riwayatnya tetap di akun; kirim /start untuk mulai dari "
        "awal di sini."
    ),
    "delete_identities": "Ini menghapus akun untuk semua identitas yang tertaut ke akun ini: {identities}.",
    # telegram
    "status_pending": "⏳ Sedang dikerjakan…",
    "status_done": {
        "other": "✅ Selesai: {count} gambar, ada di bawah.",
    },
    "result_actions": "Buat lagi yang serupa, atau ambil file aslinya:",
    "buy_button": "💳 Beli kredit",
    "settings_button_file": "📎 Kirim sebagai file",
    "settings_button_notify": "🔔 Notifikasi",
    "stars_refused": "Tagihan ini sudah tidak berlaku. Kirim /buy untuk tagihan baru.",
    "stars_wrong_account": "Tagihan ini dibuat untuk akun lain. Kirim /buy untuk mendapatkan tagihanmu sendiri.",
    "photo_hint": (
        "Fotonya bagus! Untuk mengeditnya, balas foto itu dengan /imagine <apa yang ingin diubah>, atau kirim lagi "
        "fotonya dengan keterangan berisi hal itu."
    ),
    "unusable_sticker": (
        "Aku tidak bisa memakai stiker. Jelaskan gambar yang kamu mau (di sini setiap pesan adalah prompt), atau kirim "
        "foto dengan keterangan berisi apa yang ingin diubah."
    ),
    "unusable_animation": (
        "Aku tidak bisa memakai GIF atau animasi. Kirim foto biasa (bukan animasi) dengan keterangan berisi apa yang "
        "ingin diubah, atau jelaskan gambar baru."
    ),
    "unusable_voice": "Aku tidak bisa mendengarkan pesan suara atau audio. Ketik saja apa yang ingin kugambar.",
    "unusable_video": (
        "Aku tidak bisa memakai video. Kirim foto biasa dengan keterangan berisi apa yang ingin diubah, atau jelaskan "
        "gambar baru."
    ),
    "unusable_document": (
        "Aku hanya bisa memakai gambar (PNG, JPEG, atau WebP). Kirim foto dengan keterangan berisi apa yang ingin "
        "diubah, atau jelaskan gambar baru."
    ),
    "preview_title": "PRATINJAU OFFLINE",
    "preview_footer": (
        "Pratinjau {width}x{height} px dari gambar {nominal_width}x{nominal_height} ({resolution}, {aspect_ratio}) · "
        "seed {seed}"
    ),
    "preview_references": {
        "other": " · diedit dari {count} referensi",
    },
    "reference_too_large": (
        "Gambar itu terlalu besar untuk kuunduh (lebih dari {mb} MB). Kirim gambar yang lebih kecil, ya."
    ),
    "reference_download_failed": "Aku tidak bisa mengunduh gambar itu. Coba kirim lagi.",
    "reference_no_file": "Tidak ada file gambar di {path}.",
    "reference_invalid": "Referensi harus berupa gambar PNG, JPEG, atau WebP di bawah 20 MB.",
    "command.start": "Mulai dan setujui ketentuan",
    "command.imagine": "Buat gambar: /imagine <prompt> [--ar 16:9] [--res 2K] [--n 1-4]",
    "command.cancel": "Batalkan permintaan yang masih mengantre",
    "command.balance": "Sisa gambar gratis hari ini dan kreditmu",
    "command.buy": "Beli kredit atau langganan",
    "command.billing": "Kelola langgananmu",
    "command.settings": "Bahasa, rasio aspek, resolusi, notifikasi",
    "command.mydata": "Ekspor semua data yang kami simpan tentang kamu",
    "command.deleteme": "Hapus akun dan datamu",
    "command.privacy": "Kebijakan privasi kami",
    "command.terms": "Ketentuan penggunaan kami",
    "command.regenerate": "Buat ulang gambar terakhirmu (atau /regenerate <id>)",
    "command.vary": "Variasi dari gambar terakhirmu (atau /vary <id>)",
    "command.paysupport": "Bantuan soal pembayaran",
    "command.help": "Apa yang bisa kulakukan",
    "command.link": "Pakai satu akun di Telegram, Discord, dan konsol",
    "command.accounts": "Platform yang tertaut ke akunmu",
    "command.unlink": "Lepaskan platform dari akunmu",
    "command.admin": "Alat admin: /admin help",
    # Discord slash commands (descriptions ≤ 100 characters; command and option names stay English)
    "discord.command.start": "Mulai: setujui ketentuan untuk memulai",
    "discord.command.imagine": "Buat gambar dari deskripsi",
    "discord.command.regenerate": "Ulangi permintaan terakhirmu",
    "discord.command.vary": "Variasi dari gambar terakhirmu",
    "discord.option.prompt": "Apa yang ingin digambar",
    "discord.option.aspect_ratio": "Bentuk gambar (default: pengaturanmu)",
    "discord.option.resolution": "1K, 2K, atau 4K (default: pengaturanmu)",
    "discord.option.count": "Jumlah gambar (1-4)",
    "discord.option.reference": "Gambar untuk diedit atau dijadikan inspirasi",
    "discord.option.request": "ID permintaan (default: permintaan terakhirmu yang masih menunggu)",
    "discord.option.code": "Kode dari /link di platform lainmu (kosongkan untuk mendapatkan kode)",
    "discord.option.platform": "Platform yang ingin dilepas (riwayatnya tetap di akun)",
    "discord.choice.auto": "auto",
}
