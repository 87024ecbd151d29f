"""Word lists for the synthetic interviews: topics with their own vocabulary, plus the
connective tissue of speech. Written for the benchmarks; nothing here comes from the demo
transcripts, so the generated corpus is not the demo study repeated."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """One thing respondents talk about: a code in the synthetic codebook."""

    key: str
    name: str
    group: str  # the parent code
    nouns: tuple[str, ...]
    verbs: tuple[tuple[str, str, str], ...]  # (base, third person, past)
    adjectives: tuple[str, ...]
    phrases: tuple[str, ...]  # multi-word terms (noun chunks for the theme finder)


def _verbs(text: str) -> tuple[tuple[str, str, str], ...]:
    """'base/third/past' triples separated by spaces."""
    return tuple(tuple(item.split("/")) for item in text.split())  # type: ignore[misc]


TOPICS: tuple[Topic, ...] = (
    Topic(
        "funding", "Funding and income", "Sustainability",
        ("grant", "budget", "donor", "fee", "invoice", "reserve", "contract", "tender",
         "allowance", "salary", "deficit", "surplus", "overhead", "foundation", "sponsor",
         "subscription", "levy", "pledge", "endowment", "audit", "ledger", "cashflow"),
        _verbs("fund/funds/funded pay/pays/paid invoice/invoices/invoiced "
               "budget/budgets/budgeted cover/covers/covered raise/raises/raised "
               "spend/spends/spent earn/earns/earned"),
        ("unrestricted", "core", "annual", "matched", "multi-year", "earmarked", "modest",
         "precarious"),
        ("core funding", "membership fee", "grant cycle", "cost recovery", "income stream",
         "donor report", "funding gap", "in-kind contribution"),
    ),
    Topic(
        "governance", "Governance and decisions", "Organisation",
        ("board", "chair", "mandate", "vote", "quorum", "constitution", "bylaw", "treasurer",
         "secretariat", "assembly", "committee", "minute", "motion", "term", "election",
         "charter", "delegate", "veto", "agenda", "resolution"),
        _verbs("decide/decides/decided elect/elects/elected approve/approves/approved "
               "delegate/delegates/delegated chair/chairs/chaired ratify/ratifies/ratified "
               "nominate/nominates/nominated"),
        ("elected", "collective", "formal", "rotating", "transparent", "accountable",
         "statutory"),
        ("general assembly", "steering committee", "board meeting", "decision making",
         "terms of reference", "rotating chair", "annual report"),
    ),
    Topic(
        "volunteers", "Volunteers and staff", "Organisation",
        ("volunteer", "recruit", "shift", "rota", "mentor", "coordinator", "intern", "burnout",
         "turnover", "roster", "induction", "retention", "workload", "caseload", "overtime",
         "placement", "vacancy", "handover"),
        _verbs("recruit/recruits/recruited retain/retains/retained train/trains/trained "
               "supervise/supervises/supervised replace/replaces/replaced "
               "motivate/motivates/motivated"),
        ("part-time", "unpaid", "seasonal", "dedicated", "exhausted", "experienced",
         "newcomer"),
        ("volunteer coordinator", "staff turnover", "induction day", "job description",
         "peer mentor", "exit interview"),
    ),
    Topic(
        "training", "Training and learning", "Practice",
        ("workshop", "module", "curriculum", "trainer", "certificate", "webinar", "syllabus",
         "exercise", "assessment", "lecture", "handbook", "simulation", "roleplay", "toolkit",
         "refresher", "apprentice", "seminar", "coursework"),
        _verbs("teach/teaches/taught learn/learns/learned practise/practises/practised "
               "assess/assesses/assessed certify/certifies/certified "
               "facilitate/facilitates/facilitated"),
        ("hands-on", "accredited", "interactive", "mandatory", "introductory", "advanced",
         "blended"),
        ("training module", "online course", "training of trainers", "learning outcome",
         "practice guide", "summer school"),
    ),
    Topic(
        "technology", "Platform and technology", "Practice",
        ("platform", "forum", "server", "login", "password", "database", "app", "newsletter",
         "upload", "download", "bandwidth", "interface", "dashboard", "chatbot", "plugin",
         "browser", "smartphone", "notification", "mailbox", "archive"),
        _verbs("log/logs/logged upload/uploads/uploaded host/hosts/hosted "
               "migrate/migrates/migrated crash/crashes/crashed update/updates/updated "
               "install/installs/installed"),
        ("clunky", "mobile", "offline", "encrypted", "searchable", "outdated", "intuitive"),
        ("discussion forum", "mailing list", "user account", "video call", "resource library",
         "search function", "help desk"),
    ),
    Topic(
        "partnerships", "Partnerships", "Relationships",
        ("ministry", "municipality", "partner", "alliance", "agreement", "memorandum",
         "counterpart", "agency", "consortium", "liaison", "ombudsman", "inspectorate",
         "council", "embassy", "university", "hospital", "parish"),
        _verbs("partner/partners/partnered negotiate/negotiates/negotiated sign/signs/signed "
               "lobby/lobbies/lobbied collaborate/collaborates/collaborated "
               "convene/convenes/convened"),
        ("bilateral", "strategic", "informal", "cross-sector", "long-standing", "municipal",
         "regional"),
        ("local government", "memorandum of understanding", "joint project",
         "national authority", "referral pathway", "working relationship"),
    ),
    Topic(
        "engagement", "Member engagement", "Community",
        ("member", "newcomer", "lurker", "champion", "thread", "reply", "post", "poll",
         "meetup", "gathering", "attendance", "participation", "invitation", "reminder",
         "follower", "subscriber", "badge", "reward"),
        _verbs("join/joins/joined engage/engages/engaged post/posts/posted reply/replies/replied "
               "attend/attends/attended drop/drops/dropped invite/invites/invited"),
        ("active", "passive", "loyal", "silent", "enthusiastic", "occasional", "vocal"),
        ("active members", "online community", "welcome message", "member survey",
         "annual meetup", "community manager"),
    ),
    Topic(
        "knowledge", "Knowledge sharing", "Community",
        ("case", "lesson", "insight", "study", "brief", "report", "template", "checklist",
         "bulletin", "digest", "evidence", "finding", "manual", "glossary", "repository",
         "summary", "podcast", "factsheet"),
        _verbs("share/shares/shared document/documents/documented publish/publishes/published "
               "translate/translates/translated summarise/summarises/summarised "
               "adapt/adapts/adapted circulate/circulates/circulated"),
        ("practical", "tacit", "evidence-based", "peer-reviewed", "local", "translated",
         "accessible"),
        ("case study", "lessons learned", "good practice", "evidence base", "policy brief",
         "knowledge product", "peer exchange"),
    ),
    Topic(
        "evaluation", "Monitoring and evaluation", "Results",
        ("indicator", "baseline", "target", "survey", "outcome", "output", "metric",
         "logframe", "milestone", "sample", "questionnaire", "benchmark", "score", "rating",
         "feedback", "dataset", "evaluator", "attribution"),
        _verbs("measure/measures/measured evaluate/evaluates/evaluated track/tracks/tracked "
               "count/counts/counted report/reports/reported compare/compares/compared"),
        ("measurable", "qualitative", "quantitative", "independent", "longitudinal",
         "anecdotal", "robust"),
        ("theory of change", "results framework", "impact evaluation", "user feedback",
         "outcome harvesting", "most significant change"),
    ),
    Topic(
        "policy", "Policy and advocacy", "Relationships",
        ("law", "reform", "regulation", "strategy", "parliament", "petition", "campaign",
         "standard", "guideline", "amendment", "decree", "inspection", "procedure",
         "protocol", "licence", "registry", "hearing"),
        _verbs("advocate/advocates/advocated reform/reforms/reformed draft/drafts/drafted "
               "amend/amends/amended adopt/adopts/adopted implement/implements/implemented"),
        ("national", "binding", "draft", "progressive", "restrictive", "ambitious",
         "piecemeal"),
        ("policy dialogue", "national strategy", "legal framework", "minimum standards",
         "public consultation", "advocacy campaign"),
    ),
    Topic(
        "wellbeing", "Practitioner wellbeing", "Practice",
        ("stress", "fatigue", "supervision", "debrief", "support", "resilience", "trauma",
         "boundary", "holiday", "isolation", "helpline", "counsellor", "retreat", "peer",
         "anxiety", "morale", "recovery"),
        _verbs("cope/copes/coped rest/rests/rested listen/listens/listened "
               "recover/recovers/recovered struggle/struggles/struggled "
               "vent/vents/vented protect/protects/protected"),
        ("emotional", "vicarious", "isolated", "supportive", "overwhelmed", "resilient",
         "stressful"),
        ("reflective supervision", "peer support group", "self care", "secondary trauma",
         "staff care", "safe space"),
    ),
    Topic(
        "language", "Language and reach", "Community",
        ("translation", "interpreter", "dialect", "subtitle", "glossary", "accent",
         "minority", "village", "district", "province", "outreach", "radio", "leaflet",
         "poster", "bus", "road", "distance"),
        _verbs("translate/translates/translated reach/reaches/reached travel/travels/travelled "
               "interpret/interprets/interpreted broadcast/broadcasts/broadcast "
               "visit/visits/visited"),
        ("rural", "remote", "multilingual", "bilingual", "isolated", "mountainous",
         "underserved"),
        ("rural areas", "minority language", "local radio", "outreach visit",
         "language barrier", "mother tongue"),
    ),
)

GENERIC_NOUNS: tuple[str, ...] = (
    "year", "month", "week", "colleague", "team", "office", "meeting", "question", "problem",
    "idea", "plan", "moment", "way", "thing", "part", "people", "family", "child", "school",
    "clinic", "region", "country", "project", "phase", "network", "group", "service",
)
HEDGES: tuple[str, ...] = (
    "I think", "to be honest", "you know", "um", "well", "I mean", "honestly",
    "in a way", "let me think", "how to say", "basically", "frankly", "so", "uh",
    "from my side", "if I remember correctly", "in practice",
)
CONNECTORS: tuple[str, ...] = (
    "and", "but", "so", "because", "although", "while", "and then", "which means",
)
TIME_PHRASES: tuple[str, ...] = (
    "last spring", "two years ago", "every month", "at the beginning", "since the pandemic",
    "in the first phase", "after the elections", "before the summer", "this autumn",
    "every Tuesday", "in the early days", "during the lockdown", "next year",
)
PREPOSITIONS: tuple[str, ...] = ("with", "for", "in", "through", "around", "without", "from")
QUANTITIES: tuple[str, ...] = (
    "a few", "many", "most", "some", "hardly any", "several", "dozens of", "half of the",
)
FIRST_NAMES: tuple[str, ...] = (
    "Aldo", "Brisa", "Cenk", "Dalia", "Emeric", "Fenna", "Goran", "Hilde", "Ilkay", "Jolan",
    "Kasimir", "Lumi", "Mirela", "Noor", "Oskari", "Perrine", "Quilla", "Rasmus", "Sevda",
    "Teodor", "Ulla", "Vesna", "Wendel", "Xenia", "Yusra", "Zoltan",
)
LAST_NAMES: tuple[str, ...] = (
    "Albescu", "Brandt", "Castellanos", "Dimova", "Eriksen", "Feher", "Grünwald", "Halloran",
    "Ivić", "Jaakkola", "Kowalczyk", "Lindgren", "Marek", "Nakamura", "Oduya", "Pavlenko",
    "Quist", "Rahimi", "Sandoval", "Tamm", "Urbanek", "Vidal", "Wojcik-Lund", "Yilmaz",
)
INTERVIEWER_LABELS: tuple[str, ...] = ("Interviewer", "Researcher", "Moderator")
# Syllables for invented places and organisations: new words at every size, as in a real
# corpus whose vocabulary keeps growing with it.
SYLLABLES: tuple[str, ...] = (
    "va", "lor", "mi", "tes", "ka", "run", "bel", "do", "sar", "ni", "ost", "ra", "vel",
    "gha", "tor", "pe", "lin", "zu", "mar", "ko", "den", "sa", "quo", "fi", "bra", "nel",
)
PLACE_SUFFIXES: tuple[str, ...] = ("", "", "ia", "ovo", "burg", "stan", "ena", "ville")
ORG_KINDS: tuple[str, ...] = (
    "Association", "Network", "Collective", "Foundation", "Society", "Forum", "Centre",
    "Alliance",
)
