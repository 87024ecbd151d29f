"""Who is the interviewer when nobody is called "Interviewer": evidence across the project.

Evidence, strongest first: a role word in the label ("Interviewer 2", "P3"), a name the
project configured, the transcript header naming the interviewer, the speaker present in most
of the project's documents (the study's interviewer), and within one document who asks the
questions and speaks first. Every guess keeps its evidence, in words, for the Speakers list.
Roles a person set are never changed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from qualcode.core.model import Role
from qualcode.ingest.roles import is_generic, role_word
from qualcode.ingest.rules import SpeakerRules, label_key

USER, LABEL, RULE, INFERRED, DEFAULT = "user", "label", "rule", "inferred", "default"
UNSURE = "unsure: "  # evidence that is a guess worth checking starts with this


@dataclass
class SpeakerStats:
    name: str
    turns: int = 0
    words: int = 0
    questions: int = 0  # turns holding a question mark
    first: bool = False  # the first speaker of the document
    role: Role = Role.RESPONDENT  # as stored now
    source: str = DEFAULT


@dataclass
class DocumentSpeakers:
    name: str
    speakers: list[SpeakerStats] = field(default_factory=list)
    header: str = ""  # text before the first speaker (title, "Interviewer: ...")


@dataclass(frozen=True)
class RoleGuess:
    role: Role
    source: str
    evidence: str


def infer_roles(docs: Sequence[DocumentSpeakers], rules: SpeakerRules
                ) -> dict[tuple[str, str], RoleGuess]:
    """(document, speaker) -> role, source and evidence, for every speaker of ``docs``."""
    presence = _presence(docs)
    guesses: dict[tuple[str, str], RoleGuess] = {}
    for doc in docs:
        for speaker, guess in _document_roles(doc, rules, presence, len(docs)).items():
            guesses[(doc.name, speaker)] = guess
    return guesses


def _presence(docs: Sequence[DocumentSpeakers]) -> Counter[str]:
    return Counter(key for doc in docs for key in {label_key(s.name) for s in doc.speakers})


def _document_roles(doc: DocumentSpeakers, rules: SpeakerRules, presence: Counter[str],
                    total: int) -> dict[str, RoleGuess]:
    found: dict[str, RoleGuess] = {}
    header = header_roles(doc.header)
    for s in doc.speakers:
        guess = _known(s, rules, header) or _recurring(s, doc, presence, total)
        if guess is not None:
            found[s.name] = guess
    open_ = [s for s in doc.speakers if s.name not in found]
    interviewers = [n for n, g in found.items() if g.role is Role.INTERVIEWER]
    if interviewers:
        who = ", ".join(interviewers)
        for s in open_:
            found[s.name] = RoleGuess(Role.RESPONDENT, INFERRED, f"the interviewer here is {who}")
        return found
    asker = _asker(open_) or _brief(open_) or _other_party(open_, found)
    for s in open_:
        if asker is not None and s is asker[0]:
            found[s.name] = RoleGuess(Role.INTERVIEWER, INFERRED, asker[1])
        elif asker is not None:
            found[s.name] = RoleGuess(Role.RESPONDENT, INFERRED,
                                      f"the interviewer here is {asker[0].name}")
        else:
            found[s.name] = RoleGuess(Role.RESPONDENT, DEFAULT, "no sign of an interviewer")
    return found


def _known(s: SpeakerStats, rules: SpeakerRules, header: dict[str, Role]) -> RoleGuess | None:
    if s.source == USER:
        return RoleGuess(s.role, USER, "set by hand")
    word = role_word(s.name)
    if rules.is_interviewer(s.name) and word is not Role.INTERVIEWER:
        return RoleGuess(Role.INTERVIEWER, RULE, "a configured interviewer name")
    if word is not None:
        return RoleGuess(word, LABEL, f"the label {s.name!r} names the role")
    role = header.get(label_key(s.name))
    if role is not None:
        return RoleGuess(role, INFERRED, f"named as {role} in the transcript header")
    return None


def _recurring(s: SpeakerStats, doc: DocumentSpeakers, presence: Counter[str],
               total: int) -> RoleGuess | None:
    """The study's interviewer: in most documents, beside people who appear once or twice."""
    if total < 3 or is_generic(s.name):
        return None
    seen = presence[label_key(s.name)]
    if seen < max(3, 0.5 * total):
        return None
    others = [presence[label_key(o.name)] for o in doc.speakers if o is not s]
    if others and min(others) >= seen:
        return None  # everyone here recurs as much: no one stands out
    return RoleGuess(Role.INTERVIEWER, INFERRED, f"in {seen} of {total} documents")


def _asker(speakers: list[SpeakerStats]) -> tuple[SpeakerStats, str] | None:
    """The speaker who asks clearly more of the questions (and says less), if any."""
    if len(speakers) < 2:
        return None
    total_words = sum(s.words for s in speakers) or 1

    def rate(s: SpeakerStats) -> float:
        return s.questions / s.turns if s.turns else 0.0

    ranked = sorted(speakers, key=lambda s: (rate(s), s.first, -s.words), reverse=True)
    top, runner = ranked[0], ranked[1]
    margin = rate(top) - rate(runner)
    fewer_words = top.words < runner.words
    if rate(top) < 0.25 or margin < 0.15 or not (fewer_words or margin >= 0.4):
        return None
    share = round(100 * top.words / total_words)
    first = "; speaks first" if top.first else ""
    unsure = UNSURE if margin < 0.5 or top.words > runner.words else ""
    return top, (f"{unsure}asks questions in {top.questions} of {top.turns} turns "
                 f"(next: {runner.questions} of {runner.turns}){first}; {share}% of the words")


def _other_party(open_: list[SpeakerStats], found: dict[str, RoleGuess]
                 ) -> tuple[SpeakerStats, str] | None:
    """One unnamed speaker beside labelled respondents ("Dana" with "P3") asks the questions."""
    respondents = [name for name, guess in found.items() if guess.role is Role.RESPONDENT]
    if len(open_) != 1 or not respondents:
        return None
    return open_[0], f"the one speaker beside {', '.join(respondents)} (respondents by label)"


def _brief(speakers: list[SpeakerStats]) -> tuple[SpeakerStats, str] | None:
    """Two speakers taking turns, one saying far less: the interviewer's prompts ("Tell me
    about...") need not end in a question mark."""
    if len(speakers) != 2:
        return None
    short, long_ = sorted(speakers, key=lambda s: s.words)
    total = (short.words + long_.words) or 1
    alternating = min(short.turns, long_.turns) >= 3 and abs(short.turns - long_.turns) <= max(
        2, long_.turns // 3)
    if not alternating or short.words / total > 0.3:
        return None
    return short, (f"{UNSURE}says {short.words / total:.0%} of the words in {short.turns} turns "
                   f"beside {long_.name}'s {long_.turns}")


_ROLE_NAME = r"(?P<name>[^\W\d_][\w.'’\- ]{1,40}?)"
_HEADER_PATTERNS = (
    (re.compile(rf"^\s*(?:interviewer|researcher|moderator|facilitator|interviewed by)"
                rf"\s*[:\-–]?\s*{_ROLE_NAME}\s*$", re.I | re.M), Role.INTERVIEWER),
    (re.compile(rf"^\s*(?:interviewee|respondent|participant)\s*[:\-–]\s*{_ROLE_NAME}\s*$",
                re.I | re.M), Role.RESPONDENT),
    (re.compile(rf"{_ROLE_NAME}\s*\((?:interviewer|researcher|moderator)\)", re.I),
     Role.INTERVIEWER),
    (re.compile(rf"{_ROLE_NAME}\s*\((?:interviewee|respondent|participant)\)", re.I),
     Role.RESPONDENT),
)


def header_roles(header: str) -> dict[str, Role]:
    """Names a transcript header gives a role ("Interviewer: Dana Whitfield")."""
    roles: dict[str, Role] = {}
    for pattern, role in _HEADER_PATTERNS:
        for match in pattern.finditer(header):
            name = match["name"].strip().strip(",;")
            name = name.split(",")[-1].strip()
            roles.setdefault(label_key(name), role)
            initials = "".join(word[0] for word in name.split() if word[:1].isalpha())
            if len(initials) >= 2:  # transcripts often label "Dana Whitfield" as "DW"
                roles.setdefault(initials.casefold(), role)
    return roles
