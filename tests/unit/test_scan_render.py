"""render/scan.py: the borgingsscan form and its result table."""

from __future__ import annotations

from macros.site.render import scan

from .conftest import write_yaml


def test_each_statement_has_three_answers_and_a_link_to_read_more(mini):
    out = scan.scan(mini, "borgingsscan.md")
    assert out.split("\n\n")[:4] == [
        '<form class="toolkit-scan" data-scan="borgingsscan" markdown>',
        "## 1. Een voorbeeldelement {#01-voorbeeld}",
        '<div class="toolkit-scan__element" data-element="01-voorbeeld" data-title="Een voorbeeldelement" markdown>',
        '<fieldset class="toolkit-scan__statement" data-key="8cabeedb6f" markdown="1">\n'
        "<legend>We nemen het initiatief.</legend>\n"
        '<div class="toolkit-scan__answers">'
        '<label class="toolkit-scan__answer"><input type="radio" name="s-8cabeedb6f" value="0"> Nee</label>'
        '<label class="toolkit-scan__answer"><input type="radio" name="s-8cabeedb6f" value="1"> Deels</label>'
        '<label class="toolkit-scan__answer"><input type="radio" name="s-8cabeedb6f" value="2"> Ja</label></div>\n'
        '<p class="toolkit-scan__more" markdown="span">[Lees: Eerste paragraaf]'
        "(routekaart/01-voorbeeld.md#eerste-paragraaf)</p>\n</fieldset>",
    ]


def test_the_result_has_a_row_per_element_not_yet_filled_in(mini):
    out = scan.scan(mini, "borgingsscan.md")
    result = out.split("</form>\n\n", 1)[1]
    assert result.startswith("## Uitslag {#uitslag}\n\n")
    assert ('<table class="toolkit-scan__chart"><caption>Score per element: nee telt 0, deels 1 en ja 2 punten</caption>'
            '<thead><tr><th scope="col">Element</th><th scope="col">Score</th></tr></thead><tbody>'
            '<tr data-element="01-voorbeeld"><th scope="row">Een voorbeeldelement</th><td>'
            '<span class="toolkit-scan__score">nog niet ingevuld</span>'
            '<span class="toolkit-scan__bar" aria-hidden="true"><span></span></span></td></tr></tbody></table>') in result
    assert ('<div class="toolkit-scan__advice" aria-live="polite"><p>Beantwoord de stellingen hierboven; hier '
            "verschijnt dan welke paragrafen je het eerst kunt lezen.</p></div>") in result


def test_quotes_and_ampersands_in_a_statement_stay_text(make_index):
    def odd(content):
        write_yaml(content / "borgingsscan.yml", [{"chapter": "01-voorbeeld", "statements": [
            {"text": 'We "nemen" & geven.', "section": "subparagraaf"}]}])

    out = scan.scan(make_index(odd), "borgingsscan.md")
    assert "<legend>We &quot;nemen&quot; &amp; geven.</legend>" in out
    assert "[Lees: Een subparagraaf](routekaart/01-voorbeeld.md#subparagraaf)" in out
