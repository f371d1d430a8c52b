package io.clientele.bench;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The word lists the generator combines: names as a German shop sees them (with a share
 * of international ones), companies, streets and cities, products. Lists of a few hundred
 * values each, so that a name search matches a realistic share of the table, not half of
 * it.
 */
final class SampleData {

	static final String[] FEMALE_FIRST_NAMES = { "Anna", "Emma", "Mia", "Sofia", "Hannah", "Emilia", "Lina", "Marie",
			"Lena", "Mila", "Clara", "Leonie", "Lea", "Amelie", "Johanna", "Luisa", "Ella", "Nele", "Charlotte",
			"Laura", "Sophie", "Frieda", "Ida", "Greta", "Mathilda", "Lara", "Paula", "Maja", "Julia", "Sarah",
			"Katharina", "Lisa", "Anja", "Sabine", "Petra", "Andrea", "Claudia", "Susanne", "Monika", "Birgit",
			"Stefanie", "Nicole", "Sandra", "Martina", "Kerstin", "Melanie", "Heike", "Tanja", "Christina", "Daniela",
			"Karin", "Ursula", "Renate", "Gisela", "Ingrid", "Helga", "Brigitte", "Elke", "Angelika", "Barbara",
			"Jutta", "Silke", "Simone", "Nadine", "Jessica", "Jennifer", "Vanessa", "Franziska", "Verena", "Carina",
			"Miriam", "Theresa", "Antonia", "Magdalena", "Elisabeth", "Victoria", "Helena", "Alina", "Jana", "Nina",
			"Kim", "Svenja", "Annika", "Janina", "Britta", "Doris", "Gabriele", "Marion", "Ulrike", "Anke", "Dagmar",
			"Regina", "Beate", "Cornelia", "Eva", "Ines", "Irene", "Jasmin", "Jule", "Carla", "Romy", "Pia", "Zoe",
			"Ronja", "Marlene", "Rosa", "Emily", "Olivia", "Isabella", "Chloé", "Camille", "Léa", "Manon", "Giulia",
			"Chiara", "Francesca", "Lucía", "María", "Carmen", "Elena", "Agnieszka", "Katarzyna", "Zeynep", "Elif",
			"Ayşe", "Fatma", "Merve", "Natalia", "Olga", "Svetlana", "Ingrid", "Astrid", "Freya", "Maren", "Wiebke",
			"Birte" };

	static final String[] MALE_FIRST_NAMES = { "Noah", "Leon", "Paul", "Finn", "Elias", "Ben", "Luis", "Felix", "Henry",
			"Jonas", "Lukas", "Emil", "Theo", "Maximilian", "Anton", "Matteo", "Jakob", "Moritz", "Oskar", "David",
			"Alexander", "Niklas", "Julian", "Tim", "Jan", "Tom", "Philipp", "Simon", "Fabian", "Florian", "Tobias",
			"Sebastian", "Daniel", "Christian", "Michael", "Thomas", "Andreas", "Stefan", "Markus", "Frank", "Jürgen",
			"Klaus", "Peter", "Wolfgang", "Hans", "Uwe", "Bernd", "Dieter", "Rainer", "Manfred", "Horst", "Günter",
			"Werner", "Gerhard", "Helmut", "Karl", "Heinz", "Ralf", "Jörg", "Dirk", "Sven", "Torsten", "Holger",
			"Matthias", "Martin", "Marco", "Dennis", "Patrick", "Kevin", "Marcel", "Benjamin", "Dominik", "Johannes",
			"Konstantin", "Vincent", "Valentin", "Leonard", "Samuel", "Benedikt", "Carsten", "Lars", "Nils", "Ole",
			"Malte", "Hauke", "Jannik", "Till", "Mats", "Erik", "Robert", "Georg", "Ludwig", "Friedrich", "Wilhelm",
			"Otto", "Kurt", "Walter", "Rudolf", "Ernst", "Oliver", "James", "William", "George", "Harry", "Jack",
			"Louis", "Hugo", "Lucas", "Gabriel", "Raphaël", "Antoine", "Lorenzo", "Francesco", "Alessandro", "Marco",
			"Giuseppe", "Javier", "Alejandro", "José", "Pablo", "Piotr", "Krzysztof", "Tomasz", "Mehmet", "Mustafa",
			"Ahmet", "Emre", "Can", "Burak", "Ivan", "Dmitri", "Sergej", "Andrej", "Björn", "Sören", "Henrik",
			"Magnus" };

	static final String[] LAST_NAMES = { "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
			"Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
			"Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
			"Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König",
			"Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn",
			"Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck",
			"Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus",
			"Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich",
			"Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel",
			"Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer", "Lindner", "Ernst",
			"Hübner", "Kraft", "Jansen", "Franz", "Peter", "Hansen", "Böttcher", "Wenzel", "Schütz", "Hermann",
			"Petersen", "Fiedler", "Dittrich", "Thiel", "Pietsch", "Paul", "Kurz", "Nowak", "Kowalski", "Wójcik",
			"Kaczmarek", "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan", "Rossi",
			"Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "García", "Fernández", "González",
			"Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Martin", "Bernard", "Dubois", "Durand", "Lefèvre",
			"Moreau", "Laurent", "Fournier", "Girard", "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies",
			"Evans", "Wilson", "Johnson", "Roberts", "Robinson", "Wright", "Thompson", "Walker", "White", "Edwards",
			"Hughes", "Green", "Hall", "Wood", "Harris", "Clarke", "Jackson", "Turner", "Hill", "Moore", "Cooper",
			"Ward", "Morris", "King", "Watson", "Baker", "Harrison", "de Vries", "van Dijk", "Bakker", "Janssen",
			"Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peeters", "Hansson",
			"Johansson", "Andersson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsen", "Nielsen", "Jensen",
			"Pedersen", "Andersen", "Christensen", "Novák", "Svoboda", "Dvořák", "Horváth", "Kovács", "Szabó", "Tóth",
			"Nagy", "Popescu", "Ionescu", "Ivanov", "Petrov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev",
			"Wiśniewski", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Hofer", "Gruber", "Pichler",
			"Moser", "Steiner", "Leitner", "Wallner", "Eder", "Egger", "Brunner", "Haider", "Lechner", "Reiter",
			"Wimmer", "Aigner", "Baumgartner", "Mayr", "Berger", "Fuchs", "Hofbauer", "Gerber", "Widmer", "Frei",
			"Baumgartner", "Keller", "Meister", "Suter", "Bühler", "Zürcher", "Lüthi", "Brandenburg", "Oldenburg",
			"Friedrichs", "Reimann", "Voß", "Wendt", "Marx", "Barth", "Stark", "Ritter", "Berndt", "Hesse", "Rieger",
			"Hauser", "Ulrich", "Kühne", "Geiger", "Bayer", "Nagel", "Kern", "Schilling", "Ackermann", "Mertens",
			"Adam", "Kolb", "Kirchner", "Rausch", "Reuter", "Schenk", "Thiele", "Lenz", "Fritz", "Heinz", "Weis",
			"Brinkmann", "Hein", "Harms", "Menzel", "Dörr", "Stahl", "Hildebrandt", "Schrader", "Heller", "Jahn",
			"Haase", "Kramer", "Sander", "Witt", "Frey", "Berg", "Schürmann" };

	static final String[] COMPANY_STEMS = { "Nordlicht", "Alpen", "Rhein", "Hanse", "Elbe", "Main", "Donau", "Spree",
			"Isar", "Weser", "Mosel", "Neckar", "Harz", "Eifel", "Taunus", "Allgäu", "Schwarzwald", "Bodensee",
			"Ostsee", "Nordsee", "Sonnen", "Stern", "Blitz", "Falken", "Adler", "Löwen", "Bären", "Eichen", "Linden",
			"Birken", "Tannen", "Kristall", "Silber", "Gold", "Kupfer", "Eisen", "Stahl", "Glas", "Holz", "Stein",
			"Feld", "Wald", "Berg", "Tal", "Quell", "Brunnen", "Mühlen", "Hof", "Burg", "Turm", "Brücken", "Hafen",
			"Anker", "Kompass", "Leuchtturm", "Horizont", "Zenit", "Polar", "Atlas", "Orion", "Vega", "Nova", "Apex",
			"Vertex", "Pixel", "Quantum", "Vektor", "Delta", "Sigma", "Omega", "Alpha", "Beta", "Gamma", "Meridian",
			"Pionier", "Fortschritt", "Zukunft", "Tradition", "Heimat", "Stadt", "Land", "Regio", "Euro", "Inter",
			"Trans", "Multi", "Uni", "Pro", "Top", "Prima", "Optima", "Maxi", "Mega", "Grün", "Blau", "Rot", "Weiß",
			"Schwarz", "Bunt", "Klar", "Frisch", "Fein", "Edel", "Echt", "Flink", "Schnell", "Smart", "Happy", "Lucky",
			"Sunny", "Blue Ocean", "Red Rock", "Green Valley", "Silverline", "Northwind", "Westend", "Eastside",
			"Southgate", "Highland", "Lakeside", "Riverside", "Oakwood", "Maple", "Cedar", "Pine", "Willow", "Ashford",
			"Brookfield", "Fairview" };

	static final String[] COMPANY_TRADES = { "Logistik", "Handel", "Werkzeuge", "Medien", "Bau", "Technik", "Elektro",
			"Software", "Systeme", "Consulting", "Design", "Möbel", "Textil", "Druck", "Verpackung", "Getränke",
			"Feinkost", "Gastro", "Hotel", "Reisen", "Immobilien", "Versicherung", "Finanz", "Pharma", "Medizintechnik",
			"Optik", "Sport", "Garten", "Tierbedarf", "Spielwaren", "Büro", "Papier", "Chemie", "Kunststoff",
			"Metallbau", "Maschinenbau", "Automotive", "Energie", "Solar", "Umwelt", "Agrar", "Foods", "Trading",
			"Supplies", "Solutions", "Services", "Labs", "Studio", "Works", "Group" };

	static final String[] LEGAL_FORMS = { "GmbH", "GmbH", "GmbH", "GmbH", "AG", "KG", "GmbH & Co. KG", "GmbH & Co. KG",
			"e.K.", "OHG", "UG (haftungsbeschränkt)", "Ltd", "SE", "GbR", "SARL", "B.V." };

	static final String[] EMAIL_DOMAINS = { "gmail.example", "gmx.example", "web.example", "t-online.example",
			"outlook.example", "yahoo.example", "icloud.example", "posteo.example", "freenet.example",
			"mailbox.example", "proton.example", "aol.example", "hotmail.example", "gmx-net.example" };

	static final String[] STREETS = { "Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Dorfstraße",
			"Bergstraße", "Birkenweg", "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße", "Schillerstraße",
			"Goethestraße", "Mühlenweg", "Wiesenweg", "Amselweg", "Am Sportplatz", "Jahnstraße", "Buchenweg",
			"Feldstraße", "Rosenstraße", "Friedhofstraße", "Beethovenstraße", "Eichenweg", "Mozartstraße", "Talstraße",
			"Lessingstraße", "Am Bahnhof", "Poststraße", "Industriestraße", "Uhlandstraße", "Marktplatz", "Parkstraße",
			"Kastanienallee", "Friedrichstraße", "Tulpenweg", "Finkenweg", "Meisenweg", "Drosselweg", "Lerchenweg",
			"Ahornweg", "Tannenweg", "Blumenstraße", "Sonnenstraße", "Kantstraße", "Heinestraße", "Rathausstraße",
			"Brunnenstraße", "Kurze Straße", "Lange Straße", "Neue Straße", "Alte Straße", "Hafenstraße", "Seestraße",
			"Burgstraße", "Schlossstraße", "Mittelweg", "Grüner Weg", "Königstraße", "Kaiserstraße", "Wilhelmstraße",
			"Luisenstraße", "Karlstraße", "Ludwigstraße", "Bismarckstraße", "Moltkestraße", "Herderstraße",
			"Fontanestraße", "Rilkestraße", "Brahmsweg", "Bachstraße", "Händelstraße", "Humboldtstraße", "Keplerstraße",
			"Einsteinstraße", "Röntgenstraße", "Siemensstraße", "Daimlerstraße", "Benzstraße", "Dieselstraße" };

	/** City, country and the first digits of its postcodes. */
	static final String[][] CITIES = { { "Berlin", "DE", "10" }, { "Hamburg", "DE", "20" }, { "München", "DE", "80" },
			{ "Köln", "DE", "50" }, { "Frankfurt am Main", "DE", "60" }, { "Stuttgart", "DE", "70" },
			{ "Düsseldorf", "DE", "40" }, { "Leipzig", "DE", "04" }, { "Dortmund", "DE", "44" },
			{ "Essen", "DE", "45" }, { "Bremen", "DE", "28" }, { "Dresden", "DE", "01" }, { "Hannover", "DE", "30" },
			{ "Nürnberg", "DE", "90" }, { "Duisburg", "DE", "47" }, { "Bochum", "DE", "44" },
			{ "Wuppertal", "DE", "42" }, { "Bielefeld", "DE", "33" }, { "Bonn", "DE", "53" }, { "Münster", "DE", "48" },
			{ "Mannheim", "DE", "68" }, { "Karlsruhe", "DE", "76" }, { "Augsburg", "DE", "86" },
			{ "Wiesbaden", "DE", "65" }, { "Mönchengladbach", "DE", "41" }, { "Gelsenkirchen", "DE", "45" },
			{ "Aachen", "DE", "52" }, { "Braunschweig", "DE", "38" }, { "Kiel", "DE", "24" },
			{ "Chemnitz", "DE", "09" }, { "Halle (Saale)", "DE", "06" }, { "Magdeburg", "DE", "39" },
			{ "Freiburg im Breisgau", "DE", "79" }, { "Krefeld", "DE", "47" }, { "Mainz", "DE", "55" },
			{ "Lübeck", "DE", "23" }, { "Erfurt", "DE", "99" }, { "Oberhausen", "DE", "46" }, { "Rostock", "DE", "18" },
			{ "Kassel", "DE", "34" }, { "Hagen", "DE", "58" }, { "Potsdam", "DE", "14" }, { "Saarbrücken", "DE", "66" },
			{ "Hamm", "DE", "59" }, { "Ludwigshafen", "DE", "67" }, { "Oldenburg", "DE", "26" },
			{ "Osnabrück", "DE", "49" }, { "Leverkusen", "DE", "51" }, { "Heidelberg", "DE", "69" },
			{ "Darmstadt", "DE", "64" }, { "Regensburg", "DE", "93" }, { "Würzburg", "DE", "97" },
			{ "Ulm", "DE", "89" }, { "Göttingen", "DE", "37" }, { "Wolfsburg", "DE", "38" }, { "Trier", "DE", "54" },
			{ "Jena", "DE", "07" }, { "Konstanz", "DE", "78" }, { "Flensburg", "DE", "24" }, { "Schwerin", "DE", "19" },
			{ "Wien", "AT", "1" }, { "Graz", "AT", "8" }, { "Linz", "AT", "4" }, { "Salzburg", "AT", "5" },
			{ "Innsbruck", "AT", "6" }, { "Klagenfurt", "AT", "9" }, { "Zürich", "CH", "8" }, { "Basel", "CH", "4" },
			{ "Bern", "CH", "3" }, { "Luzern", "CH", "6" }, { "St. Gallen", "CH", "9" }, { "Amsterdam", "NL", "10" },
			{ "Rotterdam", "NL", "30" }, { "Luxembourg", "LU", "1" }, { "Brussel", "BE", "10" },
			{ "Paris", "FR", "75" }, { "Strasbourg", "FR", "67" }, { "Kraków", "PL", "30" }, { "Praha", "CZ", "11" },
			{ "København", "DK", "10" } };

	/** Stock keeping unit, name and unit price in cents. */
	static final String[][] PRODUCTS = { { "012_3456", "Canon IXUS 160", "9999" },
			{ "066_2356", "Samsung Galaxy S5 mini", "39999" }, { "110_1912", "Sony SmartWatch 3", "14999" },
			{ "137_2883", "Acer Aspire S7", "89900" }, { "174_3910", "HP ProBook 450", "74900" },
			{ "195_3211", "Fujitsu Lifebook A544", "54900" }, { "208_2109", "Lenovo ThinkPad T450", "99900" },
			{ "024_1021", "Kaffeemaschine Barista", "24900" }, { "031_5540", "Wasserkocher Edelstahl", "3999" },
			{ "048_7781", "Rucksack Urban 20 l", "7950" }, { "055_6120", "Laufschuh Trail Pro", "12995" },
			{ "063_2290", "Regenjacke Nordkap", "15900" }, { "071_8830", "Thermobecher 0,5 l", "1999" },
			{ "085_4412", "Bluetooth-Lautsprecher Mini", "4990" }, { "092_3301", "Schreibtischlampe LED", "5490" },
			{ "101_7765", "Bettwäsche Satin 135x200", "6990" }, { "118_2205", "Handtuch-Set 4-teilig", "3490" },
			{ "126_9910", "Akkuschrauber 18 V", "11900" }, { "133_4418", "Gartenschere Profi", "2790" },
			{ "141_6602", "Kopfhörer Noise Cancelling", "24999" }, { "152_3307", "Tastatur mechanisch", "8990" },
			{ "160_1180", "Maus kabellos", "2999" }, { "169_5521", "USB-C Ladegerät 65 W", "3990" },
			{ "177_8843", "Notizbuch A5 liniert", "890" }, { "183_2216", "Füllhalter Classic", "4500" },
			{ "190_7754", "Yogamatte 6 mm", "2990" }, { "199_3318", "Trinkflasche 750 ml", "1590" },
			{ "205_6641", "Pfannen-Set 3-teilig", "8990" }, { "214_9905", "Messerblock 6-teilig", "12900" },
			{ "223_4477", "Espressotassen 4er-Set", "2490" } };

	static final String[] ORDER_STATES = { "new", "payment pending", "paid", "shipped", "delivered", "delivered",
			"delivered", "closed", "closed", "closed", "returned", "canceled" };

	static final String[] PAYMENT_METHODS = { "invoice", "creditCard", "payPal", "sofort", "directDebit", "applePay" };

	static final String[] SHIPMENT_METHODS = { "Standard", "Express", "Standard", "Standard", "Click & Collect" };

	/** Name and description of the generated customer groups, the largest first. */
	static final String[][] GROUPS = { { "Newsletter", "Subscribed to the weekly newsletter" },
			{ "Loyalty Club", "Members of the loyalty programme" },
			{ "B2B Silver", "Business customers, silver terms" }, { "Wholesale", "Resellers buying in bulk" },
			{ "VIP", "Top customers by revenue" }, { "B2B Gold", "Business customers, gold terms" },
			{ "Employees", "Staff discount" }, { "Beta Testers", "Try new features first" },
			{ "Press", "Journalists and reviewers" }, { "Partners", "Agencies and marketplace partners" } };

	private SampleData() {
	}

	/** The name as an e-mail local part: lower case ASCII, no spaces or accents. */
	static String emailSlug(String name) {
		var text = name.toLowerCase(Locale.ROOT)
			.replace("ä", "ae")
			.replace("ö", "oe")
			.replace("ü", "ue")
			.replace("ß", "ss")
			.replace("ø", "oe")
			.replace("å", "aa")
			.replace("ı", "i")
			.replace("ł", "l");
		text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return text.replaceAll("[^a-z0-9]+", "");
	}

	static String[] emailSlugs(String[] names) {
		return Arrays.stream(names).map(SampleData::emailSlug).toArray(String[]::new);
	}

	static String[] column(String[][] rows, int column) {
		return Arrays.stream(rows).map(row -> row[column]).toArray(String[]::new);
	}

}
