"""Patterns of the claim grammar: countries, trade flows, bounds, change verbs, scopes,
statistics sources and the cues that mark a figure as not a trade value.

The words come from the language files (``claims/lang/*.toml`` via :mod:`.lexicon`); what is
left here is structure (which concept is which pattern) and the few patterns not yet moved
there: physical units, ratio words, regions, product names and sentence-continuation cues.
Texts are normalised first (traditional -> simplified Chinese, see ``_lang.normalise``), so the
Chinese lists hold simplified forms only. All patterns are matched case-insensitively.
"""

from __future__ import annotations

import re

from tradecheck.claims import lexicon as L

_I = re.IGNORECASE

# --- countries --------------------------------------------------------------------------------
# ISO3 -> regex of names, adjectives and case forms (concept ``countries``), capitals used as
# metonyms (concept ``capitals``; not after a location word, see claims/partners.py), and the
# groups of countries (concept ``country_groups``: EU, ASEAN, Central Asia, ...; WORLD is a
# country's trade with the world). Pair countries and "other" countries are taken from the same
# table; anything not in the chosen pair counts as another country (see ``claims/partners.py``).
COUNTRY_PATTERNS: dict[str, str] = {
    iso: L.keyed_source("countries", iso) for iso in L.keys("countries")
}
CAPITAL_PATTERNS: dict[str, str] = {
    iso: L.keyed_source("capitals", iso) for iso in L.keys("capitals")
}
GROUP_PATTERNS: dict[str, str] = {
    key: L.keyed_source("country_groups", key) for key in L.keys("country_groups")
}
# Chinese province / Belarusian region names usable as scope "region:<Name>" (country, label)
REGIONS: list[tuple[str, str, str]] = [
    (
        "BLR",
        "Minsk_oblast",
        r"Minsk\s+(?:Oblast|Region|region|oblast)|Минск\w*\s+област\w*|Минщин\w*|明斯克州|Gebiet\s+Minsk|Minsker\s+Gebiet",
    ),
    (
        "BLR",
        "Brest_oblast",
        r"Brest\s+(?:Oblast|Region|region|oblast)|Брестск\w*\s+област\w*|Брестчин\w*|布列斯特州|Gebiet\s+Brest",
    ),
    (
        "BLR",
        "Gomel_oblast",
        r"Gomel\s+(?:Oblast|Region|region|oblast)|Гомельск\w*\s+област\w*|Гомельщин\w*|戈梅利州|Gebiet\s+Gomel",
    ),
    (
        "BLR",
        "Grodno_oblast",
        r"Grodno\s+(?:Oblast|Region|region|oblast)|Гродненск\w*\s+област\w*|Гродненщин\w*|格罗德诺州|Gebiet\s+Grodno",
    ),
    (
        "BLR",
        "Mogilev_oblast",
        r"Mogilev\s+(?:Oblast|Region|region|oblast)|Могил[её]вск\w*\s+област\w*|Могил[её]вщин\w*|莫吉廖夫州|Gebiet\s+Mogiljow",
    ),
    (
        "BLR",
        "Vitebsk_oblast",
        r"Vitebsk\s+(?:Oblast|Region|region|oblast)|Витебск\w*\s+област\w*|Витебщин\w*|维捷布斯克州|Gebiet\s+Witebsk",
    ),
    (
        "BLR",
        "Minsk_city",
        r"(?:city\s+of\s+Minsk|Minsk\s+city)|г\.\s*Минск\w*|города\s+Минска|明斯克市",
    ),
    ("CHN", "Shandong", r"Shandong|Шаньдун\w*|山东"),
    ("CHN", "Jiangsu", r"Jiangsu|Цзянсу|江苏"),
    ("CHN", "Zhejiang", r"Zhejiang|Чжэцзян\w*|浙江"),
    ("CHN", "Guangdong", r"Guangdong|Гуандун\w*|广东"),
    ("CHN", "Heilongjiang", r"Heilongjiang|Хэйлунцзян\w*|黑龙江"),
    ("CHN", "Sichuan", r"Sichuan|Сычуан\w*|四川"),
    ("CHN", "Hubei", r"Hubei|Хубэй|湖北"),
    ("CHN", "Henan", r"Henan|Хэнань|河南"),
    ("CHN", "Shanghai", r"Shanghai|Шанха\w*|上海"),
    ("CHN", "Liaoning", r"Liaoning|Ляонин\w*|辽宁"),
    ("CHN", "Jilin", r"Jilin|Цзилин\w*|吉林"),
    ("CHN", "Chongqing", r"Chongqing|Чунцин\w*|重庆"),
]

# --- flows ------------------------------------------------------------------------------------
TRADE_KW = L.pattern("trade")
EXPORT_KW = L.pattern("export")
IMPORT_KW = L.pattern("import")
BALANCE_KW = L.pattern("balance")
NEGATIVE_BALANCE = L.pattern("negative_balance")

# --- bounds -----------------------------------------------------------------------------------
BOUND_BEFORE: list[tuple[re.Pattern[str], str]] = [
    (L.pattern("more_than"), "gt"),
    (L.pattern("less_than"), "lt"),
    (L.pattern("approx"), "approx"),
]
#: "about" words that approach the figure from below (the claim keeps them as ``almost``)
ALMOST = L.pattern("almost")

BOUND_AFTER: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^\s*(?:左右|上下)"), "approx"),
    (re.compile(r"^\s*(?:以上|多)"), "gt"),
    (
        re.compile(
            r"^[^,.;]{0,25}?(?<!\w)(?:überstiegen|übertroffen|überschritten|übersteigen)(?!\w)", _I
        ),
        "gt",
    ),
]

# --- changes ----------------------------------------------------------------------------------
DECREASE = L.pattern("decrease")
INCREASE = L.pattern("increase")
INDEX_CUE = L.pattern("index")
SHARE_CUE = L.pattern("share")
PHYSICAL_UNIT = re.compile(
    rf"^\s*(?:(?:thousand|million|billion|{L.table_source('scales')}|万|亿|千)\s*)?"
    r"(?:tonnes?|tons?|t\b|Tonnen|тонн\w*|тон(?:а|ы|аў)?(?!\w)|т\.|тыс\.\s*т|吨|立方\w*|кубометр\w*|куб\.?\s*м|м3|m3|cubic|head|голов\w*|units|Stück|штук\w*|辆|台|件|人次|cars|vehicles|автомобил\w*|TEU|containers|контейнер\w*|集装箱|kg|кг|公斤|litres|литр\w*|升)",
    _I,
)
PHYSICAL_TERMS = L.pattern("physical")
PRICE_TERMS = L.pattern("price")

# words that make a ratio or a percentage a decrease ("сократился в 2 раза" -> 0.5)
RATIO_WORDS: list[tuple[re.Pattern[str], float, bool]] = [
    # (pattern, ratio, approx-able)
    (re.compile(r"(?<!\w)(?:halved|halbiert\w*)(?!\w)|减半|减少一半|下降一半", _I), 0.5, True),
    (
        re.compile(
            r"(?<!\w)(?:quadrupled|vervierfacht\w*|учетверил\w*|вчетверо)(?!\w)|翻了两番|翻两番", _I
        ),
        4.0,
        True,
    ),
    (
        re.compile(
            r"(?<!\w)(?:tripled|trebled|verdreifacht\w*|утроил\w*|утроен\w*|втрое)(?!\w)", _I
        ),
        3.0,
        True,
    ),
    (
        re.compile(
            r"(?<!\w)(?:doubled|doubling|verdoppelt\w*|Verdoppelung|удвоил\w*|удвоен\w*|вдвое)(?!\w)|翻了一番|翻一番|翻番",
            _I,
        ),
        2.0,
        True,
    ),
]

# --- scope ------------------------------------------------------------------------------------
GOODS_AND_SERVICES = L.pattern("goods_and_services")
SERVICES = L.pattern("services")
INDUSTRIAL = L.pattern("industrial")
PRODUCTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "potash",
        re.compile(
            r"potash|potassium|калий\w*|калийн\w*|кали[яю](?!\w)|калі[йюяє]\w*|калійн\w*|хлорист\w+\s+кали\w*|Kali(?:dünger|um)?\b|钾肥|氯化钾",
            _I,
        ),
    ),
    (
        "timber",
        re.compile(
            r"timber|lumber|(?<!\w)wood\b|sawn\s+wood|logs|лес(?:ом|а)?\b|лесоматериал\w*|пиломатериал\w*|древесин\w*|Holz\w*|木材|原木|锯材",
            _I,
        ),
    ),
    (
        "vehicles_and_parts",
        re.compile(
            r"vehicles\s+and\s+(?:their\s+)?parts|vehicles|cars|automobiles|автомобил\w*|транспортн\w+\s+средств\w*|Fahrzeug\w*|Autos|Kraftfahrzeug\w*|汽车及零部件|汽车|车辆",
            _I,
        ),
    ),
    (
        "agri_food",
        re.compile(
            r"agri(?:cultural)?[- ]?food|agricultural\s+(?:products|goods|produce|exports)|food\s+products|foodstuffs?|(?<!\w)food(?!\w)|сельскохозяйственн\w*|сельхоз\w*|агропродовольств\w*|продовольств\w*|продукт\w+\s+питани\w*|Agrar\w*|Lebensmittel\w*|Nahrungsmittel\w*|农产品|农食产品|食品",
            _I,
        ),
    ),
    ("dairy", re.compile(r"dairy|milk|молочн\w*|Milch\w*|乳制品|奶", _I)),
    ("beef", re.compile(r"(?<!\w)beef|говядин\w*|Rindfleisch|牛肉", _I)),
    ("pulp", re.compile(r"(?<!\w)pulp|целлюлоз\w*|Zellstoff\w*|纸浆", _I)),
    ("rapeseed_oil", re.compile(r"rapeseed\s+oil|рапсов\w+\s+масл\w*|Rapsöl|菜籽油", _I)),
    (
        "machinery",
        re.compile(
            r"machinery|machine[- ]building|машин\w*|техник\w*|Maschin\w*|机械|机电产品", _I
        ),
    ),
    ("fertilizers", re.compile(r"fertili[sz]ers?|удобрени\w*|Dünger\w*|化肥", _I)),
]

# --- statistics sources -----------------------------------------------------------------------
# reporter cues: found by claims/reporters.py (hits, overlapping cues resolved)

# A reporter cue governs the claims of its own sentence; within a sentence, coordinated main
# clauses (", and China's customs put ...") are separate segments, so a cue in a later segment
# does not reach back to an earlier one.
SEGMENT_BREAK = re.compile(
    r",\s*(?:and|but|while|whereas|und|aber|während|wobei|а|но|тогда\s+как|в\s+то\s+время\s+как)(?!\w)"
    r"|,\s*(?:而|但|同时)|;",
    _I,
)
# A sentence that continues the previous one's source ("It also said ...", "Demnach ...",
# "По тем же данным ...", "该署还表示 ...") inherits the reporter in effect at its end.
CONTINUATION = re.compile(
    r"^\W*(?:"
    r"(?:It|They|The\s+(?:agency|office|administration|customs(?:\s+service)?|committee|service|ministry|same\s+(?:source|data|statistics)))"
    r"\s+(?:also\s+|further\s+)?(?:said|added|reported|noted|showed|stated|put|gave|recorded)(?!\w)"
    r"|(?:According\s+to\s+|Per\s+)(?:the\s+same|these|those|this|that)\s+(?:source|data|figures|statistics)"
    r"|The\s+same\s+(?:source|data|figures|statistics)"
    r"|Of\s+(?:which|this|these|that)|Among\s+them|Davon|Darunter|Из\s+них|В\s+том\s+числе|其中"
    r"|Demnach|Den(?:selben)?\s+Angaben\s+zufolge|Laut\s+(?:derselben|der\s+gleichen|diesen|denselben)\s+(?:Quelle|Angaben|Daten)"
    r"|(?:Sie|Die\s+Behörde|Das\s+Amt|Der\s+Zoll|Die\s+Zollbehörde|Das\s+Statistikamt)\s+(?:\w+\s+){1,2}(?:auch|ferner|außerdem|zudem|weiter)(?!\w)"
    r"|По\s+(?:тем\s+же|этим\s+же|тем|этим|этой\s+же|той\s+же)\s+(?:данным|информации|сведениям)"
    r"|Согласно\s+(?:тем\s+же|этим(?:\s+же)?)\s+данным|Там\s+же"
    r"|(?:Оно|Она|Они|Ведомство|Таможня|Служба|Комитет|Белстат|ГТУ)\s+(?:также\s+)?(?:сообщил\w*|отметил\w*|указал\w*|привел\w*|привёл\w*|добавил\w*)"
    r"|Также\s+(?:ведомство|таможня|служба|комитет)"
    r"|该(?:署|局|部门|机构|委员会)|(?:海关总署|海关|统计委员会)还|(?:据|根据)(?:同一|上述|该)(?:数据|统计|来源)|(?:数据|统计)还显示|其还|另据该"
    r")",
    _I,
)

# --- not a trade value ------------------------------------------------------------------------
#: targets and plans, and forecasts (concept ``forecast``): never an outcome
NOT_TRADE_STRONG = re.compile(f"{L.source('not_trade_strong')}|{L.source('forecast')}", _I)
NOT_TRADE_WEAK = L.pattern("not_trade_weak")

COUNTRY_RES: dict[str, re.Pattern[str]] = {
    k: re.compile(v, _I) for k, v in COUNTRY_PATTERNS.items()
}
CAPITAL_RES: dict[str, re.Pattern[str]] = {
    k: re.compile(v, _I) for k, v in CAPITAL_PATTERNS.items()
}
GROUP_RES: dict[str, re.Pattern[str]] = {k: re.compile(v, _I) for k, v in GROUP_PATTERNS.items()}
REGION_RES: list[tuple[str, str, re.Pattern[str]]] = [
    (c, n, re.compile(p, _I)) for c, n, p in REGIONS
]
