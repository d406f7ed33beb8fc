"""Static geography for the invented world: countries, cities, languages, mail providers.

Country geoname ids and names follow GeoNames/MaxMind conventions; city and
subdivision geoname ids are derived deterministically (invented).
"""

CONTINENTS = {
    "AF": (6255146, {"de": "Afrika", "en": "Africa", "es": "África", "fr": "Afrique", "ja": "アフリカ", "pt-BR": "África", "ru": "Африка", "zh-CN": "非洲"}),
    "AS": (6255147, {"de": "Asien", "en": "Asia", "es": "Asia", "fr": "Asie", "ja": "アジア", "pt-BR": "Ásia", "ru": "Азия", "zh-CN": "亚洲"}),
    "EU": (6255148, {"de": "Europa", "en": "Europe", "es": "Europa", "fr": "Europe", "ja": "ヨーロッパ", "pt-BR": "Europa", "ru": "Европа", "zh-CN": "欧洲"}),
    "NA": (6255149, {"de": "Nordamerika", "en": "North America", "es": "Norteamérica", "fr": "Amérique du Nord", "ja": "北アメリカ", "pt-BR": "América do Norte", "ru": "Северная Америка", "zh-CN": "北美洲"}),
    "OC": (6255151, {"de": "Ozeanien", "en": "Oceania", "es": "Oceanía", "fr": "Océanie", "ja": "オセアニア", "pt-BR": "Oceania", "ru": "Океания", "zh-CN": "大洋洲"}),
    "SA": (6255150, {"de": "Südamerika", "en": "South America", "es": "Sudamérica", "fr": "Amérique du Sud", "ja": "南アメリカ", "pt-BR": "América do Sul", "ru": "Южная Америка", "zh-CN": "南美洲"}),
}

# iso | geoname | continent | eu | rir | en | de | es | fr | pt-BR | ja | ru | zh-CN
_COUNTRIES = """
US|6252001|NA|0|arin|United States|USA|Estados Unidos|États Unis|Estados Unidos|アメリカ|США|美国
CA|6251999|NA|0|arin|Canada|Kanada|Canadá|Canada|Canadá|カナダ|Канада|加拿大
MX|3996063|NA|0|lacnic|Mexico|Mexiko|México|Mexique|México|メキシコ合衆国|Мексика|墨西哥
PA|3703430|NA|0|lacnic|Panama|Panama|Panamá|Panama|Panamá|パナマ共和国|Панама|巴拿马
BR|3469034|SA|0|lacnic|Brazil|Brasilien|Brasil|Brésil|Brasil|ブラジル連邦共和国|Бразилия|巴西
AR|3865483|SA|0|lacnic|Argentina|Argentinien|Argentina|Argentine|Argentina|アルゼンチン共和国|Аргентина|阿根廷
CO|3686110|SA|0|lacnic|Colombia|Kolumbien|Colombia|Colombie|Colômbia|コロンビア共和国|Колумбия|哥伦比亚
CL|3895114|SA|0|lacnic|Chile|Chile|Chile|Chili|Chile|チリ共和国|Чили|智利
PE|3932488|SA|0|lacnic|Peru|Peru|Perú|Pérou|Peru|ペルー共和国|Перу|秘鲁
GB|2635167|EU|0|ripe|United Kingdom|Vereinigtes Königreich|Reino Unido|Royaume-Uni|Reino Unido|イギリス|Великобритания|英国
IE|2963597|EU|1|ripe|Ireland|Irland|Irlanda|Irlande|Irlanda|アイルランド|Ирландия|爱尔兰
DE|2921044|EU|1|ripe|Germany|Deutschland|Alemania|Allemagne|Alemanha|ドイツ連邦共和国|Германия|德国
FR|3017382|EU|1|ripe|France|Frankreich|Francia|France|França|フランス共和国|Франция|法国
ES|2510769|EU|1|ripe|Spain|Spanien|España|Espagne|Espanha|スペイン|Испания|西班牙
PT|2264397|EU|1|ripe|Portugal|Portugal|Portugal|Portugal|Portugal|ポルトガル共和国|Португалия|葡萄牙
IT|3175395|EU|1|ripe|Italy|Italien|Italia|Italie|Itália|イタリア共和国|Италия|意大利
NL|2750405|EU|1|ripe|Netherlands|Niederlande|Países Bajos|Pays-Bas|Holanda|オランダ王国|Нидерланды|荷兰
BE|2802361|EU|1|ripe|Belgium|Belgien|Bélgica|Belgique|Bélgica|ベルギー王国|Бельгия|比利时
CH|2658434|EU|0|ripe|Switzerland|Schweiz|Suiza|Suisse|Suíça|スイス連邦|Швейцария|瑞士
AT|2782113|EU|1|ripe|Austria|Österreich|Austria|Autriche|Áustria|オーストリア共和国|Австрия|奥地利
SE|2661886|EU|1|ripe|Sweden|Schweden|Suecia|Suède|Suécia|スウェーデン王国|Швеция|瑞典
NO|3144096|EU|0|ripe|Norway|Norwegen|Noruega|Norvège|Noruega|ノルウェー王国|Норвегия|挪威
DK|2623032|EU|1|ripe|Denmark|Dänemark|Dinamarca|Danemark|Dinamarca|デンマーク王国|Дания|丹麦
FI|660013|EU|1|ripe|Finland|Finnland|Finlandia|Finlande|Finlândia|フィンランド共和国|Финляндия|芬兰
PL|798544|EU|1|ripe|Poland|Polen|Polonia|Pologne|Polônia|ポーランド共和国|Польша|波兰
CZ|3077311|EU|1|ripe|Czechia|Tschechien|Chequia|Tchéquie|Tchéquia|チェコ共和国|Чехия|捷克
RO|798549|EU|1|ripe|Romania|Rumänien|Rumanía|Roumanie|Romênia|ルーマニア|Румыния|罗马尼亚
HU|719819|EU|1|ripe|Hungary|Ungarn|Hungría|Hongrie|Hungria|ハンガリー共和国|Венгрия|匈牙利
GR|390903|EU|1|ripe|Greece|Griechenland|Grecia|Grèce|Grécia|ギリシャ共和国|Греция|希腊
UA|690791|EU|0|ripe|Ukraine|Ukraine|Ucrania|Ukraine|Ucrânia|ウクライナ共和国|Украина|乌克兰
RS|6290252|EU|0|ripe|Serbia|Serbien|Serbia|Serbie|Sérvia|セルビア|Сербия|塞尔维亚
MD|617790|EU|0|ripe|Moldova|Moldawien|Moldavia|Moldavie|Moldávia|モルドバ共和国|Молдова|摩尔多瓦
CY|146669|EU|1|ripe|Cyprus|Zypern|Chipre|Chypre|Chipre|キプロス共和国|Кипр|塞浦路斯
TR|298795|AS|0|ripe|Türkiye|Türkei|Turquía|Turquie|Turquia|トルコ共和国|Турция|土耳其
IL|294640|AS|0|ripe|Israel|Israel|Israel|Israël|Israel|イスラエル国|Израиль|以色列
AE|290557|AS|0|ripe|United Arab Emirates|Vereinigte Arabische Emirate|Emiratos Árabes Unidos|Émirats arabes unis|Emirados Árabes Unidos|アラブ首長国連邦|ОАЭ|阿拉伯联合酋长国
SA|102358|AS|0|ripe|Saudi Arabia|Saudi-Arabien|Arabia Saudí|Arabie saoudite|Arábia Saudita|サウジアラビア王国|Саудовская Аравия|沙特阿拉伯
GE|614540|AS|0|ripe|Georgia|Georgien|Georgia|Géorgie|Geórgia|ジョージア|Грузия|格鲁吉亚
AM|174982|AS|0|ripe|Armenia|Armenien|Armenia|Arménie|Armênia|アルメニア共和国|Армения|亚美尼亚
KZ|1522867|AS|0|ripe|Kazakhstan|Kasachstan|Kazajistán|Kazakhstan|Cazaquistão|カザフスタン共和国|Казахстан|哈萨克斯坦
EG|357994|AF|0|afrinic|Egypt|Ägypten|Egipto|Égypte|Egito|エジプト・アラブ共和国|Египет|埃及
NG|2328926|AF|0|afrinic|Nigeria|Nigeria|Nigeria|Nigeria|Nigéria|ナイジェリア連邦共和国|Нигерия|尼日利亚
KE|192950|AF|0|afrinic|Kenya|Kenia|Kenia|Kenya|Quênia|ケニア共和国|Кения|肯尼亚
ZA|953987|AF|0|afrinic|South Africa|Südafrika|Sudáfrica|Afrique du Sud|África do Sul|南アフリカ|ЮАР|南非
SC|241170|AF|0|afrinic|Seychelles|Seychellen|Seychelles|Seychelles|Seicheles|セーシェル共和国|Сейшельские Острова|塞舌尔
IN|1269750|AS|0|apnic|India|Indien|India|Inde|Índia|インド|Индия|印度
PK|1168579|AS|0|apnic|Pakistan|Pakistan|Pakistán|Pakistan|Paquistão|パキスタン・イスラム共和国|Пакистан|巴基斯坦
BD|1210997|AS|0|apnic|Bangladesh|Bangladesch|Bangladés|Bangladesh|Bangladesh|バングラデシュ人民共和国|Бангладеш|孟加拉国
JP|1861060|AS|0|apnic|Japan|Japan|Japón|Japon|Japão|日本|Япония|日本
KR|1835841|AS|0|apnic|South Korea|Südkorea|Corea del Sur|Corée du Sud|Coreia do Sul|大韓民国|Республика Корея|韩国
TW|1668284|AS|0|apnic|Taiwan|Taiwan|Taiwán|Taïwan|Taiwan|台湾|Тайвань|台湾
HK|1819730|AS|0|apnic|Hong Kong|Hongkong|Hong Kong|Hong Kong|Hong Kong|香港|Гонконг|香港
SG|1880251|AS|0|apnic|Singapore|Singapur|Singapur|Singapour|Singapura|シンガポール|Сингапур|新加坡
MY|1733045|AS|0|apnic|Malaysia|Malaysia|Malasia|Malaisie|Malásia|マレーシア|Малайзия|马来西亚
TH|1605651|AS|0|apnic|Thailand|Thailand|Tailandia|Thaïlande|Tailândia|タイ王国|Таиланд|泰国
VN|1562822|AS|0|apnic|Vietnam|Vietnam|Vietnam|Vietnam|Vietnã|ベトナム|Вьетнам|越南
ID|1643084|AS|0|apnic|Indonesia|Indonesien|Indonesia|Indonésie|Indonésia|インドネシア共和国|Индонезия|印度尼西亚
PH|1694008|AS|0|apnic|Philippines|Philippinen|Filipinas|Philippines|Filipinas|フィリピン共和国|Филиппины|菲律宾
AU|2077456|OC|0|apnic|Australia|Australien|Australia|Australie|Austrália|オーストラリア|Австралия|澳大利亚
NZ|2186224|OC|0|apnic|New Zealand|Neuseeland|Nueva Zelanda|Nouvelle-Zélande|Nova Zelândia|ニュージーランド|Новая Зеландия|新西兰
CN|1814991|AS|0|apnic|China|China|China|Chine|China|中国|Китай|中国
RU|2017370|EU|0|ripe|Russia|Russland|Rusia|Russie|Rússia|ロシア|Россия|俄罗斯
BY|630336|EU|0|ripe|Belarus|Belarus|Bielorrusia|Biélorussie|Bielorrússia|ベラルーシ共和国|Беларусь|白俄罗斯
IR|130758|AS|0|ripe|Iran|Iran|Irán|Iran|Irã|イラン・イスラム共和国|Иран|伊朗
"""

LANG_KEYS = ["en", "de", "es", "fr", "pt-BR", "ja", "ru", "zh-CN"]


def _parse_countries():
    out = {}
    for line in _COUNTRIES.strip().splitlines():
        p = line.split("|")
        iso, gid, cont, eu, rir = p[0], int(p[1]), p[2], p[3] == "1", p[4]
        names = dict(zip(LANG_KEYS, p[5:13]))
        out[iso] = {"iso": iso, "geoname_id": gid, "continent": cont, "eu": eu, "rir": rir, "names": names}
    return out


COUNTRIES = _parse_countries()

# Countries where the (invented) company does not offer service.
UNSUPPORTED = {"CN", "RU", "IR", "BY", "HK"}

# city | lat | lon | tz | sub iso | sub name | weight | postal | flags(dc)
_CITIES = """
US
New York|40.7128|-74.0060|America/New_York|NY|New York|9|10001|
Brooklyn|40.6782|-73.9442|America/New_York|NY|New York|3|11201|
Los Angeles|34.0522|-118.2437|America/Los_Angeles|CA|California|7|90012|
San Francisco|37.7749|-122.4194|America/Los_Angeles|CA|California|6|94103|
San Jose|37.3382|-121.8863|America/Los_Angeles|CA|California|4|95113|dc
Seattle|47.6062|-122.3321|America/Los_Angeles|WA|Washington|5|98101|
Portland|45.5152|-122.6784|America/Los_Angeles|OR|Oregon|2|97204|
Chicago|41.8781|-87.6298|America/Chicago|IL|Illinois|6|60601|dc
Austin|30.2672|-97.7431|America/Chicago|TX|Texas|4|78701|
Dallas|32.7767|-96.7970|America/Chicago|TX|Texas|4|75201|dc
Houston|29.7604|-95.3698|America/Chicago|TX|Texas|4|77002|
Minneapolis|44.9778|-93.2650|America/Chicago|MN|Minnesota|2|55401|
Nashville|36.1627|-86.7816|America/Chicago|TN|Tennessee|1.5|37203|
Denver|39.7392|-104.9903|America/Denver|CO|Colorado|3|80202|
Salt Lake City|40.7608|-111.8910|America/Denver|UT|Utah|1.5|84101|dc
Phoenix|33.4484|-112.0740|America/Phoenix|AZ|Arizona|2.5|85004|dc
Boston|42.3601|-71.0589|America/New_York|MA|Massachusetts|4|02108|
Washington|38.9072|-77.0369|America/New_York|DC|District of Columbia|2.5|20001|
Ashburn|39.0438|-77.4874|America/New_York|VA|Virginia|0.4|20147|dc
Atlanta|33.7490|-84.3880|America/New_York|GA|Georgia|3.5|30303|dc
Miami|25.7617|-80.1918|America/New_York|FL|Florida|3|33130|dc
Philadelphia|39.9526|-75.1652|America/New_York|PA|Pennsylvania|2.5|19103|
Pittsburgh|40.4406|-79.9959|America/New_York|PA|Pennsylvania|1.2|15222|
Raleigh|35.7796|-78.6382|America/New_York|NC|North Carolina|1.8|27601|
Columbus|39.9612|-82.9988|America/New_York|OH|Ohio|1.5|43215|dc
Detroit|42.3314|-83.0458|America/Detroit|MI|Michigan|1.5|48226|
San Diego|32.7157|-117.1611|America/Los_Angeles|CA|California|2.5|92101|
Boardman|45.8399|-119.7006|America/Los_Angeles|OR|Oregon|0.1|97818|dc
Council Bluffs|41.2619|-95.8608|America/Chicago|IA|Iowa|0.1|51501|dc
CA
Toronto|43.6532|-79.3832|America/Toronto|ON|Ontario|6|M5H|dc
Montreal|45.5017|-73.5673|America/Toronto|QC|Quebec|4|H2Y|dc
Vancouver|49.2827|-123.1207|America/Vancouver|BC|British Columbia|3.5|V6B|
Calgary|51.0447|-114.0719|America/Edmonton|AB|Alberta|2|T2P|
Ottawa|45.4215|-75.6972|America/Toronto|ON|Ontario|1.5|K1P|
Waterloo|43.4643|-80.5204|America/Toronto|ON|Ontario|1|N2L|
MX
Mexico City|19.4326|-99.1332|America/Mexico_City|CMX|Mexico City|6|06000|
Guadalajara|20.6597|-103.3496|America/Mexico_City|JAL|Jalisco|2.5|44100|
Monterrey|25.6866|-100.3161|America/Monterrey|NLE|Nuevo León|2.5|64000|
Querétaro|20.5888|-100.3899|America/Mexico_City|QUE|Querétaro|1|76000|dc
PA
Panama City|8.9824|-79.5199|America/Panama|8|Panamá|1||
BR
São Paulo|-23.5505|-46.6333|America/Sao_Paulo|SP|São Paulo|8|01000|dc
Rio de Janeiro|-22.9068|-43.1729|America/Sao_Paulo|RJ|Rio de Janeiro|4|20000|
Belo Horizonte|-19.9167|-43.9345|America/Sao_Paulo|MG|Minas Gerais|2|30100|
Porto Alegre|-30.0346|-51.2177|America/Sao_Paulo|RS|Rio Grande do Sul|1.5|90000|
Recife|-8.0476|-34.8770|America/Recife|PE|Pernambuco|1.5|50000|
Curitiba|-25.4284|-49.2733|America/Sao_Paulo|PR|Paraná|1.5|80000|
Florianópolis|-27.5954|-48.5480|America/Sao_Paulo|SC|Santa Catarina|1|88000|
AR
Buenos Aires|-34.6037|-58.3816|America/Argentina/Buenos_Aires|C|Buenos Aires F.D.|6|C1000|
Córdoba|-31.4201|-64.1888|America/Argentina/Cordoba|X|Córdoba|2|X5000|
Rosario|-32.9442|-60.6505|America/Argentina/Cordoba|S|Santa Fe|1|S2000|
CO
Bogotá|4.7110|-74.0721|America/Bogota|DC|Bogota D.C.|5|110111|
Medellín|6.2442|-75.5812|America/Bogota|ANT|Antioquia|3|050001|
Cali|3.4516|-76.5320|America/Bogota|VAC|Valle del Cauca|1|760001|
CL
Santiago|-33.4489|-70.6693|America/Santiago|RM|Santiago Metropolitan|5||dc
Valparaíso|-33.0472|-71.6127|America/Santiago|VS|Valparaíso|1||
PE
Lima|-12.0464|-77.0428|America/Lima|LMA|Lima|5|15001|
Arequipa|-16.4090|-71.5375|America/Lima|ARE|Arequipa|1|04001|
GB
London|51.5074|-0.1278|Europe/London|ENG|England|10|EC1A|dc
Manchester|53.4808|-2.2426|Europe/London|ENG|England|3|M1|dc
Birmingham|52.4862|-1.8904|Europe/London|ENG|England|2|B1|
Edinburgh|55.9533|-3.1883|Europe/London|SCT|Scotland|1.5|EH1|
Bristol|51.4545|-2.5879|Europe/London|ENG|England|1.5|BS1|
Cambridge|52.2053|0.1218|Europe/London|ENG|England|1|CB2|
Leeds|53.8008|-1.5491|Europe/London|ENG|England|1.5|LS1|
Glasgow|55.8642|-4.2518|Europe/London|SCT|Scotland|1|G1|
IE
Dublin|53.3498|-6.2603|Europe/Dublin|L|Leinster|5|D02|dc
Cork|51.8985|-8.4756|Europe/Dublin|M|Munster|1.5|T12|
Galway|53.2707|-9.0568|Europe/Dublin|C|Connacht|0.7|H91|
DE
Berlin|52.5200|13.4050|Europe/Berlin|BE|Land Berlin|6|10115|
Munich|48.1351|11.5820|Europe/Berlin|BY|Bavaria|4|80331|
Hamburg|53.5511|9.9937|Europe/Berlin|HH|Hamburg|3|20095|
Frankfurt am Main|50.1109|8.6821|Europe/Berlin|HE|Hesse|2.5|60311|dc
Cologne|50.9375|6.9603|Europe/Berlin|NW|North Rhine-Westphalia|2.5|50667|
Stuttgart|48.7758|9.1829|Europe/Berlin|BW|Baden-Württemberg|2|70173|
Leipzig|51.3397|12.3731|Europe/Berlin|SN|Saxony|1.2|04109|
Nuremberg|49.4521|11.0767|Europe/Berlin|BY|Bavaria|1|90402|dc
Falkenstein|50.4779|12.3713|Europe/Berlin|SN|Saxony|0.05|08223|dc
FR
Paris|48.8566|2.3522|Europe/Paris|IDF|Île-de-France|9|75001|dc
Lyon|45.7640|4.8357|Europe/Paris|ARA|Auvergne-Rhône-Alpes|2.5|69001|
Marseille|43.2965|5.3698|Europe/Paris|PAC|Provence-Alpes-Côte d'Azur|2|13001|dc
Toulouse|43.6047|1.4442|Europe/Paris|OCC|Occitanie|2|31000|
Nantes|47.2184|-1.5536|Europe/Paris|PDL|Pays de la Loire|1.5|44000|
Lille|50.6292|3.0573|Europe/Paris|HDF|Hauts-de-France|1.5|59000|
Roubaix|50.6942|3.1746|Europe/Paris|HDF|Hauts-de-France|0.2|59100|dc
Bordeaux|44.8378|-0.5792|Europe/Paris|NAQ|Nouvelle-Aquitaine|1.2|33000|
ES
Madrid|40.4168|-3.7038|Europe/Madrid|MD|Madrid|6|28001|dc
Barcelona|41.3851|2.1734|Europe/Madrid|CT|Catalonia|5|08001|
Valencia|39.4699|-0.3763|Europe/Madrid|VC|Valencia|2|46001|
Seville|37.3891|-5.9845|Europe/Madrid|AN|Andalusia|1.5|41001|
Bilbao|43.2630|-2.9350|Europe/Madrid|PV|Basque Country|1|48001|
PT
Lisbon|38.7223|-9.1393|Europe/Lisbon|11|Lisbon|4|1000-001|dc
Porto|41.1579|-8.6291|Europe/Lisbon|13|Porto|2.5|4000-001|
Braga|41.5454|-8.4265|Europe/Lisbon|03|Braga|0.8|4700-001|
IT
Milan|45.4642|9.1900|Europe/Rome|25|Lombardy|5|20121|dc
Rome|41.9028|12.4964|Europe/Rome|62|Lazio|4|00118|
Turin|45.0703|7.6869|Europe/Rome|21|Piedmont|2|10121|
Bologna|44.4949|11.3426|Europe/Rome|45|Emilia-Romagna|1.5|40121|
Naples|40.8518|14.2681|Europe/Rome|72|Campania|1.5|80100|
NL
Amsterdam|52.3676|4.9041|Europe/Amsterdam|NH|North Holland|6|1012|dc
Rotterdam|51.9244|4.4777|Europe/Amsterdam|ZH|South Holland|2.5|3011|
Utrecht|52.0907|5.1214|Europe/Amsterdam|UT|Utrecht|2|3511|
Eindhoven|51.4416|5.4697|Europe/Amsterdam|NB|North Brabant|1.5|5611|
Delft|52.0116|4.3571|Europe/Amsterdam|ZH|South Holland|0.8|2611|
BE
Brussels|50.8503|4.3517|Europe/Brussels|BRU|Brussels Capital|4|1000|dc
Antwerp|51.2194|4.4025|Europe/Brussels|VLG|Flanders|2|2000|
Ghent|51.0543|3.7174|Europe/Brussels|VLG|Flanders|1.5|9000|
Leuven|50.8798|4.7005|Europe/Brussels|VLG|Flanders|0.8|3000|
CH
Zurich|47.3769|8.5417|Europe/Zurich|ZH|Zurich|5|8001|dc
Geneva|46.2044|6.1432|Europe/Zurich|GE|Geneva|2.5|1201|
Lausanne|46.5197|6.6323|Europe/Zurich|VD|Vaud|1.5|1003|
Basel|47.5596|7.5886|Europe/Zurich|BS|Basel-City|1|4001|
AT
Vienna|48.2082|16.3738|Europe/Vienna|9|Vienna|5|1010|dc
Graz|47.0707|15.4395|Europe/Vienna|6|Styria|1.5|8010|
Linz|48.3069|14.2858|Europe/Vienna|4|Upper Austria|1|4020|
SE
Stockholm|59.3293|18.0686|Europe/Stockholm|AB|Stockholm County|5|111 20|dc
Gothenburg|57.7089|11.9746|Europe/Stockholm|O|Västra Götaland|2|411 01|
Malmö|55.6050|13.0038|Europe/Stockholm|M|Skåne County|1.5|211 19|
NO
Oslo|59.9139|10.7522|Europe/Oslo|03|Oslo|4|0150|dc
Bergen|60.3913|5.3221|Europe/Oslo|46|Vestland|1.5|5003|
Trondheim|63.4305|10.3951|Europe/Oslo|50|Trøndelag|1|7011|
DK
Copenhagen|55.6761|12.5683|Europe/Copenhagen|84|Capital Region|4|1050|dc
Aarhus|56.1629|10.2039|Europe/Copenhagen|82|Central Jutland|1.5|8000|
FI
Helsinki|60.1699|24.9384|Europe/Helsinki|18|Uusimaa|4|00100|dc
Tampere|61.4978|23.7610|Europe/Helsinki|11|Pirkanmaa|1.2|33100|
Espoo|60.2055|24.6559|Europe/Helsinki|18|Uusimaa|1|02100|
PL
Warsaw|52.2297|21.0122|Europe/Warsaw|14|Mazovia|5|00-001|dc
Kraków|50.0647|19.9450|Europe/Warsaw|12|Lesser Poland|3|30-001|
Wrocław|51.1079|17.0385|Europe/Warsaw|02|Lower Silesia|2|50-001|
Gdańsk|54.3520|18.6466|Europe/Warsaw|22|Pomerania|1.5|80-001|
Poznań|52.4064|16.9252|Europe/Warsaw|30|Greater Poland|1.5|60-001|
CZ
Prague|50.0755|14.4378|Europe/Prague|10|Prague|5|110 00|dc
Brno|49.1951|16.6068|Europe/Prague|64|South Moravian|2|602 00|
Ostrava|49.8209|18.2625|Europe/Prague|80|Moravian-Silesian|0.8|702 00|
RO
Bucharest|44.4268|26.1025|Europe/Bucharest|B|Bucure\u0219ti|5|010011|dc
Cluj-Napoca|46.7712|23.6236|Europe/Bucharest|CJ|Cluj|2|400001|
Iași|47.1585|27.6014|Europe/Bucharest|IS|Iași|1|700001|
Timișoara|45.7489|21.2087|Europe/Bucharest|TM|Timiș|1|300001|
HU
Budapest|47.4979|19.0402|Europe/Budapest|BU|Budapest|5|1011|dc
Debrecen|47.5316|21.6273|Europe/Budapest|HB|Hajdú-Bihar|1|4024|
Szeged|46.2530|20.1414|Europe/Budapest|CS|Csongrád|0.8|6720|
GR
Athens|37.9838|23.7275|Europe/Athens|I|Attica|5|105 51|
Thessaloniki|40.6401|22.9444|Europe/Athens|B|Central Macedonia|2|546 21|
UA
Kyiv|50.4501|30.5234|Europe/Kyiv|30|Kyiv City|5|01001|dc
Lviv|49.8397|24.0297|Europe/Kyiv|46|Lviv|2.5|79000|
Kharkiv|49.9935|36.2304|Europe/Kyiv|63|Kharkiv|2|61000|
Dnipro|48.4647|35.0462|Europe/Kyiv|12|Dnipropetrovsk|1.5|49000|
Odesa|46.4825|30.7233|Europe/Kyiv|51|Odessa|1.5|65000|
RS
Belgrade|44.7866|20.4489|Europe/Belgrade|00|Belgrade|5|11000|dc
Novi Sad|45.2671|19.8335|Europe/Belgrade|VO|Vojvodina|1.5|21000|
MD
Chișinău|47.0105|28.8638|Europe/Chisinau|CU|Chișinău Municipality|4|2001|dc
CY
Limassol|34.6786|33.0413|Asia/Nicosia|02|Limassol District|3|3025|dc
Nicosia|35.1856|33.3823|Asia/Nicosia|01|Nicosia|2|1010|
Larnaca|34.9003|33.6232|Asia/Nicosia|03|Larnaca|1|6023|
TR
Istanbul|41.0082|28.9784|Europe/Istanbul|34|Istanbul|7|34000|dc
Ankara|39.9334|32.8597|Europe/Istanbul|06|Ankara|2.5|06000|
Izmir|38.4237|27.1428|Europe/Istanbul|35|İzmir|2|35000|
Bursa|40.1885|29.0610|Europe/Istanbul|16|Bursa|1|16000|
IL
Tel Aviv|32.0853|34.7818|Asia/Jerusalem|TA|Tel Aviv|6|61000|dc
Jerusalem|31.7683|35.2137|Asia/Jerusalem|JM|Jerusalem|2|91000|
Haifa|32.7940|34.9896|Asia/Jerusalem|HA|Haifa|1.5|31000|
Herzliya|32.1624|34.8447|Asia/Jerusalem|TA|Tel Aviv|1|46000|
AE
Dubai|25.2048|55.2708|Asia/Dubai|DU|Dubai|5||dc
Abu Dhabi|24.4539|54.3773|Asia/Dubai|AZ|Abu Dhabi|2.5||
SA
Riyadh|24.7136|46.6753|Asia/Riyadh|01|Riyadh Region|5||dc
Jeddah|21.4858|39.1925|Asia/Riyadh|02|Mecca Region|3||
Dammam|26.4207|50.0888|Asia/Riyadh|04|Eastern Province|1.5||
GE
Tbilisi|41.7151|44.8271|Asia/Tbilisi|TB|Tbilisi|5|0105|dc
Batumi|41.6168|41.6367|Asia/Tbilisi|AJ|Adjara|1.5|6000|
AM
Yerevan|40.1872|44.5152|Asia/Yerevan|ER|Yerevan|5|0010|dc
Gyumri|40.7942|43.8453|Asia/Yerevan|SH|Shirak|0.8|3101|
KZ
Almaty|43.2220|76.8512|Asia/Almaty|75|Almaty|5|050000|dc
Astana|51.1605|71.4704|Asia/Almaty|71|Astana|3|010000|
EG
Cairo|30.0444|31.2357|Africa/Cairo|C|Cairo Governorate|6||dc
Alexandria|31.2001|29.9187|Africa/Cairo|ALX|Alexandria|2.5||
Giza|30.0131|31.2089|Africa/Cairo|GZ|Giza|2||
NG
Lagos|6.5244|3.3792|Africa/Lagos|LA|Lagos|7|100001|dc
Abuja|9.0765|7.3986|Africa/Lagos|FC|FCT|2.5|900001|
Ibadan|7.3775|3.9470|Africa/Lagos|OY|Oyo|1.5|200001|
Port Harcourt|4.8156|7.0498|Africa/Lagos|RI|Rivers|1.5|500001|
KE
Nairobi|-1.2921|36.8219|Africa/Nairobi|110|Nairobi|6|00100|dc
Mombasa|-4.0435|39.6682|Africa/Nairobi|28|Mombasa|1.5|80100|
Kisumu|-0.0917|34.7680|Africa/Nairobi|17|Kisumu|0.8|40100|
ZA
Johannesburg|-26.2041|28.0473|Africa/Johannesburg|GP|Gauteng|5|2000|dc
Cape Town|-33.9249|18.4241|Africa/Johannesburg|WC|Western Cape|3.5|8001|dc
Durban|-29.8587|31.0218|Africa/Johannesburg|KZN|KwaZulu-Natal|1.5|4001|
Pretoria|-25.7479|28.2293|Africa/Johannesburg|GP|Gauteng|1.5|0002|
SC
Victoria|-4.6191|55.4513|Indian/Mahe|18|English River|1||
IN
Bengaluru|12.9716|77.5946|Asia/Kolkata|KA|Karnataka|8|560001|
Mumbai|19.0760|72.8777|Asia/Kolkata|MH|Maharashtra|6|400001|dc
Delhi|28.7041|77.1025|Asia/Kolkata|DL|National Capital Territory of Delhi|6|110001|
Hyderabad|17.3850|78.4867|Asia/Kolkata|TG|Telangana|5|500001|dc
Chennai|13.0827|80.2707|Asia/Kolkata|TN|Tamil Nadu|4|600001|dc
Pune|18.5204|73.8567|Asia/Kolkata|MH|Maharashtra|4|411001|
Noida|28.5355|77.3910|Asia/Kolkata|UP|Uttar Pradesh|2|201301|
Gurugram|28.4595|77.0266|Asia/Kolkata|HR|Haryana|2|122001|
Kolkata|22.5726|88.3639|Asia/Kolkata|WB|West Bengal|2|700001|
Ahmedabad|23.0225|72.5714|Asia/Kolkata|GJ|Gujarat|1.5|380001|
Jaipur|26.9124|75.7873|Asia/Kolkata|RJ|Rajasthan|1.2|302001|
Kochi|9.9312|76.2673|Asia/Kolkata|KL|Kerala|1|682001|
PK
Karachi|24.8607|67.0011|Asia/Karachi|SD|Sindh|5|74000|dc
Lahore|31.5204|74.3587|Asia/Karachi|PB|Punjab|5|54000|
Islamabad|33.6844|73.0479|Asia/Karachi|IS|Islamabad|3|44000|
Faisalabad|31.4504|73.1350|Asia/Karachi|PB|Punjab|1.5|38000|
BD
Dhaka|23.8103|90.4125|Asia/Dhaka|C|Dhaka Division|7|1000|dc
Chittagong|22.3569|91.7832|Asia/Dhaka|B|Chittagong|2|4000|
Sylhet|24.8949|91.8687|Asia/Dhaka|G|Sylhet Division|0.8|3100|
JP
Tokyo|35.6762|139.6503|Asia/Tokyo|13|Tokyo|9|100-0001|dc
Osaka|34.6937|135.5023|Asia/Tokyo|27|Osaka|4|530-0001|dc
Yokohama|35.4437|139.6380|Asia/Tokyo|14|Kanagawa|2|220-0001|
Nagoya|35.1815|136.9066|Asia/Tokyo|23|Aichi|2|450-0001|
Fukuoka|33.5904|130.4017|Asia/Tokyo|40|Fukuoka|1.5|810-0001|
Sapporo|43.0618|141.3545|Asia/Tokyo|01|Hokkaido|1|060-0001|
KR
Seoul|37.5665|126.9780|Asia/Seoul|11|Seoul|9|04524|dc
Busan|35.1796|129.0756|Asia/Seoul|26|Busan|2.5|48058|
Incheon|37.4563|126.7052|Asia/Seoul|28|Incheon|1.5|21554|
Daejeon|36.3504|127.3845|Asia/Seoul|30|Daejeon|1.2|34126|
Seongnam|37.4200|127.1267|Asia/Seoul|41|Gyeonggi-do|2|13494|
TW
Taipei|25.0330|121.5654|Asia/Taipei|TPE|Taipei|6|100|dc
Hsinchu|24.8138|120.9675|Asia/Taipei|HSZ|Hsinchu|2|300|
Taichung|24.1477|120.6736|Asia/Taipei|TXG|Taichung City|2|400|
Kaohsiung|22.6273|120.3014|Asia/Taipei|KHH|Kaohsiung|1.5|800|
HK
Hong Kong|22.3193|114.1694|Asia/Hong_Kong|HCW|Central and Western District|5||dc
Kowloon|22.3186|114.1796|Asia/Hong_Kong|KKC|Kowloon City|2||
SG
Singapore|1.3521|103.8198|Asia/Singapore|01|Central Singapore|8|018989|dc
MY
Kuala Lumpur|3.1390|101.6869|Asia/Kuala_Lumpur|14|Kuala Lumpur|5|50000|dc
Petaling Jaya|3.1073|101.6067|Asia/Kuala_Lumpur|10|Selangor|2|46000|
Penang|5.4141|100.3288|Asia/Kuala_Lumpur|07|Penang|1.5|10000|
Cyberjaya|2.9213|101.6559|Asia/Kuala_Lumpur|10|Selangor|0.5|63000|dc
TH
Bangkok|13.7563|100.5018|Asia/Bangkok|10|Bangkok|7|10100|dc
Chiang Mai|18.7883|98.9853|Asia/Bangkok|50|Chiang Mai|1.5|50000|
Nonthaburi|13.8621|100.5144|Asia/Bangkok|12|Nonthaburi|1|11000|
VN
Ho Chi Minh City|10.8231|106.6297|Asia/Ho_Chi_Minh|SG|Ho Chi Minh|6|700000|dc
Hanoi|21.0278|105.8342|Asia/Ho_Chi_Minh|HN|Hanoi|5|100000|dc
Da Nang|16.0544|108.2022|Asia/Ho_Chi_Minh|DN|Da Nang|1.5|550000|
ID
Jakarta|-6.2088|106.8456|Asia/Jakarta|JK|Jakarta|8|10110|dc
Surabaya|-7.2575|112.7521|Asia/Jakarta|JI|East Java|2.5|60111|
Bandung|-6.9175|107.6191|Asia/Jakarta|JB|West Java|2.5|40111|
Yogyakarta|-7.7956|110.3695|Asia/Jakarta|YO|Yogyakarta|1.5|55111|
Medan|3.5952|98.6722|Asia/Jakarta|SU|North Sumatra|1.5|20111|
Denpasar|-8.6705|115.2126|Asia/Makassar|BA|Bali|0.8|80111|
PH
Manila|14.5995|120.9842|Asia/Manila|00|Metro Manila|5|1000|dc
Quezon City|14.6760|121.0437|Asia/Manila|00|Metro Manila|3|1100|
Cebu City|10.3157|123.8854|Asia/Manila|07|Central Visayas|2|6000|
Davao City|7.1907|125.4553|Asia/Manila|11|Davao Region|1.2|8000|
AU
Sydney|-33.8688|151.2093|Australia/Sydney|NSW|New South Wales|6|2000|dc
Melbourne|-37.8136|144.9631|Australia/Melbourne|VIC|Victoria|5|3000|dc
Brisbane|-27.4698|153.0251|Australia/Brisbane|QLD|Queensland|2.5|4000|
Perth|-31.9505|115.8605|Australia/Perth|WA|Western Australia|2|6000|
Adelaide|-34.9285|138.6007|Australia/Adelaide|SA|South Australia|1.2|5000|
Canberra|-35.2809|149.1300|Australia/Sydney|ACT|Australian Capital Territory|0.8|2600|
NZ
Auckland|-36.8485|174.7633|Pacific/Auckland|AUK|Auckland|5|1010|dc
Wellington|-41.2865|174.7762|Pacific/Auckland|WGN|Wellington|2|6011|
Christchurch|-43.5321|172.6362|Pacific/Auckland|CAN|Canterbury|1.5|8011|
CN
Beijing|39.9042|116.4074|Asia/Shanghai|BJ|Beijing|6|100000|dc
Shanghai|31.2304|121.4737|Asia/Shanghai|SH|Shanghai|6|200000|dc
Shenzhen|22.5431|114.0579|Asia/Shanghai|GD|Guangdong|5|518000|
Hangzhou|30.2741|120.1551|Asia/Shanghai|ZJ|Zhejiang|3|310000|
Chengdu|30.5728|104.0668|Asia/Shanghai|SC|Sichuan|2.5|610000|
Guangzhou|23.1291|113.2644|Asia/Shanghai|GD|Guangdong|3|510000|
RU
Moscow|55.7558|37.6173|Europe/Moscow|MOW|Moscow|8|101000|dc
Saint Petersburg|59.9311|30.3609|Europe/Moscow|SPE|St.-Petersburg|4|190000|dc
Novosibirsk|55.0084|82.9357|Asia/Novosibirsk|NVS|Novosibirsk Oblast|1.5|630000|
Yekaterinburg|56.8389|60.6057|Asia/Yekaterinburg|SVE|Sverdlovsk Oblast|1.5|620000|
Kazan|55.7963|49.1088|Europe/Moscow|TA|Tatarstan Republic|1.2|420000|
BY
Minsk|53.9006|27.5590|Europe/Minsk|HM|Minsk City|5|220000|dc
Gomel|52.4345|30.9754|Europe/Minsk|HO|Gomel Oblast|1|246000|
IR
Tehran|35.6892|51.3890|Asia/Tehran|23|Tehran|6||dc
Isfahan|32.6546|51.6680|Asia/Tehran|04|Isfahan|2||
Shiraz|29.5918|52.5837|Asia/Tehran|14|Fars|1.5||
Mashhad|36.2605|59.6168|Asia/Tehran|30|Razavi Khorasan|1.5||
"""


def _parse_cities():
    out = {}
    cur = None
    for line in _CITIES.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        if "|" not in line:
            cur = line
            out[cur] = []
            continue
        p = line.split("|")
        out[cur].append({
            "name": p[0], "lat": float(p[1]), "lon": float(p[2]), "tz": p[3],
            "sub_iso": p[4], "sub_name": p[5], "w": float(p[6]), "postal": p[7] or None,
            "dc": "dc" in p[8:], "country": cur,
        })
    return out


CITIES = _parse_cities()

# Local names for a few big cities (MaxMind carries several languages for these).
CITY_ALT_NAMES = {
    "Munich": {"de": "München", "fr": "Munich", "es": "Múnich", "ja": "ミュンヘン", "ru": "Мюнхен", "zh-CN": "慕尼黑"},
    "Cologne": {"de": "Köln", "fr": "Cologne", "es": "Colonia", "ru": "Кёльн"},
    "London": {"de": "London", "es": "Londres", "fr": "Londres", "ja": "ロンドン", "pt-BR": "Londres", "ru": "Лондон", "zh-CN": "伦敦"},
    "Tokyo": {"de": "Tokio", "es": "Tokio", "fr": "Tokyo", "ja": "東京", "pt-BR": "Tóquio", "ru": "Токио", "zh-CN": "东京"},
    "Moscow": {"de": "Moskau", "es": "Moscú", "fr": "Moscou", "ja": "モスクワ", "pt-BR": "Moscou", "ru": "Москва", "zh-CN": "莫斯科"},
    "Beijing": {"de": "Peking", "es": "Pekín", "fr": "Pékin", "ja": "北京市", "pt-BR": "Pequim", "ru": "Пекин", "zh-CN": "北京"},
    "Shanghai": {"ja": "上海市", "ru": "Шанхай", "zh-CN": "上海"},
    "Paris": {"de": "Paris", "es": "París", "fr": "Paris", "ja": "パリ", "pt-BR": "Paris", "ru": "Париж", "zh-CN": "巴黎"},
    "Vienna": {"de": "Wien", "es": "Viena", "fr": "Vienne", "ru": "Вена", "zh-CN": "维也纳"},
    "Warsaw": {"de": "Warschau", "es": "Varsovia", "fr": "Varsovie", "ru": "Варшава"},
    "Prague": {"de": "Prag", "es": "Praga", "fr": "Prague", "ru": "Прага"},
    "Kyiv": {"de": "Kiew", "es": "Kiev", "fr": "Kyiv", "ru": "Киев", "zh-CN": "基辅"},
    "Seoul": {"ja": "ソウル特別市", "ru": "Сеул", "zh-CN": "首尔"},
    "São Paulo": {"es": "São Paulo", "pt-BR": "São Paulo", "ru": "Сан-Паулу"},
    "Mexico City": {"es": "Ciudad de México", "de": "Mexiko-Stadt", "fr": "Mexico", "ru": "Мехико"},
    "Zurich": {"de": "Zürich", "fr": "Zurich", "es": "Zúrich", "ru": "Цюрих"},
    "Geneva": {"de": "Genf", "fr": "Genève", "es": "Ginebra"},
    "Brussels": {"de": "Brüssel", "fr": "Bruxelles", "es": "Bruselas", "ru": "Брюссель"},
    "Lisbon": {"de": "Lissabon", "pt-BR": "Lisboa", "es": "Lisboa", "fr": "Lisbonne"},
    "Milan": {"de": "Mailand", "es": "Milán", "fr": "Milan", "ru": "Милан"},
    "Rome": {"de": "Rom", "es": "Roma", "fr": "Rome", "pt-BR": "Roma", "ru": "Рим"},
    "Singapore": {"ja": "シンガポール", "ru": "Сингапур", "zh-CN": "新加坡"},
    "Hong Kong": {"ja": "香港", "zh-CN": "香港"},
    "Istanbul": {"de": "Istanbul", "es": "Estambul", "fr": "Istanbul", "ru": "Стамбул"},
}

# navigator.languages options per country: list of (weight, [langs]).
LANGS = {
    "US": [(80, ["en-US", "en"]), (8, ["en-US"]), (5, ["es-US", "es", "en-US", "en"]), (3, ["zh-CN", "zh", "en-US", "en"]), (2, ["ko-KR", "ko", "en-US", "en"]), (2, ["hi-IN", "en-US", "en"])],
    "CA": [(70, ["en-CA", "en-US", "en"]), (10, ["en-US", "en"]), (16, ["fr-CA", "fr", "en-CA", "en"]), (4, ["zh-CN", "zh", "en-CA", "en"])],
    "MX": [(70, ["es-MX", "es", "en-US", "en"]), (20, ["es-419", "es", "en"]), (10, ["en-US", "en", "es"])],
    "PA": [(80, ["es-419", "es", "en"]), (20, ["en-US", "en"])],
    "BR": [(80, ["pt-BR", "pt", "en-US", "en"]), (20, ["en-US", "en", "pt-BR", "pt"])],
    "AR": [(75, ["es-AR", "es", "en"]), (15, ["es-419", "es", "en-US", "en"]), (10, ["en-US", "en"])],
    "CO": [(75, ["es-CO", "es", "en"]), (15, ["es-419", "es", "en"]), (10, ["en-US", "en"])],
    "CL": [(75, ["es-CL", "es", "en"]), (15, ["es-419", "es"]), (10, ["en-US", "en"])],
    "PE": [(75, ["es-PE", "es", "en"]), (15, ["es-419", "es"]), (10, ["en-US", "en"])],
    "GB": [(80, ["en-GB", "en-US", "en"]), (15, ["en-GB", "en"]), (5, ["en-US", "en"])],
    "IE": [(70, ["en-IE", "en-GB", "en"]), (30, ["en-GB", "en-US", "en"])],
    "DE": [(65, ["de-DE", "de", "en-US", "en"]), (10, ["de", "en-US", "en"]), (25, ["en-US", "en", "de"])],
    "FR": [(75, ["fr-FR", "fr", "en-US", "en"]), (25, ["en-US", "en", "fr"])],
    "ES": [(70, ["es-ES", "es", "en"]), (10, ["ca-ES", "ca", "es", "en"]), (20, ["en-US", "en", "es"])],
    "PT": [(70, ["pt-PT", "pt", "en-US", "en"]), (30, ["en-US", "en", "pt"])],
    "IT": [(75, ["it-IT", "it", "en-US", "en"]), (25, ["en-US", "en", "it"])],
    "NL": [(55, ["nl-NL", "nl", "en-US", "en"]), (45, ["en-US", "en", "nl"])],
    "BE": [(40, ["nl-BE", "nl", "en-US", "en"]), (35, ["fr-BE", "fr", "en-US", "en"]), (25, ["en-US", "en"])],
    "CH": [(45, ["de-CH", "de", "en-US", "en"]), (25, ["fr-CH", "fr", "en"]), (30, ["en-US", "en", "de"])],
    "AT": [(70, ["de-AT", "de", "en-US", "en"]), (30, ["en-US", "en", "de"])],
    "SE": [(55, ["sv-SE", "sv", "en-US", "en"]), (45, ["en-US", "en", "sv"])],
    "NO": [(55, ["nb-NO", "no", "nb", "en-US", "en"]), (45, ["en-US", "en", "nb"])],
    "DK": [(55, ["da-DK", "da", "en-US", "en"]), (45, ["en-US", "en", "da"])],
    "FI": [(55, ["fi-FI", "fi", "en-US", "en"]), (45, ["en-US", "en", "fi"])],
    "PL": [(70, ["pl-PL", "pl", "en-US", "en"]), (30, ["en-US", "en", "pl"])],
    "CZ": [(70, ["cs-CZ", "cs", "en-US", "en"]), (30, ["en-US", "en", "cs"])],
    "RO": [(65, ["ro-RO", "ro", "en-US", "en"]), (35, ["en-US", "en"])],
    "HU": [(70, ["hu-HU", "hu", "en-US", "en"]), (30, ["en-US", "en"])],
    "GR": [(65, ["el-GR", "el", "en-US", "en"]), (35, ["en-US", "en"])],
    "UA": [(50, ["uk-UA", "uk", "en-US", "en"]), (25, ["ru-RU", "ru", "uk", "en"]), (25, ["en-US", "en", "uk"])],
    "RS": [(60, ["sr-RS", "sr", "en-US", "en"]), (20, ["ru-RU", "ru", "en"]), (20, ["en-US", "en"])],
    "MD": [(50, ["ro-RO", "ro", "en"]), (40, ["ru-RU", "ru", "en"]), (10, ["en-US", "en"])],
    "CY": [(40, ["el-CY", "el", "en"]), (35, ["ru-RU", "ru", "en-US", "en"]), (25, ["en-GB", "en"])],
    "TR": [(75, ["tr-TR", "tr", "en-US", "en"]), (25, ["en-US", "en", "tr"])],
    "IL": [(55, ["he-IL", "he", "en-US", "en"]), (30, ["en-US", "en", "he"]), (15, ["ru-RU", "ru", "he", "en"])],
    "AE": [(60, ["en-US", "en"]), (25, ["ar-AE", "ar", "en"]), (15, ["en-GB", "en"])],
    "SA": [(55, ["ar-SA", "ar", "en"]), (45, ["en-US", "en", "ar"])],
    "GE": [(40, ["ka-GE", "ka", "en"]), (40, ["ru-RU", "ru", "en-US", "en"]), (20, ["en-US", "en"])],
    "AM": [(35, ["hy-AM", "hy", "en"]), (45, ["ru-RU", "ru", "en-US", "en"]), (20, ["en-US", "en"])],
    "KZ": [(65, ["ru-RU", "ru", "en-US", "en"]), (15, ["kk-KZ", "kk", "ru"]), (20, ["en-US", "en"])],
    "EG": [(50, ["ar-EG", "ar", "en-US", "en"]), (50, ["en-US", "en", "ar"])],
    "NG": [(85, ["en-US", "en"]), (15, ["en-GB", "en"])],
    "KE": [(80, ["en-US", "en"]), (15, ["en-GB", "en"]), (5, ["sw-KE", "sw", "en"])],
    "ZA": [(60, ["en-ZA", "en-GB", "en"]), (35, ["en-US", "en"]), (5, ["af-ZA", "af", "en"])],
    "SC": [(100, ["en-US", "en"])],
    "IN": [(60, ["en-US", "en"]), (25, ["en-IN", "en-GB", "en"]), (10, ["en-IN", "hi-IN", "hi", "en"]), (5, ["en-GB", "en"])],
    "PK": [(80, ["en-US", "en"]), (20, ["en-PK", "ur-PK", "en"])],
    "BD": [(70, ["en-US", "en"]), (30, ["bn-BD", "bn", "en-US", "en"])],
    "JP": [(80, ["ja-JP", "ja", "en-US", "en"]), (8, ["ja"]), (12, ["en-US", "en", "ja"])],
    "KR": [(80, ["ko-KR", "ko", "en-US", "en"]), (20, ["en-US", "en", "ko"])],
    "TW": [(75, ["zh-TW", "zh", "en-US", "en"]), (25, ["en-US", "en", "zh-TW"])],
    "HK": [(50, ["zh-HK", "zh", "en"]), (30, ["en-US", "en", "zh-HK"]), (20, ["zh-CN", "zh", "en"])],
    "SG": [(65, ["en-US", "en"]), (20, ["en-SG", "en", "zh-CN"]), (15, ["zh-CN", "zh", "en"])],
    "MY": [(60, ["en-US", "en"]), (20, ["ms-MY", "ms", "en"]), (20, ["zh-CN", "zh", "en"])],
    "TH": [(65, ["th-TH", "th", "en-US", "en"]), (35, ["en-US", "en", "th"])],
    "VN": [(65, ["vi-VN", "vi", "en-US", "en"]), (35, ["en-US", "en", "vi"])],
    "ID": [(60, ["id-ID", "id", "en-US", "en"]), (40, ["en-US", "en", "id"])],
    "PH": [(85, ["en-US", "en"]), (15, ["en-PH", "fil", "en"])],
    "AU": [(80, ["en-AU", "en-GB", "en"]), (20, ["en-US", "en"])],
    "NZ": [(80, ["en-NZ", "en-GB", "en"]), (20, ["en-US", "en"])],
    "CN": [(90, ["zh-CN", "zh"]), (10, ["zh-CN", "zh", "en-US", "en"])],
    "RU": [(90, ["ru-RU", "ru", "en-US", "en"]), (10, ["ru"])],
    "BY": [(80, ["ru-RU", "ru", "en-US", "en"]), (20, ["be-BY", "be", "ru"])],
    "IR": [(80, ["fa-IR", "fa", "en-US", "en"]), (20, ["fa"])],
}

# Faker locale options per country.
FAKER_LOCALES = {
    "US": ["en_US"], "CA": ["en_CA", "en_CA", "fr_CA"], "MX": ["es_MX"], "PA": ["es_MX"], "BR": ["pt_BR"],
    "AR": ["es_AR"], "CO": ["es_CO"], "CL": ["es_CL"], "PE": ["es_MX"], "GB": ["en_GB"], "IE": ["en_IE"],
    "DE": ["de_DE"], "FR": ["fr_FR"], "ES": ["es_ES"], "PT": ["pt_PT"], "IT": ["it_IT"], "NL": ["nl_NL"],
    "BE": ["nl_BE", "fr_BE"], "CH": ["de_CH", "fr_CH"], "AT": ["de_AT"], "SE": ["sv_SE"], "NO": ["no_NO"],
    "DK": ["da_DK"], "FI": ["fi_FI"], "PL": ["pl_PL"], "CZ": ["cs_CZ"], "RO": ["ro_RO"], "HU": ["hu_HU"],
    "GR": ["el_GR"], "UA": ["uk_UA"], "RS": ["sr_BA"], "MD": ["ro_RO", "ru_RU"], "CY": ["el_CY", "ru_RU"],
    "TR": ["tr_TR"], "IL": ["he_IL"], "AE": ["ar_AE", "en_IN", "en_GB"], "SA": ["ar_SA"], "GE": ["ka_GE", "ru_RU"],
    "AM": ["hy_AM", "ru_RU"], "KZ": ["ru_RU"], "EG": ["ar_EG"], "NG": ["en_NG", "yo_NG"], "KE": ["en_KE"],
    "ZA": ["zu_ZA", "en_GB"], "SC": ["en_GB"], "IN": ["en_IN"], "PK": ["en_PK"], "BD": ["en_BD"], "JP": ["ja_JP"],
    "KR": ["ko_KR"], "TW": ["zh_TW"], "HK": ["zh_TW", "en_GB"], "SG": ["en_GB", "zh_CN"], "MY": ["en_GB", "zh_CN"],
    "TH": ["en_TH"], "VN": ["vi_VN"], "ID": ["id_ID"], "PH": ["en_PH", "fil_PH"], "AU": ["en_AU"], "NZ": ["en_NZ"],
    "CN": ["zh_CN"], "RU": ["ru_RU"], "BY": ["ru_RU"], "IR": ["fa_IR"],
}

# Consumer mail providers per country: (weight, domain).
_GLOBAL_MAIL = [(55, "gmail.com"), (10, "outlook.com"), (5, "hotmail.com"), (4, "yahoo.com"), (4, "icloud.com"), (2.5, "proton.me"), (0.8, "protonmail.com"), (0.5, "pm.me"), (0.4, "fastmail.com"), (0.3, "hey.com"), (0.3, "duck.com"), (0.3, "tutanota.com"), (0.2, "zoho.com"), (0.2, "aol.com"), (0.2, "gmx.com"), (0.15, "mail.com"), (0.15, "yandex.com")]
MAIL = {
    "US": [(54, "gmail.com"), (9, "outlook.com"), (6, "yahoo.com"), (7, "icloud.com"), (5, "hotmail.com"), (1.2, "aol.com"), (0.8, "comcast.net"), (3, "proton.me"), (0.5, "me.com"), (0.6, "fastmail.com"), (0.4, "hey.com"), (0.5, "duck.com"), (0.4, "att.net"), (0.3, "live.com"), (0.3, "msn.com"), (0.2, "verizon.net")],
    "GB": [(52, "gmail.com"), (10, "outlook.com"), (8, "hotmail.co.uk"), (5, "yahoo.co.uk"), (6, "icloud.com"), (2, "btinternet.com"), (1.5, "live.co.uk"), (2.5, "proton.me"), (1, "sky.com"), (0.8, "googlemail.com"), (0.5, "fastmail.com")],
    "DE": [(38, "gmail.com"), (14, "gmx.de"), (13, "web.de"), (5, "t-online.de"), (5, "outlook.de"), (4, "posteo.de"), (4, "proton.me"), (3, "icloud.com"), (2, "mailbox.org"), (2, "googlemail.com"), (2, "yahoo.de"), (1, "freenet.de"), (1, "hotmail.de")],
    "AT": [(45, "gmail.com"), (15, "gmx.at"), (6, "gmx.net"), (5, "aon.at"), (6, "outlook.com"), (3, "chello.at"), (3, "icloud.com"), (3, "proton.me"), (4, "hotmail.com")],
    "CH": [(50, "gmail.com"), (10, "bluewin.ch"), (6, "gmx.ch"), (8, "outlook.com"), (6, "proton.me"), (4, "icloud.com"), (4, "hotmail.com")],
    "FR": [(50, "gmail.com"), (10, "orange.fr"), (6, "free.fr"), (7, "hotmail.fr"), (4, "outlook.fr"), (4, "yahoo.fr"), (3, "laposte.net"), (3, "sfr.fr"), (3, "icloud.com"), (3, "proton.me"), (1, "wanadoo.fr")],
    "ES": [(60, "gmail.com"), (12, "hotmail.com"), (6, "outlook.es"), (5, "yahoo.es"), (3, "icloud.com"), (2, "proton.me"), (2, "hotmail.es"), (1, "telefonica.net")],
    "PT": [(65, "gmail.com"), (12, "hotmail.com"), (5, "sapo.pt"), (5, "outlook.pt"), (3, "icloud.com"), (2, "proton.me")],
    "IT": [(55, "gmail.com"), (9, "libero.it"), (7, "hotmail.it"), (5, "yahoo.it"), (4, "outlook.it"), (3, "virgilio.it"), (3, "icloud.com"), (2, "alice.it"), (2, "proton.me"), (1, "tiscali.it")],
    "NL": [(58, "gmail.com"), (10, "hotmail.com"), (8, "outlook.com"), (4, "ziggo.nl"), (3, "kpnmail.nl"), (3, "live.nl"), (5, "icloud.com"), (3, "proton.me")],
    "BE": [(58, "gmail.com"), (10, "hotmail.com"), (6, "outlook.be"), (5, "telenet.be"), (4, "skynet.be"), (4, "icloud.com"), (3, "proton.me")],
    "SE": [(60, "gmail.com"), (10, "hotmail.com"), (8, "outlook.com"), (5, "icloud.com"), (3, "telia.com"), (4, "proton.me")],
    "NO": [(60, "gmail.com"), (10, "hotmail.com"), (7, "outlook.com"), (4, "online.no"), (5, "icloud.com"), (3, "proton.me")],
    "DK": [(60, "gmail.com"), (10, "hotmail.com"), (7, "outlook.dk"), (4, "live.dk"), (5, "icloud.com"), (3, "proton.me")],
    "FI": [(62, "gmail.com"), (10, "hotmail.com"), (7, "outlook.com"), (3, "luukku.com"), (5, "icloud.com"), (3, "proton.me")],
    "PL": [(50, "gmail.com"), (10, "wp.pl"), (8, "o2.pl"), (6, "onet.pl"), (5, "interia.pl"), (4, "outlook.com"), (2, "op.pl"), (2, "proton.me")],
    "CZ": [(45, "gmail.com"), (25, "seznam.cz"), (6, "email.cz"), (5, "centrum.cz"), (5, "outlook.com"), (2, "post.cz")],
    "RO": [(65, "gmail.com"), (12, "yahoo.com"), (8, "yahoo.ro"), (6, "outlook.com")],
    "HU": [(65, "gmail.com"), (10, "freemail.hu"), (8, "citromail.hu"), (6, "outlook.com")],
    "GR": [(70, "gmail.com"), (10, "hotmail.com"), (6, "yahoo.gr"), (5, "outlook.com")],
    "UA": [(65, "gmail.com"), (10, "ukr.net"), (6, "i.ua"), (4, "meta.ua"), (4, "outlook.com"), (3, "proton.me")],
    "RS": [(70, "gmail.com"), (10, "yahoo.com"), (6, "hotmail.com"), (4, "outlook.com")],
    "MD": [(65, "gmail.com"), (10, "mail.ru"), (8, "yahoo.com"), (5, "yandex.ru")],
    "CY": [(60, "gmail.com"), (10, "hotmail.com"), (8, "cytanet.com.cy"), (6, "mail.ru"), (6, "outlook.com")],
    "TR": [(65, "gmail.com"), (15, "hotmail.com"), (6, "outlook.com"), (5, "yandex.com.tr"), (3, "icloud.com")],
    "IL": [(65, "gmail.com"), (10, "walla.co.il"), (6, "hotmail.com"), (5, "outlook.com"), (4, "icloud.com")],
    "AE": [(65, "gmail.com"), (12, "hotmail.com"), (8, "outlook.com"), (6, "yahoo.com"), (5, "icloud.com")],
    "SA": [(65, "gmail.com"), (15, "hotmail.com"), (8, "outlook.sa"), (6, "icloud.com")],
    "GE": [(75, "gmail.com"), (10, "mail.ru"), (8, "yahoo.com")],
    "AM": [(70, "gmail.com"), (12, "mail.ru"), (8, "yandex.ru")],
    "KZ": [(55, "gmail.com"), (20, "mail.ru"), (12, "yandex.kz"), (6, "inbox.ru")],
    "EG": [(70, "gmail.com"), (15, "yahoo.com"), (10, "hotmail.com")],
    "NG": [(80, "gmail.com"), (12, "yahoo.com"), (5, "outlook.com")],
    "KE": [(80, "gmail.com"), (10, "yahoo.com"), (6, "outlook.com")],
    "ZA": [(60, "gmail.com"), (10, "outlook.com"), (8, "webmail.co.za"), (6, "icloud.com"), (6, "yahoo.com"), (4, "mweb.co.za")],
    "IN": [(82, "gmail.com"), (5, "yahoo.com"), (3, "outlook.com"), (2, "rediffmail.com"), (2, "yahoo.co.in"), (2, "hotmail.com"), (1, "icloud.com"), (1, "proton.me")],
    "PK": [(82, "gmail.com"), (8, "yahoo.com"), (6, "hotmail.com"), (4, "outlook.com")],
    "BD": [(85, "gmail.com"), (8, "yahoo.com"), (4, "outlook.com")],
    "JP": [(50, "gmail.com"), (15, "yahoo.co.jp"), (10, "icloud.com"), (5, "outlook.jp"), (4, "docomo.ne.jp"), (4, "ezweb.ne.jp"), (3, "softbank.ne.jp"), (3, "hotmail.co.jp"), (2, "nifty.com")],
    "KR": [(45, "gmail.com"), (28, "naver.com"), (10, "daum.net"), (5, "hanmail.net"), (4, "kakao.com"), (3, "nate.com")],
    "TW": [(65, "gmail.com"), (12, "yahoo.com.tw"), (6, "hotmail.com"), (5, "icloud.com"), (4, "outlook.com")],
    "HK": [(60, "gmail.com"), (15, "yahoo.com.hk"), (10, "hotmail.com"), (6, "icloud.com"), (5, "outlook.com")],
    "SG": [(65, "gmail.com"), (10, "hotmail.com"), (8, "yahoo.com.sg"), (7, "icloud.com"), (5, "outlook.com")],
    "MY": [(70, "gmail.com"), (10, "yahoo.com"), (8, "hotmail.com"), (5, "outlook.com")],
    "TH": [(72, "gmail.com"), (12, "hotmail.com"), (6, "yahoo.com"), (5, "outlook.com")],
    "VN": [(85, "gmail.com"), (6, "yahoo.com"), (4, "outlook.com")],
    "ID": [(85, "gmail.com"), (8, "yahoo.co.id"), (4, "outlook.com")],
    "PH": [(82, "gmail.com"), (8, "yahoo.com"), (5, "outlook.com")],
    "AU": [(55, "gmail.com"), (10, "outlook.com"), (8, "hotmail.com"), (8, "icloud.com"), (5, "bigpond.com"), (4, "yahoo.com.au"), (2, "optusnet.com.au"), (3, "proton.me")],
    "NZ": [(55, "gmail.com"), (10, "outlook.com"), (8, "xtra.co.nz"), (8, "icloud.com"), (6, "hotmail.com")],
    "CA": [(58, "gmail.com"), (10, "outlook.com"), (8, "hotmail.com"), (6, "icloud.com"), (5, "yahoo.ca"), (2, "rogers.com"), (2, "shaw.ca"), (2, "sympatico.ca"), (3, "proton.me")],
    "MX": [(65, "gmail.com"), (15, "hotmail.com"), (8, "outlook.com"), (5, "yahoo.com.mx"), (3, "icloud.com")],
    "BR": [(70, "gmail.com"), (12, "hotmail.com"), (6, "outlook.com"), (3, "yahoo.com.br"), (2, "uol.com.br"), (2, "bol.com.br"), (2, "icloud.com")],
    "AR": [(65, "gmail.com"), (15, "hotmail.com"), (8, "outlook.com"), (6, "yahoo.com.ar")],
    "CO": [(70, "gmail.com"), (15, "hotmail.com"), (8, "outlook.com"), (4, "yahoo.com")],
    "CL": [(70, "gmail.com"), (15, "hotmail.com"), (8, "outlook.com")],
    "PE": [(70, "gmail.com"), (15, "hotmail.com"), (8, "outlook.com")],
    "CN": [(35, "qq.com"), (20, "163.com"), (10, "126.com"), (6, "foxmail.com"), (5, "sina.com"), (4, "aliyun.com"), (14, "gmail.com"), (4, "outlook.com"), (2, "yeah.net")],
    "RU": [(28, "yandex.ru"), (26, "mail.ru"), (8, "inbox.ru"), (5, "list.ru"), (5, "bk.ru"), (4, "ya.ru"), (18, "gmail.com"), (3, "rambler.ru"), (3, "proton.me")],
    "BY": [(30, "gmail.com"), (25, "mail.ru"), (15, "yandex.by"), (10, "tut.by"), (8, "yandex.ru")],
    "IR": [(70, "gmail.com"), (15, "yahoo.com"), (8, "outlook.com"), (4, "chmail.ir")],
}


def mail_for(iso):
    return MAIL.get(iso, _GLOBAL_MAIL)


# Disposable / temporary mail domains.  The first list is what blocklists know;
# the second are fresh rotating domains of temp-mail services (not on lists yet).
DISPOSABLE_KNOWN = ["mailinator.com", "yopmail.com", "guerrillamail.com", "sharklasers.com", "10minutemail.com",
                    "temp-mail.org", "dispostable.com", "maildrop.cc", "getnada.com", "trashmail.com",
                    "mailnesia.com", "tempail.com", "throwawaymail.com", "emailondeck.com", "mohmal.com",
                    "grr.la", "spam4.me", "fakeinbox.com", "mintemail.com", "mailcatch.com"]
DISPOSABLE_FRESH = ["vexorium.com", "lupinex.net", "qoruvia.com", "tazimla.site", "brivono.xyz", "keplava.com",
                    "zumquil.net", "dorvexa.online", "fimolu.com", "yaxpira.store", "nuvelto.com", "plixora.shop",
                    "wemtuba.com", "crovanta.net", "hiqesa.site", "gobbix.online"]

# Mail-forwarding / alias services (legitimate privacy tools).
ALIAS_SERVICES = ["duck.com", "simplelogin.com", "slmail.me", "addy.io", "anonaddy.me", "privaterelay.appleid.com", "mozmail.com"]
