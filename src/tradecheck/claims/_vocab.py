"""Word lists of the claim grammar (en/de/ru/zh): countries, trade flows, bounds, change verbs,
scopes, statistics sources and the cues that mark a figure as not a trade value.

Texts are normalised first (traditional -> simplified Chinese, see ``_lang.normalise``), so the
Chinese lists hold simplified forms only. All patterns are matched case-insensitively.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# --- countries --------------------------------------------------------------------------------
# ISO3 -> regex of names, adjectives and case forms. Pair countries and "other" countries are
# taken from the same table; anything not in the chosen pair counts as another country.
COUNTRY_PATTERNS: dict[str, str] = {
    "BLR": (
        r"(?<!\w)(?:Republic\s+of\s+Belarus|Belarus(?:ian|ians)?(?:['’]s?)?|Belorussia\w*|Byelorussia\w*"
        r"|Wei(?:ß|ss)russland\w*|belarussisch\w*|wei(?:ß|ss)russisch\w*|Belarus"
        r"|Беларус\w*|Белорусси\w*|белорусск\w*|РБ)(?!\w)"
        r"|白俄罗斯|白俄|白方|白国|(?<=[中对与和同])白(?=[方国中双贸])"
    ),
    "CHN": (
        r"(?<!\w)(?:People['’]?s\s+Republic\s+of\s+China|China(?:['’]s?)?|Chinese|PRC|Beijing|Volksrepublik"
        r"|chinesisch\w*|Китай|Китая|Китаю|Китаем|Китае|китайск\w*|КНР|Поднебесн\w*|Пекин\w*)(?!\w)"
        r"|中国|中方|中华人民共和国|(?<=[对来赴访向自从与和同])华|(?<![其集之当从期途])中(?=白(?!方))"
    ),
    "RUS": (
        r"(?<!\w)(?:Russia\w*|Russland\w*|russisch\w*|Росси\w*|российск\w*|РФ)(?!\w)|(?<!白)俄罗斯|(?<!白)俄方|(?<=[中与和对同])俄|俄(?=[中贸])"
    ),
    "KAZ": r"(?<!\w)(?:Kazakh\w*|Kasach\w*|Казахстан\w*|казахстанск\w*)(?!\w)|哈萨克斯坦",
    "UKR": r"(?<!\w)(?:Ukrain\w*|Украин\w*|украинск\w*)(?!\w)|乌克兰",
    "POL": r"(?<!\w)(?:Poland|Polish|Polen|polnisch\w*|Польш\w*|польск\w*)(?!\w)|波兰",
    "DEU": r"(?<!\w)(?:Germany|German(?!\s+(?:text|language))|Deutschland|deutsch\w*|Германи\w*|германск\w*|немецк\w*)(?!\w)|德国",
    "USA": r"(?<!\w)(?:United\s+States|USA|U\.S\.(?!\s*dollar)|America\w*|Vereinigten\s+Staaten|США|Америк\w*|американск\w*)(?!\w)|美国",
    "EU": r"(?<!\w)(?:European\s+Union|EU|Europ\w*|Евросоюз\w*|ЕС|Европ\w*|Europäisch\w*)(?!\w)|欧盟|欧洲",
    "EAEU": r"(?<!\w)(?:EAEU|Eurasian\s+Economic\s+Union|ЕАЭС|Евразийск\w*|EAWU)(?!\w)|欧亚经济联盟",
    "LTU": r"(?<!\w)(?:Lithuania\w*|Litauen|Литв\w*|литовск\w*)(?!\w)|立陶宛",
    "UZB": r"(?<!\w)(?:Uzbek\w*|Usbek\w*|Узбек\w*)(?!\w)|乌兹别克",
    "IND": r"(?<!\w)(?:India|Indian|Indien|Инди\w*|индийск\w*)(?!\w)|印度",
    "TUR": r"(?<!\w)(?:Turkey|Türkiye|Turkish|Türkei|Турци\w*|турецк\w*)(?!\w)|土耳其",
    "VNM": r"(?<!\w)(?:Vietnam\w*|Вьетнам\w*)(?!\w)|越南",
    "JPN": r"(?<!\w)(?:Japan\w*|Япони\w*|японск\w*)(?!\w)|日本",
    "IRN": r"(?<!\w)(?:Iran\w*|Иран\w*)(?!\w)|伊朗",
    "MNG": r"(?<!\w)(?:Mongolia\w*|Mongolei|Монголи\w*)(?!\w)|蒙古",
    "SRB": r"(?<!\w)(?:Serbia\w*|Serbien|Серби\w*)(?!\w)|塞尔维亚",
    "AZE": r"(?<!\w)(?:Azerbaijan\w*|Aserbaidschan|Азербайджан\w*)(?!\w)|阿塞拜疆",
    "ARM": r"(?<!\w)(?:Armenia\w*|Armenien|Армени\w*)(?!\w)|亚美尼亚",
    "KGZ": r"(?<!\w)(?:Kyrgyz\w*|Kirgis\w*|Киргиз\w*|Кыргыз\w*)(?!\w)|吉尔吉斯",
    "TJK": r"(?<!\w)(?:Tajik\w*|Tadschik\w*|Таджик\w*)(?!\w)|塔吉克",
    "LVA": r"(?<!\w)(?:Latvia\w*|Lettland|Латви\w*)(?!\w)|拉脱维亚",
    "NLD": r"(?<!\w)(?:Netherlands|Dutch|Niederlande\w*|Нидерланд\w*)(?!\w)|荷兰",
    "GBR": r"(?<!\w)(?:United\s+Kingdom|Britain|British|UK|Großbritannien|Великобритани\w*)(?!\w)|英国",
    "FRA": r"(?<!\w)(?:France|French|Frankreich|Франци\w*)(?!\w)|法国",
    "ITA": r"(?<!\w)(?:Italy|Italian|Italien|Итали\w*)(?!\w)|意大利",
    "BRA": r"(?<!\w)(?:Brazil\w*|Brasilien|Бразили\w*)(?!\w)|巴西",
    "VEN": r"(?<!\w)(?:Venezuela\w*|Венесуэл\w*)(?!\w)|委内瑞拉",
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
TRADE_KW = re.compile(
    r"(?<!\w)(?:traded|trading(?!\s+partner)|(?:foreign\s+|bilateral\s+|mutual\s+)?trade(?!\s+(?:partner|deficit|surplus|balance|war|mission|fair|agreement|polic|representative|house|cent|zone|route|office|talks|relations|and\s+economic\s+cooperation))(?:\s+(?:turnover|volume))?"
    r"|turnover|commerce|товарооборот\w*|(?:внешнеторгов\w+\s+)?оборот\w*|торговл\w*|взаимн\w+\s+торговл\w*"
    r"|Handel(?!s(?:partner|bilanz|defizit|überschuss|krieg|abkommen|beziehung))\w*|\w*umsatz\w*|Warenaustausch\w*|Warenverkehr\w*|Außenhandel\w*|Handelsvolumen|Handelsumsatz)(?!\w)"
    r"|贸易额|贸易总额|贸易|进出口总额|进出口额|进出口",
    _I,
)
EXPORT_KW = re.compile(
    r"(?<!\w)(?:\w*(?:exporte|ausfuhren)\w*|export\w*|deliveries|supplies|shipments|sales|sold|экспорт\w*|постав(?:к|л|ил|ят|ля)\w*|отгруз\w*|вывоз\w*|продаж\w*|продал\w*"
    r"|Export\w*|Ausfuhr\w*|liefer\w*|geliefert|exportiert\w*|ausgeführt)(?!\w)|出口|输出|销往",
    _I,
)
IMPORT_KW = re.compile(
    r"(?<!\w)(?:\w*(?:importe|einfuhren)\w*|import\w*|purchases|purchased|bought|импорт\w*|ввоз\w*|закуп\w*|Import\w*|Einfuhr\w*|importiert\w*)(?!\w)|进口|采购|输入",
    _I,
)
BALANCE_KW = re.compile(
    r"(?<!\w)(?:deficit|surplus|balance|сальдо|дефицит\w*|профицит\w*|Defizit\w*|Überschuss\w*|Handelsbilanz\w*|Bilanz\w*|Saldo)(?!\w)|逆差|顺差|差额",
    _I,
)
NEGATIVE_BALANCE = re.compile(
    r"deficit|дефицит|отрицательн|негативн|Defizit|negativ|逆差|minus|минус", _I
)

# --- bounds -----------------------------------------------------------------------------------
BOUND_BEFORE: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"(?<!\w)(?:more\s+than|over|above|exceed\w*|surpass\w*|top(?:ped|s)?|in\s+excess\s+of|upwards\s+of|beyond"
            r"|mehr\s+als|über|überst\w+|übertr\w+|überschr\w+|свыше|более|больше|превы\w+|превзош\w+|перевалил\w*|сверх)(?!\w)"
            r"|超过|超|逾|突破|以上|多于|高于",
            _I,
        ),
        "gt",
    ),
    (
        re.compile(
            r"(?<!\w)(?:less\s+than|under|below|fewer\s+than|weniger\s+als|unter|менее|меньше|не\s+более|不足|不到|低于|少于)(?!\w)|不足|不到",
            _I,
        ),
        "lt",
    ),
    (
        re.compile(
            r"(?<!\w)(?:about|almost|nearly|around|roughly|approximately|approx\.?|some|close\s+to|circa|ca\.|estimated|an\s+estimated"
            r"|etwa|rund|fast|knapp|ungefähr|nahezu|beinahe|zirka|gut"
            r"|около|почти|порядка|примерно|приблизительно|почти|без\s+малого|чуть\s+менее|чуть\s+более)(?!\w)|约|近|大约|将近|接近",
            _I,
        ),
        "approx",
    ),
]
#: "about" words that approach the figure from below (the claim keeps them as ``almost``)
ALMOST = re.compile(
    r"(?<!\w)(?:almost|nearly|close\s+to|just\s+under|fast|knapp|beinahe|nahezu"
    r"|почти|без\s+малого|чуть\s+менее|майже|амаль)(?!\w)|将近|接近|近",
    _I,
)

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
DECREASE = re.compile(
    r"(?<!\w)(?:fell|fall\w*|decrease\w*|declin\w*|drop\w*|down|shr[au]nk\w*|contract\w*|lower|less|reduc\w*|slump\w*|plung\w*|slid\w*|dipped|dip|loss"
    r"|gesunken|gefallen|zurückgegangen|zurück\w*|Rückgang|verringert\w*|Minus|weniger|sank\w*|sink\w*|fiel\w*|schrumpf\w*|eingebrochen|niedriger|gesenkt"
    r"|снизил\w*|сниже\w*|сократил\w*|сокращ\w*|уменьшил\w*|уменьш\w*|упал\w*|упад\w*|падени\w*|меньше|ниже|спад\w*|минус)(?!\w)"
    r"|下降|减少|下滑|降低|回落|缩减|萎缩|下跌|降幅|减",
    _I,
)
INCREASE = re.compile(
    r"(?<!\w)(?:rose|rise\w*|rising|grew|grow\w*|increas\w*|up|gain\w*|surg\w*|jump\w*|soar\w*|climb\w*|higher|more|expand\w*|skyrocket\w*|boost\w*|add\w*|advance\w*|rebound\w*|plus"
    r"|gestiegen|stieg\w*|steig\w*|wuchs\w*|gewachsen|zugelegt|zuleg\w*|legte[n]?|Plus|Anstieg|Zuwachs|Wachstum|höher|erhöht\w*|mehr|gesteigert|zunahm|zugenommen"
    r"|вырос\w*|выросл\w*|увелич\w*|рост\w*|прирост\w*|больше|выше|возрос\w*|прибавил\w*|нарастил\w*|подскочил\w*)(?!\w)"
    r"|增长|增加|上升|提高|上涨|增幅|增|涨",
    _I,
)
INDEX_CUE = re.compile(
    r"темп\w*\s+роста|составил\w*\s+\d+(?:[.,]\d+)?\s*%\s*(?:к|от)\s|(?<!\w)к\s+уровню|%\s*к\s+(?:соответствующ|аналогичн|уровню|\d{4}|прошл|предыдущ)|в\s+процентах\s+к|growth\s+rate|growth\s+index",
    _I,
)
SHARE_CUE = re.compile(
    r"(?<!\w)(?:share|accounted\s+for|account\s+for|accounts\s+for|of\s+(?:the\s+)?total|proportion|доля|долю|доли|удельн\w+\s+вес\w*|приходит\w*|приходил\w*|Anteil\w*|entfiel\w*|entfallen)(?!\w)|占|比重|份额",
    _I,
)
PHYSICAL_UNIT = re.compile(
    r"^\s*(?:(?:thousand|million|billion|тыс\.?|млн\.?|млрд\.?|Mio\.?|Tsd\.?|万|亿|千)\s*)?"
    r"(?:tonnes?|tons?|t\b|Tonnen|тонн\w*|т\.|тыс\.\s*т|吨|立方\w*|кубометр\w*|куб\.?\s*м|м3|m3|cubic|head|голов\w*|units|Stück|штук\w*|辆|台|件|人次|cars|vehicles|автомобил\w*|TEU|containers|контейнер\w*|集装箱|kg|кг|公斤|litres|литр\w*|升)",
    _I,
)
PHYSICAL_TERMS = re.compile(
    r"in\s+physical\s+terms|в\s+натуральном\s+выражении|physischen|mengenmäßig|出口量|进口量|数量|(?<!\w)volume\s+in\s+tonnes|физическ\w+\s+объ[её]м\w*",
    _I,
)
PRICE_TERMS = re.compile(
    r"(?<!\w)(?:price\w*|цен\w*|Preis\w*|inflation\w*|инфляци\w*|GDP|ВВП|BIP|production|производств\w*|Produktion|output)(?!\w)|价格|物价|国内生产总值|产量",
    _I,
)

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
GOODS_AND_SERVICES = re.compile(
    r"goods\s+and\s+services|товар\w*\s+и\s+услуг\w*|Waren\s+und\s+Dienstleistungen|货物和服务|商品和服务|货物与服务|货物及服务",
    _I,
)
SERVICES = re.compile(
    r"(?<!\w)(?:services|услуг\w*|Dienstleistung\w*)(?!\w)|服务贸易|服务出口|服务进口", _I
)
INDUSTRIAL = re.compile(
    r"industrial\s+(?:goods|products)|Industriegüter\w*|промышленн\w*\s+(?:продукц|товар)\w*|工业品",
    _I,
)
PRODUCTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "potash",
        re.compile(
            r"potash|potassium|калий\w*|калийн\w*|хлорист\w+\s+кали\w*|Kali(?:dünger|um)?\b|钾肥|氯化钾",
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
REPORTER_CUES: list[tuple[str, re.Pattern[str]]] = [
    (
        "BLR",
        re.compile(
            r"Belstat|Белстат\w*|National\s+Statistic(?:s|al)\s+Committee|Нацстатком\w*|Национальн\w+\s+статистическ\w+\s+комитет\w*"
            r"|Belarusian\s+(?:statistics|customs|data)|(?:statistics|data)\s+of\s+(?:the\s+)?Belarus\w*(?:\s+side)?|Belarus(?:ian)?\s+side['’]s\s+(?:statistics|data)"
            r"|белорусск\w+\s+(?:статистик\w*|таможн\w*|сторон\w*)|(?:статистик\w*|данны\w+|данным|информаци\w*)\s+белорусск\w+"
            r"|belarussisch\w*\s+(?:Statistik\w*|Zoll\w*|Angaben)|Statistikamt\w*\s+(?:von\s+)?Belarus|据白方统计|白方统计|白俄罗斯国家统计委员会|白俄罗斯统计|白俄罗斯海关|白方数据",
            _I,
        ),
    ),
    (
        "CHN",
        re.compile(
            r"Chinese\s+(?:customs|statistics|data|side['’]s\s+(?:statistics|data))|China['’]s\s+(?:customs|statistics|General\s+Administration)|China\s+Customs|General\s+Administration\s+of\s+Customs|GACC"
            r"|(?:statistics|data)\s+of\s+(?:the\s+)?Chin\w+(?:\s+side)?"
            r"|китайск\w+\s+(?:статистик\w*|таможн\w*|сторон\w*)|(?:статистик\w*|данны\w+|данным|информаци\w*)\s+(?:\w+\s+)?(?:китайск\w+|КНР)|ГТУ\s+(?:КНР|Китая)|таможн\w+\s+(?:\w+\s+)?(?:КНР|Китая)|Главн\w+\s+таможенн\w+\s+управлени\w*"
            r"|chinesisch\w*\s+(?:Zoll\w*|Statistik\w*|Angaben)|Zollbehörde\w*\s+Chinas|据中方统计|中方统计|中国海关|海关总署|据海关统计|(?<!白俄罗斯)海关数据|(?<!白俄罗斯)海关统计",
            _I,
        ),
    ),
]

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
NOT_TRADE_STRONG = re.compile(
    r"(?<!\w)(?:target\w*|goal\w*|aim\w*|plan\w*|intend\w*|intention|expect\w*|forecast\w*|project(?:ed|ion)s?|will\s+(?:reach|exceed|grow|increase|be)|to\s+reach|to\s+bring|to\s+increase|to\s+boost|by\s+20[2-5]\d|ambition\w*|potential|could\s+reach|hope\w*|envisag\w*|being\s+considered|under\s+consideration|proposals?"
    r"|цел(?:ь|и|евой|евые|евого)|задач\w*|план\w*|намерен\w*|прогноз\w*|ожида\w*|довести|доведени\w*|нарастить\s+до|рассчитыва\w*|потенциал\w*|будет|(?<!%\s)(?<!%)к\s+20[2-5]\d\s+году|стремит\w*"
    r"|Ziel\w*|anstreb\w*|angestrebt|geplant|planen|plant|Prognose\w*|erwartet\w*|bis\s+20[2-5]\d|soll(?:en)?\s+(?:bis|auf)|werden\s+(?:soll|wird)|Potenzial"
    r"|目标|力争|计划|争取|预计|预期|有望|将达到|将突破|将超过|到20[2-5]\d年|潜力)(?!\w)|目标|力争|计划|争取|预计|预期|有望|将达到|潜力",
    _I,
)
NOT_TRADE_WEAK = re.compile(
    r"(?<!\w)(?:invest\w*|contract\w*|agreements?|deals?|loans?|credit\w*|grants?|aid|capital|projects?|budget|debt|reserves?|tourists?|visitors?|students?|population|salar\w*|wages?"
    r"|инвестиц\w*|вложени\w*|контракт\w*|соглашени\w*|кредит\w*|займ\w*|заем|грант\w*|проект\w*|бюджет\w*|долг\w*|резерв\w*|туристов|студентов"
    r"|Investition\w*|investiert\w*|Vertr(?:ag|äge)\w*|Abkommen|Kredit\w*|Darlehen|Projekt\w*|Schulden|Reserven"
    r"|投资|签约|签署|合同|协议|贷款|项目|援助|储备)(?!\w)|投资|签约|签署|合同|协议|贷款|项目|援助",
    _I,
)

COUNTRY_RES: dict[str, re.Pattern[str]] = {
    k: re.compile(v, _I) for k, v in COUNTRY_PATTERNS.items()
}
REGION_RES: list[tuple[str, str, re.Pattern[str]]] = [
    (c, n, re.compile(p, _I)) for c, n, p in REGIONS
]
