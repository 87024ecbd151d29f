"""A generated study of fictional interviews: the interviewer has a personal name and no
transcript calls anyone "Interviewer". Respondents sometimes ask a question back and the
interviewer does not always speak first, so no single cue decides."""

from __future__ import annotations

import random
from pathlib import Path

INTERVIEWER = "Marta Kovač"
FIRST = ["Irina", "Tomasz", "Lerato", "Kofi", "Ilse", "Rafael", "Aiko", "Nadia", "Jonas",
         "Priya", "Mateo", "Hanna", "Elif", "Grace", "Chen", "Adaeze", "Sofia", "Bogdan",
         "Amara", "Dana", "Lucía", "Emeka", "Sven", "Farah"]
LAST = ["Ceban", "Wójcik", "Mokoena", "Mensah", "Vandenberg", "Costa", "Tanaka", "Haddad",
        "Berg", "Nair", "Silva", "Nowak", "Yıldız", "Otieno", "Wei", "Okafor", "Marin",
        "Lungu", "Osei", "Whitfield", "Torres", "Eze", "Lund", "Aziz"]
QUESTIONS = ["How did your organisation join the network?", "Who funds the work now?",
             "What does a typical week look like?", "What would you change first?",
             "How do families reach you?", "What did the last training change?",
             "Who decides what the network works on?", "What worries you about next year?"]
ANSWER_WORDS = [
    "referrals", "schools", "volunteers", "funding", "training", "helpline", "district",
    "families", "shelter", "mentoring", "coordinator", "meetings", "policy", "region", "budget",
    "council", "outreach", "staff", "partners", "report",
]


def write_study(folder: Path, count: int = 22, seed: int = 7) -> list[str]:
    """``count`` interview files in ``folder``; returns the respondents' names."""
    rng = random.Random(seed)
    respondents = []
    for number in range(count):
        respondent = f"{FIRST[number % len(FIRST)]} {LAST[(number * 7) % len(LAST)]}"
        respondents.append(respondent)
        lines = ["FICTIONAL TRANSCRIPT - generated for tests; no real people.", ""]
        if number % 4 == 3:  # the respondent speaks first now and then
            lines.append(f"{respondent}: Hello, can you hear me? Good, let's begin.")
        for question in rng.sample(QUESTIONS, 6):
            lines.append(f"{INTERVIEWER}: {question}")
            answer = " ".join(rng.choice(ANSWER_WORDS) for _ in range(rng.randint(40, 90)))
            if rng.random() < 0.3:
                answer += " Does that answer your question?"
            lines.append(f"{respondent}: {answer.capitalize()}.")
        suffix = ".md" if number % 3 == 0 else ".txt"
        (folder / f"interview-{number:02d}{suffix}").write_text("\n".join(lines) + "\n",
                                                                encoding="utf-8")
    return respondents
