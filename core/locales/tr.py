"""Turkish texts (friendly "sen" throughout): the same keys and placeholders as `en.py`."""

from core.locales import Text

TEXTS: dict[str, Text] = {
    # onboarding
    "welcome": (
        "GPT-Image-2'ye hoş geldin! Kelimelerini görsellere dönüştürüyorum.\n"
        "Başlamadan önce lütfen kullanım koşullarımızı (/terms) ve gizlilik politikamızı (/privacy) oku; ardından "
        "bunları kabul ettiğini ve 13 yaşında ya da daha büyük olduğunu onayla."
    ),
    "welcome_back": (
        "Tekrar hoş geldin! Görsel oluşturmak için /imagine <istem> gönder; neler yapabildiğimi görmek için /help yaz."
    ),
    "consent_accepted": {
        "one": (
            "Teşekkürler! Artık görsel oluşturabilirsin: /imagine <istem>. Her gün {count} ücretsiz görsel hakkın var."
        ),
        "other": (
            "Teşekkürler! Artık görsel oluşturabilirsin: /imagine <istem>. Her gün {count} ücretsiz görsel hakkın var."
        ),
    },
    "consent_accepted_paid": "Teşekkürler! Artık görsel oluşturabilirsin: /imagine <istem>. Her görsel kredi harcar.",
    "consent_age_required": "Üzgünüm, GPT-Image-2 yalnızca 13 yaş ve üzerindeki kişiler içindir.",
    "consent_prompt_console": (
        "Koşulları ve gizlilik politikasını kabul edip 13 yaşında ya da daha büyük olduğunu onaylamak için /accept "
        "gönder (değilse /decline)."
    ),
    "consent_needed_console": (
        "Lütfen önce koşulları kabul et: /accept gönder (koşulları /terms ve /privacy ile okuyabilirsin)."
    ),
    "consent_changed": (
        "{documents} güncelledik. {read}\n"
        "Görsel oluşturmaya devam etmek için lütfen yeni sürümü kabul et ve 13 yaşında ya da daha büyük olduğunu "
        "onayla."
    ),
    "consent_changed_documents.terms": "Kullanım koşullarımızı",
    "consent_changed_documents.privacy": "Gizlilik politikamızı",
    "consent_changed_documents.both": "Kullanım koşullarımızı ve gizlilik politikamızı",
    "consent_changed_what": "Neler değişti: {url}",
    "consent_changed_read": "Tam metin: {url}",
    "consent_changed_read.terms": "/terms ile okuyabilirsin.",
    "consent_changed_read.privacy": "/privacy ile okuyabilirsin.",
    "consent_changed_read.both": "/terms ve /privacy ile okuyabilirsin.",
    "consent_declined_update": (
        "Anlaşıldı. Yeni sürümü kabul edene kadar görsel oluşturamazsın, ama hesabın olduğu gibi kalır: /mydata "
        "verilerini dışa aktarır, /deleteme onları siler. Bir dahaki sefere yeniden sorulacak."
    ),
    "announcement.policy": "📣 Gizlilik politikamız değişti.\n\n{text}\n\n{read}",
    "announcement.terms": "📣 Kullanım koşullarımız değişti.\n\n{text}\n\n{read}",
    "announcement.news": "📣 {text}\n\n(Bu tür mesajları /settings üzerinden kapatabilirsin.)",
    "announcement_accept_next": "Bir sonraki görselinden önce yeni sürümü kabul etmen istenecek.",
    "consent_button_accept": "Kabul ediyorum, 13 yaş ve üzeriyim",
    "consent_button_decline": "Hayır, teşekkürler",
    "help": (
        "Komutlar:\n"
        "/imagine <istem> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] — görsel oluştur\n"
        "Bir fotoğrafı düzenlemek için ona /imagine <neyin değişeceği> ile yanıt ver ya da fotoğrafı bunu açıklama "
        "olarak yazıp gönder.\n"
        "Özel sohbette her mesaj da bir istem sayılır.\n"
        "/regenerate [id] — son talebini tekrarla; /vary [id] — son görselinin bir varyasyonu\n"
        "/cancel — sırada bekleyen son talebini iptal et (ayrılan hakların hemen geri gelir)\n"
        "/balance — bugün kalan ücretsiz görseller ve kredilerin\n"
        "{buy}"
        "/settings — dil, varsayılan en-boy oranı ve çözünürlük, dosyalar, bildirimler\n"
        "/link [kod] — Telegram, Discord ve konsolda tek bir hesap kullan; /accounts — bağlı platformlar; /unlink "
        "<platform> — birini ayır\n"
        "/mydata — hakkında tuttuğumuz her şeyi dışa aktar\n"
        "/deleteme — hesabını ve verilerini sil\n"
        "/terms — kullanım koşulları; /privacy — gizlilik politikamız\n"
        "/start — baştan başla, /help — bu liste\n"
        "Notlar: 4K, 1:1 oranında kullanılamaz; auto en-boy oranı yalnızca 1K ile çalışır."
    ),
    "help_console": (
        "Komutlar:\n"
        "/start, ardından /accept (ya da /decline) — koşulları kabul et ve 13 yaşında ya da daha büyük olduğunu "
        "onayla\n"
        "/imagine <istem> [--ar auto|1:1|9:16|16:9|4:3|3:4] [--res 1K|2K|4K] [--n 1-4] [--ref <görsel dosyası>] — "
        "görsel oluştur; --ref bir görsel dosyasını düzenler (birden fazlası için tekrarla)\n"
        "Komut olmayan her satır da bir istem sayılır.\n"
        "/regenerate [id] — son talebini tekrarla; /vary [id] — son görselinin bir varyasyonu\n"
        "/cancel [id] — sırada bekleyen bir talebi iptal et (ayrılan hakların hemen geri gelir)\n"
        "/balance — bugün kalan ücretsiz görseller ve kredilerin\n"
        "{buy}"
        "/settings [lang|ar|res|file|notify <değer>] — dilin ve varsayılan ayarların\n"
        "/link [kod] — Telegram, Discord ve konsolda tek bir hesap kullan; /accounts — bağlı platformlar; /unlink "
        "<platform> — birini ayır\n"
        "/mydata — hakkında tuttuğumuz her şeyi dışa aktar\n"
        "/deleteme — hesabını ve verilerini sil\n"
        "/terms — kullanım koşulları; /privacy — gizlilik politikamız\n"
        "/help — bu liste. Çıkmak için Ctrl-D (ya da Ctrl-C).\n"
        "Notlar: 4K, 1:1 oranında kullanılamaz; auto en-boy oranı yalnızca 1K ile çalışır."
    ),
    "help_buy": (
        "/buy — kredi veya abonelik satın al; /billing — aboneliğini yönet; /paysupport — ödemeyle ilgili yardım\n"
    ),
    "help_buy_console": (
        "/buy [ürün] — kredi veya abonelik satın al; /billing — aboneliğini yönet; /paysupport — ödemeyle ilgili "
        "yardım\n"
    ),
    "help_buy_discord": "/buy — kredi veya abonelik satın al\n/billing — aboneliğini yönet\n",
    "console_banner": (
        "GPT-Image-2 konsol sohbeti. Komutlar için /help, başlamak için /start yaz; diğer her satır bir istem sayılır. "
        "Çıkmak için Ctrl-D ya da Ctrl-C."
    ),
    "unknown_command": "Bu komutu tanımıyorum. Yapabildiklerim şunlar:",
    "privacy": (
        "Kısaca gizlilik:\n"
        "• Hesabını (görünen adın, dilin, ayarların, onayın), istemlerini, senin için üretilen görselleri, kredi "
        "hareketlerini, ödeme kayıtlarını (kart bilgilerini asla saklamayız: ödemeleri Creem yönetir) ve "
        "yöneticilerimizin hesabında yaptıklarının kaydını (eklenen ya da geri alınan krediler, askıya alma, hesabına "
        "bakılması) saklarız.\n"
        "• İstemler ve düzenlememi istediğin görseller, görselleri üretmek için yapay zekâ sağlayıcımıza (KIE.ai) "
        "gönderilir; istemler bundan önce denetlenir. Ödemeler Creem tarafından işlenir. Verilerini satmayız.\n"
        "• /mydata hakkında tuttuğumuz her şeyi dışa aktarır; /deleteme hesabını, istemlerini, görsellerini ve "
        "kayıtlarını siler; /settings ile zorunlu olmayan mesajları kapatabilirsin.\n"
        "• Silme işleminden sonra yalnızca kullanım sınırlarımızın kötüye kullanılmasını önleyen bilgileri tutarız: "
        "platform kimliğinin anahtarlı bir özeti (kimliğe geri dönüştürülemez), bugün kullandığın ücretsiz görseller "
        "(UTC gününün sonuna kadar) ve varsa ödenmemiş bakiye. Seninle ilgili başka hiçbir şey tutmayız.\n"
        "• Hizmet 13 yaşından küçükler için değildir.\n"
        "Gizlilikle ilgili sorular: {contact}"
    ),
    "privacy_link": "Gizlilik politikasının tamamı: {url}",
    "terms": (
        "Kısaca kullanım koşulları:\n"
        "• GPT-Image-2, 13 yaş ve üzerindeki kişiler içindir.\n"
        "• Yasa dışı ya da zararlı içerik veya başkalarının haklarını ihlal eden içerik isteme; istemler denetlenir ve "
        "reddedilebilir.\n"
        "• Görseller yapay zekâ tarafından üretilir ve kusurlu olabilir; onları nasıl kullandığından sen sorumlusun.\n"
        "• Her görsel, günün ücretsiz görsellerinden ya da kredilerinden düşer; üretilemeyen bir görselin bedeli iade "
        "edilir. Kullanılmayan krediler hesabını sildiğinde kaybolur.\n"
        "• Hizmeti kötüye kullanan hesaplar askıya alınabilir.\n"
        "Sorular: {contact}"
    ),
    "terms_link": "Koşulların tamamı: {url}",
    # generation
    "queued": {
        "one": "Sıraya alındı: {count} görsel, {cost}. Sonucu buraya göndereceğim.",
        "other": "Sıraya alındı: {count} görsel, {cost}. Sonuçları buraya göndereceğim.",
    },
    "queued_shared": {
        "one": "Sıraya alındı: {count} görsel. Sonucu buraya göndereceğim.",
        "other": "Sıraya alındı: {count} görsel. Sonuçları buraya göndereceğim.",
    },
    "queued_place": {
        "one": "Sıraya alındı: {count} görsel, {cost}. {place} Sonucu buraya göndereceğim.",
        "other": "Sıraya alındı: {count} görsel, {cost}. {place} Sonuçları buraya göndereceğim.",
    },
    "queued_shared_place": {
        "one": "Sıraya alındı: {count} görsel. {place} Sonucu buraya göndereceğim.",
        "other": "Sıraya alındı: {count} görsel. {place} Sonuçları buraya göndereceğim.",
    },
    "place_next": "Sıradaki sensin — yaklaşık {eta}.",
    "place_in_line": "Sırada {position}. kişisin — yaklaşık {eta}.",
    "cost_free": {
        "one": "{count} ücretsiz",
        "other": "{count} ücretsiz",
    },
    "cost_paid": {
        "one": "{count} kredi",
        "other": "{count} kredi",
    },
    "cost_mixed": "{free} + {credits}",
    # amounts used inside other texts
    "n_credits": {
        "one": "{count} kredi",
        "other": "{count} kredi",
    },
    "n_images": {
        "one": "{count} görsel",
        "other": "{count} görsel",
    },
    "n_free_images": {
        "one": "{count} ücretsiz görsel",
        "other": "{count} ücretsiz görsel",
    },
    "free_left_today": {
        "one": "bugün kalan {count} ücretsiz görsel",
        "other": "bugün kalan {count} ücretsiz görsel",
    },
    "progress_generating": "Oluşturuluyor… {done}/{count} tamamlandı",
    "progress_storing": {
        "one": "Az kaldı: görselin kaydediliyor…",
        "other": "Az kaldı: görsellerin kaydediliyor…",
    },
    "done": "Tamamlandı: “{prompt}” — {free_left}, {credits}.",
    "done_credits": "Tamamlandı: “{prompt}” — kalan: {credits}.",
    "done_shared": "Tamamlandı: “{prompt}”",
    "done_paths": "Kaydedilen dosyalar:",
    "partial": {
        "one": "{count} görselden {made} tanesi oluşturulabildi; diğerleri için ayrılanlar iade edildi.",
        "other": "{count} görselden {made} tanesi oluşturulabildi; diğerleri için ayrılanlar iade edildi.",
    },
    "console_after": "Benzerlerini üret: /regenerate {id} · ilk görseli referans olarak kullan: /vary {id}",
    "failed": {
        "one": "Üzgünüm, görselin oluşturulamadı: {reason} Ücret alınmadı: ayrılanlar iade edildi.",
        "other": "Üzgünüm, görsellerin oluşturulamadı: {reason} Ücret alınmadı: ayrılanlar iade edildi.",
    },
    "cancel_button": "✖ İptal",
    "cancelled": "İptal edildi. Hiçbir şey üretilmedi; ayrılanlar iade edildi: {refund}.",
    "cancelled_free_of_charge": "İptal edildi. Hiçbir şey üretilmedi ve ücret alınmadı.",
    "cancelled_shared": "İptal edildi. Hiçbir şey üretilmedi; ayrılan haklar iade edildi.",
    "refund_mixed": "{free} ve {credits}",
    "regenerate_button": "🔁 Yeniden oluştur",
    "vary_button": "🎨 Varyasyon",
    "original_button": "🖼 Orijinal dosya",
    # balance / billing
    "balance": "Bugün kalan ücretsiz görsel: {free_left}/{free_per_day}\nÜcretli kredi: {credits}\nAbonelik: {plan}",
    "balance_no_free": "Ücretli kredi: {credits}\nAbonelik: {plan}",
    "plan_none": "yok",
    "prices": "Görsel başına kredi: 1K = {p1}, 2K = {p2}, 4K = {p4}.",
    "products_header": "Bir paket veya abonelik seç:",
    "product_line": {
        "one": "{label} — {price} ({count} kredi{per_month})",
        "other": "{label} — {price} ({count} kredi{per_month})",
    },
    "per_month": "/ay",
    "checkout_link": "{label} ödemesini buradan yapabilirsin: {url}",
    "portal_link": "Aboneliğini buradan yönet: {url}",
    "billing_plan": "Aboneliğin: {plan}",
    "no_products": "Şu anda satın alınabilecek bir şey yok.",
    "payment_received": {
        "one": "Ödeme alındı: {count} kredi eklendi. Şu anki kredin: {balance}.",
        "other": "Ödeme alındı: {count} kredi eklendi. Şu anki kredin: {balance}.",
    },
    "plan_renewed": {
        "one": "Aboneliğin yenilendi: {count} kredi eklendi. Şu anki kredin: {balance}.",
        "other": "Aboneliğin yenilendi: {count} kredi eklendi. Şu anki kredin: {balance}.",
    },
    "plan_ended": "Aboneliğin sona erdi; artık aylık kredi eklenmeyecek. Kredilerin sende kalır.",
    # a plan's status (Creem's subscription states): what it means and what to do, in /balance …
    "plan_state.active": "{plan}",
    "plan_state.trialing": "{plan} (deneme)",
    "plan_state.scheduled_cancel": "{plan} (bu dönemin sonunda bitiyor; /billing üzerinden devam ettirebilirsin)",
    "plan_state.past_due": (
        "{plan} (bir ödeme başarısız oldu ve yeniden denenecek; /billing üzerinden ödeme yöntemini güncelle)"
    ),
    "plan_state.unpaid": (
        "{plan} (askıya alındı: ödemesi yapılmadı; /billing üzerinden öde ya da ödeme yöntemini güncelle)"
    ),
    "plan_state.paused": "{plan} (duraklatıldı: /billing üzerinden devam ettirene kadar aylık kredi yok)",
    "plan_state.expired": "{plan} (ödeme yapılmadan süresi doldu: aylık kredi yok; /billing üzerinden yenile)",
    # … and as a notice when it changes
    "plan_status.active": "{plan} aboneliğin yeniden etkin. Aylık krediler her ödemeyle eklenir.",
    "plan_status.trialing": "{plan} deneme süren başladı.",
    "plan_status.scheduled_cancel": (
        "{plan} aboneliğin mevcut dönemin sonunda sona erecek; o zamana kadar hiçbir şey değişmez. Fikrini mi "
        "değiştirdin? /billing üzerinden devam ettirebilirsin."
    ),
    "plan_status.past_due": (
        "{plan} aboneliğinin ödemesi başarısız oldu. Ödeme yeniden denenecek; aboneliğini korumak için /billing "
        "üzerinden ödeme yöntemini güncelle."
    ),
    "plan_status.unpaid": (
        "Ödemesi tahsil edilemediği için {plan} aboneliğin askıya alındı: aylık kredi eklenmiyor. Devam etmek için "
        "/billing üzerinden öde ya da ödeme yöntemini güncelle."
    ),
    "plan_status.paused": (
        "{plan} aboneliğin duraklatıldı: /billing üzerinden devam ettirene kadar aylık kredi eklenmez. Kredilerin "
        "sende kalır."
    ),
    "plan_status.expired": (
        "{plan} aboneliğinin süresi doldu: dönem ödeme yapılmadan sona erdi, bu yüzden aylık kredi eklenmiyor. Ödeme "
        "yine de yeniden denenebilir; yenilemek için /billing üzerinden ödeme yöntemini güncelle ya da aboneliği "
        "oradan iptal et."
    ),
    "payment_reversed": {
        "one": "Bir ödeme iade edildi ya da itiraz edildi: {count} kredi geri alındı. Şu anki kredin: {balance}.",
        "other": "Bir ödeme iade edildi ya da itiraz edildi: {count} kredi geri alındı. Şu anki kredin: {balance}.",
    },
    "payment_page_title": "Teşekkürler!",
    "payment_page": "Ödemen onaylanıyor. Kredilerin birazdan sohbette görünecek; bu sayfayı kapatıp bota dönebilirsin.",
    "payment_page_unverified_title": "Ödeme durumu bilinmiyor",
    "payment_page_unverified": (
        "Bu bağlantıyı doğrulayamadık. Ödeme yaptıysan, ödeme onaylandığında kredilerin yine de sohbette görünecek."
    ),
    "paysupport": (
        "Bir ödemeyle ilgili sorun mu var? Ödeme bilgilerinle birlikte bize yaz: {contact} — yardımcı olalım."
    ),
    "stars_button": {
        "one": "⭐ {count} Yıldız",
        "other": "⭐ {count} Yıldız",
    },
    "pay_with_card": "💳 {price}",
    # privacy
    "export_ready": "Hakkında tuttuğumuz her şey burada: mydata.json ve görsellerin, tek bir zip dosyasında.",
    "export_ready_parts": {
        "one": "Hakkında tuttuğumuz her şey burada: mydata.json ve görsellerin, {count} zip dosyasında.",
        "other": "Hakkında tuttuğumuz her şey burada: mydata.json ve görsellerin, {count} zip dosyasında.",
    },
    "export_kept": {
        "one": (
            "Hakkında tuttuğumuz her şey burada (mydata.json ve görsellerin, zip olarak); dosya {count} dakika sonra "
            "silinecek:"
        ),
        "other": (
            "Hakkında tuttuğumuz her şey burada (mydata.json ve görsellerin, zip olarak); dosya {count} dakika sonra "
            "silinecek:"
        ),
    },
    "export_nothing": "Hakkında hiçbir veri tutmuyoruz.",
    "delete_confirm": {
        "one": (
            "Bu işlem hesabını, istemlerini, görsellerini, kredilerini ve ödeme kayıtlarını kalıcı olarak siler. "
            "Kullanılmayan krediler kaybolur; geri dönersen bugün kullandığın ücretsiz görseller ve varsa ödenmemiş "
            "bakiye yine hesaba katılır (bkz. /privacy). Onaylamak için şunu gönder: /deleteme {code} ({count} dakika "
            "geçerli). Her şeyi korumak için: /deleteme cancel."
        ),
        "other": (
            "Bu işlem hesabını, istemlerini, görsellerini, kredilerini ve ödeme kayıtlarını kalıcı olarak siler. "
            "Kullanılmayan krediler kaybolur; geri dönersen bugün kullandığın ücretsiz görseller ve varsa ödenmemiş "
            "bakiye yine hesaba katılır (bkz. /privacy). Onaylamak için şunu gönder: /deleteme {code} ({count} dakika "
            "geçerli). Her şeyi korumak için: /deleteme cancel."
        ),
    },
    "delete_confirm_buttons": (
        "Bu işlem hesabını, istemlerini, görsellerini, kredilerini ve ödeme kayıtlarını kalıcı olarak siler. "
        "Kullanılmayan krediler kaybolur; geri dönersen bugün kullandığın ücretsiz görseller ve varsa ödenmemiş bakiye "
        "yine hesaba katılır (bkz. /privacy). Emin misin?"
    ),
    "delete_button_yes": "Evet, her şeyi sil",
    "delete_button_no": "Vazgeç",
    "deleted": (
        "Hesabın ve verilerin silindi (yalnızca /privacy bölümünde açıklanan anahtarlı özeti tutuyoruz). Hoşça kal! "
        "Bir gün geri dönmek istersen /start gönder."
    ),
    "delete_cancelled": "Silme işlemi iptal edildi. Hiçbir şey silinmedi.",
    "nothing_to_delete": "Hakkında hiçbir veri tutmuyoruz, bu yüzden silinecek bir şey yok.",
    # admin actions, as the person they concern is told
    "admin_granted": {
        "one": "Bir yönetici hesabına {count} kredi ekledi ({reason}). Şu anki kredin: {balance}.",
        "other": "Bir yönetici hesabına {count} kredi ekledi ({reason}). Şu anki kredin: {balance}.",
    },
    "admin_revoked": {
        "one": "Bir yönetici hesabından {count} kredi geri aldı ({reason}). Şu anki kredin: {balance}.",
        "other": "Bir yönetici hesabından {count} kredi geri aldı ({reason}). Şu anki kredin: {balance}.",
    },
    "account_blocked": (
        "Hesabın bir yönetici tarafından askıya alındı: bu hesap için artık yeni görsel üretmeyeceğim ve ödeme "
        "almayacağım. Yolda olan görseller yine de gelir. Verilerini dışa aktarmaya (/mydata), hesabını silmeye "
        "(/deleteme) ve /privacy okumaya devam edebilirsin. Sorular için: {contact}."
    ),
    "account_unblocked": "Hesabın yeniden etkin. Neler yapabildiğimi görmek için /help gönder.",
    # admin tools (only admins ever see these)
    "discord.admin": "Yönetici araçları",
    "discord.admin.user": "Bir kişinin bakiyesi, aboneliği, son üretimleri ve ödemeleri",
    "discord.admin.who": "Hesap kimliği, kullanıcı kimliği ya da telegram:<id> / discord:<id>",
    "discord.admin.prompts": "İstemleri de göster (kayda geçer ve kişi bunu görür)",
    "discord.admin.grant": "Bir kişiye ücretli kredi ekle",
    "discord.admin.revoke": "Ücretli kredileri geri al (asla sıfırın altına inmez)",
    "discord.admin.block": "Bir kişinin gizlilik hakları dışında her şeyi reddet",
    "discord.admin.unblock": "Bir engeli kaldır",
    "discord.admin.stats": "Kişiler, üretimler, krediler, sağlayıcı maliyeti ve kuyruk",
    "discord.admin.announce": "Herkese, her birine bir kez duyur (ya da durumu gör)",
    "discord.admin.announce_kind": (
        "policy veya terms: herkesin duyması gereken değişiklik; news: bildirimi kapatanlara gitmez; status"
    ),
    "discord.admin.announce_text": "Herkese ne söyleneceği (status için gerekmez)",
    "admin.usage": "Yönetici komutları:",
    "admin.usage.user": (
        "/admin user <kim> [--prompts] — bakiye, abonelik, son üretimler, ödemeler (--prompts istemleri de gösterir; "
        "bu erişim kaydedilir ve kişi bunu /mydata içinde görür)"
    ),
    "admin.usage.grant": "/admin grant <kim> <kredi> <neden> — ücretli kredi ekle",
    "admin.usage.revoke": (
        "/admin revoke <kim> <kredi> <neden> — ücretli kredileri geri al (bakiye asla sıfırın altına düşmez)"
    ),
    "admin.usage.block": (
        "/admin block <kim> <neden> — /mydata, /deleteme, /privacy, /terms ve /help dışındaki her şeyi reddet"
    ),
    "admin.usage.unblock": "/admin unblock <kim> [neden] — engeli kaldır",
    "admin.usage.stats": "/admin stats — kişiler, üretimler, krediler, sağlayıcı maliyeti ve kuyruk",
    "admin.usage.announce": (
        "/admin announce policy|terms|news <metin> — herkese birer kez duyur (politika ya da koşul değişikliği herkese "
        "ulaşır; haberler bildirimleri kapatanları atlar); /admin announce status — ne kadarının gönderildiği"
    ),
    "admin.announced": (
        "{id} duyurusu ({kind}) {people} için kaydedildi. Bot onu en düşük öncelikle, her kişiye bir kez gönderir; "
        "/admin announce status ne kadarının gönderildiğini gösterir."
    ),
    "n_accounts": {
        "one": "{count} hesap",
        "other": "{count} hesap",
    },
    "admin.announced_already": (
        "Zaten kaydedildi: bu komuttan gelen {id} duyurusu ({kind}); hiçbir şey iki kez gönderilmez."
    ),
    "admin.announcements_none": "Henüz duyuru yok.",
    "admin.announcement": (
        "{id} {kind} · {at} UTC · {people} · “{text}”\n"
        "  gönderilen {sent} · engellenen {blocked} · başarısız {failed} · atlanan {skipped} · belirsiz {uncertain} · "
        "kalan {remaining} · {eta}"
    ),
    "admin.announcement_done": "tamamlandı",
    "admin.announcement_eta": "yaklaşık {eta} daha ({rate}/sn hızla)",
    "admin.announcement_stalled": "son {wait} içinde hiçbir şey gönderilmedi: bot çalışıyor mu?",
    "admin.usage_who": (
        "<kim>: bir hesap kimliği, bir kullanıcı kimliği ya da telegram:<id>, discord:<id>, console:<ad>."
    ),
    "admin.usage_of": "Kullanım: {usage}",
    "admin.unknown_action": "“{action}” adında bir yönetici komutu yok.",
    "admin.already": "Zaten yapıldı: bu komut daha önce uygulanmış ({action}, {at}); hiçbir şey değişmedi.",
    "admin.granted": "{who} hesabına verildi: {credits}. Bakiyesi: {balance}.",
    "admin.revoked": "{who} hesabından geri alındı: {credits}. Bakiyesi: {balance}.",
    "admin.revoked_partly": {
        "one": (
            "{who} hesabından geri alınan: {credits} (istenen: {count} kredi); geri alma bakiyeyi asla sıfırın altına "
            "düşürmez. Bakiyesi: {balance}."
        ),
        "other": (
            "{who} hesabından geri alınan: {credits} (istenen: {count} kredi); geri alma bakiyeyi asla sıfırın altına "
            "düşürmez. Bakiyesi: {balance}."
        ),
    },
    "admin.blocked": (
        "Engellendi: {who}. Kişi /mydata, /deleteme, /privacy, /terms ve /help kullanmaya devam edebilir; devam eden "
        "işler tamamlanır."
    ),
    "admin.unblocked": "Engel kaldırıldı: {who}.",
    "admin.person": "{name} (hesap {account})",
    "admin.user": (
        "Hesap {account} — {name}, dil {language}, kayıt {created}\n"
        "Kimlikler: {identities}\n"
        "Onay: {consent}; durum: {status}\n"
        "Bakiye: bugün {free_per_day} ücretsiz görselden {free_left} tanesi kaldı, {credits}; abonelik: {plan}"
    ),
    "admin.user_active": "etkin",
    "admin.user_blocked": "engelli, başlangıç: {at} ({reason})",
    "admin.user_being_deleted": "siliniyor",
    "admin.user_consent_none": "verilmedi",
    "admin.user_generations": "Son üretimler:",
    "admin.user_generation": "• {at} {id} {status}: {count}×{resolution}, {cost}{error}",
    "admin.user_generation_error": "; hata {code}",
    "admin.user_prompt": "   istem: {prompt}",
    "admin.user_no_generations": "Üretim yok.",
    "admin.user_payments": "Son ödemeler:",
    "admin.user_payment": "• {at} {provider} {ref}: {credits}, {status}",
    "admin.user_no_payments": "Ödeme yok.",
    "admin.user_prompts_logged": (
        "İstemler gösterildi: bu erişim denetim kaydında yer alır ve kişi bunu /mydata içinde görür."
    ),
    "admin.stats": (
        "İstatistikler (UTC), bugün / son 7 gün:\n"
        "Etkin kişiler: {active_today} / {active_week}\n"
        "İstenen üretimler: {requested_today} / {requested_week}\n"
        "Tamamlanan: teslim edilen {delivered_today} / {delivered_week}; kısmen iade edilen {partly_today} / "
        "{partly_week}; iade edilen {refunded_today} / {refunded_week}\n"
        "Krediler: satılan {sold_today} / {sold_week}; kullanılan {used_today} / {used_week}; iade edilen {back_today} "
        "/ {back_week}; kullanılan ücretsiz görseller {free_today} / {free_week}\n"
        "Sağlayıcı görevleri: {tasks_today} / {tasks_week}; tahmini sağlayıcı maliyeti: {cost_today} / {cost_week}\n"
        "Şu an: sırada {queued}, çalışan {running}, gönderiliyor {undelivered}; işi devam eden kişi: {accounts}"
    ),
    "admin.stats_cost": "KIE kredisi: {credits} ≈ ${usd}",
    # settings
    "settings": (
        "Ayarların:\n"
        "Dil: {language}\n"
        "En-boy oranı: {aspect_ratio}\n"
        "Çözünürlük: {resolution}\n"
        "Dosya olarak gönder: {send_as_file}\n"
        "Bildirimler: {notifications}"
    ),
    "settings_usage": (
        "Değiştirmek için: /settings lang <{languages}|auto>, /settings ar <auto|1:1|9:16|16:9|4:3|3:4>, /settings res "
        "<1K|2K|4K>, /settings file <on|off>, /settings notify <on|off>"
    ),
    "language_auto": "otomatik ({language})",
    "language_choose": "Dilini seç:",
    "language_button_auto": "Otomatik (uygulamamın dili)",
    "language_saved": "Dil kaydedildi: {language}.",
    "language_auto_saved": "Yeniden uygulamanın dilini kullanacağım ({language}).",
    "language_unknown": "Bu dili henüz konuşamıyorum. Şunlardan birini seç: {languages} ya da auto.",
    "settings_button_language": "🌐 Dil",
    "settings_language_placeholder": "Dil",
    "settings_saved": "Kaydedildi.",
    "settings_4k_square": (
        "4K, 1:1 en-boy oranıyla kullanılamıyor, bu yüzden hiçbir şey değiştirilmedi. Önce başka bir en-boy oranı seç "
        "(16:9, 9:16, 4:3 ya da 3:4) ya da 1K veya 2K seç."
    ),
    "settings_auto_1k": (
        "Auto en-boy oranı yalnızca 1K görsel üretir, bu yüzden hiçbir şey değiştirilmedi. Önce 16:9 gibi bir en-boy "
        "oranı seç ya da 1K seç."
    ),
    "option_unknown_ratio": "Bilinmeyen en-boy oranı: “{value}”. Şunlardan birini kullan: {allowed}.",
    "option_unknown_resolution": "Bilinmeyen çözünürlük: “{value}”. Şunlardan birini kullan: {allowed}.",
    "option_count_range": "Görsel sayısı 1 ile {max} arasında olmalı.",
    "option_count_not_number": "--n, 1 ile 4 arasında bir sayı olmalı; “{value}” olamaz.",
    "option_needs_value": "--{option} seçeneği bir değer gerektiriyor.",
    "option_unknown": "Bilinmeyen seçenek: --{option}. Seçenekler: --ar, --res, --n.",
    "option_4k_square": "4K, 1:1 en-boy oranında kullanılamaz; 1K veya 2K kullan.",
    "option_auto_1k": "Auto en-boy oranı yalnızca 1K ile çalışır; 2K veya 4K için 16:9 gibi bir en-boy oranı seç.",
    "on": "açık",
    "off": "kapalı",
    "private_note": "Yanıtı sana özel mesajla gönderdim.",
    "private_unreachable": "Lütfen önce benimle özel bir sohbet başlat, sonra tekrar dene.",
    # discord
    "help_discord": (
        "Komutlar:\n"
        "/imagine prompt: [aspect_ratio:] [resolution:] [count: 1-4] [reference: bir görsel] — görsel oluştur\n"
        "/cancel — sırada bekleyen son talebini iptal et (ayrılan hakların hemen geri gelir)\n"
        "/balance — bugün kalan ücretsiz görseller ve kredilerin\n"
        "{buy}"
        "/settings — dil, varsayılan en-boy oranı ve çözünürlük, bildirimler\n"
        "/regenerate — son talebini tekrarla; /vary — son görselinin bir varyasyonu\n"
        "/link [code:] — Telegram, Discord ve konsolda tek bir hesap kullan; /accounts — bağlı platformlar; /unlink "
        "platform: — birini ayır\n"
        "/mydata — hakkında tuttuğumuz her şeyi dışa aktar\n"
        "/deleteme — hesabını ve verilerini sil\n"
        "/terms — kullanım koşulları, /privacy — gizlilik politikamız, /help — bu liste\n"
        "Sonucun altındaki düğmeler: Yeniden oluştur aynı talebi tekrarlar, Varyasyon ilk görseli referans olarak "
        "kullanır.\n"
        "Notlar: 4K, 1:1 oranında kullanılamaz; auto en-boy oranı yalnızca 1K ile çalışır."
    ),
    "button_stale": "Bu düğme artık çalışmıyor. Neler yapabildiğimi görmek için /help gönder.",
    "image_too_large_link": "{index}. görsel buraya eklenemeyecek kadar büyük; buradan açabilirsin: {url}",
    "image_too_large": "{index}. görsel buraya eklenemeyecek kadar büyük.",
    "notify_button_on": "🔔 Bildirimler: açık",
    "notify_button_off": "🔕 Bildirimler: kapalı",
    "settings_ar_placeholder": "Varsayılan en-boy oranı",
    "settings_res_placeholder": "Varsayılan çözünürlük",
    "billing_button": "Aboneliği yönet",
    # errors
    "error.consent_required": "Lütfen önce koşulları kabul et: /start gönder.",
    "error.consent_outdated": "Lütfen önce güncellenen kullanım koşullarımızı veya gizlilik politikamızı kabul et.",
    "error.not_registered": "Henüz bir hesabın yok: /start gönder.",
    "error.prompt_empty": "Lütfen görseli tarif et: /imagine <istem>.",
    "error.prompt_too_long": {
        "one": "İstemin çok uzun ({count} karakter; sınır {limit}).",
        "other": "İstemin çok uzun ({count} karakter; sınır {limit}).",
    },
    "error.prompt_invalid_characters": (
        "İstemin kullanamadığım karakterler içeriyor (null karakter ya da bozuk bir emoji). Lütfen yeniden yazıp "
        "tekrar gönder. Ücret alınmadı."
    ),
    "error.invalid_option": "{detail}",
    "error.too_many_references": {
        "one": "Çok fazla referans görsel: en fazla {count} tane kullanabilirsin.",
        "other": "Çok fazla referans görsel: en fazla {count} tane kullanabilirsin.",
    },
    "error.insufficient_credits": "Yeterli kredin yok: bunun için {needed} gerekiyor, sende {credits} var.",
    "short_of_images": (
        "Yeterli kredin yok: bunun için {images} gerekiyor; sende {free_left} ve {credits} var (ücretsizlerin "
        "dışındaki her görsel {resolution} çözünürlükte {unit_price} tutuyor)."
    ),
    "error.insufficient_credits_shared": (
        "Bunun için yeterli kredi yok. Kendi bakiyeni görmek için bana özel sohbetten /balance gönder."
    ),
    "short_of_credits": {
        "one": (
            "Yeterli kredin yok: {resolution} çözünürlükte {count} görsel için {needed} gerekiyor, sende {credits} var "
            "(ücretsiz görseller en fazla {free_max} çözünürlüğü kapsar)."
        ),
        "other": (
            "Yeterli kredin yok: {resolution} çözünürlükte {count} görsel için {needed} gerekiyor, sende {credits} var "
            "(ücretsiz görseller en fazla {free_max} çözünürlüğü kapsar)."
        ),
    },
    "short_of_credits_no_free": {
        "one": (
            "Yeterli kredin yok: {resolution} çözünürlükte {count} görsel için {needed} gerekiyor, sende {credits} var."
        ),
        "other": (
            "Yeterli kredin yok: {resolution} çözünürlükte {count} görsel için {needed} gerekiyor, sende {credits} var."
        ),
    },
    "short_negative_balance": (
        "Bir iade ya da itiraz sonrasında kredi bakiyen {credits}; bu yüzden bakiye yüklenene kadar yeni görseller "
        "bekleyecek."
    ),
    "free_reset": "Ücretsiz görseller {wait} sonra, UTC saatiyle {time} itibarıyla yenilenir.",
    "hint_buy": "/buy ile kredi satın alabilirsin.",
    "hint_plans": "Abonelikleri /buy ile inceleyebilirsin.",
    "error.rate_limited": {
        "one": "Çok hızlısın! Lütfen {count} saniye bekleyip tekrar dene.",
        "other": "Çok hızlısın! Lütfen {count} saniye bekleyip tekrar dene.",
    },
    "error.too_many_running": {
        "one": "Zaten devam eden {count} üretimin var. Lütfen bitmesini bekle.",
        "other": "Zaten devam eden {count} üretimin var. Lütfen birinin bitmesini bekle.",
    },
    "error.prompt_rejected": "Bu istem kullanılamaz: {reason} Ücret alınmadı.",
    "error.moderation_unavailable": (
        "Şu anda istemleri denetleyemiyorum, bu yüzden görsel üretemiyorum. Ücret alınmadı."
    ),
    "error.provider_unavailable": "Görsel servisi şu anda kullanılamıyor. Lütfen daha sonra tekrar dene.",
    "error.generation_failed": "Görsel servisi bir hata bildirdi.",
    "error.generation_timeout": "Görsel servisi çok uzun sürdü.",
    "error.storage_failed": "Sonucu kaydedemedim.",
    "error.payments_disabled": "Bu botta ödemeler ayarlanmamış.",
    "error.payments_unavailable": "Ödeme servisi şu anda kullanılamıyor. Lütfen daha sonra tekrar dene.",
    "error.unknown_product": "Bu ürünü tanımıyorum. Neler satın alabileceğini görmek için /buy gönder.",
    "error.not_found": "Bunu bulamadım. Silinmiş olabilir.",
    "error.not_owner": "Bu düğmeyi yalnızca bu görseli oluşturan kişi kullanabilir.",
    "error.no_generations": (
        "Henüz kullanabileceğin bir görselin yok. Bir tane oluşturmak için /imagine <istem> gönder."
    ),
    "error.no_plan": "Aboneliğin yok.",
    "error.confirmation_invalid": "Bu onay kodu yanlış ya da süresi dolmuş. Yeni bir kod almak için /deleteme gönder.",
    "error.generation_in_progress": "Görsellerin hâlâ oluşturuluyor. Tamamlandıklarında lütfen tekrar onayla.",
    "error.account_being_deleted": "Hesabın siliniyor, bu yüzden artık bunu yapamam.",
    "error.account_blocked": (
        "Üzgünüm, hesabın askıya alındı, bu yüzden bunu yapamam. Verilerini dışa aktarmaya (/mydata), hesabını silmeye "
        "(/deleteme) ve /privacy, /terms ve /help okumaya devam edebilirsin. Sorular için: {contact}."
    ),
    "error.admin_no_such_person": (
        "“{who}” için kimse bulunamadı. Kişiyi hesap kimliği, kullanıcı kimliği ya da telegram:<id>, discord:<id> veya "
        "console:<ad> biçiminde belirt."
    ),
    "error.admin_ambiguous": (
        "“{who}” birden fazla platformda bir kullanıcı kimliği: hangisi olduğunu belirt, örneğin telegram:{who} ya da "
        "discord:{who}."
    ),
    "error.admin_bad_credits": "Kredi, 1 ile {limit} arasında bir tam sayı olmalı.",
    "error.admin_reason_required": (
        "Lütfen bir neden belirt: denetim kaydında saklanır ve kişi bunu /mydata içinde görür."
    ),
    "error.busy": {
        "one": "Şu anda çok yoğunum. Lütfen {count} dakika sonra tekrar dene. Ücret alınmadı.",
        "other": "Şu anda çok yoğunum. Lütfen {count} dakika sonra tekrar dene. Ücret alınmadı.",
    },
    "error.temporarily_unavailable": "Bir hizmet geçici olarak kullanılamıyor. Lütfen bir dakika sonra tekrar dene.",
    "error.task_lost": "Bizim tarafımızdaki bir yeniden başlatma sırasında takibini kaybettik.",
    "error.cancelled": "Sen iptal ettin.",
    "error.nothing_to_cancel": "Sırada bekleyen, iptal edilecek bir talebin yok.",
    "error.already_started": (
        "İptal etmek için çok geç: görsel servisi üretime başladı bile ve durduramıyor. Sonuç her zamanki gibi buraya "
        "gelecek."
    ),
    "error.already_finished": "Bu talep zaten tamamlandı, iptal edilecek bir şey yok.",
    "error.not_yours": "Bu talebi yalnızca onu yapan kişi iptal edebilir.",
    "error.link_code_invalid": (
        "Bu bağlantı kodu yanlış, süresi dolmuş ya da zaten kullanılmış. Yenisi için diğer hesabından /link gönder, "
        "sonra burada /link <kod> gönder."
    ),
    "error.link_same_platform": (
        "Katılmak istediğin hesabın zaten bir {platform} kimliği var ve bir hesap her platformda yalnızca bir kimlik "
        "tutabilir. Onu değiştirmek için önce o hesaptan /unlink {platform} gönder."
    ),
    "error.link_two_plans": (
        "İki hesabın da aboneliği var ve birleşik bir hesap yalnızca bir abonelik tutabilir. Önce birini iptal et (o "
        "hesapta /billing faturalandırma portalını açar), sonra yeniden bağla. Hiçbir şey değiştirilmedi."
    ),
    "error.link_in_flight": (
        "Bu hesapta hâlâ oluşturulan bir görsel var. Görsel geldikten sonra yeniden bağla. Hiçbir şey değiştirilmedi."
    ),
    "error.already_linked": "Bu hesap zaten o hesaba bağlı. Bkz. /accounts.",
    "error.unlink_last": "Bu, hesabın tek kimliği; bu yüzden ayrılamaz. Hesabı silmek için /deleteme kullan.",
    "error.unlink_not_linked": (
        "Bu hesabın ayrılacak bir {platform} kimliği yok. Bağlı olanları görmek için /accounts gönder."
    ),
    "error.internal": "Bizim tarafımızda bir şeyler ters gitti (hata kimliği {error_id}). Lütfen tekrar dene.",
    "reason_policy": "içerik politikasına aykırı.",
    "failed_reason.prompt_rejected": "Bu istem kullanılamaz: {reason}",
    # linking accounts across platforms (/link, /accounts, /unlink)
    "platform.telegram": "Telegram",
    "platform.discord": "Discord",
    "platform.console": "konsol",
    "link_code": (
        "Bağlantı kodun: {code}\n"
        "Her yerde tek bakiyeli tek bir hesap kullanmak için başka bir platformdaki hesabından /link {code} gönder. "
        "Kod yalnızca bir kez ve {wait} boyunca çalışır. Kimseyle paylaşma: kodu kullanan herkes kredilerini, "
        "aboneliğini ve geçmişini paylaşır."
    ),
    "link_confirm": (
        "{platform} hesabın kredilerini, aboneliğini ve geçmişini {issuer_platform} kullanıcısı {issuer} ile "
        "paylaşacak."
    ),
    "link_merge": (
        "İki hesabın da geçmişi var, bu yüzden tek hesap olacaklar:\n"
        "• ücretli krediler toplanır: burada {credits_here} + orada {credits_there} = {credits_total}\n"
        "• bugünkü ücretsiz görseller bir kez sayılır: {free_per_day} görselden {free_used} tanesi kullanıldı "
        "(ikisinden yüksek olanı)\n"
        "• burada üretilen her şey (görseller: {images}, ödemeler: {payments}) birleşik hesaba taşınır; o hesabın "
        "ayarları korunur\n"
        "• {plan_line}"
    ),
    "link_merge_no_free": (
        "İki hesabın da geçmişi var, bu yüzden tek hesap olacaklar:\n"
        "• ücretli krediler toplanır: burada {credits_here} + orada {credits_there} = {credits_total}\n"
        "• burada üretilen her şey (görseller: {images}, ödemeler: {payments}) birleşik hesaba taşınır; o "
        "hesabın ayarları korunur\n"
        "• {plan_line}"
    ),
    "link_plan_kept": "abonelik: {plan} birleşik hesapta kalır",
    "link_no_plan": "abonelik: iki hesapta da yok",
    "link_confirm_console": "Onaylamak için şunu gönder: /link {code} yes",
    "link_button_yes": "Hesapları bağla",
    "link_button_no": "Vazgeç",
    "link_cancelled": "Hiçbir şey bağlanmadı.",
    "link_done": (
        "Bağlandı! Bu {platform} hesabı artık kredilerini, aboneliğini ve geçmişini {issuer_platform} kullanıcısı "
        "{issuer} ile paylaşıyor.\n"
        "Ücretli kredi: {credits}. Bugün kalan ücretsiz görsel: {free_left}/{free_per_day}."
    ),
    "link_done_no_free": (
        "Bağlandı! Bu {platform} hesabı artık kredilerini, aboneliğini ve geçmişini {issuer_platform} "
        "kullanıcısı {issuer} ile paylaşıyor.\n"
        "Ücretli kredi: {credits}."
    ),
    "link_done_already": "Bu hesap zaten o hesaba bağlı. Bkz. /accounts.",
    "accounts_list": "Bu hesap şuralardan kullanılıyor:\n{lines}",
    "accounts_line": "• {platform}: {label}",
    "accounts_line_you": "• {platform}: {label} (sen, burada)",
    "accounts_hint": "Başka bir platform eklemek için /link gönder. Birini ayırmak için /unlink {platform} gönder.",
    "accounts_hint_one": "Bu hesabı başka bir platformda da kullanmak için /link gönder.",
    "unlinked": (
        "{platform} artık bu hesaba bağlı değil. Geçmiş hesapta kalır; {platform} bir sonraki /start ile sıfırdan "
        "başlar."
    ),
    "unlinked_you": (
        "Bu {platform} kimliği artık hesaba bağlı değil. Geçmiş hesapta kalır; burada sıfırdan başlamak için /start "
        "gönder."
    ),
    "delete_identities": "Bu işlem, hesaba bağlı tüm kimlikler için hesabı siler: {identities}.",
    # telegram
    "status_pending": "⏳ Üzerinde çalışıyorum…",
    "status_done": {
        "one": "✅ Tamamlandı: {count} görsel, aşağıda.",
        "other": "✅ Tamamlandı: {count} görsel, aşağıda.",
    },
    "result_actions": "Benzerlerini üret ya da orijinal dosyaları al:",
    "buy_button": "💳 Kredi satın al",
    "settings_button_file": "📎 Dosya olarak gönder",
    "settings_button_notify": "🔔 Bildirimler",
    "stars_refused": "Bu fatura artık geçerli değil. Yenisi için /buy gönder.",
    "stars_wrong_account": "Bu fatura başka bir hesap için oluşturulmuş. Kendi faturanı almak için /buy gönder.",
    "photo_hint": (
        "Güzel fotoğraf! Düzenlemek için ona /imagine <neyin değişeceği> ile yanıt ver ya da fotoğrafı bunu açıklama "
        "olarak yazıp yeniden gönder."
    ),
    "unusable_sticker": (
        "Çıkartmaları kullanamıyorum. Bir görsel tarif et (burada her mesaj bir istem sayılır) ya da neyin "
        "değişeceğini açıklamaya yazarak bir fotoğraf gönder."
    ),
    "unusable_animation": (
        "GIF'leri ve animasyonları kullanamıyorum. Neyin değişeceğini açıklamaya yazarak hareketsiz bir fotoğraf "
        "gönder ya da yeni bir görsel tarif et."
    ),
    "unusable_voice": "Sesli mesajları ve ses kayıtlarını dinleyemiyorum. Lütfen ne çizmemi istediğini yaz.",
    "unusable_video": (
        "Videoları kullanamıyorum. Neyin değişeceğini açıklamaya yazarak hareketsiz bir fotoğraf gönder ya da yeni bir "
        "görsel tarif et."
    ),
    "unusable_document": (
        "Yalnızca görselleri (PNG, JPEG ya da WebP) kullanabiliyorum. Neyin değişeceğini açıklamaya yazarak bir "
        "fotoğraf gönder ya da yeni bir görsel tarif et."
    ),
    "preview_title": "ÇEVRİMDIŞI ÖNİZLEME",
    "preview_footer": (
        "{nominal_width}x{nominal_height} boyutlu görselin {width}x{height} px önizlemesi ({resolution}, "
        "{aspect_ratio}) · tohum {seed}"
    ),
    "preview_references": {
        "one": " · {count} referanstan düzenlendi",
        "other": " · {count} referanstan düzenlendi",
    },
    "reference_too_large": (
        "Bu görsel indirebileceğimden büyük ({mb} MB üzerinde). Lütfen daha küçük bir görsel gönder."
    ),
    "reference_download_failed": "Bu görseli indiremedim. Lütfen tekrar gönder.",
    "reference_no_file": "Görsel dosyası bulunamadı: {path}.",
    "reference_invalid": "Referans, 20 MB'tan küçük bir PNG, JPEG ya da WebP görsel olmalı.",
    "command.start": "Başla ve koşulları kabul et",
    "command.imagine": "Görsel oluştur: /imagine <istem> [--ar 16:9] [--res 2K] [--n 1-4]",
    "command.cancel": "Sırada bekleyen bir talebi iptal et",
    "command.balance": "Bugün kalan ücretsiz görseller ve kredilerin",
    "command.buy": "Kredi veya abonelik satın al",
    "command.billing": "Aboneliğini yönet",
    "command.settings": "Dil, en-boy oranı, çözünürlük, bildirimler",
    "command.mydata": "Hakkında tuttuğumuz her şeyi dışa aktar",
    "command.deleteme": "Hesabını ve verilerini sil",
    "command.privacy": "Gizlilik politikamız",
    "command.terms": "Kullanım koşullarımız",
    "command.regenerate": "Son görselini yeniden oluştur (ya da /regenerate <id>)",
    "command.vary": "Son görselinin bir varyasyonu (ya da /vary <id>)",
    "command.paysupport": "Ödemeyle ilgili yardım",
    "command.help": "Neler yapabilirim",
    "command.link": "Telegram, Discord ve konsolda tek hesap kullan",
    "command.accounts": "Hesabına bağlı platformlar",
    "command.unlink": "Bir platformu hesabından ayır",
    "command.admin": "Yönetici araçları: /admin help",
    # Discord slash commands (descriptions ≤ 100 characters; command and option names stay English)
    "discord.command.start": "Başla: başlamak için koşulları kabul et",
    "discord.command.imagine": "Bir açıklamadan görsel oluştur",
    "discord.command.regenerate": "Son talebini tekrarla",
    "discord.command.vary": "Son görselinin bir varyasyonu",
    "discord.option.prompt": "Ne çizmemi istiyorsun",
    "discord.option.aspect_ratio": "Görselin biçimi (varsayılan: ayarın)",
    "discord.option.resolution": "1K, 2K veya 4K (varsayılan: ayarın)",
    "discord.option.count": "Kaç görsel (1-4)",
    "discord.option.reference": "Düzenlenecek ya da ilham alınacak bir görsel",
    "discord.option.request": "Talebin kimliği (varsayılan: sırada bekleyen son talebin)",
    "discord.option.code": "Diğer platformunda /link komutunun verdiği kod (yeni kod almak için boş bırak)",
    "discord.option.platform": "Ayrılacak platform (geçmişi hesapta kalır)",
    "discord.choice.auto": "auto",
}
