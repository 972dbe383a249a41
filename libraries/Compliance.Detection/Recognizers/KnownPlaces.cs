namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Place names for <see cref="KnownPlaceRecognizer"/>, written from general knowledge (no dataset copied): sovereign
/// countries in English and in their own and major European languages, US states, Canadian provinces, Australian states,
/// German Länder, and cities (every capital, the large cities of each continent, the regional cities of Europe) in local
/// spellings with diacritics and common English exonyms. <see cref="Ambiguous"/> holds names that are also common words or
/// given names in a major language: they count only in a locative context.
/// </summary>
internal static class KnownPlaces
{
    public static readonly string[] Countries =
    [
        // Europe
        "Albania", "Shqipëria", "Andorra", "Austria", "Österreich", "Autriche", "Belarus", "Беларусь", "Belgium", "België", "Belgique", "Belgien",
        "Bosnia and Herzegovina", "Bosna i Hercegovina", "Bosnia", "Bulgaria", "България", "Bulgarien", "Croatia", "Hrvatska", "Kroatien", "Cyprus", "Κύπρος", "Zypern",
        "Czech Republic", "Czechia", "Česko", "Česká republika", "Tschechien", "Denmark", "Danmark", "Dänemark", "Estonia", "Eesti", "Estland",
        "Finland", "Suomi", "Finnland", "France", "Frankreich", "Francia", "Germany", "Deutschland", "Allemagne", "Alemania", "Germania", "Niemcy",
        "Greece", "Ελλάδα", "Hellas", "Griechenland", "Grèce", "Grecia", "Hungary", "Magyarország", "Ungarn", "Iceland", "Ísland", "Island",
        "Ireland", "Éire", "Irland", "Italy", "Italia", "Italien", "Italie", "Kosovo", "Latvia", "Latvija", "Lettland", "Liechtenstein",
        "Lithuania", "Lietuva", "Litauen", "Luxembourg", "Luxemburg", "Lëtzebuerg", "Malta", "Moldova", "Monaco", "Montenegro", "Crna Gora",
        "Netherlands", "Nederland", "Niederlande", "Pays-Bas", "Holland", "North Macedonia", "Macedonia", "Северна Македонија",
        "Norway", "Norge", "Noreg", "Norwegen", "Poland", "Polska", "Polen", "Pologne", "Polonia", "Portugal", "Romania", "România", "Rumänien",
        "Russia", "Россия", "Russland", "Russie", "Rusia", "San Marino", "Serbia", "Srbija", "Србија", "Serbien", "Slovakia", "Slovensko", "Slowakei",
        "Slovenia", "Slovenija", "Slowenien", "Spain", "España", "Spanien", "Espagne", "Spagna", "Sweden", "Sverige", "Schweden", "Suède",
        "Switzerland", "Schweiz", "Suisse", "Svizzera", "Svizra", "Ukraine", "Україна", "Ucrania", "United Kingdom", "Great Britain", "Britain",
        "England", "Scotland", "Wales", "Northern Ireland", "Vatican City", "Holy See", "UK", "Wielka Brytania", "Großbritannien", "Royaume-Uni", "Reino Unido", "Regno Unito",
        // Asia and the Middle East
        "Afghanistan", "Armenia", "Հայաստան", "Azerbaijan", "Azərbaycan", "Bahrain", "Bangladesh", "Bhutan", "Brunei", "Cambodia", "Kampuchea", "China", "中国", "Zhongguo",
        "East Timor", "Timor-Leste", "India", "Bharat", "भारत", "Indonesia", "Iran", "Iraq", "Israel", "ישראל", "Japan", "日本", "Nippon", "Nihon", "Japon", "Japón",
        "Kazakhstan", "Қазақстан", "Kuwait", "Kyrgyzstan", "Laos", "Lebanon", "Liban", "Libanon", "Malaysia", "Maldives", "Mongolia", "Myanmar", "Burma",
        "Nepal", "North Korea", "South Korea", "Korea", "Hanguk", "한국", "대한민국", "Oman", "Pakistan", "Palestine", "Philippines", "Pilipinas", "Qatar",
        "Saudi Arabia", "Singapore", "Singapura", "Sri Lanka", "Syria", "Taiwan", "Tajikistan", "Thailand", "Prathet Thai", "Turkmenistan", "Türkiye", "Turkei", "Türkei",
        "United Arab Emirates", "UAE", "Uzbekistan", "O'zbekiston", "Vietnam", "Viet Nam", "Việt Nam", "Yemen", "Hong Kong", "Macau", "Macao",
        // Africa
        "Algeria", "Algérie", "Angola", "Benin", "Bénin", "Botswana", "Burkina Faso", "Burundi", "Cameroon", "Cameroun", "Cape Verde", "Cabo Verde",
        "Central African Republic", "Comoros", "Democratic Republic of the Congo", "Republic of the Congo", "Congo", "Côte d'Ivoire", "Ivory Coast", "Djibouti",
        "Egypt", "Misr", "Ägypten", "Égypte", "Equatorial Guinea", "Eritrea", "Eswatini", "Swaziland", "Ethiopia", "Gabon", "Gambia", "The Gambia", "Ghana",
        "Guinea", "Guinea-Bissau", "Kenya", "Lesotho", "Liberia", "Libya", "Madagascar", "Malawi", "Mali", "Mauritania", "Mauritius", "Morocco", "Maroc", "Marokko",
        "Mozambique", "Moçambique", "Namibia", "Niger", "Nigeria", "Rwanda", "São Tomé and Príncipe", "Senegal", "Sénégal", "Seychelles", "Sierra Leone", "Somalia",
        "South Africa", "Suid-Afrika", "South Sudan", "Sudan", "Tanzania", "Togo", "Tunisia", "Tunisie", "Tunesien", "Uganda", "Zambia", "Zimbabwe",
        // Americas
        "Antigua and Barbuda", "Argentina", "Argentinien", "Bahamas", "Barbados", "Belize", "Bolivia", "Brazil", "Brasil", "Brasilien", "Brésil",
        "Canada", "Kanada", "Chile", "Colombia", "Kolumbien", "Costa Rica", "Cuba", "Kuba", "Dominica", "Dominican Republic", "República Dominicana", "Ecuador",
        "El Salvador", "Grenada", "Guatemala", "Guyana", "Haiti", "Haïti", "Honduras", "Jamaica", "Mexico", "México", "Mexiko", "Mexique", "Nicaragua", "Panama", "Panamá",
        "Paraguay", "Peru", "Perú", "Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines", "Suriname", "Trinidad and Tobago", "Trinidad",
        "United States", "United States of America", "USA", "Vereinigte Staaten", "Estados Unidos", "États-Unis", "Stati Uniti", "Stany Zjednoczone",
        "Uruguay", "Venezuela", "Puerto Rico",
        // Oceania
        "Australia", "Australien", "Fiji", "Kiribati", "Marshall Islands", "Micronesia", "Nauru", "New Zealand", "Aotearoa", "Neuseeland", "Palau",
        "Papua New Guinea", "Samoa", "Solomon Islands", "Tonga", "Tuvalu", "Vanuatu",
    ];

    public static readonly string[] Regions =
    [
        // US states
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Hawaii", "Idaho", "Illinois", "Iowa",
        "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Nebraska", "Nevada",
        "New Hampshire", "New Jersey", "New Mexico", "New York State", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
        "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "West Virginia", "Wisconsin", "Wyoming",
        // Canadian provinces and territories
        "Ontario", "Quebec", "Québec", "Nova Scotia", "New Brunswick", "Manitoba", "British Columbia", "Prince Edward Island", "Saskatchewan",
        "Newfoundland and Labrador", "Newfoundland", "Northwest Territories", "Yukon", "Nunavut",
        // Australian states and territories
        "New South Wales", "Queensland", "South Australia", "Tasmania", "Western Australia", "Northern Territory", "Australian Capital Territory",
        // German Länder
        "Baden-Württemberg", "Bayern", "Bavaria", "Brandenburg", "Hessen", "Hesse", "Mecklenburg-Vorpommern", "Niedersachsen", "Lower Saxony",
        "Nordrhein-Westfalen", "North Rhine-Westphalia", "Rheinland-Pfalz", "Rhineland-Palatinate", "Saarland", "Sachsen", "Saxony", "Sachsen-Anhalt",
        "Schleswig-Holstein", "Thüringen", "Thuringia",
        // A few other well-known regions
        "Catalonia", "Catalunya", "Cataluña", "Andalusia", "Andalucía", "Tuscany", "Toscana", "Lombardy", "Lombardia", "Sicily", "Sicilia", "Sardinia", "Sardegna",
        "Bavaria", "Tyrol", "Tirol", "Provence", "Normandy", "Normandie", "Brittany", "Bretagne", "Île-de-France", "Flanders", "Vlaanderen", "Wallonia", "Wallonie",
        "Silesia", "Śląsk", "Pomerania", "Pomorze", "Mazovia", "Mazowsze", "Transylvania", "Ardeal", "Bohemia", "Čechy", "Moravia", "Morava", "Dalmatia", "Dalmacija",
        "Crete", "Κρήτη", "Kriti", "Lapland", "Lappi", "Punjab", "Kerala", "Maharashtra", "Karnataka", "Tamil Nadu", "Gujarat", "Rajasthan", "Uttar Pradesh",
        "West Bengal", "Bihar", "Telangana", "Andhra Pradesh", "Goa", "Sabah", "Sarawak", "Bali", "Java", "Sumatra", "Mindanao", "Luzon", "Visayas",
        "Patagonia", "Yucatán", "Jalisco", "Oaxaca", "Chiapas", "Minas Gerais", "Bahia", "Rio Grande do Sul", "Santa Catarina", "Pernambuco", "Ceará",
        "Siberia", "Sibir", "Anatolia", "Kurdistan", "Galilee", "Negev", "Scottish Highlands", "Cornwall", "Yorkshire", "Kent", "Devon", "Lancashire",
    ];

    public static readonly string[] Cities =
    [
        // Western Europe
        "London", "Manchester", "Birmingham", "Liverpool", "Leeds", "Sheffield", "Bristol", "Newcastle", "Newcastle upon Tyne", "Nottingham", "Leicester",
        "Coventry", "Bradford", "Southampton", "Portsmouth", "Brighton", "Plymouth", "Norwich", "Oxford", "Cambridge", "York", "Exeter", "Cardiff", "Swansea",
        "Edinburgh", "Glasgow", "Aberdeen", "Dundee", "Inverness", "Belfast", "Derry", "Dublin", "Baile Átha Cliath", "Galway", "Limerick", "Waterford",
        "Paris", "Marseille", "Marseilles", "Lyon", "Lyons", "Toulouse", "Bordeaux", "Lille", "Strasbourg", "Nantes", "Montpellier", "Rennes", "Grenoble",
        "Rouen", "Toulon", "Dijon", "Reims", "Le Havre", "Saint-Étienne", "Clermont-Ferrand", "Brest", "Metz", "Caen", "Avignon", "Perpignan", "Besançon",
        "Orléans", "Limoges", "Amiens", "Poitiers", "Ajaccio", "Bastia", "Aix-en-Provence", "Cannes", "Antibes", "Biarritz", "La Rochelle", "Mulhouse",
        "Brussels", "Bruxelles", "Brussel", "Antwerp", "Antwerpen", "Anvers", "Ghent", "Bruges", "Brugge", "Liège", "Luik", "Namur", "Leuven", "Louvain", "Charleroi", "Mechelen",
        "Amsterdam", "Rotterdam", "The Hague", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda", "Nijmegen", "Haarlem", "Leiden",
        "Maastricht", "Arnhem", "Zwolle", "Delft", "Enschede", "Apeldoorn", "Luxembourg City",
        // Central Europe
        "Berlin", "Hamburg", "München", "Munich", "Köln", "Cologne", "Frankfurt", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Dortmund", "Leipzig",
        "Bremen", "Dresden", "Hannover", "Hanover", "Nürnberg", "Nuremberg", "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Karlsruhe",
        "Mannheim", "Augsburg", "Wiesbaden", "Mönchengladbach", "Gelsenkirchen", "Aachen", "Braunschweig", "Kiel", "Chemnitz", "Magdeburg", "Freiburg",
        "Freiburg im Breisgau", "Krefeld", "Lübeck", "Oberhausen", "Erfurt", "Mainz", "Rostock", "Kassel", "Potsdam", "Saarbrücken", "Heidelberg", "Regensburg",
        "Würzburg", "Ingolstadt", "Ulm", "Göttingen", "Trier", "Jena", "Schwerin", "Osnabrück", "Oldenburg", "Darmstadt", "Konstanz", "Passau", "Bamberg",
        "Wien", "Vienna", "Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt", "Villach", "St. Pölten",
        "Zürich", "Zurich", "Genève", "Geneva", "Genf", "Basel", "Bâle", "Bern", "Berne", "Lausanne", "Luzern", "Lucerne", "Lugano", "St. Gallen", "Winterthur",
        "Warszawa", "Warsaw", "Kraków", "Krakow", "Cracow", "Łódź", "Lodz", "Wrocław", "Wroclaw", "Poznań", "Poznan", "Gdańsk", "Gdansk", "Gdynia", "Sopot",
        "Szczecin", "Bydgoszcz", "Lublin", "Białystok", "Bialystok", "Katowice", "Gliwice", "Częstochowa", "Radom", "Toruń", "Torun", "Kielce", "Rzeszów",
        "Rzeszow", "Olsztyn", "Opole", "Zakopane",
        "Praha", "Prague", "Prag", "Brno", "Ostrava", "Plzeň", "Plzen", "Pilsen", "Liberec", "Olomouc", "České Budějovice", "Hradec Králové", "Pardubice",
        "Zlín", "Karlovy Vary", "Jihlava",
        "Bratislava", "Košice", "Kosice", "Prešov", "Žilina", "Nitra", "Banská Bystrica", "Trnava",
        "Budapest", "Debrecen", "Szeged", "Miskolc", "Pécs", "Győr", "Nyíregyháza", "Kecskemét", "Székesfehérvár", "Sopron", "Eger",
        "Ljubljana", "Maribor", "Celje", "Koper",
        // Northern Europe
        "København", "Copenhagen", "Kopenhagen", "Aarhus", "Århus", "Odense", "Aalborg", "Ålborg", "Esbjerg", "Roskilde",
        "Stockholm", "Göteborg", "Gothenburg", "Malmö", "Malmo", "Uppsala", "Västerås", "Örebro", "Linköping", "Helsingborg", "Norrköping", "Jönköping",
        "Umeå", "Lund", "Luleå", "Gävle", "Sundsvall", "Kiruna",
        "Oslo", "Bergen", "Trondheim", "Stavanger", "Drammen", "Kristiansand", "Tromsø", "Tromso", "Bodø", "Ålesund", "Fredrikstad",
        "Helsinki", "Helsingfors", "Espoo", "Tampere", "Tammerfors", "Vantaa", "Oulu", "Turku", "Åbo", "Jyväskylä", "Kuopio", "Lahti", "Rovaniemi", "Pori", "Vaasa",
        "Reykjavík", "Reykjavik", "Akureyri", "Kópavogur", "Hafnarfjörður", "Tórshavn", "Nuuk",
        "Tallinn", "Tartu", "Narva", "Pärnu", "Riga", "Rīga", "Daugavpils", "Liepāja", "Jelgava", "Vilnius", "Kaunas", "Klaipėda", "Klaipeda", "Šiauliai", "Panevėžys",
        // Southern Europe
        "Madrid", "Barcelona", "Valencia", "València", "Sevilla", "Seville", "Zaragoza", "Málaga", "Malaga", "Murcia", "Palma", "Palma de Mallorca", "Bilbao",
        "Alicante", "Córdoba", "Cordoba", "Valladolid", "Vigo", "Gijón", "A Coruña", "La Coruña", "Granada", "Vitoria-Gasteiz", "Oviedo", "Pamplona", "Santander",
        "San Sebastián", "Donostia", "Salamanca", "Toledo", "Cádiz", "Cadiz", "Tarragona", "Girona", "Las Palmas", "Santa Cruz de Tenerife", "Ibiza", "Marbella",
        "Lisboa", "Lisbon", "Lissabon", "Porto", "Oporto", "Braga", "Coimbra", "Faro", "Funchal", "Aveiro", "Setúbal", "Évora",
        "Roma", "Rome", "Rom", "Milano", "Mailand", "Napoli", "Naples", "Neapel", "Torino", "Turin", "Palermo", "Genova", "Genoa", "Bologna", "Firenze",
        "Bari", "Catania", "Venezia", "Venice", "Venedig", "Verona", "Messina", "Padova", "Padua", "Trieste", "Brescia", "Parma", "Taranto", "Prato", "Modena",
        "Reggio Calabria", "Reggio Emilia", "Perugia", "Livorno", "Cagliari", "Rimini", "Salerno", "Ferrara", "Sassari", "Bergamo", "Pisa", "Trento", "Bolzano",
        "Lecce", "Ancona", "Udine", "Pescara", "Lucca",
        "Valletta", "Andorra la Vella", "Vaduz",
        "Athens", "Athina", "Αθήνα", "Athen", "Thessaloniki", "Θεσσαλονίκη", "Salonica", "Patras", "Πάτρα", "Heraklion", "Ηράκλειο", "Larissa", "Volos", "Ioannina",
        "Chania", "Rhodes", "Nicosia", "Lefkosia", "Λευκωσία", "Limassol", "Λεμεσός", "Larnaca", "Paphos",
        // South-eastern Europe
        "Zagreb", "Rijeka", "Osijek", "Zadar", "Dubrovnik", "Pula", "Beograd", "Belgrade", "Београд", "Novi Sad", "Niš", "Nis", "Kragujevac", "Subotica",
        "Sarajevo", "Banja Luka", "Mostar", "Tuzla", "Podgorica", "Skopje", "Скопје", "Bitola", "Ohrid", "Tirana", "Tiranë", "Durrës", "Vlorë", "Shkodër",
        "Pristina", "Prishtina", "Prishtinë", "Prizren",
        "București", "Bucuresti", "Bucharest", "Cluj-Napoca", "Cluj", "Timișoara", "Timisoara", "Iași", "Iasi", "Constanța", "Constanta", "Craiova", "Brașov",
        "Brasov", "Galați", "Galati", "Ploiești", "Oradea", "Sibiu", "Arad", "Pitești", "Suceava",
        "София", "Plovdiv", "Пловдив", "Varna", "Варна", "Burgas", "Бургас", "Ruse", "Stara Zagora", "Veliko Tarnovo", "Chișinău", "Chisinau", "Kishinev", "Tiraspol", "Bălți",
        // Eastern Europe and the Caucasus
        "Kyiv", "Kiev", "Київ", "Kharkiv", "Харків", "Odesa", "Odessa", "Одеса", "Dnipro", "Дніпро", "Lviv", "Львів", "Zaporizhzhia", "Vinnytsia", "Mykolaiv",
        "Poltava", "Chernihiv", "Ivano-Frankivsk", "Ternopil", "Uzhhorod", "Lutsk", "Rivne", "Zhytomyr", "Kherson", "Sumy", "Chernivtsi",
        "Minsk", "Мінск", "Минск", "Gomel", "Homel", "Brest-Litovsk", "Grodno", "Hrodna", "Vitebsk",
        "Moscow", "Moskva", "Москва", "Moskau", "Saint Petersburg", "St. Petersburg", "Sankt-Peterburg", "Санкт-Петербург", "Novosibirsk", "Yekaterinburg",
        "Kazan", "Nizhny Novgorod", "Chelyabinsk", "Samara", "Omsk", "Rostov-on-Don", "Ufa", "Krasnoyarsk", "Voronezh", "Volgograd", "Krasnodar", "Saratov",
        "Tyumen", "Irkutsk", "Vladivostok", "Kaliningrad", "Murmansk", "Sochi", "Yaroslavl", "Khabarovsk",
        "Tbilisi", "Batumi", "Kutaisi", "Yerevan", "Երևան", "Gyumri", "Baku", "Bakı", "Ganja",
        // Turkey and the Middle East
        "İstanbul", "Istanbul", "Ankara", "İzmir", "Izmir", "Bursa", "Antalya", "Adana", "Konya", "Gaziantep", "Kayseri", "Mersin", "Eskişehir", "Eskisehir",
        "Diyarbakır", "Diyarbakir", "Samsun", "Trabzon", "Denizli", "Bodrum", "Erzurum",
        "Jerusalem", "Yerushalayim", "ירושלים", "Tel Aviv", "Tel Aviv-Yafo", "Tel-Aviv", "תל אביב", "Haifa", "חיפה", "Be'er Sheva", "Beersheba", "Beer Sheva", "Netanya",
        "Ashdod", "Rishon LeZion", "Rishon LeTsiyon", "Petah Tikva", "Holon", "Ramat Gan", "Herzliya", "Eilat", "Nazareth", "Ra'anana", "Kfar Saba", "Rehovot", "Bnei Brak",
        "Ramallah", "Gaza", "Hebron", "Nablus", "Bethlehem", "Amman", "Irbid", "Aqaba", "Beirut", "Beyrouth", "Tripoli", "Sidon", "Damascus", "Dimashq", "Aleppo",
        "Homs", "Baghdad", "Basra", "Mosul", "Erbil", "Tehran", "Teheran", "Mashhad", "Isfahan", "Esfahan", "Shiraz", "Tabriz", "Riyadh", "Jeddah", "Jidda",
        "Mecca", "Makkah", "Dammam", "Dubai", "Abu Dhabi", "Sharjah", "Doha", "Kuwait City", "Manama", "Muscat", "Sanaa", "Sana'a", "Aden",
        // Central and South Asia
        "Astana", "Almaty", "Shymkent", "Tashkent", "Toshkent", "Samarkand", "Bukhara", "Bishkek", "Dushanbe", "Ashgabat", "Kabul", "Kandahar", "Herat",
        "Islamabad", "Karachi", "Lahore", "Faisalabad", "Rawalpindi", "Peshawar", "Multan", "Quetta",
        "New Delhi", "Delhi", "Mumbai", "Bombay", "Kolkata", "Calcutta", "Chennai", "Madras", "Bengaluru", "Bangalore", "Hyderabad", "Ahmedabad", "Pune",
        "Surat", "Jaipur", "Lucknow", "Kanpur", "Nagpur", "Indore", "Thane", "Bhopal", "Visakhapatnam", "Patna", "Vadodara", "Ludhiana", "Agra", "Nashik",
        "Varanasi", "Amritsar", "Kochi", "Cochin", "Thiruvananthapuram", "Trivandrum", "Coimbatore", "Madurai", "Mysuru", "Mysore", "Mangaluru", "Mangalore",
        "Chandigarh", "Guwahati", "Bhubaneswar", "Dehradun", "Noida", "Gurugram", "Gurgaon", "Ranchi", "Raipur", "Srinagar", "Jodhpur", "Udaipur",
        "Dhaka", "Chittagong", "Chattogram", "Khulna", "Sylhet", "Kathmandu", "Pokhara", "Thimphu", "Colombo", "Kandy", "Galle", "Jaffna", "Sri Jayawardenepura Kotte", "Malé",
        // East and South-east Asia
        "Beijing", "Peking", "北京", "Shanghai", "上海", "Guangzhou", "Canton", "Shenzhen", "Chongqing", "Tianjin", "Wuhan", "Chengdu", "Nanjing", "Xi'an", "Xian",
        "Hangzhou", "Shenyang", "Harbin", "Suzhou", "Qingdao", "Dalian", "Zhengzhou", "Jinan", "Changsha", "Kunming", "Xiamen", "Fuzhou", "Hefei", "Ningbo",
        "Taipei", "台北", "Kaohsiung", "Taichung", "Tainan", "Ulaanbaatar", "Ulan Bator",
        "Tokyo", "Tōkyō", "東京", "Osaka", "Ōsaka", "大阪", "Yokohama", "Nagoya", "Sapporo", "Fukuoka", "Kyoto", "Kyōto", "京都", "Kawasaki", "Saitama",
        "Hiroshima", "Sendai", "Chiba", "Kitakyushu", "Niigata", "Hamamatsu", "Kumamoto", "Okayama", "Kagoshima", "Naha", "Okinawa",
        "Seoul", "서울", "Busan", "Pusan", "부산", "Incheon", "Daegu", "Daejeon", "Gwangju", "Ulsan", "Suwon", "Jeju", "Pyongyang",
        "Hanoi", "Hà Nội", "Ha Noi", "Ho Chi Minh City", "Thành phố Hồ Chí Minh", "Saigon", "Sài Gòn", "Da Nang", "Đà Nẵng", "Haiphong", "Hải Phòng", "Hue", "Huế",
        "Can Tho", "Cần Thơ", "Nha Trang", "Hạ Long", "Vientiane", "Luang Prabang", "Phnom Penh", "Siem Reap", "Bangkok", "Krung Thep", "Chiang Mai", "Phuket",
        "Pattaya", "Khon Kaen", "Yangon", "Rangoon", "Mandalay", "Naypyidaw", "Kuala Lumpur", "George Town", "Penang", "Johor Bahru", "Ipoh", "Kota Kinabalu",
        "Kuching", "Malacca", "Melaka", "Putrajaya", "Jakarta", "Surabaya", "Bandung", "Medan", "Semarang", "Makassar", "Palembang", "Yogyakarta", "Denpasar",
        "Malang", "Bogor", "Manila", "Quezon City", "Cebu", "Cebu City", "Davao", "Davao City", "Makati", "Taguig", "Pasig", "Iloilo", "Bacolod",
        "Zamboanga", "Cagayan de Oro", "Baguio", "Bandar Seri Begawan", "Dili",
        // Africa
        "Cairo", "Al-Qahira", "Alexandria", "Giza", "Luxor", "Aswan", "Port Said", "Casablanca", "Rabat", "Marrakech", "Marrakesh", "Fès", "Fez", "Tangier",
        "Tanger", "Agadir", "Algiers", "Alger", "Oran", "Constantine", "Tunis", "Sfax", "Sousse", "Benghazi", "Khartoum", "Omdurman", "Juba",
        "Addis Ababa", "Addis Abeba", "Asmara", "Mogadishu", "Hargeisa", "Nairobi", "Mombasa", "Kisumu", "Nakuru", "Kampala", "Entebbe", "Kigali", "Bujumbura",
        "Gitega", "Dar es Salaam", "Dodoma", "Arusha", "Zanzibar", "Lagos", "Abuja", "Ibadan", "Kano", "Port Harcourt", "Benin City", "Kaduna", "Enugu", "Onitsha",
        "Aba", "Jos", "Ilorin", "Abeokuta", "Accra", "Kumasi", "Tamale", "Takoradi", "Lomé", "Lome", "Cotonou", "Porto-Novo", "Ouagadougou", "Niamey", "Bamako",
        "Dakar", "Saint-Louis", "Nouakchott", "Banjul", "Bissau", "Conakry", "Freetown", "Monrovia", "Abidjan", "Yamoussoukro", "Bouaké", "Praia",
        "Yaoundé", "Yaounde", "Douala", "Libreville", "Malabo", "Brazzaville", "Kinshasa", "Lubumbashi", "Goma", "Bangui", "N'Djamena", "Ndjamena",
        "Luanda", "Lusaka", "Harare", "Bulawayo", "Lilongwe", "Blantyre", "Maputo", "Beira", "Antananarivo", "Port Louis", "Gaborone", "Windhoek",
        "Maseru", "Mbabane", "Pretoria", "Tshwane", "Johannesburg", "Joburg", "Cape Town", "Kaapstad", "Durban", "Port Elizabeth", "Gqeberha",
        "Bloemfontein", "Soweto", "Pietermaritzburg", "Stellenbosch", "East London", "Djibouti City", "Moroni", "Victoria Falls",
        // North America
        "New York", "New York City", "NYC", "Los Angeles", "Chicago", "Philadelphia", "San Antonio", "San Diego", "San Jose", "Fort Worth",
        "Jacksonville", "Columbus", "Indianapolis", "San Francisco", "Seattle", "Detroit", "Boston", "Nashville", "Memphis", "Portland", "Oklahoma City",
        "Las Vegas", "Louisville", "Baltimore", "Milwaukee", "Albuquerque", "Tucson", "Fresno", "Sacramento", "Kansas City", "Atlanta", "Miami", "Raleigh",
        "Omaha", "Minneapolis", "Tulsa", "Cleveland", "Wichita", "New Orleans", "Tampa", "Honolulu", "Anchorage", "Pittsburgh", "Cincinnati", "St. Louis",
        "Saint Louis", "Salt Lake City", "Buffalo", "Richmond", "Boise", "Des Moines", "Spokane", "Baton Rouge", "Albany", "Hartford", "Providence",
        "Newark", "Jersey City", "Brooklyn", "Manhattan", "Queens", "Bronx", "Staten Island", "Oakland", "Long Beach", "Mesa", "Colorado Springs",
        "Arlington", "Scottsdale", "Santa Fe", "Ann Arbor", "Palo Alto", "Berkeley", "Pasadena", "Santa Monica", "Cambridge MA", "Savannah", "Charleston",
        "Toronto", "Montréal", "Montreal", "Vancouver", "Calgary", "Edmonton", "Ottawa", "Winnipeg", "Quebec City", "Québec City", "Mississauga", "Brampton",
        "Surrey", "Laval", "Halifax", "Saskatoon", "Gatineau", "Sherbrooke", "Kelowna", "St. John's", "Fredericton", "Charlottetown", "Whitehorse",
        "Yellowknife", "Iqaluit",
        "Mexico City", "Ciudad de México", "CDMX", "Guadalajara", "Monterrey", "Puebla", "Tijuana", "Ciudad Juárez", "Juárez", "Zapopan", "Mérida", "Merida",
        "Cancún", "Cancun", "Querétaro", "Queretaro", "San Luis Potosí", "Aguascalientes", "Hermosillo", "Chihuahua", "Saltillo", "Morelia", "Culiacán",
        "Acapulco", "Veracruz", "Toluca", "Mazatlán", "Guatemala City", "Ciudad de Guatemala", "San Salvador", "Tegucigalpa", "San Pedro Sula", "Managua",
        "San José", "Panama City", "Ciudad de Panamá", "Havana", "La Habana", "Habana", "Santiago de Cuba", "Kingston", "Montego Bay", "Port-au-Prince",
        "Santo Domingo", "San Juan", "Nassau", "Bridgetown", "Port of Spain", "Castries", "Belmopan", "Belize City",
        // South America
        "São Paulo", "Sao Paulo", "Rio de Janeiro", "Rio", "Brasília", "Brasilia", "Belo Horizonte", "Fortaleza", "Manaus", "Curitiba", "Recife",
        "Porto Alegre", "Belém", "Belem", "Goiânia", "Goiania", "Guarulhos", "Campinas", "São Luís", "Maceió", "Florianópolis", "Florianopolis", "Niterói",
        "João Pessoa", "Teresina", "Ribeirão Preto", "Uberlândia", "Sorocaba", "Londrina", "Joinville", "Cuiabá", "Campo Grande", "Aracaju",
        "Buenos Aires", "Rosario", "Mendoza", "La Plata", "Mar del Plata", "San Miguel de Tucumán", "Tucumán", "Bariloche", "Neuquén", "Ushuaia",
        "Montevideo", "Punta del Este", "Asunción", "Asuncion", "Ciudad del Este", "Santiago de Chile", "Valparaíso", "Valparaiso", "Viña del Mar",
        "Concepción", "Antofagasta", "Temuco", "Puerto Montt", "Punta Arenas", "Lima", "Arequipa", "Trujillo", "Cusco", "Cuzco", "Chiclayo", "Iquitos",
        "Quito", "Guayaquil", "Cuenca", "La Paz", "Santa Cruz de la Sierra", "Sucre", "Cochabamba", "El Alto", "Bogotá", "Bogota", "Medellín",
        "Medellin", "Cali", "Barranquilla", "Cartagena", "Cúcuta", "Bucaramanga", "Pereira", "Caracas", "Maracaibo", "Valencia de Venezuela",
        "Barquisimeto", "Maracay", "Georgetown", "Paramaribo", "Cayenne",
        // Oceania
        "Melbourne", "Brisbane", "Perth", "Canberra", "Gold Coast", "Newcastle NSW", "Wollongong", "Geelong", "Hobart", "Townsville", "Cairns", "Alice Springs",
        "Auckland", "Wellington", "Christchurch", "Hamilton NZ", "Tauranga", "Dunedin", "Queenstown", "Rotorua", "Suva", "Port Moresby", "Apia", "Nukuʻalofa",
        "Port Vila", "Honiara", "Nouméa", "Noumea", "Papeete",
        // Capitals not yet listed
        "Luxembourg", "Monaco", "San Marino", "Vatican City", "Singapore", "Djibouti", "Kuwait", "Tórshavn",
    ];

    /// <summary>
    /// Places whose name is also a common word or a given name in a major language ("Nice", "Split", "Sofia", "Jordan"):
    /// found only in a locative context (see <see cref="KnownPlaceRecognizer"/>).
    /// </summary>
    public static readonly string[] Ambiguous =
    [
        // countries and regions
        "Georgia", "Jordan", "Chad", "Turkey", "Virginia", "Indiana", "Montana", "Washington", "Alberta", "Victoria", "Carolina", "Dakota",
        // cities that are words
        "Nice", "Split", "Reading", "Bath", "Mobile", "Most", "Sale", "Hull", "Cork", "Derby", "Essen", "Halle", "Gent", "Tours", "Como", "Natal", "Salta",
        "Perm", "Mons", "Pau", "Bergen", "Lund", "Aba", "Jos", "Van", "Leon", "León", "Mesa", "Surrey", "Laval", "Buffalo", "Mobile",
        "Providence", "Richmond", "Arlington", "Oakland", "Cambridge", "Oxford", "Canton", "Constantine", "Beira", "Batman", "Independence", "Concord",
        // cities that are given names or surnames
        "Sofia", "Florence", "Charlotte", "Austin", "Orlando", "Regina", "Adelaide", "Sydney", "Hamilton", "Lincoln", "Madison", "Jackson", "Phoenix",
        "Aurora", "Milan", "Medina", "Santiago", "Salvador", "Vitória", "Kobe", "Dallas", "Houston", "Denver", "Darwin", "Kingston", "Wellington",
        "Santos", "Nancy", "Chester", "Siena", "Verona", "Eugene", "Vitoria", "Lorraine", "Savannah", "Brooklyn",
        "Columbus", "Cleveland", "Memphis", "Portland", "Albany", "Charleston", "Halifax", "Cali", "Cuenca", "Trujillo", "Georgetown",
        "Jersey", "Devon", "Kent", "Island", "Java", "Hue", "Ganja", "Samara", "Faro", "Palma", "Ruse", "Tamale", "Goma", "Fez",
        "Juárez", "Chihuahua", "Mendoza", "Rosario", "Pereira", "Concepción", "Sucre", "Cayenne", "Praia", "Hesse", "Patagonia", "Bharat", "Brittany", "Aden", "Rio", "Queens", "Mérida", "Merida", "Tripoli", "Alexandria",
    ];
}
