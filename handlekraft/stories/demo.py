"""Demo stories for Eksempel Kommune: good stories, citizen stories and learning stories across the
areas and professions, with consent, recognitions, one draft, one waiting for consent and one hidden."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from handlekraft.experiments.models import Experiment
from handlekraft.organisation.models import Membership, Role

from .models import AuditEntry, Profession, Recognition, Story, StoryPerson

PROFESSIONS = [
    ("sosu", "Social- og sundhedsassistenter og -hjælpere"),
    ("sygepleje", "Sygeplejersker"),
    ("terapeut", "Fysio- og ergoterapeuter"),
    ("paedagog", "Pædagoger og pædagogmedhjælpere"),
    ("laerer", "Lærere"),
    ("socialraadgiver", "Socialrådgivere og sagsbehandlere"),
    ("sundhedsplejerske", "Sundhedsplejersker"),
    ("administration", "Administrative medarbejdere"),
    ("ledelse", "Ledere"),
]


@dataclass
class S:
    kind: str
    unit: str
    author: str  # an e-mail, or "UNIT:n" for the unit's n-th employee (by name)
    title: str
    body: str
    meaning: str = ""
    learning: str = ""
    professions: list[str] = field(default_factory=list)
    themes: str = ""
    area: tuple[str, str] | None = None
    experiment: str = ""
    people: list[str] = field(default_factory=list)
    recognitions: list[tuple[str, str]] = field(default_factory=list)
    days_ago: int = 10
    citizen: str = ""
    visibility: str = Story.Visibility.ALL
    status: str = Story.Status.PUBLISHED
    hidden: tuple[str, str] | None = None  # (who, reason)


K = Story.Kind
STORIES = [
    S(
        K.STORY,
        "SO-SOL-A",
        "medarbejder@eksempel.dk",
        "Vi valgte selv vikaren – og aftenen blev rolig",
        "Da en kollega meldte sig syg klokken 14, ringede vi ikke rundt efter lederen. Vi kiggede på "
        "vikarlisten og valgte Sofie, som kender afsnittet og beboerne. Hun var på plads til aftenvagten, "
        "og vi skrev det i vagtplanen bagefter, som vi har aftalt.",
        "Beboerne mødte et kendt ansigt. En beboer, der bliver urolig ved nye mennesker, fik en rolig aften. "
        "Og vi brugte ikke en halv time på at vente på et svar.",
        professions=["sosu"],
        themes="ledelse praksis",
        area=("SO", "Valg af vikar ved akut fravær"),
        people=["amr@eksempel.dk"],
        recognitions=[
            ("leder@eksempel.dk", "Præcis sådan, som vi har aftalt det. Tak, fordi I tog ansvaret!"),
            ("tr@eksempel.dk", ""),
        ],
        days_ago=3,
    ),
    S(
        K.LEARNING,
        "SO-SOL-A",
        "amr@eksempel.dk",
        "Da turen til havnen blev aflyst i sidste øjeblik",
        "Vi havde planlagt torsdagsturen til havnen, men ingen havde tjekket, om bussen var bestilt. "
        "Beboerne stod klar i overtøjet, og vi måtte aflyse.",
        "Det var en skuffelse for beboerne, og for os.",
        "Vi manglede en fast aftale om, hvem der gør hvad dagen før. Nu har vi en kort tjekliste, og én har "
        "ansvaret for bussen hver uge. Det var ikke nogens skyld – det var et hul i vores planlægning.",
        professions=["sosu"],
        themes="praksis",
        area=("SO-SOL-A", "Udflugter og aktiviteter med beboere"),
        experiment="Fast tur til havnen hver torsdag",
        recognitions=[
            ("medarbejder@eksempel.dk", "Godt, at vi også fortæller om det, der ikke lykkes."),
            ("leder@eksempel.dk", ""),
        ],
        days_ago=20,
    ),
    S(
        K.STORY,
        "SO-SOL-B",
        "tr@eksempel.dk",
        "Tavlemødet gav os ti minutter mere sammen med beboerne",
        "Vi erstattede den lange morgenoverlevering med et tavlemøde på ti minutter. Vi står ved tavlen, "
        "tager dagens beboere, opgaver og bekymringer og fordeler dem. Resten klarer vi undervejs.",
        "Vi kommer tidligere ud til beboerne, og nattevagten kommer hjem til tiden.",
        professions=["sosu", "sygepleje"],
        themes="relationer praksis",
        area=("EK", "Møder og mødeformer i teamet"),
        experiment="Tavlemøde på ti minutter om morgenen",
        recognitions=[
            ("leder@eksempel.dk", "Et rigtig godt eksempel på at forenkle jeres egen hverdag."),
            ("jonas.friis@eksempel.dk", ""),
        ],
        days_ago=6,
    ),
    S(
        K.STORY,
        "SO-SOL",
        "leder@eksempel.dk",
        "Jeg holdt op med at godkende hvert vagtbytte",
        "Før skulle alle vagtbytter forbi mig. Nu bytter medarbejderne selv og skriver det i vagtplanen. "
        "Jeg ser byttet, når jeg går planen igennem om fredagen, og jeg har ikke skullet rette noget endnu.",
        "Jeg har fået mere tid på gulvet, og medarbejderne siger, at de kan mærke, at vi har tillid til dem.",
        professions=["ledelse"],
        themes="ledelse",
        area=("SO", "Bytte af vagter"),
        recognitions=[
            ("tr@eksempel.dk", "Det har gjort en stor forskel for os i aftenvagten."),
            ("amr@eksempel.dk", ""),
            ("peter.lund@eksempel.dk", "Godt at give slip – og stadig have overblikket."),
        ],
        days_ago=12,
    ),
    S(
        K.CITIZEN,
        "SO-HPN-DAG",
        "SO-HPN-DAG:0",
        "Borgeren, der ville passe sin have igen",
        "En ældre mand på vores rute havde opgivet haven efter en hofteoperation. I stedet for kun at gøre rent "
        "i den bevilgede tid aftalte vi med ham, at vi brugte en del af besøgene på at gå en tur i haven og "
        "finde ud af, hvad han selv kunne klare.",
        "Efter seks uger luger han selv bedet ved terrassen. Han siger, at han igen har noget at stå op til.",
        professions=["sosu", "terapeut"],
        themes="praksis",
        area=("SO", "Tilpasning af hjælpen inden for bevillingen"),
        citizen=Story.CitizenConsent.ANONYMOUS,
        recognitions=[
            ("susanne.bech@eksempel.dk", "Et flot eksempel på at tage udgangspunkt i borgerens eget mål."),
            ("SO-HPN-DAG:1", ""),
        ],
        days_ago=9,
    ),
    S(
        K.STORY,
        "SO-HPN-DAG",
        "rikke.holt@eksempel.dk",
        "Vi lægger selv ruten – og sparer en halv time om dagen",
        "Planlæggeren sendte os ruten aftenen før, og vi brugte tid hver morgen på at bytte rundt. Nu lægger vi "
        "selv rækkefølgen, når vi mødes klokken 7, og vi kender både vejene og borgerne.",
        "Mindre kørsel, færre forsinkelser, og borgerne ved bedre, hvornår vi kommer.",
        professions=["sosu"],
        themes="organisation praksis",
        area=("SO-HPN", "Rækkefølgen af besøg på ruten"),
        experiment="Vi lægger selv ruten om morgenen",
        recognitions=[
            ("susanne.bech@eksempel.dk", ""),
            ("gitte.frost@eksempel.dk", "Godt gået, alle sammen!"),
        ],
        days_ago=30,
    ),
    S(
        K.LEARNING,
        "SO-HPN-AFT",
        "SO-HPN-AFT:0",
        "Nøglen, der ikke lå i nøgleboksen",
        "En nat kunne vi ikke komme ind til en borger, fordi nøglen ikke lå i nøgleboksen. Vi ventede 40 "
        "minutter på en låsesmed, mens borgeren ventede på sin hjælp.",
        "Borgeren var utryg, og vi var frustrerede.",
        "Vi havde ingen fast aftale om, hvad vi gør, når en nøgle mangler. Nu har vi en aftale med vagtcentralen "
        "og reservenøgler på kontoret. Vi spurgte ikke, hvem der havde glemt nøglen – vi spurgte, hvordan det "
        "kunne ske.",
        professions=["sosu", "sygepleje"],
        themes="praksis organisation",
        recognitions=[
            ("kasper.juhl@eksempel.dk", "Tak for at dele det. Det har vi alle lært af."),
            ("erik.noergaard@eksempel.dk", ""),
        ],
        days_ago=16,
    ),
    S(
        K.CITIZEN,
        "SO-TR",
        "SO-TR:0",
        "Træning i borgerens eget køkken",
        "I stedet for at træne på centret tog vi træningen med hjem og øvede at lave kaffe i borgerens eget "
        "køkken. Vi lånte hende en høj stol fra depotet samme dag, så hun kunne sidde ved køkkenbordet.",
        "Hun laver nu selv morgenkaffe og har sagt ja til, at vi fortæller om det.",
        professions=["terapeut"],
        themes="praksis",
        area=("SO", "Lån af hjælpemidler til midlertidig brug"),
        citizen=Story.CitizenConsent.CONSENTED,
        recognitions=[("marianne.skov@eksempel.dk", "Det er hverdagsrehabilitering, når den er bedst.")],
        days_ago=25,
    ),
    S(
        K.STORY,
        "SOC-MYN-1",
        "SOC-MYN-1:0",
        "En enkeltydelse bevilget samme dag",
        "En borger manglede penge til nye briller for at kunne starte i et job. Teamet må selv bevillige "
        "enkeltydelser inden for rammen, så vi kunne give svar samme dag i stedet for at sende sagen videre.",
        "Borgeren startede i jobbet ugen efter.",
        professions=["socialraadgiver"],
        themes="ledelse praksis",
        area=("SOC-MYN", "Bevilling af enkeltydelser"),
        recognitions=[
            ("martin.ibsen@eksempel.dk", "Sådan skal råderummet bruges."),
            ("helle.storm@eksempel.dk", ""),
        ],
        days_ago=5,
    ),
    S(
        K.LEARNING,
        "SOC-MYN-1",
        "SOC-MYN-1:1",
        "Fristen, vi forlængede uden at sige det til borgeren",
        "Vi forlængede fristen i en sag, fordi vi manglede oplysninger fra lægen. Det må vi gerne selv – men vi "
        "glemte at orientere borgeren, som ringede flere gange for at høre, hvor sagen var.",
        "Borgeren følte sig glemt, og det kostede os tid og tillid.",
        "Orienteringspligten hører med til råderummet. Nu sender vi altid brev samme dag, og vi tog det op på "
        "teammødet som noget, vi alle kan lære af – ikke som én persons fejl.",
        professions=["socialraadgiver"],
        themes="organisation",
        area=("SOC-MYN", "Forlængelse af frister i sagsbehandlingen"),
        recognitions=[("louise.krogh@eksempel.dk", "Modigt og nyttigt at dele.")],
        days_ago=40,
    ),
    S(
        K.STORY,
        "SOC-ENG",
        "jeppe.laursen@eksempel.dk",
        "Beboerne planlagde selv sommerturen",
        "I år spurgte vi beboerne, hvor de ville hen, i stedet for at planlægge turen for dem. De valgte en tur "
        "til stranden med madpakker og is. To beboere stod for at købe ind sammen med en medarbejder.",
        "Stemningen var en helt anden. Beboerne talte om turen i ugevis bagefter.",
        professions=["paedagog"],
        themes="relationer",
        area=("SOC-ENG", "Udflugter og aktiviteter med beboere"),
        recognitions=[("camilla.thorsen@eksempel.dk", "Tak for at give beboerne ordet.")],
        days_ago=60,
    ),
    S(
        K.CITIZEN,
        "SOC-ENG",
        "SOC-ENG:0",
        "Nøglen til sit eget køleskab",
        "En beboer havde i årevis fået sin mad serveret. Vi talte med ham om, hvad han selv ville, og nu handler "
        "han ind sammen med en medarbejder og har nøgle til sit eget køleskab.",
        "Han er stolt og fortæller det til alle, der kommer på besøg.",
        professions=["paedagog"],
        themes="praksis relationer",
        citizen=Story.CitizenConsent.ANONYMOUS,
        visibility=Story.Visibility.AREA,
        recognitions=[("jeppe.laursen@eksempel.dk", "")],
        days_ago=14,
    ),
    S(
        K.STORY,
        "BF-FAM-SYD",
        "BF-FAM-SYD:0",
        "En ekstra samtale i stedet for endnu en underretning",
        "Skolen var bekymret for en dreng og overvejede at sende endnu en underretning. Vi tog i stedet en ekstra "
        "samtale med familien og skolen sammen, som vi selv må beslutte.",
        "Familien følte sig hørt, og skolen og familien har nu en fælles plan for morgenerne.",
        professions=["socialraadgiver"],
        themes="praksis relationer",
        area=("BF-FAM", "Ekstra samtaler med familien"),
        recognitions=[("sara.winther@eksempel.dk", "Godt fagligt skøn."), ("signe.hoej@eksempel.dk", "")],
        days_ago=11,
    ),
    S(
        K.STORY,
        "BF-FAM-UNG",
        "BF-FAM-UNG:0",
        "Sms'en, der fik en ung til at møde op",
        "En ung mand udeblev fra tre møder i træk. Vi skrev en kort sms og spurgte, hvor han hellere ville mødes. "
        "Han svarede samme aften, og vi mødtes på en café nær hans skole.",
        "Han har ikke misset et møde siden.",
        professions=["socialraadgiver"],
        themes="praksis",
        area=("BF-FAM-UNG", "Kontakt til unge via sms og sociale medier"),
        recognitions=[("mikkel.bruun@eksempel.dk", "Det er den slags, der gør forskellen.")],
        days_ago=19,
    ),
    S(
        K.CITIZEN,
        "BF-SUP",
        "BF-SUP:0",
        "Et ekstra besøg gjorde en forskel for en ung mor",
        "En ung mor var meget usikker på amningen og sov næsten ikke. Vi må selv lægge ekstra besøg ind, så jeg "
        "kom igen to dage senere i stedet for at vente til næste planlagte besøg.",
        "Hun sagde bagefter, at det ekstra besøg var det, der fik hende gennem den første uge. Hun har givet "
        "samtykke til, at vi deler historien.",
        professions=["sundhedsplejerske"],
        themes="praksis",
        area=("BF-SUP", "Ekstra hjemmebesøg hos nybagte forældre"),
        citizen=Story.CitizenConsent.CONSENTED,
        recognitions=[("dorte.kirkegaard@eksempel.dk", "Tak for dit gode faglige skøn.")],
        days_ago=7,
    ),
    S(
        K.LEARNING,
        "BF-SUP",
        "BF-SUP:1",
        "Vi lukkede mødregrupperne for tidligt",
        "Vi lukkede mødregrupperne efter sommerferien, fordi der kom få. Bagefter viste det sig, at mange ikke "
        "vidste, at grupperne fandtes.",
        "Nogle mødre stod uden et netværk i de første måneder.",
        "Vi traf beslutningen på et for spinkelt grundlag. Nu spørger vi forældrene, før vi lukker noget, og vi "
        "fortæller om grupperne ved første besøg.",
        professions=["sundhedsplejerske"],
        themes="organisation",
        days_ago=75,
        recognitions=[("BF-SUP:0", "")],
    ),
    S(
        K.STORY,
        "SD-NORD-IND",
        "SD-NORD-IND:0",
        "Udeskole hver fredag – planlagt af lærerne selv",
        "Teamet i indskolingen besluttede selv at flytte fredagens matematik og natur/teknologi ud i skoven. "
        "Vi planlægger forløbene sammen og deler materialerne i teamet.",
        "Eleverne glæder sig til fredagen, og flere af de urolige elever er med på en ny måde.",
        professions=["laerer"],
        themes="praksis",
        area=("SD", "Tilrettelæggelse af undervisningen"),
        recognitions=[("nanna.lindberg@eksempel.dk", "Flot teamsamarbejde!"), ("kim.bjerre@eksempel.dk", "")],
        days_ago=4,
    ),
    S(
        K.LEARNING,
        "SD-NORD-UDS",
        "SD-NORD-UDS:0",
        "Projektugen, der blev for stor",
        "Vi ville lave en tværfaglig projektuge for hele udskolingen på én gang. Planlægningen tog alle kræfter, "
        "og eleverne vidste ikke, hvad der forventedes af dem.",
        "Eleverne lærte mindre, end vi havde håbet, og vi var udkørte.",
        "Næste gang begynder vi med en mindre prøvehandling i én klasse og inviterer eleverne med i "
        "planlægningen. Det var ikke en fiasko – det var en erfaring, vi ikke havde før.",
        professions=["laerer"],
        themes="praksis ledelse",
        recognitions=[("rasmus.koch@eksempel.dk", "Godt, at I deler det ærligt.")],
        days_ago=33,
    ),
    S(
        K.STORY,
        "SD-NORD",
        "line.bisgaard@eksempel.dk",
        "Skole-hjem-samtaler, hvor eleven leder samtalen",
        "Vi prøvede at lade eleverne i 7. klasse selv lede skole-hjem-samtalen ud fra en enkel skabelon. "
        "Læreren lytter og spørger ind.",
        "Forældrene fortæller, at de fik meget mere at vide end før, og eleverne tog ansvar for deres egen læring.",
        professions=["laerer"],
        themes="relationer",
        area=("SD-NORD", "Skole-hjem-samtaler"),
        recognitions=[("pia.mortensen@eksempel.dk", "Det vil vi gerne udbrede til flere årgange.")],
        days_ago=45,
    ),
    S(
        K.STORY,
        "SD-MAE-VUG",
        "lise.damgaard@eksempel.dk",
        "Bedsteforældre på legepladsen om fredagen",
        "Vi inviterede pårørende til at være med på legepladsen fredag eftermiddag. Tre bedsteforældre kommer nu "
        "fast, og én har bygget et nyt sandkasselåg.",
        "Der er flere voksne til børnene, og pårørende ser, hvordan hverdagen er hos os.",
        professions=["paedagog"],
        themes="relationer",
        area=("SO", "Pårørendes og frivilliges deltagelse i hverdagen"),
        experiment="Pårørende hjælper på legepladsen fredag",
        recognitions=[("mette.vinther@eksempel.dk", "Dejligt initiativ!"), ("tove.kjeldsen@eksempel.dk", "")],
        days_ago=8,
    ),
    S(
        K.STORY,
        "SD-MAE-BH",
        "SD-MAE-BH:0",
        "Vi købte selv materialer til værkstedet",
        "Børnene i børnehaven var vilde med at bygge, men vi manglede værktøj og træ. Vi må selv købe materialer "
        "inden for budgettet, så vi tog på byggemarkedet samme eftermiddag.",
        "Værkstedet var i gang dagen efter i stedet for om en måned.",
        professions=["paedagog"],
        themes="organisation",
        area=("SD-MAE", "Indkøb af legetøj og materialer"),
        recognitions=[("ole.soerensen@eksempel.dk", "")],
        days_ago=22,
    ),
    S(
        K.CITIZEN,
        "SD-MAE-VUG",
        "SD-MAE-VUG:0",
        "En far, der fik lov at blive",
        "En far havde svært ved at sige farvel om morgenen, og hans søn græd hver dag. Vi aftalte, at han måtte "
        "blive en halv time hver morgen i en uge og være med til morgensang.",
        "Efter en uge var farvel blevet et kort vink fra vinduet. Far og søn kan ikke genkendes i historien.",
        professions=["paedagog"],
        themes="relationer praksis",
        citizen=Story.CitizenConsent.ANONYMOUS,
        recognitions=[("lise.damgaard@eksempel.dk", "Stor faglighed og hjertevarme.")],
        days_ago=2,
    ),
    S(
        K.STORY,
        "ADM-BS",
        "frederik.munk@eksempel.dk",
        "Borgere uden tid fik hjælp alligevel",
        "Når en borger kommer uden tid, og vi har luft, hjælper vi nu med det samme i stedet for at bede dem "
        "bestille tid. Medarbejderen i skranken vurderer selv.",
        "Færre borgere går forgæves, og vi får færre opkald.",
        professions=["administration"],
        themes="praksis",
        area=("ADM-BS", "Hjælp til borgere uden tidsbestilling"),
        recognitions=[("charlotte.schmidt@eksempel.dk", "")],
        days_ago=27,
    ),
    S(
        K.LEARNING,
        "ADM-BS",
        "ADM-BS:0",
        "Ingen tidsbestilling tirsdag – det holdt ikke",
        "Vi prøvede at fjerne tidsbestillingen tirsdag formiddag, så alle kunne komme uden tid.",
        "Ventetiden blev over en halv time, og de fleste borgere havde alligevel bestilt tid.",
        "Borgerne værdsætter tidsbestillingen mere, end vi troede. Vi stoppede prøvehandlingen og gjorde det i "
        "stedet lettere at bestille tid samme dag. At stoppe var det rigtige resultat.",
        professions=["administration"],
        themes="organisation",
        experiment="Ingen tidsbestilling tirsdag formiddag",
        recognitions=[("frederik.munk@eksempel.dk", "Tak, fordi I turde prøve – og turde stoppe.")],
        days_ago=50,
    ),
    S(
        K.STORY,
        "ADM-OEK",
        "ADM-OEK:0",
        "Et regneark mindre",
        "Vi indsamlede de samme tal i to systemer hver måned. Efter et forenklingsforslag henter vi nu tallene "
        "direkte fra fagsystemet.",
        "Hver enhed sparer omkring fire timer om måneden, og tallene er de samme for alle.",
        professions=["administration"],
        themes="organisation",
        recognitions=[("eva.hjort@eksempel.dk", "")],
        days_ago=35,
    ),
    S(
        K.STORY,
        "ADM-HR",
        "niels.bang@eksempel.dk",
        "Den nye leder mødte TR og AMR i første uge",
        "Vi har lavet introduktionen om, så en ny leder mødes med sin TR og AMR i den første uge og taler om, "
        "hvad aktørskab betyder på netop den arbejdsplads.",
        "De nye ledere fortæller, at de kommer hurtigere i gang, og samarbejdet starter på en god fod.",
        professions=["ledelse", "administration"],
        themes="ledelse relationer",
        recognitions=[("hr@eksempel.dk", "Et godt skridt mod at få aktørskab ind i kulturen.")],
        days_ago=18,
    ),
    # Waiting for consent: Tina (tr@) is named and has not answered yet.
    S(
        K.STORY,
        "SO-SOL-A",
        "medarbejder@eksempel.dk",
        "Aftenvagten, hvor vi hjalp hinanden på tværs af afsnittene",
        "En aften med to sygemeldinger på afsnit B kom Tina over og hjalp os med sengetiderne, og bagefter "
        "hjalp vi dem. Vi aftalte det selv på stedet.",
        "Ingen beboere skulle vente på at komme i seng.",
        professions=["sosu"],
        themes="relationer praksis",
        people=["tr@eksempel.dk"],
        status=Story.Status.AWAITING,
        days_ago=1,
    ),
    # A draft only its author sees.
    S(
        K.STORY,
        "SO-SOL-B",
        "tr@eksempel.dk",
        "Morgenmad i eget tempo",
        "Vi er begyndt at lade beboerne spise morgenmad, når de vågner, i stedet for på et fast tidspunkt. "
        "Jeg skriver mere, når vi har prøvet det en måned.",
        professions=["sosu"],
        themes="praksis",
        status=Story.Status.DRAFT,
        days_ago=0,
    ),
    # Hidden by the area leader, with a reason the author has been told.
    S(
        K.CITIZEN,
        "SO-HPN-AFT",
        "SO-HPN-AFT:1",
        "Nattebesøget, der endte med en kop te",
        "En borger på vejen ved kirken ringede flere gange i løbet af natten. Vi satte os og drak en kop te "
        "med hende, og så faldt hun til ro.",
        "Hun ringede ikke mere den nat.",
        professions=["sosu"],
        themes="praksis",
        citizen=Story.CitizenConsent.ANONYMOUS,
        hidden=(
            "susanne.bech@eksempel.dk",
            "Borgeren kan genkendes ud fra beskrivelsen af adressen. Ret teksten, så viser jeg historien igen.",
        ),
        days_ago=13,
    ),
]


def resolve(org, spec: str, employees: dict):
    if "@" in spec:
        return org.people.get(spec)
    unit, n = spec.split(":")
    members = employees.get(unit, [])
    return members[int(n)] if int(n) < len(members) else None


def build(org) -> None:
    professions = {}
    for slug, name in PROFESSIONS:
        professions[slug], _ = Profession.objects.update_or_create(slug=slug, defaults={"name": name})
    employees: dict[str, list] = {}
    for m in (
        Membership.objects.filter(role=Role.EMPLOYEE).select_related("unit", "user").order_by("user__name")
    ):
        employees.setdefault(m.unit.external_id, []).append(m.user)
        org.people.setdefault(m.user.email, m.user)
    experiments = {e.title: e for e in Experiment.objects.all()}
    now = timezone.now()
    for spec in STORIES:
        author = resolve(org, spec.author, employees)
        story = Story.objects.filter(title=spec.title).first() or Story(title=spec.title)
        story.kind, story.unit, story.author = spec.kind, org.units[spec.unit], author
        story.body, story.meaning, story.learning = spec.body, spec.meaning, spec.learning
        story.themes, story.citizen_consent, story.visibility = spec.themes, spec.citizen, spec.visibility
        story.decision_area = org.areas.get(spec.area) if spec.area else None
        story.experiment = experiments.get(spec.experiment)
        story.status = Story.Status.HIDDEN if spec.hidden else spec.status
        shown = spec.status == Story.Status.PUBLISHED
        story.published_at = now - timedelta(days=spec.days_ago) if shown else None
        story.hidden_reason = spec.hidden[1] if spec.hidden else ""
        story.save()
        story.professions.set([professions[p] for p in spec.professions])
        consent = (
            StoryPerson.Consent.PENDING if spec.status == Story.Status.AWAITING else StoryPerson.Consent.GIVEN
        )
        for email in spec.people:
            StoryPerson.objects.update_or_create(
                story=story, user=org.people[email], defaults={"consent": consent, "answered_at": None}
            )
        for who, note in spec.recognitions:
            user = resolve(org, who, employees)
            if user is not None and user != author:
                Recognition.objects.update_or_create(story=story, user=user, defaults={"note": note})
        if spec.hidden and not story.audit.exists():
            AuditEntry.objects.create(
                story=story,
                action=AuditEntry.Action.HIDDEN,
                actor=org.people.get(spec.hidden[0]),
                reason=spec.hidden[1],
            )
