"""Our Danish test set for "Må jeg selv?": (unit, question as people ask it, the expected decision area).

Run against the demo municipality. Used by tests/mandates/test_search_quality.py and by
bench/search_quality.py, which compares the search with a plain stemmed BM25 baseline.
"""

A = "SO-SOL-A"  # Mads Andersen's team in Plejecenter Solhaven

CASES = [
    (A, "Må jeg selv ringe efter en vikar?", "Valg af vikar ved akut fravær"),
    (A, "vikardækning", "Valg af vikar ved akut fravær"),
    (A, "afløser", "Valg af vikar ved akut fravær"),
    (A, "sygemeldt kollega", "Valg af vikar ved akut fravær"),
    (A, "En kollega har meldt sig syg i morges, hvad gør jeg?", "Valg af vikar ved akut fravær"),
    (A, "Hvem finder en vikar, når en kollega går på barsel?", "Vikardækning ved barsel og langtidsfravær"),
    (A, "barselsorlov", "Vikardækning ved barsel og langtidsfravær"),
    (A, "langtidssygemeldt kollega skal erstattes", "Vikardækning ved barsel og langtidsfravær"),
    (A, "printerpatroner", "Små indkøb af kontorartikler"),
    (A, "Må jeg købe nyt papir til printeren?", "Små indkøb af kontorartikler"),
    (A, "kuglepenne", "Små indkøb af kontorartikler"),
    (A, "en der kan tolke", "Brug af tolk i samtaler med borgere"),
    (A, "borgeren forstår ikke dansk", "Brug af tolk i samtaler med borgere"),
    (A, "oversætter til en samtale", "Brug af tolk i samtaler med borgere"),
    (A, "Lampen i fællesstuen er gået i stykker", "Småreparationer og vedligehold"),
    (A, "Kan jeg selv ringe efter en håndværker?", "Småreparationer og vedligehold"),
    (A, "Må jeg tage en taxa?", "Transport til møder i arbejdstiden"),
    (A, "blomster til en kollega med 25 års jubilæum", "Gaver og blomster ved jubilæer og afsked"),
    (A, "Må vi selv ansætte en ny kollega?", "Ansættelse af faste medarbejdere"),
    (A, "Hvordan holder vi vores teammøder?", "Møder og mødeformer i teamet"),
    (A, "Hvornår skal sommerferien planlægges?", "Planlægning af ferie og afspadsering"),
    (A, "Må jeg afspadsere på fredag?", "Planlægning af ferie og afspadsering"),
    (A, "kan jeg bytte min weekendvagt", "Bytte af vagter"),
    (A, "vagtbytte", "Bytte af vagter"),
    (A, "tur til stranden med beboerne", "Udflugter og aktiviteter med beboere"),
    (A, "Må vi holde sommerfest for beboerne?", "Udflugter og aktiviteter med beboere"),
    (A, "Må jeg bytte rengøringen til et bad?", "Tilpasning af hjælpen inden for bevillingen"),
    (A, "borgeren har brug for en rollator i et par uger", "Lån af hjælpemidler til midlertidig brug"),
    (A, "Må en pårørende hjælpe med aftensmaden?", "Pårørendes og frivilliges deltagelse i hverdagen"),
    (A, "frivillig besøgsven", "Pårørendes og frivilliges deltagelse i hverdagen"),
    (A, "Må jeg give en ekstra pille mod smerter?", "Håndtering af medicin"),
    (A, "Hvad skal vi have at spise på fredag?", "Menu og måltider på afsnittet"),
    (A, "Må vi bage kage til eftermiddagskaffen?", "Menu og måltider på afsnittet"),
    (A, "Må vi flytte sofaen i fællesstuen?", "Indretning af fællesarealer"),
    (A, "kursus i demens", "Deltagelse i kurser og temadage"),
    (A, "Må jeg tage på konference?", "Deltagelse i kurser og temadage"),
    (A, "kontorartikler", "Små indkøb af kontorartikler"),
    ("SO-HPN-DAG", "Må jeg ændre rækkefølgen på min køreliste?", "Rækkefølgen af besøg på ruten"),
    ("SO-HPN-DAG", "borgeren skal have flyttet sit besøg", "Rækkefølgen af besøg på ruten"),
    ("SOC-MYN-1", "Kan jeg bevilge penge til en flytning?", "Bevilling af enkeltydelser"),
    ("SOC-MYN-1", "Sagen kan ikke afgøres inden fristen", "Forlængelse af frister i sagsbehandlingen"),
    ("SOC-ENG", "fastholdelse af en beboer", "Magtanvendelse"),
    ("BF-FAM-UNG", "Må jeg skrive til den unge på snapchat?", "Kontakt til unge via sms og sociale medier"),
    ("BF-SUP", "ekstra besøg hos en familie med en nyfødt", "Ekstra hjemmebesøg hos nybagte forældre"),
    ("SD-NORD-IND", "Må vi dele klasserne på hold?", "Tilrettelæggelse af undervisningen"),
    ("SD-MAE-VUG", "gåtur med de små", "Ture ud af huset"),
    ("SD-MAE-BH", "nye puslespil", "Indkøb af legetøj og materialer"),
    ("ADM-OEK", "Må jeg arbejde hjemme i morgen?", "Hjemmearbejde"),
    ("ADM-BS", "en borger uden tid ved skranken", "Hjælp til borgere uden tidsbestilling"),
    ("SD-NORD-UDS", "forældresamtale på video", "Skole-hjem-samtaler"),
]

# Questions the råderum has no answer to: the search must say "Vi fandt ikke et klart svar".
UNANSWERED = [
    (A, "Må jeg male min bil i kælderen?"),
    (A, "Hvornår kommer julefrokosten?"),
]

# Written after the search was tuned on CASES, and not tuned on since: an honest check of generalisation.
HELD_OUT = [
    (A, "Hvem skal jeg spørge, hvis jeg vil på efteruddannelse?", "Deltagelse i kurser og temadage"),
    (A, "Må jeg bestille toner?", "Små indkøb af kontorartikler"),
    (A, "kollega er gravid og skal være væk et år", "Vikardækning ved barsel og langtidsfravær"),
    (A, "nattevagten er udeblevet", "Valg af vikar ved akut fravær"),
    (A, "Kan vi selv beslutte at lave pizza med beboerne?", "Menu og måltider på afsnittet"),
    (A, "Må jeg skifte en pære?", "Småreparationer og vedligehold"),
    (A, "tolkebistand til lægebesøg", "Brug af tolk i samtaler med borgere"),
    (A, "må jeg køre i taxi hjem fra kursus", "Transport til møder i arbejdstiden"),
    ("SD-NORD-IND", "ekskursion til museum", "Ture ud af huset"),
    ("ADM-HR", "distancearbejde", "Hjemmearbejde"),
]
