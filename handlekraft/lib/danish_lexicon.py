"""Danish stop words and a small lexicon of concepts for searches in municipal work.

A concept joins the everyday words people use with the formal words of mandates, so that
"afløser" finds "vikar" and "printerpatroner" finds "kontorartikler". Members are surface forms;
they are stemmed when the module loads. Multi-word members ("kan tolke") match as phrases.
Keep concepts narrow: "akut sygdom" and "barsel" are different mandates and different concepts.
"""

from __future__ import annotations

# Snowball's Danish stop-word list, plus question words that carry no topic.
STOPWORDS = frozenset(
    """
    ad af alle alt anden at bare blev blive bliver ca da de dem den denne der deres det dette dig din
    disse dog du efter eks eller en end er et f.eks for fra fx få får gerne ham han hans har havde have
    hende hendes her hos hun hvad hvem hvilke hvilken hvis hvor hvordan hvorfor hvornår i ikke ind jeg
    jer jo kan kunne lige lov man mange med meget men mig min mine mit mod mon mv må ned nogen noget
    nogle nu når og også om op os osv over pr på selv sig sin sine sit skal skulle som sådan thi til ud
    under var ved vi vil ville vor være været vores jeres komme kommer gøre gør gå går tage tager holde
    holder give giver
    """.split()
)

CONCEPTS: dict[str, list[str]] = {
    "vikar": [
        "vikar",
        "vikarer",
        "afløser",
        "afløsere",
        "vikardækning",
        "dækning",
        "dække",
        "tilkalde",
        "ringe ind",
        "ekstravagt",
        "timelønnet",
        "erstatning for kollega",
        "indkalde",
    ],
    "akutfravaer": [
        "sygemeldt",
        "sygemelding",
        "syg",
        "sygdom",
        "akut",
        "pludselig",
        "fravær",
        "fraværende",
        "melder sig syg",
        "barn syg",
        "udeblevet",
    ],
    "barsel": [
        "barsel",
        "barselsorlov",
        "orlov",
        "gravid",
        "graviditet",
        "forældreorlov",
        "langtidsfravær",
        "langvarigt fravær",
        "langtidssygemeldt",
    ],
    "indkoeb": [
        "indkøb",
        "indkøbe",
        "købe",
        "køb",
        "anskaffe",
        "anskaffelse",
        "bestille",
        "bestilling",
        "betale",
        "udlæg",
        "indkøbskort",
    ],
    "kontorartikler": [
        "kontorartikler",
        "kontorartikel",
        "printerpatron",
        "patron",
        "toner",
        "blæk",
        "printerpapir",
        "papir",
        "kuglepen",
        "kuglepenne",
        "hæfteklammer",
        "post-it",
        "kontorhold",
    ],
    "tolk": [
        "tolk",
        "tolke",
        "tolkning",
        "tolkebistand",
        "oversætter",
        "oversætte",
        "oversættelse",
        "forstår ikke dansk",
        "taler ikke dansk",
        "sprogbarriere",
    ],
    "vagtplan": [
        "vagtplan",
        "vagtplaner",
        "vagt",
        "vagter",
        "vagtbytte",
        "bytte vagt",
        "skema",
        "arbejdsplan",
        "rul",
        "turnus",
        "arbejdstid",
        "mødetid",
    ],
    "ferie": ["ferie", "feriedage", "afspadsering", "afspadsere", "fridag", "fri", "omsorgsdage"],
    "paaroerende": [
        "pårørende",
        "familie",
        "datter",
        "søn",
        "ægtefælle",
        "netværk",
        "frivillig",
        "frivillige",
        "civilsamfund",
    ],
    "borgerkontakt": [
        "borger",
        "borgeren",
        "borgere",
        "beboer",
        "beboere",
        "bruger",
        "forælder",
        "forældre",
        "klient",
        "elev",
    ],
    "udflugt": ["udflugt", "tur", "ture", "aktivitet", "arrangement", "fest", "oplevelse", "skovtur"],
    "kursus": [
        "kursus",
        "kurser",
        "uddannelse",
        "efteruddannelse",
        "kompetenceudvikling",
        "konference",
        "temadag",
    ],
    "hjaelpemiddel": ["hjælpemiddel", "hjælpemidler", "rollator", "kørestol", "lift", "badestol"],
    "medicin": ["medicin", "pn-medicin", "dosis", "pille", "piller", "tablet", "smertestillende", "smerter"],
    "madplan": ["mad", "madplan", "menu", "kost", "måltid", "måltider", "frokost", "kage", "forplejning"],
    "besoeg": ["besøg", "besøgstid", "besøgende", "gæst", "gæster"],
    "transport": ["transport", "taxa", "taxi", "kørsel", "bus", "bil", "kilometer", "befordring"],
    "moede": ["møde", "møder", "mødeform", "dagsorden", "teammøde", "personalemøde"],
    "arbejdsgang": [
        "arbejdsgang",
        "arbejdsgange",
        "procedure",
        "rutine",
        "rutiner",
        "metode",
        "tjekliste",
        "dokumentation",
        "registrering",
    ],
    "visitation": ["visitation", "bevilling", "bevilge", "tildele", "ydelse", "serviceniveau", "hjælp"],
    "skaerm": ["skærm", "tablet", "ipad", "computer", "pc", "telefon", "mobil", "app"],
    "foraeldresamtale": ["forældresamtale", "samtale", "skole-hjem-samtale", "møde med forældre"],
    "undervisning": ["undervisning", "lektion", "time", "holddeling", "hold", "fag"],
    "materialer": ["materialer", "materiale", "legetøj", "bøger", "spil", "inventar", "møbler"],
    "reparation": ["reparation", "reparere", "vedligehold", "håndværker", "pedel", "fejl", "i stykker"],
    "rekruttering": ["ansættelse", "ansætte", "rekruttering", "stillingsopslag", "jobopslag", "samtaler"],
    "gave": ["gave", "gaver", "blomster", "erkendtlighed", "jubilæum", "afsked"],
    "akutsituation": ["fald", "faldet", "uheld", "skade", "ambulance", "112", "nødsituation"],
}

# Words that say when or how many, not what: a question's topic is elsewhere ("Må jeg tage tre ugers
# ferie i juli?" is about ferie). "Må jeg selv?" gives them little weight when it decides a clear answer.
CONTEXT_WORDS = frozenset(
    """
    mandag tirsdag onsdag torsdag fredag lørdag søndag weekend weekenden januar februar marts april maj juni
    juli august september oktober november december dag dage dagen uge uger ugen ugers måned måneder måneden
    år året morgen morges aften aftenen nat natten eftermiddag eftermiddagen formiddag tidlig tidligt senere
    snart altid aldrig nogle næste sidste hver hele halv én et to tre fire fem seks syv otte ni ti
    ny nye nyt gang gange lidt par igen stadig allerede
    """.split()
)
