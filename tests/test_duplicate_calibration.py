"""Calibration of duplicate/paragraph: pairs of paragraphs, each put in a small story.

Clean pairs are what professional wire copy does on purpose: parallel paragraphs with
different facts, shared openings, repeated attributions. Dirty pairs are what scraping
and machine translation leave: one paragraph restated with small wording differences.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint.config import config_from_mapping
from copylint.engine import Linter

CLEAN = [
    ("According to the Ministry of the Interior, more than 3,000 people were arrested and 18 were wounded.",
     "According to the Ministry of the Interior, there are 70 checkpoints across the country."),
    ("Prime Minister Pedro Sanchez said the government would approve the measure at Tuesday's cabinet meeting.",
     "Deputy Prime Minister Yolanda Diaz said the government would approve the housing measure at next Tuesday's cabinet meeting."),
    ("The earthquake, of magnitude 6.1, struck at 3:42 a.m. local time at a depth of 10 kilometres, the U.S. Geological Survey said.",
     "An aftershock of magnitude 5.2 struck at 5:10 a.m. local time at a depth of 12 kilometres, the U.S. Geological Survey said."),
    ("The opposition has called for new protests on Saturday in the capital and in several provincial cities.",
     "The opposition has called for a general strike on Monday in the capital and in several provincial cities."),
    ("Turnout stood at 61.2% at 6 p.m., up from 58.4% at the same time in the previous election, the electoral commission said.",
     "Turnout stood at 47.9% in the capital at 6 p.m., down from 52.3% at the same time in the previous election, the commission said."),
    ("Fire crews brought the blaze under control on Sunday evening after it destroyed more than 2,000 hectares of forest.",
     "Fire crews were still battling a second blaze on Sunday evening that had destroyed more than 500 hectares of scrubland."),
    ("The Bank of England kept interest rates at 5.25% on Thursday, as expected by economists polled by Reuters.",
     "The European Central Bank kept interest rates at 4% on Thursday, as expected by economists polled by Reuters."),
    ("Shares in Volkswagen fell 3.1% in Frankfurt after the carmaker cut its profit forecast for the year.",
     "Shares in BMW fell 2.4% in Frankfurt after the carmaker cut its sales forecast for the year."),
]

DIRTY = [
    ("The president of Peru, Dina Boluarte, announced on Monday the dismissal of three ministers after the protests in the south of the country.",
     "Peruvian President Dina Boluarte announced on Monday the dismissal of three ministers following the protests in the south of the country."),
    ("At least 15 people died and dozens were injured in the floods that hit the state of Rio Grande do Sul, the civil defense reported.",
     "At least 15 people have died and dozens have been injured by the floods that hit the state of Rio Grande do Sul, reported the Civil Defense."),
    ("The Italian government approved a decree to limit the arrival of migrants by sea, the Prime Minister Giorgia Meloni announced.",
     "The Italian Government approved a decree to limit the arrival of migrants by sea, announced the Prime Minister, Giorgia Meloni."),
    ("Rescue teams recovered the bodies of seven miners trapped since Thursday in a coal mine in Coahuila, authorities said. EFE / Luis Torres",
     "Rescue teams have recovered the bodies of seven miners trapped since Thursday in a coal mine in Coahuila, according to the authorities."),
    ("The German Chancellor, Olaf Scholz, defended on Wednesday the delivery of tanks to Ukraine before the Bundestag.",
     "German Chancellor Olaf Scholz defended on Wednesday before the Bundestag the delivery of tanks to Ukraine."),
    ("Más de 200 personas were evacuated from the neighbourhood of La Boca because of the fire, firefighters said.",
     "More than 200 people were evacuated from the La Boca neighbourhood because of the fire, the firefighters said."),
]

LINTER = Linter(config_from_mapping({"select": ["duplicate/paragraph"]}, "<test>", Path.cwd()))


def _story(first: str, second: str) -> str:
    return (
        "Headline of the story\n\n"
        f"{first}\n\n"
        "A paragraph in between says something else entirely about the events of the day.\n\n"
        f"{second}\n"
    )


@pytest.mark.parametrize("first,second", CLEAN)
def test_parallel_paragraphs_are_not_duplicates(first, second):
    assert LINTER.lint_text(_story(first, second)) == []


@pytest.mark.parametrize("first,second", DIRTY)
def test_restated_paragraph_is_reported_once_on_the_later_copy(first, second):
    findings = LINTER.lint_text(_story(first, second))
    assert [(f.line, f.column) for f in findings] == [(7, 1)]
