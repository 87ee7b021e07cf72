"""Demo råderum for Eksempel Kommune: real-looking decision areas, with local differences between teams."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from .models import DecisionArea

BEFORE, AFTER = DecisionArea.InformWhen.BEFORE, DecisionArea.InformWhen.AFTER
EACH, MONTH = DecisionArea.Period.EACH, DecisionArea.Period.MONTH

# (unit, title, level, description, limits, amount, period, inform, inform_when, examples, keywords, applies)
# fmt: off
AREAS = [
    ("EK", "Små indkøb af kontorartikler", 7,
     "Køb af det, I bruger i det daglige arbejde på kontoret og i personalerummet.",
     "Inden for enhedens driftsbudget\nKøb via kommunens indkøbsaftale (e-handel)", "2000", EACH,
     "", "", "Printerpatroner, papir og kuglepenne\nPost-its og tusser til tavlen i personalerummet",
     "kontorartikler, printerpatron, toner, papir, kuglepen, e-handel, indkøb", True),
    ("EK", "Deltagelse i kurser og temadage", 4,
     "Efteruddannelse, kurser, konferencer og temadage for den enkelte medarbejder.",
     "Inden for enhedens kompetencebudget\nHøjst to dage pr. kursus uden aftale med området", None, "",
     "Din leder, før du tilmelder dig", BEFORE, "Et kursus i demens og kommunikation\nTemadag om aktørskab i KL",
     "kursus, kurser, efteruddannelse, konference, temadag, kompetenceudvikling", True),
    ("EK", "Brug af tolk i samtaler med borgere", 7,
     "Når en borger eller pårørende ikke forstår dansk godt nok til samtalen.",
     "Brug kommunens tolkeleverandør (fremmødetolk eller videotolk)\nBørn og pårørende må ikke bruges som tolk",
     None, "", "Notér i journalen, at der er brugt tolk", AFTER,
     "Bestil en arabisktalende tolk til et møde om hjemmehjælp\nVideotolk ved en akut samtale",
     "tolk, tolke, tolkning, tolkebistand, oversætter, forstår ikke dansk", True),
    ("EK", "Småreparationer og vedligehold", 6,
     "Ting, der går i stykker i det daglige, og som ikke kan vente.",
     "Bestil via Ejendomsservice, når det kræver en håndværker", "3000", EACH,
     "Ejendomsservice", AFTER, "En dørpumpe, der ikke lukker\nEn lampe i fællesstuen, der skal skiftes",
     "reparation, reparere, pedel, håndværker, i stykker, vedligehold", True),
    ("EK", "Transport til møder i arbejdstiden", 7,
     "Hvordan du kommer til møder og kurser i arbejdstiden.",
     "Brug bus, delebil eller cykel, når det kan lade sig gøre\nTaxa kun, når andet ikke er muligt", None, "",
     "", "", "Taxa hjem fra en sen borgersituation uden bus",
     "taxa, taxi, kørsel, bil, bus, kilometerpenge, transport", True),
    ("EK", "Gaver og blomster ved jubilæer og afsked", 5,
     "Opmærksomhed til kolleger ved jubilæum, afsked og sygdom.",
     "Efter kommunens regler om gaver", "500", EACH, "Lederen", BEFORE,
     "Blomster til en kollega, der har været syg længe",
     "gave, gaver, blomster, jubilæum, afsked, erkendtlighed", True),
    ("EK", "Ansættelse af faste medarbejdere", 3,
     "Valg af nye kolleger til faste stillinger.",
     "Ansættelsesudvalg med TR\nEfter kommunens rekrutteringspolitik", None, "", "TR", BEFORE,
     "Teamet deltager i samtalerne og giver sin vurdering",
     "ansættelse, ansætte, rekruttering, stillingsopslag, jobsamtale, ny kollega", True),
    ("EK", "Møder og mødeformer i teamet", 7,
     "Hvordan, hvor tit og hvor længe teamet mødes.",
     "Mindst ét personalemøde om måneden med lederen", None, "", "", "",
     "Stående tavlemøde på ti minutter om morgenen\nDagsorden i fælles dokument",
     "møde, teammøde, tavlemøde, dagsorden, mødeform", True),
    ("EK", "Planlægning af ferie og afspadsering", 4,
     "Fordeling af ferie, feriedage og afspadsering i teamet.",
     "Hovedferien aftales senest 1. marts\nDriften skal være dækket", None, "", "Lederen", BEFORE,
     "Teamet laver selv et udkast til sommerens ferieplan",
     "ferie, feriedage, afspadsering, afspadsere, fridag, omsorgsdage", True),
    ("EK", "Tavshedspligt og videregivelse af oplysninger", 1,
     "Hvad du må fortælle andre om borgere, børn og kolleger, og hvornår oplysninger må deles med pårørende, andre myndigheder og samarbejdspartnere.",
     "Forvaltningslovens og straffelovens regler om tavshedspligt\nHelbredsoplysninger deles kun med borgerens samtykke eller efter sundhedsloven\nEr du i tvivl, så sig intet, før du har talt med lederen", None, "",
     "Lederen, før du deler noget, du er i tvivl om", BEFORE,
     "En pårørende vil høre om lægens vurdering: henvis til borgeren selv, eller tjek, om der er samtykke\nEn anden myndighed beder om oplysninger: bed om en skriftlig anmodning",
     "tavshedspligt, fortrolighed, videregivelse, videregive oplysninger, samtykke, persondata, databeskyttelse, helbredsoplysninger", True),
    ("EK", "Gaver og penge fra borgere", 1,
     "Gaver, penge, lån og arv fra borgere og pårørende.",
     "Tag aldrig imod penge, gavekort, lån eller arv\nEn lille fælles opmærksomhed til personalestuen, fx en æske chokolade, er i orden\nSig venligt nej tak, og fortæl lederen om det", None, "",
     "Lederen", AFTER,
     "En pårørende kommer med kage til personalet som tak: i orden\nEn borger vil give dig en pengegave: sig nej tak",
     "gave fra borger, modtage gaver, pengegave, arv, gavekort, bestikkelse", True),
    ("EK", "Foto, video og opslag om børn og borgere", 1,
     "Billeder og video af børn, elever og borgere, og opslag om dem på sociale medier.",
     "Kun med skriftligt samtykke fra borgeren eller forældremyndighedens indehaver\nAldrig med din private telefon eller på private profiler\nDel kun i Aula og kommunens egne kanaler", None, "",
     "Lederen, før noget bliver offentliggjort", BEFORE,
     "Billeder fra sommerfesten i Aula, når forældrene har givet samtykke",
     "foto, fotografere, billeder, video, optagelse, sociale medier, samtykke, offentliggørelse", True),
    ("EK", "Underretning ved bekymring for et barn", 4,
     "Når du er bekymret for, at et barn eller en ung under 18 år mistrives eller har brug for hjælp.",
     "Alle ansatte i kommunen har skærpet underretningspligt efter barnets lov\nTal med lederen samme dag; I sender underretningen sammen\nEr lederen ikke til stede, eller er I uenige, underretter du selv", None, "",
     "Familieafdelingen, samme dag", AFTER,
     "Et barn fortæller om vold i hjemmet: underret samme dag, og tal ikke med forældrene først",
     "underretning, underretningspligt, bekymring, omsorgssvigt, mistrivsel, vold, overgreb, barnets lov", True),
    ("SO", "Valg af vikar ved akut fravær", 7,
     "Når en kollega melder sig syg eller udebliver, og vagten skal dækkes med det samme.",
     "Brug først interne timelønnede og vikarkorpset, derefter vikarbureau med kommunens aftale\n"
     "Højst tre vagter ad gangen\nVikaren skal have de kompetencer, opgaverne kræver (fx medicin)", None, "",
     "Vagtplanlæggeren, samme dag", AFTER,
     "En kollega melder sig syg kl. 6.30: ring selv til en afløser fra vikarlisten\n"
     "Aftenvagten mangler en kollega: byt internt eller ring en timelønnet ind",
     "vikar, afløser, vikardækning, sygemeldt kollega, syg, akut fravær, ringe ind, ekstravagt, dække vagt", True),
    ("SO", "Vikardækning ved barsel og langtidsfravær", 3,
     "Når en kollega er væk i længere tid, fx på barsel eller langtidssygemeldt.",
     "Dækkes efter aftale med HR\nInden for budgettet", None, "", "TR", BEFORE,
     "Barselsvikariat i et halvt år",
     "barsel, barselsorlov, langtidssygemeldt, orlov, længerevarende fravær, gravid", True),
    ("SO", "Bytte af vagter", 7,
     "Når du og en kollega gerne vil bytte vagter.",
     "Overhold hviletiden på 11 timer\nByt med en kollega med de samme kompetencer", None, "",
     "Vagtplanlæggeren, før vagten", BEFORE, "Bytte en weekendvagt med en kollega",
     "vagtbytte, bytte vagt, vagtplan, skema, weekendvagt", True),
    ("SO", "Udflugter og aktiviteter med beboere", 6,
     "Ture, arrangementer og aktiviteter sammen med beboere og borgere.",
     "Risikovurdering ved ture ud af huset\nMindst to medarbejdere med på ture", "1500", EACH,
     "Pårørende ved ture ud af huset", BEFORE, "Tur til stranden med tre beboere\nSangeftermiddag i fællesstuen",
     "udflugt, tur, aktivitet, arrangement, beboere, skovtur, fest", True),
    ("SO", "Tilpasning af hjælpen inden for bevillingen", 6,
     "Hvordan hjælpen gives i praksis hos den enkelte borger.",
     "Inden for den visiterede tid\nEfter kvalitetsstandarden for hjemmehjælp", None, "",
     "Visitationen, hvis behovet ændrer sig varigt", AFTER,
     "Bytte rengøring til et bad en dag, hvor borgeren har mere brug for det",
     "visiteret tid, ydelse, bytte opgaver, serviceniveau, hjælp, kvalitetsstandard", True),
    ("SO", "Lån af hjælpemidler til midlertidig brug", 5,
     "Hjælpemidler, som en borger har brug for i en kort periode.",
     "Fra kommunens hjælpemiddeldepot\nHøjst tre måneder", None, "", "Terapeuten", AFTER,
     "En badestol efter en hofteoperation",
     "hjælpemiddel, hjælpemidler, rollator, kørestol, badestol, lift", True),
    ("SO", "Pårørendes og frivilliges deltagelse i hverdagen", 5,
     "Samarbejde med pårørende, frivillige og foreninger om borgerens hverdag.",
     "Frivillige må ikke give personlig pleje eller medicin\nTavshedspligten gælder", None, "", "", "",
     "En datter, der vil hjælpe til ved aftensmaden\nBesøgsven fra en forening",
     "pårørende, frivillig, frivillige, civilsamfund, forening, besøgsven", True),
    ("SO", "Håndtering af medicin", 1,
     "Dosering og udlevering af medicin, herunder PN-medicin.",
     "Kun efter lægens ordination\nFølg kommunens medicininstruks", None, "", "Sygeplejersken", BEFORE,
     "", "medicin, pn-medicin, dosis, piller, ordination, smertestillende, smerter", True),
    ("SO-SOL", "Menu og måltider på afsnittet", 7,
     "Hvad der serveres, og hvordan måltiderne foregår.",
     "Efter kostpolitikken\nInden for kostbudgettet", None, "", "", "",
     "Beboerne vælger selv retten fredag\nHjemmebag til eftermiddagskaffen",
     "mad, menu, måltider, kage, madplan, kost", True),
    ("SO-SOL", "Indretning af fællesarealer", 6,
     "Møblering og indretning af fællesstue, køkken og gange.",
     "Brandvej og flugtveje holdes fri\nInden for driftsbudgettet", "5000", EACH, "Lederen", AFTER,
     "Flytte sofaen, så der bliver plads til en rollator", "indretning, møbler, fællesstue, inventar", True),
    ("SO-SOL-A", "Udflugter og aktiviteter med beboere", 7,
     "Afsnit A har fået fuldt ansvar for aktiviteter efter en prøvehandling i foråret.",
     "Risikovurdering ved ture ud af huset", "2500", EACH,
     "Pårørende ved ture ud af huset", BEFORE, "Fast tur til havnen hver torsdag",
     "udflugt, tur, aktivitet, arrangement, beboere, skovtur, fest", True),
    ("SO-HPN", "Rækkefølgen af besøg på ruten", 7,
     "Hvordan dagens besøg hos borgerne lægges i rækkefølge.",
     "Aftalte tidspunkter for medicin og insulin holdes", None, "",
     "Borgeren, hvis besøget flyttes mere end en halv time", BEFORE,
     "Bytte to besøg, fordi vejen er spærret",
     "rute, køreliste, besøg, rækkefølge, besøgstid", True),
    ("SOC-MYN", "Bevilling af enkeltydelser", 5,
     "Mindre enkeltydelser efter serviceloven.",
     "Efter serviceloven og kommunens serviceniveau\nOver 5.000 kr. forelægges lederen", "5000", EACH,
     "", "", "Udgifter til flytning af en borger i akut krise",
     "bevilling, bevilge, enkeltydelse, ydelse, serviceloven", True),
    ("SOC-MYN", "Forlængelse af frister i sagsbehandlingen", 6,
     "Når en sag ikke kan afgøres inden for den frist, borgeren har fået.",
     "Borgeren får besked skriftligt\nHøjst én forlængelse uden lederens viden", None, "", "Borgeren", BEFORE,
     "", "frist, forlængelse, sagsbehandlingstid, afgørelse", True),
    ("SOC-ENG", "Magtanvendelse", 1,
     "Indgreb i en beboers selvbestemmelsesret.",
     "Kun efter servicelovens regler\nRegistreres og indberettes samme dag", None, "",
     "Lederen og kommunens tilsyn, samme dag", AFTER, "",
     "magtanvendelse, fastholdelse, indgreb, tvang", True),
    ("SOC-ENG", "Udflugter og aktiviteter med beboere", 7,
     "Botilbuddets beboere planlægger selv aktiviteter sammen med personalet.",
     "Inden for aktivitetsbudgettet", "2000", MONTH, "", "",
     "Biograftur\nFodboldkamp i weekenden", "udflugt, tur, aktivitet, biograf, arrangement, beboere", True),
    ("BF-FAM", "Ekstra samtaler med familien", 7,
     "Samtaler og hjemmebesøg ud over det, handleplanen beskriver.",
     "Inden for sagens formål", None, "", "", "", "Et ekstra hjemmebesøg før et skoleskift",
     "samtale, familie, hjemmebesøg, forældre", True),
    ("BF-FAM-UNG", "Kontakt til unge via sms og sociale medier", 6,
     "Hvordan I holder kontakt med de unge.",
     "Brug kommunens telefon, aldrig din private\nIngen personfølsomme oplysninger i sms", None, "", "", "",
     "Sms om en aftale i morgen", "sms, sociale medier, snapchat, telefon, mobil", True),
    ("BF-SUP", "Ekstra hjemmebesøg hos nybagte forældre", 6,
     "Besøg ud over det faste program, når familien har brug for det.",
     "Højst to ekstra besøg uden for programmet", None, "", "", "",
     "Ekstra besøg ved amningsproblemer", "hjemmebesøg, sundhedsplejerske, nyfødt, amning, forældre", True),
    ("SD", "Tilrettelæggelse af undervisningen", 7,
     "Hvordan undervisningen planlægges og gennemføres.",
     "Fælles Mål\nElevplanerne", None, "", "", "", "Holddeling på tværs af klasserne i en temauge",
     "undervisning, lektion, holddeling, undervisningsforløb, temauge", True),
    ("SD", "Ture ud af huset", 6,
     "Ture og ekskursioner med børn og elever.",
     "Mindst to voksne med\nForældre orienteres", "1000", EACH, "Forældrene via Aula", BEFORE,
     "Tur til skoven med 3. klasse", "tur, udflugt, ekskursion, klasse, børn, skovtur", True),
    ("SD-MAE-VUG", "Ture ud af huset", 5,
     "Vuggestuen går på tur efter råd fra lederen, fordi de mindste kræver flere voksne.",
     "Mindst én voksen pr. tre børn\nBarnevogne og klapvogne tjekkes før turen", "500", EACH,
     "Forældrene via Aula", BEFORE, "Gåtur til legepladsen i parken",
     "tur, udflugt, vuggestue, børn, gåtur", True),
    ("SD-NORD", "Skole-hjem-samtaler", 7,
     "Hvordan og hvornår samtaler med forældre holdes.",
     "Mindst én samtale om året pr. elev", None, "", "", "", "Samtale på video for en forælder på skiftehold",
     "skole-hjem-samtale, forældresamtale, forældre, samtale", True),
    ("SD-MAE", "Indkøb af legetøj og materialer", 7,
     "Legetøj, spil, bøger og kreative materialer.",
     "Inden for materialebudgettet", "1500", MONTH, "", "", "Nye puslespil til børnehaven",
     "legetøj, materialer, spil, bøger, formning", True),
    ("ADM", "Hjemmearbejde", 5,
     "Arbejde hjemmefra en dag, når opgaverne passer til det.",
     "Højst én dag om ugen efter aftale i teamet\nDu skal kunne nås i kernetiden", None, "",
     "Teamet i kalenderen", BEFORE, "", "hjemmearbejde, arbejde hjemme, distancearbejde", True),
    ("ADM-BS", "Hjælp til borgere uden tidsbestilling", 7,
     "Når en borger møder op i Borgerservice uden en tid.",
     "Hvis det kan klares på højst 15 minutter", None, "", "", "",
     "Hjælp til at bestille pas, når der er ledig tid",
     "skranke, borgerservice, tidsbestilling, uden tid", True),
]
# fmt: on

REVIEW_OVERDUE = {"Bytte af vagter", "Indretning af fællesarealer"}


def build(org) -> None:
    today = date.today()
    leader = org.people.get("leder@eksempel.dk")
    for unit, title, level, desc, limits, amount, period, inform, when, examples, keywords, applies in AREAS:
        area = DecisionArea.objects.filter(unit=org.units[unit], title=title).first()
        if area is None:
            area = DecisionArea(unit=org.units[unit], title=title)
        area.level, area.description, area.limits = level, desc, limits
        area.limit_amount = Decimal(amount) if amount else None
        area.limit_period = period
        area.inform, area.inform_when, area.examples, area.keywords = inform, when, examples, keywords
        area.applies_to_subunits = applies
        area.status = DecisionArea.Status.IN_FORCE
        area.review_date = (
            today - timedelta(days=14) if title in REVIEW_OVERDUE else today + timedelta(days=300)
        )
        if title in {"Valg af vikar ved akut fravær", "Indretning af fællesarealer"}:
            area.desired_level = 7
        area.save()
        if not area.versions.exists():
            area.record_version(leader, "Demodata")
    org.areas = {(a.unit.external_id, a.title): a for a in DecisionArea.objects.select_related("unit")}
    build_questions(org)
    build_poker(org)


def build_questions(org) -> None:
    """Two questions from Mads: one answered with "you already decide", one still open."""
    from .models import MandateQuestion

    asker, leader = org.people["medarbejder@eksempel.dk"], org.people["leder@eksempel.dk"]
    unit = org.units["SO-SOL-A"]
    answered, created = MandateQuestion.objects.get_or_create(
        asker=asker,
        unit=unit,
        text="Må jeg selv ringe efter en afløser, når en kollega melder sig syg om morgenen?",
    )
    if created:
        answered.answer(
            leader,
            org.areas[("SO", "Valg af vikar ved akut fravær")],
            "Ja, det må du gerne – brug vikarlisten, og giv vagtplanlæggeren besked samme dag.",
        )
    MandateQuestion.objects.get_or_create(
        asker=asker, unit=unit, text="Må vi selv købe ind til en fødselsdagsfest for en beboer?"
    )


def build_poker(org) -> None:
    """A finished delegation-poker session in Plejecenter Solhaven: menu moved from 6 to 7."""
    from .models import PokerAgreement, PokerSession, PokerVote

    title = "Delegeringspoker på personalemødet i september"
    if PokerSession.objects.filter(title=title).exists():
        return
    leader = org.people["leder@eksempel.dk"]
    menu = org.areas[("SO-SOL", "Menu og måltider på afsnittet")]
    rooms = org.areas[("SO-SOL", "Indretning af fællesarealer")]
    session = PokerSession.objects.create(
        unit=org.units["SO-SOL"],
        title=title,
        created_by=leader,
        status=PokerSession.Status.CLOSED,
        revealed=True,
    )
    session.areas.set([menu, rooms])
    voters = [
        org.people[e]
        for e in ("leder@eksempel.dk", "tr@eksempel.dk", "amr@eksempel.dk", "medarbejder@eksempel.dk")
    ]
    for area, rounds in ((menu, [[6, 7, 7, 5], [7, 7, 7, 6]]), (rooms, [[6, 6, 7, 6]])):
        for number, levels in enumerate(rounds, start=1):
            for voter, level in zip(voters, levels, strict=True):
                PokerVote.objects.create(session=session, area=area, round=number, voter=voter, level=level)
    PokerAgreement.objects.create(session=session, area=menu, level=7, previous_level=6, recorded_by=leader)
    PokerAgreement.objects.create(session=session, area=rooms, level=6, previous_level=6, recorded_by=leader)
    menu.versions.get_or_create(
        number=menu.version + 1,
        defaults={
            "data": menu.snapshot(),
            "changed_by": leader,
            "note": f"Aftalt ved delegeringspoker: {title}",
        },
    )
    menu.version += 1
    menu.save()
