#!/usr/bin/env python3
"""Writes the encoding fixture pages and manifest.json (EncodingTests reads both).

    python3 Fixtures/encoding/make_pages.py

Each language's article (our own text, two paragraphs) is written as a page in several ways:
UTF-8 with and without a meta, its legacy encoding with a meta in the head, a meta after more
than 1 KB, no meta at all (detection), UTF-8 bytes under a meta that still names the legacy
encoding (a crawler re-encoded the page), a stray invalid byte in a UTF-8 page, and an HTTP
header that disagrees with the page. The manifest says what Redline must decide for each.
"""
import json, os

here = os.path.dirname(os.path.abspath(__file__))

articles = {
    "ru": ("windows-1251", "cp1251", "Городской совет утвердил бюджет",
           "Городской совет в понедельник утвердил бюджет на следующий год. Расходы на общественный транспорт вырастут на двенадцать процентов, а на ремонт школ выделят ещё три миллиона рублей, сообщил мэр на пресс-конференции.",
           "Депутаты спорили почти шесть часов. Оппозиция требовала снизить тарифы на воду, но предложение не набрало большинства голосов."),
    "uk": ("windows-1251", "windows-1251", "Міська рада затвердила бюджет",
           "Міська рада в понеділок затвердила бюджет на наступний рік. Витрати на громадський транспорт зростуть на дванадцять відсотків, а на ремонт шкіл виділять ще три мільйони гривень, повідомив мер на пресконференції.",
           "Депутати сперечалися майже шість годин. Опозиція вимагала знизити тарифи на воду, але пропозиція не набрала більшості голосів."),
    "el": ("ISO-8859-7", "iso-8859-7", "Εγκρίθηκε ο προϋπολογισμός",
           "Το δημοτικό συμβούλιο ενέκρινε τη Δευτέρα τον προϋπολογισμό του επόμενου έτους. Οι δαπάνες για τις δημόσιες συγκοινωνίες θα αυξηθούν κατά δώδεκα τοις εκατό, ανακοίνωσε ο δήμαρχος σε συνέντευξη Τύπου.",
           "Οι σύμβουλοι συζητούσαν σχεδόν έξι ώρες. Η αντιπολίτευση ζήτησε μείωση των τιμολογίων νερού, αλλά η πρόταση δεν συγκέντρωσε πλειοψηφία."),
    "ko": ("EUC-KR", "euc-kr", "시의회 예산안 승인",
           "시의회는 월요일 내년도 예산안을 승인했다. 대중교통 지출은 12퍼센트 늘어나고 학교 보수에는 30억 원이 추가로 배정된다고 시장이 기자회견에서 밝혔다.",
           "의원들은 거의 여섯 시간 동안 논쟁을 벌였다. 야당은 수도 요금 인하를 요구했지만 제안은 과반수를 얻지 못했다."),
    "ja": ("Shift_JIS", "x-sjis", "市議会が予算案を承認",
           "市議会は月曜日、来年度の予算案を承認した。公共交通への支出は12パーセント増え、学校の改修にはさらに3億円が充てられると市長が記者会見で述べた。",
           "議員たちは6時間近く議論を続けた。野党は水道料金の引き下げを求めたが、提案は過半数に届かなかった。"),
    "zh": ("GBK", "gb2312", "市议会批准明年预算",
           "市议会周一批准了明年的预算。市长在新闻发布会上表示，公共交通支出将增加百分之十二，学校维修将再拨款三百万元。",
           "议员们辩论了将近六个小时。反对派要求降低水费，但该提议未能获得多数票。"),
    "ar": ("windows-1256", "windows-1256", "مجلس المدينة يقر الميزانية",
           "وافق مجلس المدينة يوم الاثنين على ميزانية العام المقبل. وقال رئيس البلدية في مؤتمر صحفي إن الإنفاق على النقل العام سيرتفع بنسبة اثني عشر في المئة.",
           "واستمر النقاش قرابة ست ساعات. وطالبت المعارضة بخفض أسعار المياه، لكن الاقتراح لم يحصل على الأغلبية."),
    "he": ("windows-1255", "windows-1255", "מועצת העיר אישרה את התקציב",
           "מועצת העיר אישרה ביום שני את התקציב לשנה הבאה. ראש העיר אמר במסיבת עיתונאים כי ההוצאות על התחבורה הציבורית יגדלו בשנים עשר אחוזים.",
           "חברי המועצה התווכחו כמעט שש שעות. האופוזיציה דרשה להוריד את מחירי המים, אך ההצעה לא זכתה לרוב."),
    "tr": ("windows-1254", "iso-8859-9", "Belediye meclisi bütçeyi onayladı",
           "Belediye meclisi pazartesi günü gelecek yılın bütçesini onayladı. Belediye başkanı basın toplantısında toplu taşıma harcamalarının yüzde on iki artacağını söyledi, okulların onarımı için de üç milyon lira ayrılacak.",
           "Meclis üyeleri yaklaşık altı saat tartıştı. Muhalefet su ücretlerinin düşürülmesini istedi, ancak öneri çoğunluğu sağlayamadı."),
    "pt": ("windows-1252", "latin1", "Câmara aprova orçamento",
           "A câmara municipal aprovou na segunda-feira o orçamento do próximo ano. As despesas com transportes públicos vão aumentar doze por cento, e a reparação das escolas receberá mais três milhões de euros, afirmou o presidente.",
           "Os vereadores discutiram durante quase seis horas. A oposição exigiu a redução das tarifas da água, mas a proposta não obteve maioria."),
    "pl": ("ISO-8859-2", "iso-8859-2", "Rada miejska przyjęła budżet",
           "Rada miejska zatwierdziła w poniedziałek budżet na przyszły rok. Wydatki na transport publiczny wzrosną o dwanaście procent, a na remonty szkół przeznaczono kolejne trzy miliony złotych, powiedział burmistrz na konferencji prasowej.",
           "Radni spierali się prawie sześć godzin. Opozycja domagała się obniżenia opłat za wodę, ale wniosek nie uzyskał większości."),
}

# Python codec for each WHATWG encoding used above.
codecs = {"windows-1251": "cp1251", "ISO-8859-7": "iso8859_7", "EUC-KR": "cp949", "Shift_JIS": "cp932",
          "GBK": "gbk", "windows-1256": "cp1256", "windows-1255": "cp1255", "windows-1254": "cp1254",
          "windows-1252": "cp1252", "ISO-8859-2": "iso8859_2"}

def page(lang, headline, paragraphs, meta=None, late=False):
    head = f"<title>{headline}</title>"
    if late:
        # More than 1 KB of head before the declaration.
        head += "".join(f'<link rel="alternate" hreflang="x{i}" href="https://news.example/{lang}/story-{i}">' for i in range(24))
    if meta:
        head += f'<meta charset="{meta}">' if not late else f'<meta http-equiv="Content-Type" content="text/html; charset={meta}">'
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head>{head}</head><body><header><nav><a href="/">Home</a></nav></header>'
            f"<article><h1>{headline}</h1>{body}</article><footer>&copy; 2026</footer></body></html>")

manifest = []
def add(name, data, encoding, source, declared, transport=None, replaced=False):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)
    manifest.append({"file": name, "encoding": encoding, "source": source, "declared": declared,
                     "transport": transport, "language": name.split("-")[0], "replacedByte": replaced})

# What ICU's detector names, for pages with no declaration: gb18030 is the superset GBK pages are
# decoded with anyway, and Hebrew pages are read as windows-1255, ISO-8859-8's superset.
detected = {"GBK": "gb18030"}

for lang, (encoding, label, headline, first, second) in articles.items():
    paragraphs = [first, second]
    codec = codecs[encoding]
    add(f"{lang}-utf8-nometa.html", page(lang, headline, paragraphs).encode(), "UTF-8", "utf8-content", None)
    add(f"{lang}-utf8-meta.html", page(lang, headline, paragraphs, "utf-8").encode(), "UTF-8", "meta", "utf-8")
    add(f"{lang}-legacy-meta.html", page(lang, headline, paragraphs, label).encode(codec), encoding, "meta", label)
    add(f"{lang}-legacy-latemeta.html", page(lang, headline, paragraphs, label, late=True).encode(codec), encoding, "meta", label)
    add(f"{lang}-legacy-nometa.html", page(lang, headline, paragraphs).encode(codec), detected.get(encoding, encoding),
        "detected", None)
    add(f"{lang}-utf8-lyingmeta.html", page(lang, headline, paragraphs, label).encode(), "UTF-8", "utf8-over-declared", label)
    stray = page(lang, headline, paragraphs, "utf-8").encode().replace(b"</p><p>", b"\xff</p><p>", 1)
    add(f"{lang}-utf8-straybyte.html", stray, "UTF-8", "meta", "utf-8", replaced=True)
    # The HTTP header names the legacy encoding, the bytes and the meta say UTF-8: the bytes win.
    add(f"{lang}-utf8-header.html", page(lang, headline, paragraphs, "utf-8").encode(), "UTF-8", "utf8-over-declared", label,
        transport=f"text/html; charset={label}")
    # The HTTP header names the legacy encoding and the bytes are in it, the meta says UTF-8: the header wins.
    add(f"{lang}-legacy-header.html", page(lang, headline, paragraphs, "utf-8").encode(codec), encoding, "transport", label,
        transport=f"text/html; charset={label}")

expected = {lang: {"headline": a[2], "paragraphs": [a[3], a[4]]} for lang, a in articles.items()}
with open(os.path.join(here, "manifest.json"), "w") as f:
    json.dump({"articles": expected, "pages": manifest}, f, ensure_ascii=False, indent=1)
print(len(manifest), "pages")
