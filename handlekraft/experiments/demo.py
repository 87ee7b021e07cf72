"""Demo prøvehandlinger for Eksempel Kommune, in every state."""

from __future__ import annotations

from datetime import date, timedelta

from .models import Experiment, Theme

S = Experiment.Status

# (unit, title, area (unit, title) or None, theme, status, start offset, weeks, owners, card, learning, next step)
# fmt: off
EXPERIMENTS = [
    ("SO-SOL-A", "Fast tur til havnen hver torsdag", ("SO-SOL-A", "Udflugter og aktiviteter med beboere"),
     Theme.PRACTICE, S.DONE, -120, 8, ["medarbejder@eksempel.dk", "amr@eksempel.dk"],
     ("beboerne bliver gladere og sover bedre, når de kommer ud hver uge",
      "en fast tur til havnen hver torsdag med to medarbejdere og fire beboere",
      "humør og søvn i journalens døgnrytmeskema og hvor mange der vil med",
      "mindst tre beboere vil med hver gang, og de sover bedre torsdag nat"),
     ("at beboerne ville sove bedre efter turen",
      "at de sov lidt bedre, men at glæden mest kom af at se havnen og snakke om den bagefter",
      "at det er samtalerne efter turen, der giver mest, og at to medarbejdere er nok",
      "fortsætte med turen og tage billeder med hjem til fællesstuen"),
     Experiment.NextStep.SPREAD),
    ("SO-SOL-B", "Tavlemøde på ti minutter om morgenen", ("EK", "Møder og mødeformer i teamet"),
     Theme.RELATIONS, S.RUNNING, -14, 6, ["tr@eksempel.dk"],
     ("vi bruger mindre tid på at lede efter information, hvis vi mødes kort hver morgen",
      "et stående tavlemøde kl. 7.15 med dagens opgaver og hvem der hjælper hvem",
      "hvor ofte vi må ringe rundt for at finde ud af, hvem der gør hvad",
      "vi ringer rundt halvt så tit efter fire uger"), None, ""),
    ("SO-SOL", "Medarbejderne vælger selv vikar fra listen", ("SO", "Vikardækning ved barsel og langtidsfravær"),
     Theme.LEADERSHIP, S.AWAITING, 7, 12, ["tr@eksempel.dk", "amr@eksempel.dk"],
     ("vi finder bedre vikarer ved barsel, hvis teamet selv vælger fra listen",
      "at teamet vælger vikar til de næste to barselsvikariater, med lederen som rådgiver",
      "vikarens kompetencer, beboernes tilfredshed og hvor længe vikaren bliver",
      "vikaren bliver hele perioden, og teamet oplever bedre kontinuitet"), None, ""),
    ("SO-HPN-DAG", "Vi lægger selv ruten om morgenen", ("SO-HPN", "Rækkefølgen af besøg på ruten"),
     Theme.PRACTICE, S.EVALUATING, -70, 8, ["rikke.holt@eksempel.dk"],
     ("vi sparer kørsel og stress, når vi selv lægger ruten efter dagens behov",
      "at dagteamet lægger ruten sammen hver morgen i stedet for at følge den faste liste",
      "kørte kilometer og hvor tit vi kommer for sent til aftalte tider",
      "vi kører 10 % kortere og kommer ikke oftere for sent"), None, ""),
    ("SD-MAE-VUG", "Pårørende hjælper på legepladsen fredag", ("SO", "Pårørendes og frivilliges deltagelse i hverdagen"),
     Theme.RELATIONS, S.IDEA, 30, 8, ["lise.damgaard@eksempel.dk"],
     ("bedsteforældre vil gerne give en hånd, og børnene får flere voksne at lege med",
      "at invitere bedsteforældre til at være med på legepladsen fredag eftermiddag",
      "hvor mange der kommer, og hvad personalet og børnene siger",
      "mindst to bedsteforældre kommer hver fredag i en måned"), None, ""),
    ("ADM-BS", "Ingen tidsbestilling tirsdag formiddag", ("ADM-BS", "Hjælp til borgere uden tidsbestilling"),
     Theme.ORGANISATION, S.DONE, -150, 6, ["frederik.munk@eksempel.dk"],
     ("borgerne bliver mere tilfredse, hvis de kan komme uden tid én formiddag om ugen",
      "åben skranke uden tidsbestilling tirsdag kl. 9–12",
      "ventetid, antal borgere og tilfredshed i den korte måling ved udgangen",
      "ventetiden er under 15 minutter, og tilfredsheden stiger"),
     ("at borgerne ville foretrække at komme uden tid",
      "at ventetiden blev over en halv time, og at de fleste alligevel havde bestilt tid",
      "at borgerne værdsætter tidsbestillingen mere, end vi troede",
      "stoppe forsøget og i stedet gøre det lettere at bestille tid samme dag"),
     Experiment.NextStep.STOP),
]
# fmt: on


def build(org) -> None:
    today = date.today()
    for unit, title, area_key, theme, status, offset, weeks, owners, card, learning, next_step in EXPERIMENTS:
        start = today + timedelta(days=offset)
        values = {
            "unit": org.units[unit],
            "decision_area": org.areas.get(area_key) if area_key else None,
            "theme": theme,
            "status": status,
            "start": start,
            "end": start + timedelta(weeks=weeks),
            "hypothesis": card[0],
            "action": card[1],
            "measure": card[2],
            "success": card[3],
            "next_step": next_step,
        }
        if learning:
            values.update(
                believed=learning[0], observed=learning[1], learned=learning[2], therefore=learning[3]
            )
        experiment, _ = Experiment.objects.update_or_create(title=title, defaults=values)
        experiment.owners.set([org.people[e] for e in owners if e in org.people])
    build_proposals(org)


# (proposer, title, problem, proposal, rule owner, owner unit, hours, status, answer, area key)
# fmt: off
PROPOSALS = [
    ("medarbejder@eksempel.dk", "Dobbeltregistrering af vagtbytte",
     "Vi skriver vagtbytte både i vagtplanen og på papir i personalerummet.",
     "Drop papirlisten: vagtplanen er nok.", "team", None, "3", "gennemfoert",
     "Godt set – papirlisten er fjernet fra 1. oktober.", ("SO", "Bytte af vagter")),
    ("tr@eksempel.dk", "Indkøb over 2.000 kr. kræver to underskrifter",
     "Selv små indkøb lidt over grænsen venter ofte en uge på den anden underskrift.",
     "Hæv grænsen for én underskrift til 5.000 kr. for driftsindkøb.", "municipality", "ADM-OEK", "6", "behandles",
     "Vi ser på det sammen med revisionen og svarer inden udgangen af måneden.", None),
    ("amr@eksempel.dk", "Ugentlig trivselsregistrering i to systemer",
     "Trivselstal tastes både i omsorgssystemet og i et regneark til området.",
     "Lad området hente tallene fra omsorgssystemet.", "municipality", "SO", "4", "modtaget", "", None),
    ("rikke.holt@eksempel.dk", "Krav om lægeerklæring ved korte sygdomsforløb hos borgere",
     "Vi skal indhente dokumentation, som borgeren allerede har givet til regionen.",
     "Søg om forsøg, så vi kan bruge regionens oplysninger direkte.", "law", None, "10", "videresendt",
     "Sendt videre til direktionen som kandidat til en ansøgning om udfordringsret.", None),
    ("frederik.munk@eksempel.dk", "Udskrift af kvitteringer til alle borgere",
     "Vi printer kvitteringer, som de fleste borgere ikke vil have.",
     "Tilbyd kvittering på e-mail i stedet.", "team", None, "2", "afvist",
     "Vi er forpligtet til at udlevere kvittering på papir, når borgeren beder om det, men vi spørger nu først.",
     None),
]
# fmt: on


def build_proposals(org) -> None:
    from django.utils import timezone

    from .models import Proposal

    for email, title, problem, text, owner, owner_unit, hours, status, answer, area_key in PROPOSALS:
        proposer = org.people[email]
        proposal = Proposal.objects.filter(title=title).first() or Proposal(title=title)
        proposal.problem, proposal.proposal, proposal.rule_owner = problem, text, owner
        proposal.unit, proposal.proposer = proposer.primary_unit, proposer
        proposal.hours_per_month, proposal.status, proposal.answer = hours, status, answer
        proposal.route(org.units[owner_unit] if owner_unit else None)
        if status == "videresendt":
            proposal.routed_to = None
        proposal.decision_area = org.areas.get(area_key) if area_key else None
        if answer and proposal.first_response_at is None:
            proposal.first_response_at = timezone.now()
        proposal.save()
